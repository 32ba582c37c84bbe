import { describe, expect, it } from 'vitest'
import { isSlugShaped, productSlug, randomSlug, SLUG_ALPHABET, slugFromBytes } from '~/links/slug.ts'

describe('link slugs', () => {
	it('uses 31 characters without look-alikes', () => {
		expect(SLUG_ALPHABET).toHaveLength(31)
		for (const confusable of ['0', 'o', '1', 'l', 'i']) expect(SLUG_ALPHABET).not.toContain(confusable)
	})

	it('makes random slugs of the asked length from the alphabet only', () => {
		for (const length of [1, 4, 6, 8, 20]) {
			const slug = randomSlug(length)
			expect(slug).toHaveLength(length)
			expect([...slug].every((c) => SLUG_ALPHABET.includes(c))).toBe(true)
		}
		expect(randomSlug()).toHaveLength(6)
	})

	it('maps bytes evenly: 0–247 onto the alphabet, 248–255 skipped, never more than asked', () => {
		expect(slugFromBytes(Uint8Array.from([0, 30, 31, 247]), 10)).toBe('2z2z')
		expect(slugFromBytes(Uint8Array.from([248, 255, 1, 250, 2]), 10)).toBe('34')
		expect(slugFromBytes(Uint8Array.from([247, 248]), 10)).toBe('z')
		expect(slugFromBytes(Uint8Array.from([1, 2, 3, 4]), 2)).toBe('34')
		expect(slugFromBytes(Uint8Array.from([1, 2]), 0)).toBe('')
	})

	it('spreads over the whole alphabet', () => {
		const seen = new Set(randomSlug(4000))
		expect(seen.size).toBe(31)
	})

	it('rarely repeats', () => {
		const slugs = new Set(Array.from({ length: 2000 }, () => randomSlug()))
		expect(slugs.size).toBe(2000)
	})

	it('makes readable product slugs from Vietnamese names', () => {
		expect(productSlug('Chè Shan tuyết Suối Giàng A1')).toMatch(/^che-shan-tuyet-suoi-giang-a1-[2-9a-hjkmnp-z]{4}$/)
		expect(productSlug('Đậu đỏ  —  hữu cơ!')).toMatch(/^dau-do-huu-co-[2-9a-hjkmnp-z]{4}$/)
	})

	it('cuts long names at 40 characters without a trailing dash', () => {
		const slug = productSlug('Miến dong Bình Liêu loại đặc biệt sợi nhỏ đóng gói hút chân không 500g')
		const words = slug.slice(0, -5)
		expect(words.length).toBeLessThanOrEqual(40)
		expect(words.endsWith('-')).toBe(false)
		expect(words.startsWith('mien-dong-binh-lieu')).toBe(true)
		expect(productSlug('a'.repeat(39) + ' b')).toMatch(/^a{39}-[2-9a-hjkmnp-z]{4}$/)
	})

	it('falls back to a longer random slug for a name with no letters or digits', () => {
		expect(productSlug('★ — ★')).toMatch(/^[2-9a-hjkmnp-z]{8}$/)
		expect(productSlug('')).toMatch(/^[2-9a-hjkmnp-z]{8}$/)
	})

	it('recognises slug-shaped input only', () => {
		for (const good of ['a', 'k7m2pq', 'che-shan-tuyet-a1-7kq2', 'a'.repeat(62)]) expect(isSlugShaped(good), good).toBe(true)
		for (const bad of ['', '-a', 'a-', 'A1', '../etc', 'a b', 'a'.repeat(63), 'ché', 'a_b', 'a/b'])
			expect(isSlugShaped(bad), bad).toBe(false)
	})
})
