import { parseStoredCertifications } from './certifications.ts'
import { dayOfInstant } from '~/utils/coop-time.ts'
import type { ShopLinkField } from './shop-links.ts'

// What pages (and, later, the public traceability page) show of a product:
// plain values, the harvest day already read in the co-op's time zone.
export type ProductView = {
	id: string
	name: string
	code: string
	priceVnd: number
	unit: string
	description: string
	growingArea: string | null
	batch: string | null
	/** "YYYY-MM-DD" in the co-op's time zone. */
	harvestDay: string | null
	producerGroup: string | null
	certifications: string[]
	links: Partial<Record<ShopLinkField, string>>
	orderPhone: string | null
	/** Media ids in order; the first is the cover. */
	photoIds: string[]
	/** Archived instead of deleted because something points at it (docs/decisions/116). */
	archived: boolean
}

/** A ready photo of the co-op's library, as the photo picker lists it. */
export type PickablePhoto = { id: string; displayName: string }

type StoredProduct = {
	id: string
	name: string
	code: string
	priceVnd: number
	unit: string
	description: string
	growingArea: string | null
	batch: string | null
	harvestDate: Date | null
	producerGroup: string | null
	certifications: string
	shopeeUrl: string | null
	lazadaUrl: string | null
	tiktokShopUrl: string | null
	facebookUrl: string | null
	zaloUrl: string | null
	orderPhone: string | null
	photos?: { mediaId: string; position: number }[]
	archivedAt?: Date | null
}

export function toProductView(product: StoredProduct, timeZone: string): ProductView {
	const links: ProductView['links'] = {}
	if (product.shopeeUrl) links.shopeeUrl = product.shopeeUrl
	if (product.lazadaUrl) links.lazadaUrl = product.lazadaUrl
	if (product.tiktokShopUrl) links.tiktokShopUrl = product.tiktokShopUrl
	if (product.facebookUrl) links.facebookUrl = product.facebookUrl
	if (product.zaloUrl) links.zaloUrl = product.zaloUrl
	return {
		id: product.id,
		name: product.name,
		code: product.code,
		priceVnd: product.priceVnd,
		unit: product.unit,
		description: product.description,
		growingArea: product.growingArea,
		batch: product.batch,
		harvestDay: product.harvestDate ? dayOfInstant(product.harvestDate, timeZone) : null,
		producerGroup: product.producerGroup,
		certifications: parseStoredCertifications(product.certifications),
		links,
		orderPhone: product.orderPhone,
		photoIds: [...(product.photos ?? [])].sort((a, b) => a.position - b.position).map((p) => p.mediaId),
		archived: Boolean(product.archivedAt),
	}
}
