import type { LoaderFunctionArgs } from '@remix-run/node'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { readPhotoPostOutputs, requirePhotoPost } from '~/studio/edits/photo-posts.server.ts'
import { ensurePhotoPreview } from '~/studio/photo-posts/preview.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { fileResponse } from '~/utils/file-response.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'

/**
 * One image of a photo post set, or with `?size=preview` its small WebP copy for the studio page.
 * Only names the set recorded are served, never a path from the URL.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:project')
	const post = await requirePhotoPost(coopId, params.photoPostId!)
	const output = readPhotoPostOutputs(post.outputs).find((candidate) => candidate.key.split('/').pop() === params.name)
	invariantResponse(output, 'File not found')
	if (new URL(request.url).searchParams.get('size') === 'preview') {
		return fileResponse(request, await ensurePhotoPreview(resolveMediaPath(output.key)), { contentType: 'image/webp' })
	}
	return fileResponse(request, resolveMediaPath(output.key), {
		contentType: 'image/jpeg',
		downloadName: `${post.title} ${output.position}-${output.format}-${output.variant}.jpg`,
	})
}
