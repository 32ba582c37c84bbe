import { expect, test } from 'vitest'
import { overlayMetrics, planLayout, safeInsets } from '#workers/photo/layout.ts'

test('every overlay size is a fixed share of the frame width', () => {
	expect(overlayMetrics({ width: 1000, height: 1000 })).toEqual({
		padding: 40,
		logoWidth: 120,
		headlineSizePx: 56,
		productNameSizePx: 36,
		priceSizePx: 60,
		badgePadding: 26,
		badgeRadius: 22,
		badgeMaxWidth: 760,
		counterSizePx: 30,
	})
})

test('a frame from 2:3 up keeps 13 % on top and 18 % at the bottom free for the platform', () => {
	expect(safeInsets({ width: 1000, height: 1500 })).toEqual({ top: 195, bottom: 270 })
	expect(safeInsets({ width: 1000, height: 1499 })).toEqual({ top: 0, bottom: 0 })
})

test('a story: logo bottom right, headline above it with its scrim, badge above the headline, counter top right', () => {
	expect(
		planLayout(
			{ width: 1080, height: 1920 },
			{ logo: { width: 130, height: 60, corner: 'bottom-right' }, headline: { width: 900, height: 200 }, badge: { width: 300, height: 100 }, counter: { width: 80, height: 40 } },
		),
	).toEqual({
		logo: { left: 907, top: 1471, width: 130, height: 60 },
		headline: { left: 43, top: 1228, width: 900, height: 200 },
		scrim: { left: 0, top: 1099, width: 1080, height: 821 },
		badge: { left: 43, top: 1106, width: 300, height: 100 },
		counter: { left: 957, top: 293, width: 80, height: 40 },
	})
})

test('a square: a top logo leaves the bottom to the badge; the counter takes the other top corner; the scrim stops at the top', () => {
	const square = { width: 1080, height: 1080 }
	expect(planLayout(square, { logo: { width: 130, height: 60, corner: 'top-left' }, badge: { width: 300, height: 100 }, counter: { width: 80, height: 40 } })).toEqual({
		logo: { left: 43, top: 43, width: 130, height: 60 },
		badge: { left: 43, top: 937, width: 300, height: 100 },
		counter: { left: 957, top: 43, width: 80, height: 40 },
	})
	expect(planLayout(square, { logo: { width: 130, height: 60, corner: 'top-right' }, counter: { width: 80, height: 40 } })).toEqual({
		logo: { left: 907, top: 43, width: 130, height: 60 },
		counter: { left: 43, top: 43, width: 80, height: 40 },
	})
	expect(planLayout(square, { logo: { width: 130, height: 60, corner: 'bottom-left' }, headline: { width: 900, height: 1000 } })).toEqual({
		logo: { left: 43, top: 977, width: 130, height: 60 },
		headline: { left: 43, top: -66, width: 900, height: 1000 },
		scrim: { left: 0, top: 0, width: 1080, height: 1080 },
	})
	expect(planLayout(square, {})).toEqual({})
})
