import { z } from 'zod'
import { normalizeText, normalizeVnMobile, parseVndAmount } from '~/utils/vietnamese.ts'
import {
	MAX_CERTIFICATION_LENGTH,
	MAX_CERTIFICATIONS,
	normalizeCertifications,
	OCOP_RATINGS,
	splitCertificationText,
} from './certifications.ts'
import { normalizeProductCode, PRODUCT_CODE_PATTERN } from './codes.ts'
import { isCalendarDay } from '~/utils/coop-time.ts'
import { checkShopLink, type ShopLinkField } from './shop-links.ts'
import { MAX_UNIT_LENGTH } from './units.ts'

// One schema for the product form, run by Conform in the browser and again by
// the action. Messages are translation keys in the "products" namespace.

/** Below this a price is almost surely "120" meant as 120k; the message says so. */
export const MIN_PRICE_VND = 1_000
export const MAX_PRICE_VND = 1_000_000_000
export const MAX_PHOTOS = 12
const EARLIEST_HARVEST_DAY = '2000-01-01'

const singleLine = (max: number, required?: string) => {
	const base = z.string(required ? { required_error: required } : undefined).transform(normalizeText)
	return required
		? base.pipe(z.string().min(1, required).max(max, 'errors.tooLong'))
		: base.pipe(z.string().max(max, 'errors.tooLong'))
}

/** Keeps line breaks (a description has paragraphs); NFC and trimmed. */
const multiLine = (max: number) =>
	z
		.string()
		.transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().max(max, 'errors.tooLong'))

/** The latest day that can already be harvested anywhere a co-op may be (UTC+14 is the furthest ahead). */
function latestPossibleHarvestDay(now = new Date()) {
	return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10)
}

const shopLink = (field: ShopLinkField) =>
	z
		.string()
		.optional()
		.transform((value, ctx) => {
			if (!value?.trim()) return undefined
			const result = checkShopLink(field, value)
			if (result.ok) return result.url
			ctx.addIssue({ code: 'custom', message: `errors.links.${field}.${result.problem}` })
			return z.NEVER
		})

const isPresent = (value: string | undefined): value is string => Boolean(value)

export const ProductFormSchema = z
	.object({
		name: singleLine(120, 'errors.nameRequired'),
		code: z
			.string({ required_error: 'errors.codeRequired' })
			.transform(normalizeProductCode)
			.pipe(z.string().regex(PRODUCT_CODE_PATTERN, 'errors.codeInvalid')),
		priceVnd: z.string({ required_error: 'errors.priceRequired' }).transform((value, ctx) => {
			const amount = parseVndAmount(value)
			if (amount === null) {
				ctx.addIssue({ code: 'custom', message: 'errors.priceInvalid' })
				return z.NEVER
			}
			if (amount < MIN_PRICE_VND) ctx.addIssue({ code: 'custom', message: 'errors.priceTooLow' })
			else if (amount > MAX_PRICE_VND) ctx.addIssue({ code: 'custom', message: 'errors.priceTooHigh' })
			return amount
		}),
		unit: singleLine(MAX_UNIT_LENGTH, 'errors.unitRequired'),
		description: multiLine(5000).optional(),
		growingArea: singleLine(200).optional(),
		batch: singleLine(80).optional(),
		harvestDate: z
			.string()
			.optional()
			.refine((day) => day === undefined || isCalendarDay(day), 'errors.harvestDateInvalid')
			.refine((day) => day === undefined || day >= EARLIEST_HARVEST_DAY, 'errors.harvestDateInvalid')
			.refine((day) => day === undefined || day <= latestPossibleHarvestDay(), 'errors.harvestDateFuture'),
		producerGroup: singleLine(200).optional(),
		// The OCOP radio group's "none" choice submits an empty value, hence the optional items.
		certifications: z.array(z.string().max(100).optional()).default([]),
		certificationsOther: z.string().max(1000, 'errors.tooLong').optional(),
		shopeeUrl: shopLink('shopeeUrl'),
		lazadaUrl: shopLink('lazadaUrl'),
		tiktokShopUrl: shopLink('tiktokShopUrl'),
		facebookUrl: shopLink('facebookUrl'),
		zaloUrl: shopLink('zaloUrl'),
		orderPhone: z
			.string()
			.optional()
			.transform((value, ctx) => {
				if (!value?.trim()) return undefined
				const phone = normalizeVnMobile(value)
				if (phone) return phone
				ctx.addIssue({ code: 'custom', message: 'errors.orderPhoneInvalid' })
				return z.NEVER
			}),
		photoIds: z.array(z.string().min(1).max(64)).max(MAX_PHOTOS, 'errors.tooManyPhotos').default([]),
	})
	.superRefine((value, ctx) => {
		const custom = splitCertificationText(value.certificationsOther ?? '')
		if (custom.some((tag) => tag.length > MAX_CERTIFICATION_LENGTH)) {
			ctx.addIssue({ code: 'custom', path: ['certificationsOther'], message: 'errors.certificationTooLong' })
		}
		const tags = normalizeCertifications([...value.certifications.filter(isPresent), ...custom])
		if (tags.filter((tag) => OCOP_RATINGS.includes(tag as (typeof OCOP_RATINGS)[number])).length > 1) {
			ctx.addIssue({ code: 'custom', path: ['certifications'], message: 'errors.ocopOnlyOne' })
		}
		if (tags.length > MAX_CERTIFICATIONS) {
			ctx.addIssue({ code: 'custom', path: ['certificationsOther'], message: 'errors.tooManyCertifications' })
		}
	})
	.transform(({ certifications, certificationsOther, photoIds, ...rest }) => ({
		...rest,
		certifications: normalizeCertifications([
			...certifications.filter(isPresent),
			...splitCertificationText(certificationsOther ?? ''),
		]),
		photoIds: [...new Set(photoIds)],
	}))

/** A validated product as the domain stores it; the seed and tests build these directly. */
export type ProductInput = z.output<typeof ProductFormSchema>
