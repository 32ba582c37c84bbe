import { Router, type Request as ExpressRequest, type Response as ExpressResponse } from 'express'
import { findOverlaySession, overlayCares, overlayPhotoKey, overlayView } from '~/live/overlay.server.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { subscribeCoopEvents } from '~/utils/events.server.ts'

const openStreams = new Set<ExpressResponse>()

function originOf(req: ExpressRequest) {
	return getEnv().PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`
}

/**
 * The OBS overlay's live data, opened by its secret token without sign-in
 * (issue 13): GET /overlay/:token/events streams the overlay's public view
 * each time this session's live events (or a new live order) change it;
 * /state answers the same view once (the page's fallback while the stream is
 * down); /photo is the on-screen product's cover thumbnail. A wrong or rotated
 * token answers 404, and a stream whose token was rotated ends.
 */
export function overlayRouter() {
	const heartbeatMs = getEnv().EVENTS_HEARTBEAT_MS
	const router = Router()

	router.get('/overlay/:token/state', async (req, res, next) => {
		try {
			const session = await findOverlaySession(req.params.token)
			if (!session) return void res.status(404).type('text/plain').send('Not found')
			res.set('cache-control', 'no-store').json(await overlayView(session.id, originOf(req)))
		} catch (error) {
			next(error)
		}
	})

	router.get('/overlay/:token/photo', async (req, res, next) => {
		try {
			const session = await findOverlaySession(req.params.token)
			const key = session ? await overlayPhotoKey(session.id) : null
			if (!key) return void res.status(404).type('text/plain').send('Not found')
			res.set('cache-control', 'no-store').type('image/jpeg').sendFile(resolveMediaPath(key), (error) => error && !res.headersSent && res.status(404).end())
		} catch (error) {
			next(error)
		}
	})

	router.get('/overlay/:token/events', async (req, res, next) => {
		const token = req.params.token
		const session = await findOverlaySession(token).catch(next)
		if (session === undefined) return
		if (!session) return void res.status(404).type('text/plain').send('Not found')
		res.writeHead(200, {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			connection: 'keep-alive',
			'x-accel-buffering': 'no',
		})
		openStreams.add(res)
		const write = (text: string) => !res.writableEnded && res.write(text)
		const origin = originOf(req)
		let sending: Promise<void> = Promise.resolve()
		let queued = false
		// Bursts (a confirm announces the intent and the order) fold into one fresh view.
		const sendView = (type: string) => {
			if (queued) return
			queued = true
			sending = sending.then(async () => {
				queued = false
				const still = await findOverlaySession(token)
				if (!still) return void res.end()
				const view = await overlayView(session.id, origin)
				write(`data: ${JSON.stringify({ type, view })}\n\n`)
			}).catch(() => undefined)
		}
		const subscription = subscribeCoopEvents(session.coopId, (event) => {
			if (overlayCares(event as { type: string; sessionId?: string; source?: string }, session.id)) sendView(event.type)
		})
		const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs)
		res.on('close', () => {
			clearInterval(heartbeat)
			openStreams.delete(res)
			void subscription.then((unsubscribe) => unsubscribe())
		})
		await subscription
		write('retry: 3000\n\n')
		sendView('hello')
	})
	return router
}

export function closeOverlayStreams() {
	for (const res of openStreams) res.end()
	openStreams.clear()
}
