import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { captionTimingsOwingWork, enqueueCaptionTimingJob, failCaptionTiming } from '~/studio/edits/caption-timings.server.ts'
import { reconcile, type ReconcileKind } from '../reconcile/reconcile.ts'

/**
 * Caption timings still queued or running, settled from their jobs
 * (docs/decisions/105): the processor writes the row itself, so a job Redis
 * lost, or one that completed unheard, runs again (timing is read-only work,
 * safe to repeat); one that failed for good with its worker gone is marked failed.
 */
export function captionTimingReconcileKind(olderThanMs = 60_000): ReconcileKind<string> {
	return {
		name: 'caption-timing',
		queue: getQueue(QUEUES.captionTiming),
		owing: () => captionTimingsOwingWork({ olderThanMs }),
		jobId: (id) => jobIds.captionTiming(id),
		markFailed: (id) => failCaptionTiming(id, 'unexpected'),
		enqueue: (id) => enqueueCaptionTimingJob(id),
	}
}

export async function reconcileCaptionTimings({ olderThanMs }: { olderThanMs?: number } = {}): Promise<number> {
	return (await reconcile(captionTimingReconcileKind(olderThanMs))).handled
}
