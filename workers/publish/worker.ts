import type { Worker } from 'bullmq'
import { QUEUES } from '~/jobs/definitions.ts'
import { getEnv } from '~/utils/env.server.ts'
import { startWorker } from '../runtime.ts'
import { processPublish } from './processor.ts'

// The publish worker (docs/decisions/156-publishing-engine.md). BullMQ never
// runs a publish job a second time on its own: the job has one attempt, and a
// job whose worker died (its lock expired) is not re-run but failed
// (maxStalledCount 0: BullMQ 6 marks it "job stalled more than allowable
// limit" and the next worker to take it fails it without calling the
// processor). The reconciler then asks the platform what happened before
// anything is sent again.
export function startPublishWorker(): Worker {
	const env = getEnv()
	return startWorker(QUEUES.publish, (job, token) => processPublish(job, token), {
		concurrency: env.PUBLISH_CONCURRENCY,
		lockDuration: env.WORKER_LOCK_DURATION_MS,
		maxStalledCount: 0,
	})
}
