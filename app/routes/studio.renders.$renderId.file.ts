import type { LoaderFunctionArgs } from '@remix-run/node'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { fileResponse } from '~/utils/file-response.server.ts'
import { requireRender } from '~/studio/edits/renders.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'

/** The rendered MP4, to play (with byte ranges) or, with ?download=1, to save under the edit's title. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:project')
	const render = await requireRender(coopId, params.renderId!)
	invariantResponse(render.status === 'ready' && render.outputKey, 'Render not ready')
	const download = new URL(request.url).searchParams.has('download')
	const edit = download ? await getDb().edit.findUniqueOrThrow({ where: { id: render.editId }, select: { title: true } }) : null
	return fileResponse(request, resolveMediaPath(render.outputKey), {
		contentType: 'video/mp4',
		downloadName: edit ? `${edit.title} (${render.format}).mp4` : undefined,
	})
}
