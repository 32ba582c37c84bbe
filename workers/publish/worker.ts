import type { Worker } from 'bullmq'
import { QUEUES } from '~/jobs/definitions.ts'
import { getEnv } from '~/utils/env.server.ts'
import { startWorker } from '../runtime.ts'
import { processPublish } from './processor.ts'
import { reconcilePublishing } from './reconcile.ts'

/** BullMQ's reason for a job whose worker died (moveStalledJobsToWait, with maxStalledCount 0). */
const STALLED = 'job stalled more than allowable limit'

// The publish worker (docs/decisions/156-publishing-engine.md). BullMQ never
// runs a publish job a second time on its own: the job has one attempt, and a
// job whose worker died (its lock expired) is not re-run but failed
// (maxStalledCount 0: BullMQ 6 marks it "job stalled more than allowable
// limit" and the next worker to take it fails it without calling the
// processor). The reconciler then asks the platform what happened before
// anything is sent again.
export function startPublishWorker(): Worker {
	const env = getEnv()
	const worker = startWorker(QUEUES.publish, (job, token) => processPublish(job, token), {
		concurrency: env.PUBLISH_CONCURRENCY,
		lockDuration: env.WORKER_LOCK_DURATION_MS,
		maxStalledCount: 0,
	})
	// A run cut off by a dead worker is checked with the platform now, not at the next minute's pass.
	worker.on('failed', (job, error) => {
		if (job && error.message === STALLED) {
			void reconcilePublishing({ targetIds: [job.data.targetId] }).catch((failure: Error) => console.error(`[publish] checking ${job.data.targetId}:`, failure.message))
		}
	})
	return worker
}
