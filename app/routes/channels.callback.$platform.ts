import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { isOAuthPlatform } from '~/publishing/channel-kinds.ts'
import { finishConsent } from '~/publishing/channel-pages.server.ts'
import { ConnectRefused } from '~/publishing/oauth.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

// Where a platform's consent screen sends the person back, with a code and
// the state (or an error). Facebook continues on the Page picker.
export async function loader({ request, params }: LoaderFunctionArgs) {
	const who = await requireCoopPermission(request, 'manage:channel')
	invariantResponse(isOAuthPlatform(params.platform), 'No such platform')
	try {
		const result = await finishConsent(params.platform, request.url, who)
		if (result.kind === 'pickPages') return redirect(`/channels/facebook-pages?pick=${encodeURIComponent(result.pick)}`)
		return redirectWithToast(request, '/channels', { kind: 'success', key: 'channels:connect.connected', values: { count: result.channelIds.length } })
	} catch (error) {
		if (error instanceof ConnectRefused) return redirect(`/channels?error=${error.reason}`)
		throw error
	}
}
