import type { LoaderFunctionArgs } from '@remix-run/node'
import { linkQrCode } from '~/links/links.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'

/** The link's QR code as a SVG download, for members of the co-op that owns it (?inline=1 shows it in the page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:link')
	const qr = await linkQrCode(coopId, params.linkId ?? '', 'svg', request)
	const inline = new URL(request.url).searchParams.has('inline')
	return new Response(qr.body, {
		headers: {
			'content-type': qr.contentType,
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${qr.fileName}"`,
			'cache-control': 'private, max-age=300',
			'x-content-type-options': 'nosniff',
		},
	})
}
