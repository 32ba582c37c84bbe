import type { QueueEvents } from 'bullmq'
import { QUEUES, jobIds, type RenderJobResult } from '~/jobs/definitions.ts'
import { decodeRenderFailure } from '~/studio/spec/render-failure.ts'
import { startQueueBridge, rowIdOfJob } from './queue-bridge.ts'
import { applyRenderCompleted, applyRenderFailed, applyRenderProgress, markRenderStarted, readProgress } from './render-results.ts'

// The render queue's events, applied to the Render rows as they happen, so a
// progress bar moves while ffmpeg runs and a finished video appears at once.

const JOB_PREFIX = jobIds.render('')

/** The Render row id in a render job id (`render-<renderId>`); null for jobs this studio did not name. */
export function renderIdOfJob(jobId: string): string | null {
	return rowIdOfJob(jobId, JOB_PREFIX)
}

export function startRenderBridge(): Promise<QueueEvents> {
	return startQueueBridge<RenderJobResult>(QUEUES.render, JOB_PREFIX, {
		started: markRenderStarted,
		progress: async (renderId, data) => {
			const progress = readProgress(data)
			if (progress !== null) await applyRenderProgress(renderId, progress)
		},
		completed: applyRenderCompleted,
		failed: (renderId, reason) => applyRenderFailed(renderId, decodeRenderFailure(reason)),
	})
}
