import type { QueueEvents, Worker } from 'bullmq'
import { QUEUES } from '~/jobs/definitions.ts'
import { startWorker } from '../runtime.ts'
import { processClipAnalysis } from './analysis-processor.ts'
import { startAnalysisTrigger } from './analysis-trigger.ts'
import { processPhotoPost } from './photo-post-processor.ts'
import { reconcileStudio } from './reconcile.ts'
import { startRenderBridge } from './render-bridge.ts'

/**
 * The studio's database side in the worker process: photo post and clip
 * analysis workers, the bridge that applies render queue events to Render
 * rows, and a first reconciliation so that nothing lost while no worker ran
 * waits for the schedule.
 */
export async function startStudioSide(): Promise<{ workers: Worker[]; close: () => Promise<void> }> {
	const workers: Worker[] = [startWorker(QUEUES.photoPost, processPhotoPost), startWorker(QUEUES.analysis, processClipAnalysis)]
	const listeners: QueueEvents[] = [await startRenderBridge(), await startAnalysisTrigger()]
	await reconcileStudio({ olderThanMs: 0 })
	return {
		workers,
		// The workers close with the process's others; this stops the listeners.
		close: async () => {
			await Promise.allSettled(listeners.map((listener) => listener.close()))
		},
	}
}
