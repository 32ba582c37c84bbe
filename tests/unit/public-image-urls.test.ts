import { describe, expect, test } from 'vitest'
import { OG_IMAGE, parsePublicImageFile, publicImageUrl, publicSrcSet } from '~/products/public-image-urls.ts'

describe('public photo addresses', () => {
	test('variants and the share image', () => {
		expect(publicImageUrl('che-a1-7kq2', 'm1', { kind: 'webp', width: 720 })).toBe('/p/che-a1-7kq2/img/m1/w720.webp')
		expect(publicImageUrl('che-a1-7kq2', 'm1', { kind: 'og' })).toBe('/p/che-a1-7kq2/img/m1/og.jpg')
		expect(publicSrcSet('s', 'm')).toBe('/p/s/img/m/w360.webp 360w, /p/s/img/m/w720.webp 720w, /p/s/img/m/w1080.webp 1080w')
		expect(publicSrcSet('s', 'm')).not.toContain('og.jpg')
		expect(OG_IMAGE).toEqual({ width: 1200, height: 630 })
	})

	test('only the names it makes are read back', () => {
		expect(parsePublicImageFile('og.jpg')).toEqual({ kind: 'og' })
		expect(parsePublicImageFile('w360.webp')).toEqual({ kind: 'webp', width: 360 })
		expect(parsePublicImageFile('w1080.webp')).toEqual({ kind: 'webp', width: 1080 })
		expect(parsePublicImageFile('w500.webp')).toBeNull()
		expect(parsePublicImageFile('w360.jpg')).toBeNull()
		expect(parsePublicImageFile('xw360.webp')).toBeNull()
		expect(parsePublicImageFile('w360.webpx')).toBeNull()
		expect(parsePublicImageFile('../og.jpg')).toBeNull()
		expect(parsePublicImageFile('w99999.webp')).toBeNull()
	})
})
