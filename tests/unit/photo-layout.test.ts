import { describe, expect, test } from 'vitest'
import { PHOTO_FORMATS } from '~/studio/photo-posts/spec.ts'
import { CORNERS } from '~/studio/spec/edit-spec.ts'
import type { Rect } from '#workers/photo/crop-window.ts'
import { overlayMetrics, planLayout, safeInsets, type Layout } from '#workers/photo/layout.ts'

const logo = { width: 130, height: 87 }
const badge = { width: 700, height: 190 }
const headline = { width: 950, height: 160 }
const counter = { width: 90, height: 50 }

function overlaps(a: Rect, b: Rect) {
	return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height
}

function placed(layout: Layout): [string, Rect][] {
	return (['logo', 'badge', 'headline', 'counter'] as const).flatMap((key) => (layout[key] ? [[key, layout[key]!] as [string, Rect]] : []))
}

describe('planLayout', () => {
	for (const [format, frame] of Object.entries(PHOTO_FORMATS)) {
		for (const corner of CORNERS) {
			test(`${format}, logo ${corner}: everything inside the safe area and nothing overlapping`, () => {
				const layout = planLayout(frame, { logo: { ...logo, corner }, badge, headline, counter })
				const safe = safeInsets(frame)
				const rects = placed(layout)
				expect(rects).toHaveLength(4)
				for (const [, rect] of rects) {
					expect(rect.left).toBeGreaterThanOrEqual(0)
					expect(rect.left + rect.width).toBeLessThanOrEqual(frame.width)
					expect(rect.top).toBeGreaterThanOrEqual(safe.top)
					expect(rect.top + rect.height).toBeLessThanOrEqual(frame.height - safe.bottom)
				}
				for (const [i, [nameA, a]] of rects.entries()) {
					for (const [nameB, b] of rects.slice(i + 1)) expect(overlaps(a, b), `${nameA} overlaps ${nameB}`).toBe(false)
				}
			})
		}
	}

	test('puts the logo in its corner, one padding from the edges', () => {
		const frame = PHOTO_FORMATS.portrait
		const { padding } = overlayMetrics(frame)
		expect(planLayout(frame, { logo: { ...logo, corner: 'top-right' } }).logo).toEqual({ left: frame.width - padding - logo.width, top: padding, ...logo })
		expect(planLayout(frame, { logo: { ...logo, corner: 'bottom-left' } }).logo).toEqual({
			left: padding,
			top: frame.height - padding - logo.height,
			...logo,
		})
	})

	test('keeps stories clear of the account name on top and the reply bar below', () => {
		const frame = PHOTO_FORMATS.story
		const safe = safeInsets(frame)
		expect(safe.top).toBeGreaterThan(200)
		expect(safe.bottom).toBeGreaterThan(300)
		expect(safeInsets(PHOTO_FORMATS.portrait)).toEqual({ top: 0, bottom: 0 })
		const layout = planLayout(frame, { logo: { ...logo, corner: 'top-left' }, headline })
		expect(layout.logo!.top).toBe(safe.top + overlayMetrics(frame).padding)
	})

	test('stacks the badge above the headline, and both above a logo in a bottom corner', () => {
		const frame = PHOTO_FORMATS.square
		const withoutLogo = planLayout(frame, { badge, headline })
		expect(withoutLogo.badge!.top + withoutLogo.badge!.height).toBeLessThan(withoutLogo.headline!.top)
		const withLogo = planLayout(frame, { logo: { ...logo, corner: 'bottom-left' }, badge, headline })
		expect(withLogo.headline!.top + withLogo.headline!.height).toBeLessThan(withLogo.logo!.top)
	})

	test('darkens a band behind the headline down to the bottom edge', () => {
		const frame = PHOTO_FORMATS.portrait
		const layout = planLayout(frame, { headline })
		expect(layout.scrim!.top).toBeLessThan(layout.headline!.top)
		expect(layout.scrim!.top + layout.scrim!.height).toBe(frame.height)
		expect(planLayout(frame, { badge }).scrim).toBeUndefined()
	})

	test('puts the carousel counter in the top corner the logo leaves free', () => {
		const frame = PHOTO_FORMATS.square
		const { padding } = overlayMetrics(frame)
		expect(planLayout(frame, { logo: { ...logo, corner: 'top-right' }, counter }).counter!.left).toBe(padding)
		expect(planLayout(frame, { logo: { ...logo, corner: 'top-left' }, counter }).counter!.left).toBe(frame.width - padding - counter.width)
	})
})
