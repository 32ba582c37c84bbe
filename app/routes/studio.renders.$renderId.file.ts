import type { LoaderFunctionArgs } from '@remix-run/node'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { requireReadyRenderFile } from '~/studio/edits/renders.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { fileResponse } from '~/utils/file-response.server.ts'

/** The rendered MP4, to play (with byte ranges) or, with ?download=1, to save under the edit's title. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:project')
	const render = await requireReadyRenderFile(coopId, params.renderId!)
	const download = new URL(request.url).searchParams.has('download')
	return fileResponse(request, resolveMediaPath(render.outputKey), {
		contentType: 'video/mp4',
		downloadName: download ? `${render.editTitle} (${render.format}).mp4` : undefined,
	})
}
