import { clickCookieUpdate } from '~/links/attribution-cookie.ts'
import { getEnv } from '~/utils/env.server.ts'
import { secureCookies } from '~/utils/session.server.ts'

/** Where absolute links (Open Graph, QR codes) point: PUBLIC_URL when set, else the address asked. */
export function publicOrigin(request: Request): string {
	return (getEnv().PUBLIC_URL ?? new URL(request.url).origin).replace(/\/+$/, '')
}

/** The Set-Cookie header that keeps a click id arriving as ?c= (first and last, 90 days), or null. */
export function clickCookieFor(request: Request): string | null {
	const clickParam = new URL(request.url).searchParams.get('c')
	return clickCookieUpdate(request.headers.get('cookie'), clickParam, { secure: secureCookies() }).setCookie
}
