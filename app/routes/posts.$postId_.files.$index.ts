import type { LoaderFunctionArgs } from '@remix-run/node'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { requirePostFile } from '~/publishing/posts.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { fileResponse } from '~/utils/file-response.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'

/** One file of a post's package (its video, or one picture of its photo set), only for members of its co-op; ?download=1 saves it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:post')
	const index = Number(params.index)
	invariantResponse(Number.isInteger(index) && index >= 0, 'File not found')
	const file = await requirePostFile(coopId, params.postId!, index)
	const download = new URL(request.url).searchParams.has('download')
	return fileResponse(request, resolveMediaPath(file.key), {
		contentType: file.type,
		downloadName: download ? file.name : undefined,
	})
}
