// Where a tracked link sends its visitor (docs/decisions/183-tracked-links.md):
// our own product or batch page with the click id (the page keeps it in a
// first-party cookie), or a marketplace listing / outside address with UTM
// fields so the shop's own statistics tell our links apart.

export const DESTINATIONS = ['product-page', 'batch-page', 'shopee', 'lazada', 'tiktok-shop', 'facebook', 'zalo', 'url'] as const
export type Destination = (typeof DESTINATIONS)[number]

/** The product field holding each marketplace destination's listing. */
export const LISTING_FIELDS = {
	shopee: 'shopeeUrl',
	lazada: 'lazadaUrl',
	'tiktok-shop': 'tiktokShopUrl',
	facebook: 'facebookUrl',
	zalo: 'zaloUrl',
} as const
export type ListingDestination = keyof typeof LISTING_FIELDS
export type ListingField = (typeof LISTING_FIELDS)[ListingDestination]

export type DestinationProduct = { publicSlug: string | null; publicPage: boolean } & Record<ListingField, string | null>
export type Utm = { utmSource: string | null; utmMedium: string | null; utmCampaign: string | null; utmContent: string | null }
export type LinkTarget = Utm & {
	destination: string
	url: string | null
	product: DestinationProduct | null
	batch: { slug: string } | null
}

export function isDestination(value: string): value is Destination {
	return (DESTINATIONS as readonly string[]).includes(value)
}

function isListing(value: string): value is ListingDestination {
	return Object.hasOwn(LISTING_FIELDS, value)
}

/**
 * The address a visit is sent to, or null when the link no longer leads
 * anywhere (the listing was removed, the page hidden). Our own pages get a
 * path on this origin with `c=<clickId>`; outside addresses get the UTM fields.
 */
export function destinationUrl(link: LinkTarget, clickId: string): string | null {
	const c = `c=${encodeURIComponent(clickId)}`
	if (link.destination === 'product-page') {
		const product = link.product
		return product?.publicSlug && product.publicPage ? `/p/${encodeURIComponent(product.publicSlug)}?${c}` : null
	}
	if (link.destination === 'batch-page') return link.batch ? `/b/${encodeURIComponent(link.batch.slug)}?${c}` : null
	const outside = link.destination === 'url' ? link.url : isListing(link.destination) ? (link.product?.[LISTING_FIELDS[link.destination]] ?? null) : null
	return outside ? withUtm(outside, link) : null
}

const UTM_NAMES = [
	['utm_source', 'utmSource'],
	['utm_medium', 'utmMedium'],
	['utm_campaign', 'utmCampaign'],
	['utm_content', 'utmContent'],
] as const

/**
 * `address` with the link's UTM fields. The address's other parameters are
 * kept byte for byte; a UTM field the link sets replaces the address's own
 * (the link's numbers are what the co-op reads). Values keep their case.
 * Null for anything but an absolute http(s) address.
 */
export function withUtm(address: string, utm: Utm): string | null {
	let url: URL
	try {
		url = new URL(address)
	} catch {
		return null
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
	const ours = UTM_NAMES.filter(([, field]) => utm[field])
	const replaced = new Set<string>(ours.map(([name]) => name))
	const kept = url.search
		.slice(1)
		.split('&')
		.filter((pair) => pair !== '' && !replaced.has(paramName(pair)))
	const added = ours.map(([name, field]) => `${name}=${encodeURIComponent(utm[field]!)}`)
	url.search = [...kept, ...added].join('&')
	return url.toString()
}

function paramName(pair: string): string {
	const name = pair.split('=')[0]!
	try {
		return decodeURIComponent(name.replace(/\+/g, ' '))
	} catch {
		return name
	}
}

/** utm_source for a channel: the platform people know it by. */
export function utmSourceFor(channel: { platform: string; manualKind?: string | null }): string {
	if (channel.platform === 'facebook_page') return 'facebook'
	if (channel.platform === 'zalo_oa') return 'zalo'
	if (channel.platform === 'tiktok') return 'tiktok'
	return channel.manualKind ?? 'manual'
}

/**
 * The destination a post's link points at: the product's public page when it
 * has one, otherwise its listing that suits the channel best (the order the
 * composer always used, decision 158), or null without either.
 */
export function targetDestination(product: DestinationProduct | null, platform: string): Destination | null {
	if (!product) return null
	if (product.publicSlug && product.publicPage) return 'product-page'
	for (const destination of LISTING_PREFERENCE[platform] ?? LISTING_PREFERENCE.manual!) {
		if (product[LISTING_FIELDS[destination]]) return destination
	}
	return null
}

const LISTING_PREFERENCE: Record<string, ListingDestination[]> = {
	facebook_page: ['facebook', 'shopee', 'lazada', 'zalo', 'tiktok-shop'],
	zalo_oa: ['zalo', 'shopee', 'lazada', 'facebook', 'tiktok-shop'],
	tiktok: ['tiktok-shop', 'shopee', 'lazada', 'facebook', 'zalo'],
	manual: ['shopee', 'lazada', 'zalo', 'facebook', 'tiktok-shop'],
}

/** The absolute short address of a link (what captions, posters and QR codes carry). */
export function shortLinkUrl(origin: string, slug: string): string {
	return `${origin.replace(/\/+$/, '')}/l/${slug}`
}
