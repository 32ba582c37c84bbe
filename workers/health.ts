import http from 'node:http'
import type { Worker } from 'bullmq'
import { createRedisConnection } from '~/utils/redis.server.ts'

/** GET /healthz on the worker process: 200 while every worker runs and Redis answers. */
export function startHealthServer(port: number, workers: () => Worker[]) {
	const redis = createRedisConnection({ maxRetriesPerRequest: 1 })
	const server = http.createServer(async (req, res) => {
		if (req.url !== '/healthz') {
			res.writeHead(404).end()
			return
		}
		const redisState = await redis.ping().then(() => 'ok', (e: Error) => e.message)
		const states = workers().map((w) => ({ queue: w.name, running: w.isRunning() }))
		const healthy = redisState === 'ok' && states.every((s) => s.running)
		res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' })
		res.end(JSON.stringify({ status: healthy ? 'ok' : 'degraded', process: 'worker', redis: redisState, workers: states }))
	})
	server.listen(port, '127.0.0.1')
	server.on('close', () => redis.disconnect())
	return server
}
