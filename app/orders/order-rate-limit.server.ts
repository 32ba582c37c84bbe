import crypto from 'node:crypto'
import type { Redis } from 'ioredis'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'

// Spam orders from the public pages: at most WEB_ORDER_LIMIT orders an hour
// from one address on one product page, counted in Redis under a hash of the
// address (never the address). When Redis cannot answer, the order goes
// through and the miss is logged: losing a real order is worse than letting
// a burst of spam in for a moment (docs/decisions/185).

export const WEB_ORDER_LIMIT = 5
export const WEB_ORDER_WINDOW_SECONDS = 60 * 60

let redis: Redis | undefined

function connection() {
	// No offline queue and a short timeout: a down Redis answers at once with an error.
	if (!redis) {
		redis = createRedisConnection({ maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 500 })
		// Errors are answered per command below; the connection's own are not worth a crash.
		redis.on('error', () => undefined)
	}
	return redis
}

function addressKey(address: string, page: string, now: Date) {
	const hour = Math.floor(now.getTime() / 1000 / WEB_ORDER_WINDOW_SECONDS)
	const hash = crypto.createHash('sha256').update(`${address}\n${page}`).digest('base64url').slice(0, 22)
	return `${redisPrefix()}:web-order-limit:${hash}:${hour}`
}

/** Counts one order attempt; false when this address has used up the hour's orders for this page. */
export async function takeWebOrderAllowance(address: string, page: string, { now = new Date(), client }: { now?: Date; client?: Redis } = {}): Promise<boolean> {
	const key = addressKey(address, page, now)
	try {
		const redisClient = client ?? connection()
		const [[, count]] = (await redisClient.multi().incr(key).expire(key, WEB_ORDER_WINDOW_SECONDS).exec()) as [[Error | null, number]]
		return count <= WEB_ORDER_LIMIT
	} catch (error) {
		console.warn(`web order limit: Redis did not answer, the order is let through (${(error as Error).message})`)
		return true
	}
}

export async function closeWebOrderLimit() {
	await redis?.quit().catch(() => undefined)
	redis = undefined
}
