import { QUEUES } from '~/jobs/definitions.ts'
import { getEnv } from '~/utils/env.server.ts'
import { startWorker } from '../runtime.ts'
import { processMedia } from './processor.ts'

/**
 * The media queue's worker. When it closes (SIGTERM, deploy) it stops ffmpeg
 * at once instead of waiting minutes for a preview encode: the interrupted
 * job goes back to the queue for the next worker. A worker killed outright is
 * noticed through its expired lock (stalled-job detection) the same way.
 */
export function startMediaWorker() {
	const worker = startWorker(QUEUES.media, processMedia, {
		concurrency: getEnv().MEDIA_CONCURRENCY,
		lockDuration: getEnv().WORKER_LOCK_DURATION_MS,
	})
	worker.on('closing', () => worker.cancelAllJobs('worker closing'))
	return worker
}
