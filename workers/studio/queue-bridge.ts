import { QueueEvents } from 'bullmq'
import type { QueueName } from '~/jobs/definitions.ts'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'

// A stateless queue's events applied to the database rows they concern, as
// they happen. Events sent while no bridge listened are not replayed; the
// reconciler (workers/reconcile/reconcile.ts) settles those rows from the jobs.

export type BridgeHandlers<Result> = {
	started: (rowId: string) => Promise<void>
	progress?: (rowId: string, data: unknown) => Promise<void>
	completed: (rowId: string, result: Result) => Promise<void>
	failed: (rowId: string, failedReason: string) => Promise<void>
}

/** The row id in a producer-chosen job id (`<prefix><rowId>`); null for jobs named otherwise. */
export function rowIdOfJob(jobId: string, prefix: string): string | null {
	return jobId.startsWith(prefix) ? jobId.slice(prefix.length) : null
}

export async function startQueueBridge<Result>(queue: QueueName, jobPrefix: string, handlers: BridgeHandlers<Result>): Promise<QueueEvents> {
	const events = new QueueEvents(queue, { connection: createRedisConnection(), prefix: redisPrefix() })
	const handle = (jobId: string, apply: (rowId: string) => Promise<void>) => {
		const rowId = rowIdOfJob(jobId, jobPrefix)
		if (!rowId) return
		apply(rowId).catch((error: Error) => console.error(`${queue} bridge: ${jobId}:`, error.message))
	}
	const { progress } = handlers
	events.on('active', ({ jobId }) => handle(jobId, handlers.started))
	if (progress) events.on('progress', ({ jobId, data }) => handle(jobId, (rowId) => progress(rowId, data)))
	events.on('completed', ({ jobId, returnvalue }) => {
		const result = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as Result
		handle(jobId, (rowId) => handlers.completed(rowId, result))
	})
	events.on('failed', ({ jobId, failedReason }) => handle(jobId, (rowId) => handlers.failed(rowId, failedReason)))
	events.on('error', (error) => console.error(`${queue} bridge:`, error.message))
	await events.waitUntilReady()
	return events
}
