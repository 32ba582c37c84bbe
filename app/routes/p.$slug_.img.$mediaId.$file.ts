import type { LoaderFunctionArgs } from '@remix-run/node'
import { parsePublicImageFile } from '~/products/public-image-urls.ts'
import { publicImagePath } from '~/products/public-images.server.ts'
import { fileResponse } from '~/utils/file-response.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'

/**
 * A public page's photo at one size: /p/:slug/img/:mediaId/w720.webp or og.jpg.
 * Only photos of a visible product; the file is made once and never changes,
 * so it is cached for a year.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const file = parsePublicImageFile(params.file ?? '')
	invariantResponse(file, 'Not found', 404)
	const path = await publicImagePath(params.slug ?? '', params.mediaId ?? '', file)
	invariantResponse(path, 'Not found', 404)
	const response = await fileResponse(request, path, { contentType: file.kind === 'og' ? 'image/jpeg' : 'image/webp' })
	response.headers.set('cache-control', 'public, max-age=31536000, immutable')
	return response
}
