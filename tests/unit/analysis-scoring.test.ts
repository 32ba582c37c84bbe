import { describe, expect, test } from 'vitest'
import { DARK_LUMA, findFlags, livelinessParts, SHAKY_JERK, SILENT_DB, suggestHighlights } from '#workers/analysis/scoring.ts'
import { BIN_SECONDS, type ClipSignals } from '#workers/analysis/signals.ts'

type Stretch = { seconds: number; luma: number; change: number; scene?: number; db: number | null; jerk?: number }

/** Signals built stretch by stretch, as a clip would measure. */
function clip(...stretches: Stretch[]): { signals: ClipSignals; duration: number } {
	const signals: ClipSignals = { brightness: [], change: [], scene: [], loudnessDb: [], jerk: [] }
	for (const s of stretches) {
		const bins = Math.round(s.seconds / BIN_SECONDS)
		for (let i = 0; i < bins; i++) {
			signals.brightness.push(s.luma)
			signals.change.push(s.change)
			signals.scene.push(s.scene ?? 0)
			signals.loudnessDb.push(s.db)
			signals.jerk.push(s.jerk ?? 0)
		}
	}
	return { signals, duration: stretches.reduce((sum, s) => sum + s.seconds, 0) }
}

const dark = { luma: 20, change: 0.2, db: -70 }
const lively = { luma: 120, change: 8, scene: 0.1, db: -18 }
const calm = { luma: 110, change: 0.5, db: -40 }

describe('suggestHighlights', () => {
	test('finds the lively middle of a clip that starts dark and silent', () => {
		const { signals, duration } = clip({ seconds: 10, ...dark }, { seconds: 6, ...lively }, { seconds: 14, ...calm })
		const [best, ...rest] = suggestHighlights(signals, duration)
		expect(best.start).toBeGreaterThanOrEqual(10)
		expect(best.end).toBeLessThanOrEqual(16)
		expect(best.end - best.start).toBeGreaterThanOrEqual(4)
		expect(best.reasons).toEqual(expect.arrayContaining(['motion', 'sound', 'steady', 'bright']))
		for (const other of rest) expect(other.score).toBeLessThan(best.score)
	})

	test('returns non-overlapping windows of 2–6 s, best first', () => {
		const { signals, duration } = clip(
			{ seconds: 5, ...calm },
			{ seconds: 5, ...lively },
			{ seconds: 5, ...calm },
			{ seconds: 4, ...lively, change: 5 },
			{ seconds: 5, ...calm },
		)
		const suggestions = suggestHighlights(signals, duration)
		expect(suggestions.length).toBeGreaterThanOrEqual(2)
		for (const s of suggestions) {
			expect(s.end - s.start).toBeGreaterThanOrEqual(2)
			expect(s.end - s.start).toBeLessThanOrEqual(6)
		}
		for (let i = 1; i < suggestions.length; i++) expect(suggestions[i].score).toBeLessThanOrEqual(suggestions[i - 1].score)
		const sorted = [...suggestions].sort((a, b) => a.start - b.start)
		for (let i = 1; i < sorted.length; i++) expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end)
		expect(suggestions[0].start).toBeGreaterThanOrEqual(5)
		expect(suggestions[0].end).toBeLessThanOrEqual(10)
	})

	test('prefers steady footage over shaky footage that moves as much', () => {
		const { signals, duration } = clip({ seconds: 6, ...lively, jerk: SHAKY_JERK * 3 }, { seconds: 4, ...calm }, { seconds: 6, ...lively })
		const [best] = suggestHighlights(signals, duration)
		expect(best.start).toBeGreaterThanOrEqual(10)
	})

	test('does not span a cut', () => {
		const { signals, duration } = clip({ seconds: 3, ...lively }, { seconds: 3, ...lively, scene: 0.9 }, { seconds: 3, ...lively })
		// Cuts on every bin of the middle: a window may start at one but not contain another.
		for (const s of suggestHighlights(signals, duration)) {
			const cutsInside = signals.scene.slice(Math.round(s.start / BIN_SECONDS) + 1, Math.round(s.end / BIN_SECONDS)).filter((v) => (v ?? 0) >= 0.5)
			expect(cutsInside).toEqual([])
		}
	})

	test('a clip shorter than two seconds is one suggestion: all of it', () => {
		const { signals, duration } = clip({ seconds: 1.4, ...lively })
		expect(suggestHighlights(signals, duration)).toEqual([expect.objectContaining({ start: 0, end: 1.4 })])
	})
})

describe('findFlags', () => {
	test('marks the dark and silent start, and nothing in the lively part', () => {
		const { signals, duration } = clip({ seconds: 4, ...dark }, { seconds: 6, ...lively })
		expect(findFlags(signals, duration)).toEqual([
			{ start: 0, end: 4, kind: 'dark' },
			{ start: 0, end: 4, kind: 'silent' },
		])
	})

	test('marks shaky stretches of a second or more, not a single bump', () => {
		const { signals, duration } = clip(
			{ seconds: 3, ...lively },
			{ seconds: 0.2, ...lively, jerk: SHAKY_JERK * 10 },
			{ seconds: 3, ...lively },
			{ seconds: 3, ...lively, jerk: SHAKY_JERK * 2 },
		)
		const flags = findFlags(signals, duration)
		expect(flags).toHaveLength(1)
		expect(flags[0].kind).toBe('shaky')
		expect(flags[0].start).toBeGreaterThanOrEqual(5.6)
		expect(flags[0].start).toBeLessThanOrEqual(6.4)
		expect(flags[0].end).toBe(9.2)
	})

	test('bridges short gaps and ignores short dips', () => {
		const { signals, duration } = clip(
			{ seconds: 2, ...lively, luma: DARK_LUMA - 5 },
			{ seconds: 0.2, ...lively },
			{ seconds: 2, ...lively, luma: DARK_LUMA - 5 },
			{ seconds: 2, ...lively },
			{ seconds: 0.6, ...lively, luma: DARK_LUMA - 5 },
			{ seconds: 2, ...lively },
		)
		expect(findFlags(signals, duration)).toEqual([{ start: 0, end: 4.2, kind: 'dark' }])
	})

	test('a clip without sound is silent throughout; a quiet one only where it is quiet', () => {
		expect(findFlags(clip({ seconds: 3, ...lively, db: null }).signals, 3)).toEqual([{ start: 0, end: 3, kind: 'silent' }])
		const { signals, duration } = clip({ seconds: 3, ...lively }, { seconds: 2, ...lively, db: SILENT_DB - 10 })
		expect(findFlags(signals, duration)).toEqual([{ start: 3, end: 5, kind: 'silent' }])
	})
})

describe('liveliness, bin by bin', () => {
	test('motion, scene, sound and light each scale to 0–1 and weigh 45/20/35 %, times the light', () => {
		const parts = livelinessParts({
			brightness: [null, 20, 55, 100, 40],
			change: [5, null, 0, 10, 0],
			scene: [0.1, null, 0.5, 0.25, 0],
			loudnessDb: [null, -70, -32.5, -10, -50],
			jerk: [0, 0, 0, 0, 0],
		})
		const expected = [
			{ motion: 0.632121, scene: 0.4, sound: 0, light: 1, dark: false, lively: 0.364454 },
			{ motion: 0, scene: 0, sound: 0, light: 0.1, dark: true, lively: 0 },
			{ motion: 0, scene: 1, sound: 0.5, light: 0.55, dark: false, lively: 0.20625 },
			{ motion: 0.864665, scene: 1, sound: 1, light: 1, dark: false, lively: 0.939099 },
			{ motion: 0, scene: 0, sound: 0, light: 0.1, dark: false, lively: 0 },
		]
		parts.forEach((part, i) => {
			for (const [key, value] of Object.entries(expected[i])) {
				if (typeof value === 'boolean') expect(part[key as 'dark'], `bin ${i} ${key}`).toBe(value)
				else expect(part[key as 'motion'], `bin ${i} ${key}`).toBeCloseTo(value, 5)
			}
			expect(part.shaky).toBe(false)
		})
	})

	test('shaky is the median jerk of the surrounding second (gaps left out) above the threshold; shaky footage counts 30 %', () => {
		const t = 0.1
		const signals: ClipSignals = {
			brightness: Array(10).fill(120),
			change: Array(10).fill(5),
			scene: Array(10).fill(0),
			loudnessDb: Array(10).fill(-15),
			jerk: [t, t, t, t, null, 0, 0, 0, 0, SHAKY_JERK],
		}
		const parts = livelinessParts(signals)
		expect(parts.map((p) => p.shaky)).toEqual([true, true, true, true, true, false, false, false, false, false])
		expect(parts[0].lively).toBeCloseTo(0.3 * parts[9].lively, 9)
		expect(livelinessParts({ ...signals, jerk: Array(10).fill(null) }).some((p) => p.shaky)).toBe(false)
		expect(livelinessParts({ ...signals, jerk: Array(10).fill(SHAKY_JERK) }).some((p) => p.shaky)).toBe(false)
	})
})

describe('flags and suggestions, the edges', () => {
	test('a flag needs its full minimum: one second dark is flagged, 0.8 s is not; silence needs 1.5 s', () => {
		expect(findFlags(clip({ seconds: 1, ...lively, luma: 10 }, { seconds: 3, ...lively }).signals, 4)).toEqual([{ start: 0, end: 1, kind: 'dark' }])
		expect(findFlags(clip({ seconds: 0.8, ...lively, luma: 10 }, { seconds: 3, ...lively }).signals, 3.8)).toEqual([])
		expect(findFlags(clip({ seconds: 1.4, ...lively, db: Number.NEGATIVE_INFINITY }, { seconds: 3, ...lively }).signals, 4.4)).toEqual([])
		expect(findFlags(clip({ seconds: 1.6, ...lively, db: Number.NEGATIVE_INFINITY }, { seconds: 3, ...lively }).signals, 4.6)).toEqual([
			{ start: 0, end: 1.6, kind: 'silent' },
		])
		expect(findFlags(clip({ seconds: 3, ...lively, db: SILENT_DB }).signals, 3)).toEqual([])
	})

	test('a gap of 0.4 s is bridged, 0.6 s is not; a flag ends with the clip; flags are ordered by start, then kind', () => {
		const bridged = clip({ seconds: 1, ...lively, luma: 10 }, { seconds: 0.4, ...lively }, { seconds: 1, ...lively, luma: 10 }, { seconds: 2, ...lively })
		expect(findFlags(bridged.signals, bridged.duration)).toEqual([{ start: 0, end: 2.4, kind: 'dark' }])
		const apart = clip({ seconds: 1, ...lively, luma: 10 }, { seconds: 0.6, ...lively }, { seconds: 1, ...lively, luma: 10 }, { seconds: 2, ...lively })
		expect(findFlags(apart.signals, apart.duration)).toEqual([
			{ start: 0, end: 1, kind: 'dark' },
			{ start: 1.6, end: 2.6, kind: 'dark' },
		])
		const ordered = clip({ seconds: 1, ...lively, db: -80 }, { seconds: 2, ...lively, db: -80, luma: 10 })
		expect(findFlags(ordered.signals, 2.9)).toEqual([
			{ start: 0, end: 2.9, kind: 'silent' },
			{ start: 1, end: 2.9, kind: 'dark' },
		])
	})

	test('the window that is all lively footage wins; the next keeps half a second away from it', () => {
		const one = clip({ seconds: 3, ...calm }, { seconds: 4, ...lively }, { seconds: 3, ...calm })
		const score = Math.round(livelinessParts(one.signals)[15].lively * 1000) / 1000
		expect(suggestHighlights(one.signals, one.duration)).toEqual([{ start: 3, end: 7, score, reasons: ['motion', 'sound', 'sceneChange', 'steady', 'bright'] }])
		const two = clip({ seconds: 4, ...lively }, { seconds: 0.4, ...calm }, { seconds: 3, ...lively }, { seconds: 3, ...calm })
		expect(suggestHighlights(two.signals, two.duration).map((s) => [s.start, s.end])).toEqual([
			[0, 4],
			[4.6, 7.6],
		])
		expect(suggestHighlights(two.signals, two.duration, { count: 1 })).toHaveLength(1)
	})

	test('a dull stretch under 30 % of the best is not suggested; a clip of exactly two seconds is one suggestion', () => {
		const { signals, duration } = clip({ seconds: 5, ...lively }, { seconds: 5, ...dark })
		expect(suggestHighlights(signals, duration).map((s) => [s.start, s.end])).toEqual([[0, 5]])
		const short = clip({ seconds: 2, ...calm, scene: 0.4 })
		expect(suggestHighlights(short.signals, 1.95)).toEqual([
			{ start: 0, end: 1.95, score: Math.round(livelinessParts(short.signals)[0].lively * 1000) / 1000, reasons: ['sceneChange', 'steady', 'bright'] },
		])
	})

	test('cutting every second still gives suggestions, across the cuts', () => {
		const stretches = Array.from({ length: 8 }, (_, i) => [{ seconds: 0.2, ...lively, scene: 0.9 }, { seconds: 0.8, ...lively, change: i }]).flat()
		const { signals, duration } = clip(...stretches)
		const suggestions = suggestHighlights(signals, duration)
		expect(suggestions.length).toBeGreaterThan(0)
		expect(suggestions[0].reasons).toContain('sceneChange')
	})
})
