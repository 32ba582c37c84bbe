import { Queue, type JobsOptions } from 'bullmq'
import type { Redis } from 'ioredis'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'
import { QUEUES, jobIds, type JobPayloads, type QueueName } from './definitions.ts'

let connection: Redis | undefined
const queues = new Map<QueueName, Queue>()

function sharedConnection(): Redis {
	connection ??= createRedisConnection()
	return connection
}

// Completed jobs are kept briefly for the dashboard; failed ones longer so
// that an owner can see why. The database keeps the durable record.
const defaultJobOptions: JobsOptions = {
	attempts: 3,
	backoff: { type: 'exponential', delay: 2000 },
	removeOnComplete: { age: 24 * 3600, count: 1000 },
	removeOnFail: { age: 7 * 24 * 3600 },
}

export function getQueue<N extends QueueName>(name: N): Queue<JobPayloads[N]> {
	let queue = queues.get(name)
	if (!queue) {
		queue = new Queue(name, { connection: sharedConnection(), prefix: redisPrefix(), defaultJobOptions })
		queues.set(name, queue)
	}
	return queue as Queue<JobPayloads[N]>
}

export function allQueues(): Queue[] {
	return Object.values(QUEUES).map((name) => getQueue(name) as Queue)
}

export async function enqueueMediaProcessing(mediaId: string) {
	await getQueue(QUEUES.media).add('process', { mediaId }, { jobId: jobIds.mediaProcessing(mediaId) })
}

/**
 * Starts (or restarts) a live session's comment poller: a finished or failed poller of the
 * same session is cleared first, since its id would make the new one a no-op.
 */
export async function enqueueLiveComments(sessionId: string) {
	const queue = getQueue(QUEUES.liveComments)
	const jobId = jobIds.liveComments(sessionId)
	const existing = await queue.getJob(jobId)
	if (existing) {
		const state = await existing.getState()
		if (state !== 'completed' && state !== 'failed') return
		await existing.remove()
	}
	// The poller loops inside its job; an unexpected failure is put back by the reconciler, not retried blindly.
	await queue.add('poll', { sessionId }, { jobId, attempts: 1, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } })
}

export async function closeQueues() {
	await Promise.all([...queues.values()].map((q) => q.close()))
	queues.clear()
	await connection?.quit().catch(() => {})
	connection = undefined
}
