import { Redis, type RedisOptions } from 'ioredis'
import { getEnv } from './env.server.ts'

// BullMQ needs `maxRetriesPerRequest: null` on connections used by workers so
// that a Redis restart makes them wait and reconnect instead of throwing.
export function createRedisConnection(overrides: RedisOptions = {}): Redis {
	return new Redis(getEnv().REDIS_URL, {
		maxRetriesPerRequest: null,
		enableReadyCheck: true,
		retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
		...overrides,
	})
}

/** Prefix for every key and channel this studio uses in Redis. */
export function redisPrefix(): string {
	return getEnv().QUEUE_PREFIX
}
