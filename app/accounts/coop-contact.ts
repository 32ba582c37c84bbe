import { normalizeVnMobile } from '~/utils/vietnamese.ts'

// How a co-op can be reached and in which time zone it works. Pure functions,
// used by the profile form's schema in the browser and on the server.

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh'

/**
 * The zone's canonical name as this runtime's ICU knows it, or null when it is
 * not a zone. ICU keeps some old names ("Asia/Saigon" for "Asia/Ho_Chi_Minh"),
 * so both spellings resolve to the same canonical zone.
 */
function canonicalTimeZone(zone: string): string | null {
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
	} catch {
		return null
	}
}

/** True for a zone of `Intl.supportedValuesOf('timeZone')`, under either its current or its ICU name. */
export function isSupportedTimeZone(zone: string): boolean {
	if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false
	const supported = Intl.supportedValuesOf('timeZone')
	if (supported.includes(zone)) return true
	const canonical = canonicalTimeZone(zone)
	return canonical !== null && supported.includes(canonical)
}

/**
 * The zones to offer in a list: Vietnam's first, then every supported zone,
 * without ICU's old spelling of a zone already offered under its current name.
 */
export function timeZoneChoices(current?: string | null): string[] {
	const first = [DEFAULT_TIME_ZONE, current].filter((z): z is string => Boolean(z) && isSupportedTimeZone(z!))
	const taken = new Set(first.map((z) => canonicalTimeZone(z)))
	const rest = Intl.supportedValuesOf('timeZone').filter((z) => !taken.has(z))
	return [...new Set(first), ...rest]
}

export type ZaloContact = { kind: 'phone' | 'link' | 'oa'; value: string }

const ZALO_LINK = /^(?:https?:\/\/)?(?:www\.)?zalo\.me\/([A-Za-z0-9_\-/]+?)\/?$/i
// Official Account ids are long numbers (Zalo shows 15 to 20 digits).
const ZALO_OA_ID = /^\d{15,20}$/

/**
 * A Zalo contact as people paste it: a mobile number (stored as 0912345678),
 * a zalo.me link (stored as https://zalo.me/…), or an Official Account id.
 * Null when it is none of these.
 */
export function normalizeZaloContact(input: string): ZaloContact | null {
	const text = input.trim()
	const link = ZALO_LINK.exec(text)
	if (link) return { kind: 'link', value: `https://zalo.me/${link[1]}` }
	const phone = normalizeVnMobile(text)
	if (phone) return { kind: 'phone', value: phone }
	if (ZALO_OA_ID.test(text)) return { kind: 'oa', value: text }
	return null
}

/** Where a tap on the co-op's Zalo contact should go. */
export function zaloHref(stored: string): string {
	return stored.startsWith('https://') ? stored : `https://zalo.me/${stored}`
}
