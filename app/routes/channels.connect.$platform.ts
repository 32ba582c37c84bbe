import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { isOAuthPlatform } from '~/publishing/channel-kinds.ts'
import { consentAddress } from '~/publishing/channel-pages.server.ts'
import { ConnectRefused } from '~/publishing/oauth.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'

// "Connect" and "Reconnect": off to the platform's consent screen, which
// sends the person back to /channels/callback/<platform>.
export async function loader({ request, params }: LoaderFunctionArgs) {
	const who = await requireCoopPermission(request, 'manage:channel')
	invariantResponse(isOAuthPlatform(params.platform), 'No such platform')
	try {
		return redirect(await consentAddress(params.platform, who, request.url), { headers: { 'cache-control': 'no-store' } })
	} catch (error) {
		if (error instanceof ConnectRefused) return redirect(`/channels?error=${error.reason}`)
		throw error
	}
}
