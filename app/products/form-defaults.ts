import { isKnownCertification } from './certifications.ts'
import type { ProductView } from './view.ts'

/** A price as the form shows it back: "1.250.000", which the form's parser reads again unchanged. */
export function formatPriceInput(priceVnd: number): string {
	return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(priceVnd)
}

/** The edit form's starting values: the stored product in the shape the form submits. */
export function productFormDefaults(product: ProductView) {
	return {
		name: product.name,
		code: product.code,
		priceVnd: formatPriceInput(product.priceVnd),
		unit: product.unit,
		description: product.description,
		growingArea: product.growingArea ?? '',
		batch: product.batch ?? '',
		harvestDate: product.harvestDay ?? '',
		producerGroup: product.producerGroup ?? '',
		certifications: product.certifications.filter(isKnownCertification),
		certificationsOther: product.certifications.filter((tag) => !isKnownCertification(tag)).join(', '),
		shopeeUrl: product.links.shopeeUrl ?? '',
		lazadaUrl: product.links.lazadaUrl ?? '',
		tiktokShopUrl: product.links.tiktokShopUrl ?? '',
		facebookUrl: product.links.facebookUrl ?? '',
		zaloUrl: product.links.zaloUrl ?? '',
		orderPhone: product.orderPhone ?? '',
		photoIds: product.photoIds,
	}
}

export type ProductFormDefaults = ReturnType<typeof productFormDefaults>
