import { loadDotEnv } from '~/utils/dotenv.server.ts'
import closeWithGrace from 'close-with-grace'
import { getEnv } from '~/utils/env.server.ts'
import { startHealthServer } from '../health.ts'
import { startRenderWorker } from './worker.ts'

// A render-only machine: `tsx workers/render/main.ts` with the same REDIS_URL,
// QUEUE_PREFIX and MEDIA_ROOT layout as the studio (a shared media store).
// No database: the studio's own worker process applies the results
// (docs/decisions/014-stateless-render-workers.md).

loadDotEnv()
const env = getEnv()
const worker = startRenderWorker()
const health = startHealthServer(env.WORKER_HEALTH_PORT, () => [worker])
console.log(`Co-op Studio render worker running (concurrency ${env.RENDER_CONCURRENCY}, health on :${env.WORKER_HEALTH_PORT})`)

// Closing aborts the renders in progress (their ffmpeg is killed); the jobs
// go back to the queue for the next worker.
closeWithGrace({ delay: 30_000 }, async ({ signal, err }) => {
	if (err) console.error('render worker: shutting down after an error', err)
	else console.log(`render worker: ${signal} received`)
	health.close()
	await worker.close()
})
