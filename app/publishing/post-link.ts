// The link a post carries on one channel. For now it is the product's own
// shop page that suits the platform best; the results issue replaces this one
// function with a tracked link per post and channel (decision 158).

export type ProductLinks = {
	shopeeUrl: string | null
	lazadaUrl: string | null
	tiktokShopUrl: string | null
	facebookUrl: string | null
	zaloUrl: string | null
}

const PREFERENCE: Record<string, Array<keyof ProductLinks>> = {
	facebook_page: ['facebookUrl', 'shopeeUrl', 'lazadaUrl', 'zaloUrl', 'tiktokShopUrl'],
	zalo_oa: ['zaloUrl', 'shopeeUrl', 'lazadaUrl', 'facebookUrl', 'tiktokShopUrl'],
	tiktok: ['tiktokShopUrl', 'shopeeUrl', 'lazadaUrl', 'facebookUrl', 'zaloUrl'],
	manual: ['shopeeUrl', 'lazadaUrl', 'zaloUrl', 'facebookUrl', 'tiktokShopUrl'],
}

/** The seam the results issue replaces: the link for one post on one channel, or null without a product link. */
export function linkForTarget(input: { product: ProductLinks | null; channel: { platform: string } }): string | null {
	if (!input.product) return null
	const order = PREFERENCE[input.channel.platform] ?? PREFERENCE.manual
	for (const field of order) {
		const url = input.product[field]
		if (url) return url
	}
	return null
}
