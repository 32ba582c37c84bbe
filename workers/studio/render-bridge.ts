import { QueueEvents } from 'bullmq'
import { QUEUES, jobIds, type RenderJobResult } from '~/jobs/definitions.ts'
import { decodeRenderFailure } from '~/studio/spec/render-failure.ts'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'
import { applyRenderCompleted, applyRenderFailed, applyRenderProgress, markRenderStarted, readProgress } from './render-results.ts'

// The render queue's events, applied to the Render rows as they happen, so a
// progress bar moves while ffmpeg runs and a finished video appears at once.
// Events sent while no bridge listened are not replayed; the reconciler
// (reconcile-renders.ts) settles those rows from the jobs themselves.

const JOB_PREFIX = jobIds.render('')

/** The Render row id in a render job id (`render-<renderId>`); null for jobs this studio did not name. */
export function renderIdOfJob(jobId: string): string | null {
	return jobId.startsWith(JOB_PREFIX) ? jobId.slice(JOB_PREFIX.length) : null
}

export async function startRenderBridge(): Promise<QueueEvents> {
	const events = new QueueEvents(QUEUES.render, { connection: createRedisConnection(), prefix: redisPrefix() })
	const handle = (jobId: string, apply: (renderId: string) => Promise<void>) => {
		const renderId = renderIdOfJob(jobId)
		if (!renderId) return
		apply(renderId).catch((error: Error) => console.error(`render bridge: ${jobId}:`, error.message))
	}
	events.on('active', ({ jobId }) => handle(jobId, markRenderStarted))
	events.on('progress', ({ jobId, data }) => {
		const progress = readProgress(data)
		if (progress !== null) handle(jobId, (renderId) => applyRenderProgress(renderId, progress))
	})
	events.on('completed', ({ jobId, returnvalue }) => {
		const result = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as RenderJobResult
		handle(jobId, (renderId) => applyRenderCompleted(renderId, result))
	})
	events.on('failed', ({ jobId, failedReason }) => handle(jobId, (renderId) => applyRenderFailed(renderId, decodeRenderFailure(failedReason))))
	events.on('error', (error) => console.error('render bridge:', error.message))
	await events.waitUntilReady()
	return events
}
