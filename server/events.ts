import { Router, type Response as ExpressResponse } from 'express'
import { getEnv } from '~/utils/env.server.ts'
import { subscribeCoopEvents, type CoopEvent } from '~/utils/events.server.ts'
import { guardCoopMember } from './coop-guard.ts'

const openStreams = new Set<ExpressResponse>()

/**
 * GET /events: a server-sent-events stream of the caller's active co-op's
 * events (app/utils/events.server.ts). Only that co-op's channel is relayed.
 * A comment line every EVENTS_HEARTBEAT_MS (25 s) keeps proxies and phones
 * from dropping an idle connection. Each time, the stream first re-checks
 * what opened it: the session, and that it is still a member of that co-op
 * (and that co-op is still its active one). Signing out elsewhere, being
 * removed from the co-op or switching to another one ends the stream; the
 * browser reconnects and gets what it may see now.
 */
export function eventsRouter() {
	const heartbeatMs = getEnv().EVENTS_HEARTBEAT_MS
	const router = Router()
	router.get('/events', async (req, res, next) => {
		const guard = await guardCoopMember(req, 'viewer').catch(next)
		if (!guard) return
		if (!guard.ok) {
			res.status(guard.status).type('text/plain').send(guard.status === 403 ? 'Forbidden' : 'Sign in first')
			return
		}
		const { coopId } = guard.context

		res.writeHead(200, {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			connection: 'keep-alive',
			// nginx and similar proxies would otherwise hold events back in a buffer.
			'x-accel-buffering': 'no',
		})
		openStreams.add(res)
		// Nothing may be written once the stream was ended (shutdown, sign-out).
		const write = (text: string) => !res.writableEnded && res.write(text)
		const send = (event: CoopEvent) => write(`data: ${JSON.stringify(event)}\n\n`)
		const subscription = subscribeCoopEvents(coopId, send)
		const heartbeat = setInterval(() => {
			guardCoopMember(req, 'viewer')
				.then((again) => (again.ok && again.context.coopId === coopId ? write(': ping\n\n') : res.end()))
				.catch(() => res.end())
		}, heartbeatMs)
		res.on('close', () => {
			clearInterval(heartbeat)
			openStreams.delete(res)
			void subscription.then((unsubscribe) => unsubscribe())
		})
		await subscription
		// Written once subscribed, so that whatever happens from now on is sent.
		write('retry: 3000\n\n')
	})
	return router
}

/** Ends every open stream, so that the server can close (browsers reconnect to the next process). */
export function closeEventStreams() {
	for (const res of openStreams) res.end()
	openStreams.clear()
}
