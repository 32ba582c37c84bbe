import { Redis } from 'ioredis'

/** Removes every key of one test run's prefix (SCAN, never KEYS, on a shared Redis). */
export async function deleteRedisKeys(prefix: string) {
	const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
	try {
		let cursor = '0'
		do {
			const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
			cursor = next
			if (keys.length) await redis.del(...keys)
		} while (cursor !== '0')
	} finally {
		redis.disconnect()
	}
}
