import { loadDotEnv } from '~/utils/dotenv.server.ts'
import type { Worker } from 'bullmq'
import closeWithGrace from 'close-with-grace'
import { QUEUES } from '~/jobs/definitions.ts'
import { closeQueues } from '~/jobs/queues.server.ts'
import { configureSqlite, disconnectDb, getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { startHealthServer } from './health.ts'
import { declareMaintenanceSchedules, processMaintenance } from './maintenance/processor.ts'
import { reconcileMediaJobs } from './maintenance/reconcile.ts'
import { startWorker } from './runtime.ts'

loadDotEnv()

const env = getEnv()
await configureSqlite(getDb())

const workers: Worker[] = [startWorker(QUEUES.maintenance, processMaintenance)]

await declareMaintenanceSchedules()
// Whatever the queue lost while nothing was running comes back now, not in five minutes.
await reconcileMediaJobs(0)

const health = startHealthServer(env.WORKER_HEALTH_PORT, () => workers)
console.log(`Co-op Studio worker running: ${workers.map((w) => w.name).join(', ')} (health on :${env.WORKER_HEALTH_PORT})`)

// Worker.close() waits for active jobs to finish; a job cut off by a hard kill
// is detected as stalled and handed to the next worker.
closeWithGrace({ delay: 60_000 }, async ({ signal, err }) => {
	if (err) console.error('worker: shutting down after an error', err)
	else console.log(`worker: ${signal} received, finishing active jobs`)
	health.close()
	await Promise.allSettled(workers.map((w) => w.close()))
	await Promise.allSettled([closeQueues(), disconnectDb()])
})
