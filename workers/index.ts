import { loadDotEnv } from '~/utils/dotenv.server.ts'
import type { Worker } from 'bullmq'
import closeWithGrace from 'close-with-grace'
import { QUEUES } from '~/jobs/definitions.ts'
import { closeQueues } from '~/jobs/queues.server.ts'
import { configureSqlite, disconnectDb, getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { startCaptionTimingWorker } from './captions/worker.ts'
import { startHealthServer } from './health.ts'
import { reconcileLiveComments } from './live/reconcile.ts'
import { startLiveCommentsWorker } from './live/worker.ts'
import { declareMaintenanceSchedules, processMaintenance } from './maintenance/processor.ts'
import { reconcileMediaJobs } from './maintenance/reconcile.ts'
import { watchMaintenanceSchedules } from './maintenance/schedule-watch.ts'
import { startMediaWorker } from './media/worker.ts'
import { planChannelRefreshes } from './publish/refresh.ts'
import { startChannelRefreshWorker } from './publish/refresh-worker.ts'
import { planInsights, startInsightsWorker } from './publish/insights-job.ts'
import { reconcilePublishing } from './publish/reconcile.ts'
import { startPublishWorker } from './publish/worker.ts'
import { startRenderWorker } from './render/worker.ts'
import { startWorker } from './runtime.ts'
import { startStudioSide } from './studio/index.ts'
import { reconcileStudio } from './studio/reconcile.ts'

loadDotEnv()

const env = getEnv()
await configureSqlite(getDb())

const workers: Worker[] = [
	startWorker(QUEUES.maintenance, processMaintenance),
	startMediaWorker(),
	startRenderWorker(),
	startCaptionTimingWorker(),
	startPublishWorker(),
	startChannelRefreshWorker(),
	startInsightsWorker(),
	startLiveCommentsWorker(),
]

await declareMaintenanceSchedules()
// Whatever the queue lost while nothing was running comes back now, not in five minutes.
await reconcileMediaJobs(0)
// Tokens that ended or end soon while nothing ran are refreshed now, not at the next schedule.
await planChannelRefreshes(getDb())
await planInsights()
// Thousands of due posts can be owed after a crash: the publish worker is already taking jobs, so
// this pass runs beside it instead of holding the start (and the health check) back.
void reconcilePublishing().catch((error: Error) => console.error('worker: publishing reconcile at start failed:', error.message))
// Lives on air while nothing ran get their comment readers back now.
void reconcileLiveComments().catch((error: Error) => console.error('worker: live comments reconcile at start failed:', error.message))
const studio = await startStudioSide()
workers.push(...studio.workers)
const stopWatchingSchedules = watchMaintenanceSchedules({
	intervalMs: env.SCHEDULE_CHECK_INTERVAL_MS,
	onLost: async () => {
		await declareMaintenanceSchedules()
		await reconcileMediaJobs(0)
		await planChannelRefreshes(getDb())
		await reconcileStudio({ olderThanMs: 0 })
		await planInsights()
		await reconcilePublishing()
		await reconcileLiveComments()
	},
})

const health = startHealthServer(env.WORKER_HEALTH_PORT, () => workers)
console.log(`Co-op Studio worker running: ${workers.map((w) => w.name).join(', ')} (health on :${env.WORKER_HEALTH_PORT})`)

// Worker.close() waits for active jobs to finish; a job cut off by a hard kill
// is detected as stalled and handed to the next worker.
closeWithGrace({ delay: 60_000 }, async ({ signal, err }) => {
	if (err) console.error('worker: shutting down after an error', err)
	else console.log(`worker: ${signal} received, finishing active jobs`)
	health.close()
	stopWatchingSchedules()
	await Promise.allSettled(workers.map((w) => w.close()))
	await studio.close()
	await Promise.allSettled([closeQueues(), disconnectDb()])
})
