import { createCookieSessionStorage } from '@remix-run/node'
import { getEnv } from './env.server.ts'

// The cookie carries only the id of a Session row; the row is the truth, so
// deleting it signs the person out everywhere. One-time messages travel in a
// cookie of their own so that setting one never overwrites the sign-in.
/** The sign-in cookie; server/same-origin.ts asks whether a request carries it. */
export const SESSION_COOKIE_NAME = 'cs_session'

/**
 * Sign-in cookies are `Secure` only when the public address is https: over
 * plain http the browser would drop a Secure cookie and nobody could sign in.
 * Production refuses to start over http unless told to (server/transport-security.ts).
 */
export function secureCookies() {
	const env = getEnv()
	return env.NODE_ENV === 'production' && (env.PUBLIC_URL ?? '').startsWith('https:')
}

function createStorage() {
	const env = getEnv()
	return createCookieSessionStorage<{ sessionId: string }>({
		cookie: {
			name: SESSION_COOKIE_NAME,
			sameSite: 'lax',
			path: '/',
			httpOnly: true,
			secrets: env.SESSION_SECRET.split(',').map((s) => s.trim()).filter(Boolean),
			secure: secureCookies(),
		},
	})
}

function createToastStorage() {
	return createCookieSessionStorage<Record<string, never>, { toast: Toast }>({
		cookie: {
			name: 'cs_toast',
			sameSite: 'lax',
			path: '/',
			httpOnly: true,
			secrets: getEnv().SESSION_SECRET.split(',').map((s) => s.trim()).filter(Boolean),
		},
	})
}

let storage: ReturnType<typeof createStorage> | undefined
let toastStorage: ReturnType<typeof createToastStorage> | undefined

export function toastSessionStorage() {
	toastStorage ??= createToastStorage()
	return toastStorage
}

export function authSessionStorage() {
	storage ??= createStorage()
	return storage
}

export type Toast = { kind: 'success' | 'error' | 'info'; key: string; values?: Record<string, string | number> }

export function getAuthSession(request: Request) {
	return authSessionStorage().getSession(request.headers.get('cookie'))
}
