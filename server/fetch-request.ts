import type { Request as ExpressRequest } from 'express'

/**
 * The auth helpers take a Fetch `Request` (what Remix hands to loaders); the
 * Express-side routes (uploads, events, the dashboard) build one carrying only
 * the URL and the cookie, never the body.
 */
export function toFetchRequest(req: ExpressRequest): Request {
	const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
	const headers = new Headers()
	if (req.headers.cookie) headers.set('cookie', req.headers.cookie)
	if (req.headers['user-agent']) headers.set('user-agent', String(req.headers['user-agent']))
	return new Request(url, { method: 'GET', headers })
}
