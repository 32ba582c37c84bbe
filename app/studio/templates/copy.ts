import { priceLabel } from '~/studio/photo-posts/price-label.ts'
import { normalizeVnMobile } from '~/utils/vietnamese.ts'
import type { TemplateChoices, TemplateContext, TemplateCoop, TemplateProduct } from './types.ts'

// The words and links a template puts on screen, from the product and the
// co-op: the call to action, the price, the QR link, the offer's last day.

/** "0912345678" → "0912 345 678", the way numbers are read out and printed. */
export function groupPhone(digits: string): string {
	return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`
}

/**
 * "Đặt hàng: Zalo 0912 345 678" when the co-op takes orders on Zalo (how most
 * Vietnamese buyers order from a co-op), else "Đặt hàng: 0912 345 678" with
 * the product's order phone or the co-op's; null when there is no number.
 */
export function orderCallToAction(coop: TemplateCoop, product: TemplateProduct | null | undefined, { t }: TemplateContext): string | null {
	const zalo = coop.zalo ? normalizeVnMobile(coop.zalo) : null
	if (zalo) return t('studio-templates:video.orderZalo', { phone: groupPhone(zalo) })
	for (const candidate of [product?.orderPhone, coop.phone]) {
		const phone = candidate ? normalizeVnMobile(candidate) : null
		if (phone) return t('studio-templates:video.orderPhone', { phone: groupPhone(phone) })
	}
	return null
}

/** Marketplaces first: a buyer who scans wants a page with a buy button. */
const LINK_PREFERENCE = ['shopeeUrl', 'tiktokShopUrl', 'lazadaUrl', 'facebookUrl', 'zaloUrl'] as const

/** The link for the QR code: the person's choice, else the product's first usable shop link. */
export function qrLink(choices: Pick<TemplateChoices, 'qrUrl' | 'product'>): string | null {
	const candidates = [choices.qrUrl, ...LINK_PREFERENCE.map((key) => choices.product?.links?.[key])]
	return candidates.find((url): url is string => typeof url === 'string' && isWebLink(url)) ?? null
}

function isWebLink(value: string): boolean {
	try {
		const url = new URL(value)
		return (url.protocol === 'http:' || url.protocol === 'https:') && value.length <= 500
	} catch {
		return false
	}
}

/** The price as shoppers read it, with the unit when there is one: "120.000 ₫ / hộp 100g". */
export function productPriceText(product: TemplateProduct, priceVnd = product.priceVnd ?? 0): string {
	return priceLabel(priceVnd, product.unit?.trim() || undefined)
}

/** Whether the product has a price worth showing (0 means "not set yet"). */
export function hasPrice(product: TemplateProduct | null | undefined): product is TemplateProduct & { priceVnd: number } {
	return typeof product?.priceVnd === 'number' && product.priceVnd > 0
}

/** A calendar day "YYYY-MM-DD" as a Date at UTC midnight, or null when it is not a real day. */
export function parseCalendarDay(day: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
	if (!match) return null
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
	return date.toISOString().slice(0, 10) === day ? date : null
}

/** "Đến hết 30/6" / "Until 30 Jun": the day as people write it, read in UTC so no zone shifts it. */
export function deadlineText(day: Date, { t, language }: TemplateContext): string {
	const date = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { day: 'numeric', month: language === 'vi' ? 'numeric' : 'short', timeZone: 'UTC' }).format(day)
	return t('studio-templates:video.until', { date })
}
