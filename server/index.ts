import { loadDotEnv } from '~/utils/dotenv.server.ts'
import closeWithGrace from 'close-with-grace'
import { closeQueues } from '~/jobs/queues.server.ts'
import { flushClicks } from '~/links/clicks.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { configureSqlite, disconnectDb, getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { createApp } from './app.ts'
import { closeEventStreams } from './events.ts'
import { closeOverlayStreams } from './overlay-events.ts'
import { closeHealthConnections } from './health.ts'
import { insecureProductionProblem } from './transport-security.ts'

loadDotEnv()

const env = getEnv()
const insecure = insecureProductionProblem(env)
if (insecure) {
	console.error(insecure)
	process.exit(1)
}
const mode = env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? 'production' : 'development'

await configureSqlite(getDb())
const { app, close } = await createApp({ mode })
const server = app.listen(env.PORT, () => {
	console.log(`Co-op Studio web listening on http://localhost:${env.PORT} (${mode})`)
})

// Long uploads: Node's default 5-minute request timeout would cut a slow phone off.
server.requestTimeout = 0
server.headersTimeout = 60_000

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
	if (err) console.error('web: shutting down after an error', err)
	else console.log(`web: ${signal} received, finishing open requests`)
	closeEventStreams()
	closeOverlayStreams()
	server.closeIdleConnections()
	await new Promise<void>((resolve) => server.close(() => resolve()))
	// Clicks the redirect queued in the last moments (app/links/clicks.server.ts), before the database closes.
	await flushClicks().catch((error: unknown) => console.error('web: could not record the last clicks', error))
	await Promise.allSettled([close(), closeQueues(), closeEventBus(), closeHealthConnections(), disconnectDb()])
})
