import crypto from 'node:crypto'
import type { RequestHandler, Response } from 'express'
import helmet from 'helmet'

// Content-Security-Policy for the app's pages: scripts only from this origin
// or inline with this response's nonce (Remix's hydration scripts carry it:
// app/entry.server.tsx), nothing framed, no plugins. A script injected
// through some field we failed to escape would not run. Styles allow inline
// `style` attributes, which React uses for sizes and aspect ratios.
// Development (Vite's dev server) runs without it: HMR injects its own scripts.

const nonceSource = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce as string}'`

export function contentSecurityPolicy(): RequestHandler[] {
	const setNonce: RequestHandler = (_req, res, next) => {
		res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
		next()
	}
	const policy = helmet.contentSecurityPolicy({
		useDefaults: false,
		directives: {
			'default-src': ["'self'"],
			'script-src': ["'self'", nonceSource],
			'style-src': ["'self'", "'unsafe-inline'"],
			// blob: for pictures and clips previewed before they are uploaded.
			'img-src': ["'self'", 'data:', 'blob:'],
			'media-src': ["'self'", 'blob:'],
			// Uploads (tus) and live events (SSE) go to this origin only.
			'connect-src': ["'self'"],
			'font-src': ["'self'"],
			'object-src': ["'none'"],
			'base-uri': ["'self'"],
			'form-action': ["'self'"],
			'frame-ancestors': ["'none'"],
		},
	})
	return [setNonce, policy]
}

/** The nonce for getLoadContext; '' where no policy was set. */
export function cspNonceOf(res: Response): string {
	return typeof res.locals.cspNonce === 'string' ? res.locals.cspNonce : ''
}
