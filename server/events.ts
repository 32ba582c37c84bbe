import { Router, type Response as ExpressResponse } from 'express'
import { readSessionRow } from '~/utils/auth.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { subscribeCoopEvents, type CoopEvent } from '~/utils/events.server.ts'
import { guardCoopMember } from './coop-guard.ts'
import { toFetchRequest } from './fetch-request.ts'

const openStreams = new Set<ExpressResponse>()

/**
 * GET /events: a server-sent-events stream of the caller's active co-op's
 * events (app/utils/events.server.ts). Only that co-op's channel is relayed.
 * A comment line every 25 s keeps proxies and phones from dropping an idle
 * connection and re-checks that the session still exists, so signing out
 * elsewhere ends the stream.
 */
export function eventsRouter() {
	const router = Router()
	router.get('/events', async (req, res, next) => {
		const guard = await guardCoopMember(req, 'viewer').catch(next)
		if (!guard) return
		if (!guard.ok) {
			res.status(guard.status).type('text/plain').send(guard.status === 403 ? 'Forbidden' : 'Sign in first')
			return
		}
		const { coopId } = guard.context
		const request = toFetchRequest(req)

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
			readSessionRow(request)
				.then((session) => (session ? write(': ping\n\n') : res.end()))
				.catch(() => res.end())
		}, getEnv().EVENTS_HEARTBEAT_MS)
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
