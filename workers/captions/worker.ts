import type { Worker } from 'bullmq'
import { QUEUES } from '~/jobs/definitions.ts'
import { startWorker } from '../runtime.ts'
import { processCaptionTiming } from './processor.ts'

/** One caption timing at a time: each runs ffmpeg over the kept part of every sounding clip. */
export function startCaptionTimingWorker(): Worker {
	return startWorker(QUEUES.captionTiming, processCaptionTiming)
}
