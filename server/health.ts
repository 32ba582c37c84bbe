import { Router } from 'express'
import { getDb } from '~/utils/db.server.ts'
import { createRedisConnection } from '~/utils/redis.server.ts'
import type { Redis } from 'ioredis'

let redis: Redis | undefined

/** GET /healthz: 200 when the database and Redis both answer, 503 naming what does not. */
export function healthRouter() {
	const router = Router()
	router.get('/healthz', async (_req, res) => {
		redis ??= createRedisConnection({ maxRetriesPerRequest: 1, lazyConnect: false })
		const [database, queue] = await Promise.all([
			getDb()
				.$queryRawUnsafe('SELECT 1')
				.then(() => 'ok')
				.catch((e: Error) => e.message),
			redis
				.ping()
				.then(() => 'ok')
				.catch((e: Error) => e.message),
		])
		const healthy = database === 'ok' && queue === 'ok'
		res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', process: 'web', database, redis: queue })
	})
	return router
}

export async function closeHealthConnections() {
	await redis?.quit().catch(() => {})
	redis = undefined
}
