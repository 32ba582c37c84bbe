import type { Worker } from 'bullmq'
import { QUEUES } from '~/jobs/definitions.ts'
import { renderCancelChannel } from '~/jobs/render-cancel.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { createRedisConnection } from '~/utils/redis.server.ts'
import { startWorker } from '../runtime.ts'
import { CANCEL_REASONS, processRender } from './processor.ts'

// Starts the render worker: RENDER_CONCURRENCY renders at once, each an
// ffmpeg child process (the event loop stays free to renew job locks). A
// stopping worker kills its ffmpeg and hands the jobs back; a person's cancel
// arrives over Redis pub/sub, since the job runs on whichever machine took it.

export function startRenderWorker(): Worker {
	const worker = startWorker(QUEUES.render, processRender, { concurrency: getEnv().RENDER_CONCURRENCY })
	worker.on('closing', () => worker.cancelAllJobs(CANCEL_REASONS.workerStopping))

	const subscriber = createRedisConnection()
	void subscriber.subscribe(renderCancelChannel()).catch((error: Error) => console.error('[render] cannot listen for cancels:', error.message))
	subscriber.on('message', (_channel, jobId: string) => worker.cancelJob(jobId, CANCEL_REASONS.byPerson))
	worker.on('closed', () => void subscriber.quit().catch(() => {}))
	return worker
}
