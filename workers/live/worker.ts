import type { Job } from 'bullmq'
import { QUEUES, type LiveCommentsJob } from '~/jobs/definitions.ts'
import { startWorker } from '../runtime.ts'
import { pollLiveSession, type PollerExit } from './poller.ts'

// The live comment pollers: one long-running job per live session, waiting
// on Facebook, not the CPU, so many run at once. Closing the worker ends every
// loop at its next wait; the reconciler puts them back on the next start
// (docs/decisions/172-live-comment-polling.md).

const CONCURRENCY = 50

export function startLiveCommentsWorker() {
	let stopping = false
	const wakers = new Set<() => void>()
	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const wake = () => {
				clearTimeout(timer)
				wakers.delete(wake)
				resolve()
			}
			const timer = setTimeout(wake, ms)
			wakers.add(wake)
		})
	const processor = (job: Job<LiveCommentsJob>): Promise<{ exit: PollerExit }> =>
		pollLiveSession(job.data.sessionId, { sleep, stopping: () => stopping }).then((exit) => ({ exit }))
	const worker = startWorker(QUEUES.liveComments, processor, { concurrency: CONCURRENCY })
	const close = worker.close.bind(worker)
	worker.close = async (force?: boolean) => {
		stopping = true
		for (const wake of [...wakers]) wake()
		await close(force)
	}
	return worker
}
