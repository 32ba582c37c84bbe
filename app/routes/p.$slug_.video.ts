import type { LoaderFunctionArgs } from '@remix-run/node'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { findPublicVideo } from '~/products/public-product.server.ts'
import { fileResponse } from '~/utils/file-response.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'

/** The public page's video (with byte ranges, so phones can seek), only asked for when the person presses play. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const key = await findPublicVideo(params.slug ?? '')
	invariantResponse(key, 'Not found', 404)
	const response = await fileResponse(request, resolveMediaPath(key), { contentType: 'video/mp4' })
	response.headers.set('cache-control', 'public, max-age=3600')
	return response
}
