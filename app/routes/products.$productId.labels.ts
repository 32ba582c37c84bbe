import type { LoaderFunctionArgs } from '@remix-run/node'
import { findLabelPreset, parseLabelCount } from '~/links/label-layout.ts'
import { makeLabelSheet } from '~/products/labels.server.ts'
import { publicOrigin } from '~/products/public-url.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'

/**
 * Printable QR labels as an A4 PDF: /products/:id/labels?size=50x30&count=27[&batch=<id>].
 * Members of the product's co-op only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:product')
	const query = new URL(request.url).searchParams
	const preset = findLabelPreset(query.get('size'))
	const count = parseLabelCount(query.get('count'))
	invariantResponse(preset && count, 'Choose a label size and a count from 1 to 500', 400)
	const sheet = await makeLabelSheet(coopId, {
		productId: params.productId ?? '',
		batchId: query.get('batch') || null,
		preset,
		count,
		origin: publicOrigin(request),
	})
	invariantResponse(sheet, 'Not found', 404)
	return new Response(new Uint8Array(sheet.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${sheet.fileName}"`,
			'cache-control': 'private, no-store',
		},
	})
}
