import { Worker, type Processor, type WorkerOptions } from 'bullmq'
import type { JobPayloads, QueueName } from '~/jobs/definitions.ts'
import { getEnv } from '~/utils/env.server.ts'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'

/**
 * Every worker in this process is made here so that they share the same
 * settings: the studio's Redis prefix, a connection that waits through a Redis
 * restart, and stalled-job detection that hands a killed worker's job to the
 * next one (docs/decisions/003-queue-layout.md).
 */
export function startWorker<N extends QueueName>(
	name: N,
	processor: Processor<JobPayloads[N]>,
	options: Partial<WorkerOptions> = {},
) {
	const worker = new Worker<JobPayloads[N]>(name, processor, {
		connection: createRedisConnection(),
		prefix: redisPrefix(),
		concurrency: 1,
		stalledInterval: getEnv().WORKER_STALLED_INTERVAL_MS,
		maxStalledCount: 2,
		...options,
	})
	worker.on('failed', (job, error) => {
		console.error(`[${name}] job ${job?.id} failed (attempt ${job?.attemptsMade}):`, error.message)
	})
	worker.on('error', (error) => console.error(`[${name}] worker error:`, error.message))
	return worker
}
