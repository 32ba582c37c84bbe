import { describe, expect, test } from 'vitest'
import { DARK_LUMA, findFlags, SHAKY_JERK, SILENT_DB, suggestHighlights } from '#workers/analysis/scoring.ts'
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
