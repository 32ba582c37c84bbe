// The product page's first-party click cookie (issue 12; docs/decisions/185):
// the tracked-link redirect sends the visitor on with ?c=<clickId>, and the
// page keeps two ids for 90 days: the FIRST click that brought this browser
// and the LAST one. A new click replaces the last and keeps the first, so an
// order can be credited under either attribution model.

export const CLICK_COOKIE_NAME = 'cs_click'
export const CLICK_COOKIE_MAX_AGE_SECONDS = 90 * 24 * 60 * 60

export type ClickIds = { first: string; last: string }

/** What a click id can look like (a cuid or nanoid): anything else in the URL or cookie is ignored. */
export function isClickIdShaped(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{6,64}$/.test(value)
}

/** The ids kept in a stored cookie value ("first.last"), or null for an absent or tampered value. */
export function parseClickCookieValue(value: string | null | undefined): ClickIds | null {
	if (!value) return null
	const parts = value.split('.')
	if (parts.length !== 2) return null
	const [first, last] = parts
	return isClickIdShaped(first) && isClickIdShaped(last) ? { first, last } : null
}

/** This cookie's value from a whole `Cookie` request header. */
export function readClickCookie(cookieHeader: string | null | undefined): ClickIds | null {
	if (!cookieHeader) return null
	for (const pair of cookieHeader.split(';')) {
		const at = pair.indexOf('=')
		if (at < 0) continue
		if (pair.slice(0, at).trim() === CLICK_COOKIE_NAME) return parseClickCookieValue(pair.slice(at + 1).trim())
	}
	return null
}

/** The ids after a visit with `clickId`: the first stays, the last becomes this one. */
export function mergeClick(kept: ClickIds | null, clickId: string): ClickIds {
	return { first: kept?.first ?? clickId, last: clickId }
}

/** The Set-Cookie header that keeps `ids` for 90 days. `secure` in production (https only). */
export function clickCookieHeader(ids: ClickIds, { secure }: { secure: boolean }): string {
	const attributes = [`${CLICK_COOKIE_NAME}=${ids.first}.${ids.last}`, 'Path=/', `Max-Age=${CLICK_COOKIE_MAX_AGE_SECONDS}`, 'HttpOnly', 'SameSite=Lax']
	if (secure) attributes.push('Secure')
	return attributes.join('; ')
}

/**
 * What a product page does with a request: the ids to use for an order, and
 * the Set-Cookie header to send when `?c=` brought a new click (null when
 * nothing changes).
 */
export function clickCookieUpdate(cookieHeader: string | null | undefined, clickParam: string | null, options: { secure: boolean }) {
	const kept = readClickCookie(cookieHeader)
	if (!isClickIdShaped(clickParam) || kept?.last === clickParam) return { ids: kept, setCookie: null }
	const ids = mergeClick(kept, clickParam)
	return { ids, setCookie: clickCookieHeader(ids, options) }
}
