import { QUEUES, jobIds, type RenderJob } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { requestRenderCancel } from '~/jobs/render-cancel.server.ts'
import { renderDirKey } from '~/media/storage.server.ts'
import type { OutputFormatId } from '~/studio/spec/formats.ts'
import { getDb } from '~/utils/db.server.ts'
import { usedMediaIds } from '~/studio/render/cache-key.ts'
import type { RenderQuality } from './render-status.ts'

// The render job of a Render row. The payload is rebuilt from the row (its
// spec snapshot) and the co-op's media every time, so the web process and the
// reconciler queue exactly the same work; the job id comes from the row, so
// queueing twice adds nothing.

type RenderRow = { id: string; coopId: string; spec: string; format: string; quality: string }

export function renderOutputKey(render: Pick<RenderRow, 'id' | 'coopId' | 'format' | 'quality'>) {
	return `${renderDirKey(render.coopId, render.id)}/${render.format}-${render.quality}.mp4`
}

export async function renderJobPayload(render: RenderRow): Promise<RenderJob> {
	const spec = JSON.parse(render.spec)
	const ids = usedMediaIds(spec)
	const media = await getDb().media.findMany({ where: { coopId: render.coopId, id: { in: ids } }, select: { id: true, storageKey: true } })
	return {
		spec,
		format: render.format as OutputFormatId,
		quality: render.quality as RenderQuality,
		// A file deleted since the request is simply absent: the engine rejects the spec and names the item.
		inputs: Object.fromEntries(media.map((m) => [m.id, m.storageKey])),
		outputKey: renderOutputKey(render),
	}
}

export async function enqueueRenderJob(render: RenderRow) {
	await getQueue(QUEUES.render).add('render', await renderJobPayload(render), { jobId: jobIds.render(render.id) })
}

/** Removes a job that has not started; asks the worker running it to stop when it has. */
export async function cancelRenderJob(renderId: string) {
	const jobId = jobIds.render(renderId)
	const job = await getQueue(QUEUES.render).getJob(jobId)
	if (!job) return
	const state = await job.getState()
	if (state === 'active') {
		await requestRenderCancel(jobId)
		return
	}
	// A job that just became active cannot be removed (it is locked); the worker is asked then.
	await job.remove().catch(() => requestRenderCancel(jobId))
}
