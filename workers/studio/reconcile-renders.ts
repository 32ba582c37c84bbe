import { QUEUES, jobIds, type RenderJobResult } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { enqueueRenderJob } from '~/studio/edits/render-jobs.server.ts'
import { ACTIVE_RENDER_STATUSES } from '~/studio/edits/render-status.ts'
import { decodeRenderFailure } from '~/studio/spec/render-failure.ts'
import { getDb } from '~/utils/db.server.ts'
import { reconcile, type ReconcileKind } from '../reconcile/reconcile.ts'
import { applyRenderCompleted, applyRenderFailed, applyRenderProgress, markRenderStarted, readProgress } from './render-results.ts'

type RenderRow = { id: string; coopId: string; spec: string; format: string; quality: string; status: string }

/**
 * Render rows still owed work (workers/reconcile/reconcile.ts): a finished
 * job is applied (its event may have been sent while no bridge listened), a
 * failed one marks the row failed, a running one catches up on its progress,
 * and a job that is gone (Redis restarted; it keeps nothing on disk) is
 * queued again from the row.
 */
export function renderReconcileKind({ olderThanMs = 30_000 }: { olderThanMs?: number } = {}): ReconcileKind<RenderRow, RenderJobResult> {
	return {
		name: 'renders',
		queue: getQueue(QUEUES.render),
		owing: () =>
			getDb().render.findMany({
				where: { status: { in: [...ACTIVE_RENDER_STATUSES] }, updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
				select: { id: true, coopId: true, spec: true, format: true, quality: true, status: true },
				orderBy: { createdAt: 'asc' },
				take: 200,
			}),
		jobId: (row) => jobIds.render(row.id),
		applyCompleted: (row, result) => applyRenderCompleted(row.id, result),
		markFailed: (row, reason) => applyRenderFailed(row.id, decodeRenderFailure(reason)),
		whileActive: async (row, job) => {
			if (row.status === 'queued') await markRenderStarted(row.id)
			const progress = readProgress(job.progress)
			if (progress !== null) await applyRenderProgress(row.id, progress)
		},
		enqueue: async (row) => {
			await enqueueRenderJob(row)
			// Touch the row so that the next pass waits for the new job before looking again.
			await getDb().render.updateMany({ where: { id: row.id, status: { in: [...ACTIVE_RENDER_STATUSES] } }, data: { status: 'queued', progress: 0 } })
		},
	}
}

/** Returns how many rows needed something done. */
export async function reconcileRenders(options: { olderThanMs?: number } = {}): Promise<number> {
	return (await reconcile(renderReconcileKind(options))).handled
}
