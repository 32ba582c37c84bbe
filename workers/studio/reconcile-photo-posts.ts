import { QUEUES, jobIds, type PhotoPostJobResult } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { enqueuePhotoPost } from '~/studio/edits/studio-jobs.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { decodePhotoPostFailure } from '../photo/errors.ts'
import { reconcile, type ReconcileKind } from '../reconcile/reconcile.ts'
import { ACTIVE_PHOTO_POST_STATUSES, applyPhotoPostCompleted, applyPhotoPostFailed, markPhotoPostStarted } from './photo-post-results.ts'

type PhotoPostRow = { id: string; coopId: string; spec: string; status: string }

/**
 * Photo post sets still owed work (workers/reconcile/reconcile.ts): a
 * finished job's files are recorded, a failed one marks the set failed, and
 * a job that is gone is queued again from the row.
 */
export function photoPostReconcileKind({ olderThanMs = 60_000 }: { olderThanMs?: number } = {}): ReconcileKind<PhotoPostRow, PhotoPostJobResult> {
	return {
		name: 'photo posts',
		queue: getQueue(QUEUES.photoPost),
		owing: () =>
			getDb().photoPostRender.findMany({
				where: { status: { in: ACTIVE_PHOTO_POST_STATUSES }, updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
				select: { id: true, coopId: true, spec: true, status: true },
				orderBy: { createdAt: 'asc' },
				take: 200,
			}),
		jobId: (row) => jobIds.photoPost(row.id),
		applyCompleted: (row, result) => applyPhotoPostCompleted(row.id, result),
		markFailed: (row, reason) => applyPhotoPostFailed(row.id, decodePhotoPostFailure(reason)),
		whileActive: async (row) => {
			if (row.status === 'queued') await markPhotoPostStarted(row.id)
		},
		enqueue: async (row) => {
			await enqueuePhotoPost(row)
			// Touch the row so that the next pass waits for the new job before looking again.
			await getDb().photoPostRender.updateMany({ where: { id: row.id, status: { in: ACTIVE_PHOTO_POST_STATUSES } }, data: { status: 'queued' } })
		},
	}
}

/** Returns how many sets needed something done. */
export async function reconcilePhotoPosts(options: { olderThanMs?: number } = {}): Promise<number> {
	return (await reconcile(photoPostReconcileKind(options))).handled
}
