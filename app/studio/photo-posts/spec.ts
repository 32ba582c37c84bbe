import { z } from 'zod'
import { CORNERS } from '~/studio/spec/edit-spec.ts'

// A photo post: one photo (a single image post) or several (a carousel), each
// cropped to the chosen formats and dressed with the same logo, price badge
// and headline. The studio, the templates and the command line produce this
// document; workers/photo/ renders it with sharp alone
// (docs/photo-post-spec.md, docs/decisions/030-photo-posts-with-sharp.md).

export const PHOTO_POST_SPEC_VERSION = 1

/** Output frames, 1080 px wide as Facebook and Zalo show them. */
export const PHOTO_FORMATS = {
	/** Facebook feed, 4:5: the tallest a feed photo shows uncropped. */
	portrait: { width: 1080, height: 1350 },
	square: { width: 1080, height: 1080 },
	/** Stories and Zalo full-screen, 9:16. */
	story: { width: 1080, height: 1920 },
} as const

export type PhotoFormat = keyof typeof PHOTO_FORMATS
export const photoFormatIds = Object.keys(PHOTO_FORMATS) as [PhotoFormat, ...PhotoFormat[]]

/** Byte ceilings per destination: Facebook rejects photos of 4 MB and more; Zalo articles take images up to 1 MB (unconfirmed, ../shared/reference/platforms.md). */
export const PHOTO_VARIANTS = {
	facebook: { maxBytes: 4 * 1024 * 1024 - 1 },
	zalo: { maxBytes: 1024 * 1024 },
} as const

export type PhotoVariant = keyof typeof PHOTO_VARIANTS
export const photoVariantIds = Object.keys(PHOTO_VARIANTS) as [PhotoVariant, ...PhotoVariant[]]

/** Facebook allows ten photos in one multi-photo post; Zalo's carousel is smaller still. */
export const MAX_CAROUSEL_PHOTOS = 10

const text = (max: number) =>
	z
		.string()
		.transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
		.pipe(z.string().min(1).max(max))

/** Where the crop window sits: sharp's attention strategy (the most salient region) or centred on a point the person tapped, in fractions of the upright photo. */
export const photoCropSchema = z.union([
	z.literal('attention'),
	z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }),
])

export const photoPostPhotoSchema = z.object({
	mediaId: z.string().min(1),
	crop: photoCropSchema.default('attention'),
})

export const photoPostSpecSchema = z
	.object({
		version: z.literal(PHOTO_POST_SPEC_VERSION),
		photos: z.array(photoPostPhotoSchema).min(1).max(MAX_CAROUSEL_PHOTOS),
		formats: z.array(z.enum(photoFormatIds)).min(1),
		variants: z.array(z.enum(photoVariantIds)).min(1).default(['facebook', 'zalo']),
		logo: z
			.object({ show: z.boolean(), corner: z.enum(CORNERS).default('top-right') })
			.default({ show: true, corner: 'top-right' }),
		priceBadge: z
			.object({
				productName: text(60),
				priceVnd: z.number().int().min(0).max(1_000_000_000),
				/** Shown after the price: "120.000 ₫ / hộp 100g". */
				unit: text(20).optional(),
			})
			.nullable()
			.default(null),
		headline: text(120).nullable().default(null),
		/** "1/5" in a corner of each carousel photo; ignored for a single photo. */
		counter: z.boolean().default(false),
	})
	.refine((spec) => new Set(spec.formats).size === spec.formats.length, {
		message: 'Each format may be listed once.',
		path: ['formats'],
	})
	.refine((spec) => new Set(spec.variants).size === spec.variants.length, {
		message: 'Each variant may be listed once.',
		path: ['variants'],
	})

export type PhotoCrop = z.infer<typeof photoCropSchema>
export type PhotoPostSpec = z.infer<typeof photoPostSpecSchema>
export type PhotoPostSpecInput = z.input<typeof photoPostSpecSchema>

/** Validates a photo post spec from any producer; throws a ZodError naming the bad field. */
export function parsePhotoPostSpec(input: unknown): PhotoPostSpec {
	return photoPostSpecSchema.parse(input)
}
