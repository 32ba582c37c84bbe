import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLanguage } from '~/utils/i18n.ts'
import { languageCookie } from '~/utils/language-cookie.server.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'

export async function action({ request }: ActionFunctionArgs) {
	const form = await request.formData()
	const lng = form.get('lng')
	if (!isLanguage(lng)) throw new Response('Unknown language', { status: 400 })
	return redirect(safeRedirectPath(form.get('redirectTo')), {
		headers: { 'set-cookie': await languageCookie.serialize(lng) },
	})
}
