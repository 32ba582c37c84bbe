import { normalizeVnMobile } from '~/utils/vietnamese.ts'

// How a co-op can be reached. Pure functions, used by the profile form's
// schema in the browser and on the server. Its time zone lives in
// app/utils/coop-time.ts with the rest of co-op time.

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
