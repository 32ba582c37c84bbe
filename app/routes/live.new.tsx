import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { formFields, SessionFields } from '~/live/session-form.tsx'
import { createSession, facebookPagesOf, NewSessionSchema } from '~/live/sessions.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:live')
	const [{ t }, pages] = await Promise.all([getT(request), facebookPagesOf(coopId)])
	return { pages, pageTitle: t('live:new.title') }
}

export async function action({ request }: ActionFunctionArgs) {
	const { coopId, userId } = await requireCoopPermission(request, 'create:live')
	const form = await request.formData()
	const parsed = NewSessionSchema.safeParse(formFields(form, ['title', 'day', 'time', 'platform', 'channelId', 'liveVideoId']))
	if (!parsed.success) return data({ errors: parsed.error.flatten().fieldErrors }, { status: 400 })
	const session = await createSession(coopId, userId, parsed.data)
	return redirectWithToast(request, `/live/${session.id}`, { kind: 'success', key: 'live:toasts.created' })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Livestream'} · Co-op Studio` }]

export default function NewLivePage() {
	const { pages } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('live')
	return (
		<div className="mx-auto max-w-xl space-y-4">
			<h1 className="text-2xl font-bold">{t('new.title')}</h1>
			<Form method="post" className="card space-y-4">
				<SessionFields values={{ title: '', day: '', time: '20:00', platform: 'other', channelId: null, liveVideoId: null }} pages={pages} errors={actionData?.errors} />
				<button type="submit" className="btn-primary" data-testid="create-live">
					{t('new.create')}
				</button>
			</Form>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
