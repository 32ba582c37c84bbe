import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { startSession } from '~/utils/auth.server.ts'

// Calling route loaders and actions directly, as a given person: the cookie
// is made by the real `startSession`, so the guards run exactly as in the app.

const ORIGIN = 'http://localhost'

/** A `Cookie` header for a fresh session row of `userId`. */
export async function sessionCookie(userId: string, options: { activeCoopId?: string; userAgent?: string } = {}) {
	const headers = options.userAgent ? { 'user-agent': options.userAgent } : undefined
	const setCookie = await startSession(new Request(ORIGIN, { headers }), userId, options.activeCoopId)
	return setCookie.split(';')[0]
}

/** The `Cookie` header a browser would send after `headers` signed it in. */
export function cookieFromSetCookie(headers: Headers) {
	const session = headers.getSetCookie().find((c) => c.startsWith('cs_session='))
	if (!session) throw new Error('no session cookie was set')
	return session.split(';')[0]
}

export function getRequest(path: string, cookie?: string) {
	return new Request(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} })
}

export function postRequest(path: string, fields: Record<string, string>, cookie?: string) {
	const body = new FormData()
	for (const [key, value] of Object.entries(fields)) body.set(key, value)
	return new Request(`${ORIGIN}${path}`, { method: 'POST', body, headers: cookie ? { cookie } : {} })
}

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown

export type RouteAnswer = { status: number; location: string | null; data: unknown; headers: Headers }

/**
 * Runs a loader or action and turns whatever it returns or throws (a
 * Response, or Remix's `data()`) into one shape the test can look at.
 */
export async function callRoute(fn: RouteFunction, request: Request, params: Record<string, string> = {}, context = {}) {
	let outcome: unknown
	try {
		outcome = await fn({ request, params, context })
	} catch (thrown) {
		outcome = thrown
	}
	if (outcome instanceof Response) {
		const text = await outcome.text()
		return { status: outcome.status, location: outcome.headers.get('location'), data: text, headers: outcome.headers }
	}
	if (isDataWithResponseInit(outcome)) {
		return {
			status: outcome.init?.status ?? 200,
			location: null,
			data: outcome.data,
			headers: new Headers(outcome.init?.headers),
		}
	}
	if (outcome instanceof Error) throw outcome
	return { status: 200, location: null, data: outcome, headers: new Headers() }
}

function isDataWithResponseInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
	return typeof value === 'object' && value !== null && 'type' in value && value.type === 'DataWithResponseInit'
}
