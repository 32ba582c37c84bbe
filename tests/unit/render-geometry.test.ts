import { describe, expect, test } from 'vitest'
import { bandPosition, coverCrop, fitInside, focusWithin } from '#workers/render/geometry.ts'

const landscape = { width: 1920, height: 1080 }
const portrait = { width: 1080, height: 1920 }
const square = { width: 1080, height: 1080 }

describe('cover crop', () => {
	test('a source narrower than the target keeps its full width and loses height', () => {
		const tall = { width: 1000, height: 2000 }
		expect(coverCrop(tall, square, { x: 0.5, y: 0.5 })).toEqual({ x: 0, y: 500, width: 1000, height: 1000 })
		expect(coverCrop(tall, square, { x: 0.5, y: 0 })).toEqual({ x: 0, y: 0, width: 1000, height: 1000 })
	})

	test('a focus point near the bottom edge moves the window to the bottom, never past it', () => {
		const tall = { width: 1000, height: 2000 }
		expect(coverCrop(tall, square, { x: 0.5, y: 0.95 })).toEqual({ x: 0, y: 1000, width: 1000, height: 1000 })
		expect(coverCrop(tall, square, { x: 0.5, y: 0.7 })).toEqual({ x: 0, y: 900, width: 1000, height: 1000 })
	})

	test('sizes and offsets are even, as yuv420p needs', () => {
		const odd = { width: 1001, height: 2001 }
		const crop = coverCrop(odd, square, { x: 0.5, y: 0.5 })
		expect(crop).toEqual({ x: 0, y: 500, width: 1000, height: 1000 })
	})
})

test('the whole picture fits inside the frame at the largest even size', () => {
	expect(fitInside(landscape, portrait)).toEqual({ width: 1080, height: 606 })
	expect(fitInside({ width: 1000, height: 2000 }, square)).toEqual({ width: 540, height: 1080 })
	expect(fitInside(square, square)).toEqual(square)
})

describe('focus within the crop', () => {
	test('the focus point keeps its place in the picture, in fractions of the window', () => {
		const focus = { x: 0.9, y: 0.5 }
		const crop = coverCrop(landscape, portrait, focus)
		expect(crop).toEqual({ x: 1314, y: 0, width: 606, height: 1080 })
		const within = focusWithin(landscape, crop, focus)
		expect(within.x).toBeCloseTo((0.9 * 1920 - 1314) / 606, 10)
		expect(within.y).toBe(0.5)
	})

	test('a focus point on an edge that even rounding leaves outside the window stays on the window edge', () => {
		const odd = { width: 1921, height: 1081 }
		expect(focusWithin(odd, coverCrop(odd, portrait, { x: 1, y: 1 }), { x: 1, y: 1 })).toEqual({ x: 1, y: 1 })
		expect(focusWithin(odd, { x: 10, y: 10, width: 600, height: 1000 }, { x: 0, y: 0 })).toEqual({ x: 0, y: 0 })
	})
})

describe('bands', () => {
	const banner = { width: 800, height: 200 }

	test('the middle band is centred in the frame, whatever the captions do', () => {
		expect(bandPosition('middle', banner, portrait)).toEqual({ x: 140, y: 860 })
		expect(bandPosition('middle', banner, portrait, { position: 'bottom', sizePx: 84 })).toEqual({ x: 140, y: 860 })
	})

	test('the bottom band sits above the platform buttons, and above the captions when they are at the bottom', () => {
		// 9:16 keeps the bottom 22 % (422 px) free; two caption rows of 84 px at 1.3 line height are 218 px.
		expect(bandPosition('bottom', banner, portrait)).toEqual({ x: 140, y: 1920 - 422 - 200 })
		expect(bandPosition('bottom', banner, portrait, { position: 'bottom', sizePx: 84 })).toEqual({ x: 140, y: 1920 - 422 - 218 - 200 })
		expect(bandPosition('bottom', banner, portrait, { position: 'top', sizePx: 84 })).toEqual({ x: 140, y: 1920 - 422 - 200 })
	})

	test('the top band sits below the platform tabs', () => {
		expect(bandPosition('top', banner, portrait)).toEqual({ x: 140, y: 230 })
	})
})
