import { QUEUES, jobIds, type RenderJobResult } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { enqueueRenderJob } from '~/studio/edits/render-jobs.server.ts'
import { ACTIVE_RENDER_STATUSES } from '~/studio/edits/render-status.ts'
import { decodeRenderFailure } from '~/studio/spec/render-failure.ts'
import { getDb } from '~/utils/db.server.ts'
import { applyRenderCompleted, applyRenderFailed, applyRenderProgress, markRenderStarted, readProgress } from './render-results.ts'

/**
 * Settles every Render row that still owes work from the state of its job:
 * a finished job is applied (its event may have been sent while no bridge
 * listened), a failed one marks the row failed, and a job that is gone
 * (Redis restarted; it keeps nothing on disk) is queued again from the row.
 * Returns how many rows needed something done.
 */
export async function reconcileRenders({ olderThanMs = 30_000 }: { olderThanMs?: number } = {}): Promise<number> {
	const rows = await getDb().render.findMany({
		where: { status: { in: [...ACTIVE_RENDER_STATUSES] }, updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
		orderBy: { createdAt: 'asc' },
		take: 200,
	})
	const queue = getQueue(QUEUES.render)
	let handled = 0
	for (const row of rows) {
		const job = await queue.getJob(jobIds.render(row.id))
		const state = job ? await job.getState() : 'missing'
		switch (state) {
			case 'completed':
				await applyRenderCompleted(row.id, job!.returnvalue as RenderJobResult)
				break
			case 'failed':
				await applyRenderFailed(row.id, decodeRenderFailure(job!.failedReason))
				break
			case 'active': {
				if (row.status === 'queued') await markRenderStarted(row.id)
				const progress = readProgress(job!.progress)
				if (progress !== null) await applyRenderProgress(row.id, progress)
				continue
			}
			case 'missing':
			case 'unknown':
				await enqueueRenderJob(row)
				// Touch the row so that the next pass waits for the new job before looking again.
				await getDb().render.updateMany({ where: { id: row.id, status: { in: [...ACTIVE_RENDER_STATUSES] } }, data: { status: 'queued', progress: 0 } })
				break
			default:
				// Waiting or delayed for a retry: the queue still has it.
				continue
		}
		handled++
	}
	return handled
}
