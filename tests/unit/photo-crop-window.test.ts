import { describe, expect, test } from 'vitest'
import { PHOTO_FORMATS } from '~/studio/photo-posts/spec.ts'
import { focusCropWindow, largestWindow, scaledSize, workingScale } from '#workers/photo/crop-window.ts'

const landscape = { width: 4000, height: 3000 }
const portrait = { width: 3000, height: 4000 }

describe('largestWindow', () => {
	test('takes the full height of a landscape photo for every format', () => {
		expect(largestWindow(landscape, PHOTO_FORMATS.portrait)).toEqual({ width: 2400, height: 3000 })
		expect(largestWindow(landscape, PHOTO_FORMATS.square)).toEqual({ width: 3000, height: 3000 })
		expect(largestWindow(landscape, PHOTO_FORMATS.story)).toEqual({ width: 1688, height: 3000 })
	})

	test('takes the full width of a portrait photo when the frame is wider than the photo', () => {
		expect(largestWindow(portrait, PHOTO_FORMATS.portrait)).toEqual({ width: 3000, height: 3750 })
		expect(largestWindow(portrait, PHOTO_FORMATS.square)).toEqual({ width: 3000, height: 3000 })
		// 9:16 is narrower than 3:4, so the height is the limit again.
		expect(largestWindow(portrait, PHOTO_FORMATS.story)).toEqual({ width: 2250, height: 4000 })
	})

	test('keeps the frame aspect within a pixel of rounding', () => {
		for (const frame of Object.values(PHOTO_FORMATS)) {
			for (const image of [landscape, portrait, { width: 1001, height: 997 }]) {
				const window = largestWindow(image, frame)
				expect(window.width).toBeLessThanOrEqual(image.width)
				expect(window.height).toBeLessThanOrEqual(image.height)
				expect(Math.abs(window.width - window.height * (frame.width / frame.height))).toBeLessThanOrEqual(1)
			}
		}
	})
})

describe('focusCropWindow', () => {
	test('centres the window on the focus point when there is room', () => {
		// 4:5 window in a landscape photo is 2400 wide: centred on x = 2000 it spans 800..3200.
		expect(focusCropWindow(landscape, PHOTO_FORMATS.portrait, { x: 0.5, y: 0.5 })).toEqual({ left: 800, top: 0, width: 2400, height: 3000 })
		expect(focusCropWindow(landscape, PHOTO_FORMATS.story, { x: 0.6, y: 0.5 })).toEqual({ left: 1556, top: 0, width: 1688, height: 3000 })
	})

	test('clamps at the left and right edges instead of shrinking the window', () => {
		expect(focusCropWindow(landscape, PHOTO_FORMATS.portrait, { x: 0, y: 0.5 })).toMatchObject({ left: 0, width: 2400 })
		expect(focusCropWindow(landscape, PHOTO_FORMATS.portrait, { x: 0.1, y: 0.5 })).toMatchObject({ left: 0, width: 2400 })
		expect(focusCropWindow(landscape, PHOTO_FORMATS.portrait, { x: 1, y: 0.5 })).toMatchObject({ left: 1600, width: 2400 })
		expect(focusCropWindow(landscape, PHOTO_FORMATS.story, { x: 0.95, y: 0.5 })).toMatchObject({ left: 4000 - 1688, width: 1688 })
	})

	test('clamps at the top and bottom edges of a portrait photo', () => {
		// A 3000×3000 square in a 3000×4000 photo can move 1000 px vertically.
		expect(focusCropWindow(portrait, PHOTO_FORMATS.square, { x: 0.5, y: 0 })).toEqual({ left: 0, top: 0, width: 3000, height: 3000 })
		expect(focusCropWindow(portrait, PHOTO_FORMATS.square, { x: 0.5, y: 0.5 })).toEqual({ left: 0, top: 500, width: 3000, height: 3000 })
		expect(focusCropWindow(portrait, PHOTO_FORMATS.square, { x: 0.5, y: 1 })).toEqual({ left: 0, top: 1000, width: 3000, height: 3000 })
		expect(focusCropWindow(portrait, PHOTO_FORMATS.portrait, { x: 0.2, y: 0.9 })).toEqual({ left: 0, top: 250, width: 3000, height: 3750 })
	})

	test('a window that fills the photo in one direction cannot move in that direction', () => {
		for (const x of [0, 0.3, 1]) {
			expect(focusCropWindow(landscape, PHOTO_FORMATS.square, { x, y: 0 }).top).toBe(0)
			expect(focusCropWindow(landscape, PHOTO_FORMATS.square, { x, y: 1 }).top).toBe(0)
		}
	})

	test('always lies inside the photo, whatever the focus', () => {
		const image = { width: 1234, height: 987 }
		for (const frame of Object.values(PHOTO_FORMATS)) {
			for (const x of [0, 0.01, 0.33, 0.5, 0.77, 0.99, 1]) {
				for (const y of [0, 0.25, 0.5, 1]) {
					const w = focusCropWindow(image, frame, { x, y })
					expect(w.left).toBeGreaterThanOrEqual(0)
					expect(w.top).toBeGreaterThanOrEqual(0)
					expect(w.left + w.width).toBeLessThanOrEqual(image.width)
					expect(w.top + w.height).toBeLessThanOrEqual(image.height)
				}
			}
		}
	})
})

describe('workingScale', () => {
	test('shrinks a big photo only as far as the most demanding frame allows', () => {
		const frames = Object.values(PHOTO_FORMATS)
		const scale = workingScale(landscape, frames)
		// The 9:16 window (1688 px wide) must still hold 1080 px.
		expect(scale).toBeCloseTo(1080 / 1688, 6)
		const size = scaledSize(landscape, scale)
		for (const frame of frames) expect(largestWindow(size, frame).width).toBeGreaterThanOrEqual(frame.width)
	})

	test('never enlarges a small photo', () => {
		const small = { width: 800, height: 600 }
		expect(workingScale(small, [PHOTO_FORMATS.portrait])).toBe(1)
		expect(scaledSize(small, 1)).toEqual(small)
	})

	test('a square-only post can shrink further than one that also needs 9:16', () => {
		expect(workingScale(landscape, [PHOTO_FORMATS.square])).toBeLessThan(workingScale(landscape, [PHOTO_FORMATS.square, PHOTO_FORMATS.story]))
	})
})

test('a shrunk photo is rounded up; a photo at or under the frames is not enlarged', () => {
	expect(scaledSize({ width: 4000, height: 3000 }, 0.27)).toEqual({ width: 1080, height: 810 })
	expect(scaledSize({ width: 4001, height: 3001 }, 0.5)).toEqual({ width: 2001, height: 1501 })
	expect(scaledSize({ width: 800, height: 600 }, 1)).toEqual({ width: 800, height: 600 })
})
