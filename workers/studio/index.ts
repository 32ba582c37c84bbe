import type { QueueEvents, Worker } from 'bullmq'
import { QUEUES } from '~/jobs/definitions.ts'
import { processPhotoPost } from '../photo/processor.ts'
import { startWorker } from '../runtime.ts'
import { processClipAnalysis } from './analysis-processor.ts'
import { startAnalysisTrigger } from './analysis-trigger.ts'
import { startPhotoPostBridge } from './photo-post-results.ts'
import { reconcileStudio } from './reconcile.ts'
import { startRenderBridge } from './render-bridge.ts'

/**
 * The studio's side in the worker process: the stateless photo post worker and
 * the clip analysis worker, the bridges that apply render and photo post queue
 * events to their rows, and a first reconciliation so that nothing lost while
 * no worker ran waits for the schedule.
 */
export async function startStudioSide(): Promise<{ workers: Worker[]; close: () => Promise<void> }> {
	const workers: Worker[] = [startWorker(QUEUES.photoPost, processPhotoPost), startWorker(QUEUES.analysis, processClipAnalysis)]
	const listeners: QueueEvents[] = [await startRenderBridge(), await startPhotoPostBridge(), await startAnalysisTrigger()]
	await reconcileStudio({ olderThanMs: 0 })
	return {
		workers,
		// The workers close with the process's others; this stops the listeners.
		close: async () => {
			await Promise.allSettled(listeners.map((listener) => listener.close()))
		},
	}
}
