import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { enqueueMediaProcessing, getQueue } from '~/jobs/queues.server.ts'
import type { ProcessingFailure } from '~/media/failures.ts'
import { announceMedia } from '~/media/media-events.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { reconcile, type ReconcileKind } from '../reconcile/reconcile.ts'

type ProcessingMedia = { id: string; coopId: string }

/**
 * The database, not Redis, says what still has to happen: media still
 * `processing` after a while, settled from their jobs
 * (workers/reconcile/reconcile.ts). The media processor writes the row
 * itself, so a job that is gone (Redis restarted; it keeps nothing on disk)
 * or that completed without the row moving runs again, and one that failed
 * for good while its worker died marks the media failed.
 */
export function mediaReconcileKind(olderThanMs = 60_000): ReconcileKind<ProcessingMedia> {
	return {
		name: 'media',
		queue: getQueue(QUEUES.media),
		owing: () =>
			getDb().media.findMany({
				where: { status: 'processing', updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
				select: { id: true, coopId: true },
				orderBy: { updatedAt: 'asc' },
				take: 500,
			}),
		jobId: (media) => jobIds.mediaProcessing(media.id),
		markFailed: async (media) => {
			const { count } = await getDb().media.updateMany({ where: { id: media.id, status: 'processing' }, data: { status: 'failed', errorCode: 'processing-error' satisfies ProcessingFailure } })
			if (count > 0) await announceMedia(media.coopId, { type: 'media.updated', mediaId: media.id, status: 'failed' })
		},
		enqueue: (media) => enqueueMediaProcessing(media.id),
	}
}

/** Returns how many media needed something done. */
export async function reconcileMediaJobs(olderThanMs = 60_000): Promise<number> {
	return (await reconcile(mediaReconcileKind(olderThanMs))).handled
}
