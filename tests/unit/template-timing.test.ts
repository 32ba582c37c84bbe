import { describe, expect, test } from 'vitest'
import { CLIP_LEAD_IN_SECONDS, bestHighlight, clipPlayableSeconds, clipWindow } from '~/studio/templates/clip-window.ts'
import { planDurations, roundToFrame } from '~/studio/templates/durations.ts'
import { withTransition } from '~/studio/templates/shots.ts'
import type { TimelineItem } from '~/studio/spec/edit-spec.ts'

const h = (start: number, end: number, score: number) => ({ start, end, score, reasons: ['motion'] })

describe('bestHighlight', () => {
	test('takes the best score, and the earlier stretch on a tie', () => {
		expect(bestHighlight([h(10, 14, 0.4), h(40, 44, 0.9), h(90, 93, 0.7)], 180)).toMatchObject({ start: 40, end: 44 })
		expect(bestHighlight([h(50, 54, 0.8), h(20, 24, 0.8)], 180)).toMatchObject({ start: 20 })
	})

	test('clamps suggestions to the clip and ignores ones too short to be a shot', () => {
		expect(bestHighlight([h(8, 12, 0.9)], 10)).toMatchObject({ start: 8, end: 10 })
		expect(bestHighlight([h(9.8, 12, 0.9), h(1, 3, 0.2)], 10)).toMatchObject({ start: 1, end: 3 })
		expect(bestHighlight([h(3, 3.2, 1)], 10)).toBeNull()
		expect(bestHighlight([], 10)).toBeNull()
		expect(bestHighlight(undefined, 10)).toBeNull()
	})
})

describe('clipWindow', () => {
	test('without suggestions: skips the first half second of a long clip', () => {
		expect(clipWindow(180, 3.5)).toEqual({ in: CLIP_LEAD_IN_SECONDS, out: 4 })
	})

	test('without suggestions: a clip barely longer than the shot starts early enough to fit', () => {
		expect(clipWindow(3.8, 3.5)).toEqual({ in: 0.3, out: 3.8 })
		expect(clipWindow(2, 3.5)).toEqual({ in: 0, out: 2 })
	})

	test('a suggestion longer than the shot gives its middle', () => {
		expect(clipWindow(180, 3, [h(40, 50, 0.9)])).toEqual({ in: 43.5, out: 46.5 })
	})

	test('a suggestion shorter than the shot is widened on both sides', () => {
		expect(clipWindow(180, 4, [h(60, 62, 0.9)])).toEqual({ in: 59, out: 63 })
	})

	test('a widened window stays inside the clip at either end', () => {
		expect(clipWindow(30, 4, [h(0, 1, 0.9)])).toEqual({ in: 0, out: 4 })
		expect(clipWindow(30, 4, [h(29, 30, 0.9)])).toEqual({ in: 26, out: 30 })
	})

	test('the playable length leaves out the lead-in only when the clip can spare it', () => {
		expect(clipPlayableSeconds(10)).toBe(9.5)
		expect(clipPlayableSeconds(1.2)).toBe(1.2)
	})
})

describe('planDurations', () => {
	const slot = (preferred: number, min = 1.5, max = 6) => ({ preferred, min, max })

	test('keeps the preferred lengths when their sum is already in range', () => {
		expect(planDurations([slot(3), slot(4), slot(3.5)], { minTotal: 5, maxTotal: 20 })).toEqual([3, 4, 3.5])
	})

	test('shrinks every slot by the same share of its room above the floor', () => {
		const planned = planDurations([slot(4), slot(4), slot(4), slot(4)], { minTotal: 5, maxTotal: 10 })
		expect(planned.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 1)
		for (const d of planned) expect(d).toBeCloseTo(2.5, 1)
	})

	test('grows towards the ceilings when the video would be too short', () => {
		const planned = planDurations([slot(3, 1.5, 6), slot(3, 1.5, 4)], { minTotal: 8, maxTotal: 30 })
		expect(planned.reduce((a, b) => a + b, 0)).toBeCloseTo(8, 1)
		expect(planned[0]).toBeGreaterThan(planned[1])
		expect(planned[1]).toBeLessThanOrEqual(4)
	})

	test('never goes past a ceiling or under a floor, even when the range cannot be met', () => {
		expect(planDurations([slot(3, 1.5, 2)], { minTotal: 15, maxTotal: 30 })).toEqual([2])
		expect(planDurations([slot(5, 4, 6), slot(5, 4, 6)], { minTotal: 1, maxTotal: 2 })).toEqual([4, 4])
	})

	test('lands on whole frames and never past a clip that is not frame-exact', () => {
		const [d] = planDurations([slot(10, 1, 2.345)], { minTotal: 0, maxTotal: 30 })
		expect(d).toBeLessThanOrEqual(2.345)
		expect(Math.abs(d * 30 - Math.round(d * 30))).toBeLessThan(1e-9)
		expect(roundToFrame(1.01)).toBeCloseTo(30 / 30, 9)
	})
})

describe('withTransition', () => {
	const photo = (duration: number): TimelineItem => ({ type: 'photo', mediaId: 'p', duration, kenBurns: 'none', focus: { x: 0.5, y: 0.5 }, fit: 'cover' })

	test('keeps the asked length between long shots', () => {
		expect(withTransition(photo(4), photo(4), 'fade', 0.6).transitionIn).toEqual({ type: 'fade', duration: 0.6 })
	})

	test('shortens to under half of the shorter neighbour', () => {
		const { transitionIn } = withTransition(photo(4), photo(0.8), 'fade', 0.6)
		expect(transitionIn!.duration).toBeLessThan(0.4)
		expect(transitionIn!.duration).toBeGreaterThanOrEqual(0.3)
	})

	test('becomes a cut when there is no room for the shortest transition', () => {
		expect(withTransition(photo(4), photo(0.25), 'fade', 0.6).transitionIn).toBeUndefined()
		expect(withTransition(photo(4), photo(4), 'cut', 0.6).transitionIn).toBeUndefined()
	})
})

describe('edges of the timing rules', () => {
	test('a suggestion of exactly half a second is a shot; on a tie the earlier wins whichever comes first', () => {
		expect(bestHighlight([{ start: 1, end: 1.5, score: 1, reasons: [] }], 10)).toMatchObject({ start: 1, end: 1.5 })
		const early = { start: 1, end: 3, score: 2, reasons: [] }
		const late = { start: 5, end: 7, score: 2, reasons: [] }
		expect(bestHighlight([early, late], 10)).toMatchObject({ start: 1 })
		expect(bestHighlight([late, early], 10)).toMatchObject({ start: 1 })
		expect(bestHighlight([late, { ...early, score: 1 }], 10)).toMatchObject({ start: 5 })
	})

	test('a clip of 1.5 s or less plays whole; a longer one drops its first half second', () => {
		expect([1.5, 1.6, 3].map(clipPlayableSeconds)).toEqual([1.5, 1.1, 2.5])
	})

	test('a plan already long enough, or with no room to grow, is kept', () => {
		expect(planDurations([{ preferred: 3, min: 1, max: 6 }], { minTotal: 3, maxTotal: 10 })).toEqual([3])
		expect(planDurations([{ preferred: 3, min: 1, max: 3 }], { minTotal: 10, maxTotal: 20 })).toEqual([3])
		expect(planDurations([{ preferred: 3, min: 1, max: 3, stretch: 5 }], { minTotal: 10, maxTotal: 20 })).toEqual([5])
	})

	test('a ceiling that is not on a frame is never passed by rounding up', () => {
		// 1.99 s is 59.7 frames: rounding would give 60 (2 s), past the clip; 59 frames it is.
		expect(planDurations([{ preferred: 1.99, min: 1, max: 1.99 }], { minTotal: 0, maxTotal: 10 })).toEqual([59 / 30])
	})
})
