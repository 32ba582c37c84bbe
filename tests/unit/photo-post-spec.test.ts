import { expect, test } from 'vitest'
import { priceLabel } from '~/studio/photo-posts/price-label.ts'
import { MAX_CAROUSEL_PHOTOS, PHOTO_POST_SPEC_VERSION, parsePhotoPostSpec, photoPostSpecSchema } from '~/studio/photo-posts/spec.ts'

const minimal = { version: PHOTO_POST_SPEC_VERSION, photos: [{ mediaId: 'm1' }], formats: ['portrait'] }

test('fills sensible defaults: attention crop, both variants, logo top-right, no badge or headline', () => {
	expect(parsePhotoPostSpec(minimal)).toEqual({
		version: 1,
		photos: [{ mediaId: 'm1', crop: 'attention' }],
		formats: ['portrait'],
		variants: ['facebook', 'zalo'],
		logo: { show: true, corner: 'top-right' },
		priceBadge: null,
		headline: null,
		counter: false,
	})
})

test('normalises typed text to NFC and folds white space', () => {
	const decomposed = 'Che\u0300 Shan tuye\u0302\u0301t'
	const spec = parsePhotoPostSpec({ ...minimal, headline: `  ${decomposed}\n mới  `, priceBadge: { productName: decomposed, priceVnd: 120000 } })
	expect(spec.headline).toBe('Chè Shan tuyết mới')
	expect(spec.priceBadge?.productName).toBe('Chè Shan tuyết')
})

test('rejects what cannot be rendered, naming the field', () => {
	const bad = [
		{ ...minimal, version: 2 },
		{ ...minimal, photos: [] },
		{ ...minimal, photos: Array.from({ length: MAX_CAROUSEL_PHOTOS + 1 }, (_, i) => ({ mediaId: `m${i}` })) },
		{ ...minimal, formats: [] },
		{ ...minimal, formats: ['portrait', 'portrait'] },
		{ ...minimal, formats: ['landscape'] },
		{ ...minimal, photos: [{ mediaId: 'm1', crop: { x: 1.2, y: 0.5 } }] },
		{ ...minimal, priceBadge: { productName: 'Chè', priceVnd: -1 } },
		{ ...minimal, priceBadge: { productName: 'Chè', priceVnd: 12.5 } },
		{ ...minimal, priceBadge: { productName: '   ', priceVnd: 1000 } },
		{ ...minimal, headline: 'x'.repeat(121) },
	]
	for (const spec of bad) expect(photoPostSpecSchema.safeParse(spec).success, JSON.stringify(spec).slice(0, 80)).toBe(false)
	const result = photoPostSpecSchema.safeParse({ ...minimal, photos: [{ mediaId: 'm1', crop: { x: 2, y: 0 } }] })
	expect(result.error?.issues[0].path).toEqual(['photos', 0, 'crop', 'x'])
})

test('writes the price for Vietnamese readers, with the unit after a slash', () => {
	expect(priceLabel(120000).replace(/\s/g, ' ')).toBe('120.000 ₫')
	expect(priceLabel(1250000).replace(/\s/g, ' ')).toBe('1.250.000 ₫')
	expect(priceLabel(85000, 'hộp 100g').replace(/\s/g, ' ')).toBe('85.000 ₫ / hộp 100g')
})

test('a format or a variant listed twice is named as such; each once is fine', () => {
	const twice = (extra: object) => photoPostSpecSchema.safeParse({ ...minimal, ...extra }).error?.issues.map((issue) => [issue.path.join('.'), issue.message])
	expect(twice({ formats: ['portrait', 'square', 'portrait'] })).toEqual([['formats', 'Each format may be listed once.']])
	expect(twice({ variants: ['zalo', 'zalo'] })).toEqual([['variants', 'Each variant may be listed once.']])
	expect(parsePhotoPostSpec({ ...minimal, formats: ['portrait', 'square', 'story'], variants: ['zalo'] })).toMatchObject({
		formats: ['portrait', 'square', 'story'],
		variants: ['zalo'],
	})
})
