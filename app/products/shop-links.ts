import { normalizeVnMobile } from '~/utils/vietnamese.ts'

// Where a buyer can order a product. Each marketplace link must point at that
// marketplace (a Shopee link pasted into the Lazada box is a mistake worth
// catching before it is printed on a QR label), over https.
export const SHOP_LINK_FIELDS = ['shopeeUrl', 'lazadaUrl', 'tiktokShopUrl', 'facebookUrl', 'zaloUrl'] as const
export type ShopLinkField = (typeof SHOP_LINK_FIELDS)[number]

/** Hosts accepted for each link, their subdomains included (vt.tiktok.com, s.shopee.vn). */
export const SHOP_LINK_HOSTS: Record<ShopLinkField, string[]> = {
	shopeeUrl: ['shopee.vn', 'shp.ee'],
	lazadaUrl: ['lazada.vn'],
	tiktokShopUrl: ['tiktok.com'],
	facebookUrl: ['facebook.com', 'fb.com', 'fb.me', 'fb.watch', 'm.me'],
	zaloUrl: ['zalo.me'],
}

const MAX_URL_LENGTH = 500

export type ShopLinkProblem = 'notUrl' | 'notHttps' | 'wrongSite'
export type ShopLinkResult = { ok: true; url: string } | { ok: false; problem: ShopLinkProblem }

function hostMatches(hostname: string, allowed: string[]) {
	const host = hostname.toLowerCase().replace(/\.$/, '')
	return allowed.some((domain) => host === domain || host.endsWith(`.${domain}`))
}

/**
 * Checks one shop link as pasted. A link without a scheme ("shopee.vn/...")
 * gets https://; an explicit http:// is refused rather than silently changed,
 * so that the person re-copies the real address. A phone number in the Zalo
 * box becomes its zalo.me link, which is how Zalo shares a contact.
 */
export function checkShopLink(field: ShopLinkField, input: string): ShopLinkResult {
	const text = input.trim()
	if (field === 'zaloUrl') {
		const phone = normalizeVnMobile(text)
		if (phone) return { ok: true, url: `https://zalo.me/${phone}` }
	}
	if (text.length > MAX_URL_LENGTH || /\s/.test(text)) return { ok: false, problem: 'notUrl' }
	const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text)
	let url: URL
	try {
		url = new URL(hasScheme ? text : `https://${text}`)
	} catch {
		return { ok: false, problem: 'notUrl' }
	}
	if (url.protocol === 'http:') return { ok: false, problem: 'notHttps' }
	if (url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.password) {
		return { ok: false, problem: 'notUrl' }
	}
	if (!hostMatches(url.hostname, SHOP_LINK_HOSTS[field])) return { ok: false, problem: 'wrongSite' }
	return { ok: true, url: url.toString() }
}
