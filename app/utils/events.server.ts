import type { Redis } from 'ioredis'
import { isCoopEvent, type CoopEvent } from '~/events/registry.ts'
import { createRedisConnection, redisPrefix } from './redis.server.ts'

// A small event bus per co-op on Redis pub/sub, so that a worker on another
// machine can tell the people looking at a page that something changed. The
// web process relays a co-op's events to its members' browsers (server/events.ts).
// Events are hints to refresh, not a record: a browser that was offline
// reloads its data when it reconnects. Only events of the registry
// (app/events/registry.ts) can be published.

export type { CoopEvent, CoopEventOf } from '~/events/registry.ts'
export type CoopEventListener = (event: CoopEvent) => void

export function coopEventsChannel(coopId: string) {
	return `${redisPrefix()}:coop:${coopId}:events`
}

let publisher: Redis | undefined
let subscriber: Redis | undefined
const listeners = new Map<string, Set<CoopEventListener>>()

export async function publishCoopEvent(coopId: string, event: CoopEvent) {
	publisher ??= createRedisConnection({ maxRetriesPerRequest: 3 })
	await publisher.publish(coopEventsChannel(coopId), JSON.stringify(event))
}

function sharedSubscriber(): Redis {
	if (subscriber) return subscriber
	subscriber = createRedisConnection()
	subscriber.on('message', (channel: string, message: string) => {
		const channelListeners = listeners.get(channel)
		if (!channelListeners) return
		let event: unknown
		try {
			event = JSON.parse(message)
		} catch {
			return
		}
		if (!isCoopEvent(event)) return
		for (const listener of channelListeners) listener(event)
	})
	return subscriber
}

/**
 * Calls `listener` for every event of one co-op until the returned function
 * is called. One Redis connection serves every listener of the process; a
 * channel is subscribed while it has at least one listener.
 */
export async function subscribeCoopEvents(coopId: string, listener: CoopEventListener): Promise<() => Promise<void>> {
	const channel = coopEventsChannel(coopId)
	const redis = sharedSubscriber()
	let channelListeners = listeners.get(channel)
	if (!channelListeners) {
		channelListeners = new Set()
		listeners.set(channel, channelListeners)
	}
	channelListeners.add(listener)
	if (channelListeners.size === 1) await redis.subscribe(channel)
	return async () => {
		const current = listeners.get(channel)
		if (!current?.delete(listener) || current.size > 0) return
		listeners.delete(channel)
		await redis.unsubscribe(channel).catch(() => {})
	}
}

export async function closeEventBus() {
	listeners.clear()
	await Promise.allSettled([publisher?.quit(), subscriber?.quit()])
	publisher = undefined
	subscriber = undefined
}
