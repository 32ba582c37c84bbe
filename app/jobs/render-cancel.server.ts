import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'

// A person's cancel of a render that is running. The job runs on whichever
// machine took it, so the ask travels over Redis pub/sub: the web side
// publishes, every render worker listens (workers/render/worker.ts) and the
// one running the job kills its ffmpeg. A job still waiting is removed from
// the queue instead (app/studio/edits/render-jobs.server.ts).

export function renderCancelChannel(): string {
	return `${redisPrefix()}:render:cancel`
}

/** Asks whichever worker runs `jobId` to stop it. */
export async function requestRenderCancel(jobId: string): Promise<void> {
	const publisher = createRedisConnection({ maxRetriesPerRequest: 1 })
	try {
		await publisher.publish(renderCancelChannel(), jobId)
	} finally {
		await publisher.quit().catch(() => {})
	}
}
