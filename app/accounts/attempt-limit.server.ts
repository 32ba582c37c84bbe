import type { Request, Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import { data } from '@remix-run/node'

// Password guessing is slowed per IP address on every form that checks or
// creates a password (sign-in, sign-up, joining from an invite, changing the
// password, setting one from a reset link). Remix posts a form to `/login`
// without JavaScript and to `/login.data` with it, so both spellings are limited.
export const ATTEMPT_LIMITED_PATHS = /^\/(?:login|signup|account|invite\/[^/.]+|reset\/[^/.]+)(?:\.data)?\/?$/

export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000

declare module '@remix-run/node' {
	interface AppLoadContext {
		/** Set by `attemptLimiter` when this address has used up its attempts; the action answers 429. */
		tooManyAttempts?: boolean
	}
}

/**
 * Counts failed POSTs only (a successful sign-in redirects), so that a group
 * behind one mobile carrier address is not locked out by its own sign-ins.
 * Over the limit the request still reaches Remix, marked, so that the page
 * itself explains the wait in the person's language instead of a bare error.
 */
export function attemptLimiter(limit: number) {
	return rateLimit({
		windowMs: ATTEMPT_WINDOW_MS,
		limit,
		skip: (req) => req.method !== 'POST',
		skipSuccessfulRequests: true,
		standardHeaders: 'draft-8',
		legacyHeaders: false,
		handler: (_req, res, next) => {
			res.locals.tooManyAttempts = true
			next()
		},
	})
}

/** What the Express side tells Remix about this request (`getLoadContext`). */
export function attemptLimitContext(_req: Request, res: Response) {
	return { tooManyAttempts: res.locals.tooManyAttempts === true }
}

/** The action's answer when the limit is reached: the page shows `tooManyAttempts` (auth namespace). */
export function tooManyAttemptsReply() {
	return data({ tooManyAttempts: true as const }, { status: 429, headers: { 'retry-after': String(ATTEMPT_WINDOW_MS / 1000) } })
}
