import type { LoaderFunctionArgs } from '@remix-run/node'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { readPhotoPostOutputs, requirePhotoPost } from '~/studio/edits/photo-posts.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { fileResponse } from '~/utils/file-response.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'

/** One image of a photo post set. Only names the set recorded are served, never a path from the URL. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:project')
	const post = await requirePhotoPost(coopId, params.photoPostId!)
	const output = readPhotoPostOutputs(post.outputs).find((candidate) => candidate.key.split('/').pop() === params.name)
	invariantResponse(output, 'File not found')
	return fileResponse(request, resolveMediaPath(output.key), {
		contentType: 'image/jpeg',
		downloadName: `${post.title} ${output.position}-${output.format}-${output.variant}.jpg`,
	})
}
