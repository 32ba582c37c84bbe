import { BIN_SECONDS, type ClipSignals } from './signals.ts'

// Turning a clip's signals into what a person new to editing needs: the
// few liveliest seconds to use, and the stretches to avoid
// (docs/decisions/022-clip-highlights.md). All thresholds are on the
// measurements of signals.ts; all times are seconds of the source clip.

export type SuggestionReason = 'motion' | 'sound' | 'sceneChange' | 'steady' | 'bright'
export type ClipSuggestion = { start: number; end: number; score: number; reasons: SuggestionReason[] }
export type ClipFlagKind = 'shaky' | 'dark' | 'silent'
export type ClipFlag = { start: number; end: number; kind: ClipFlagKind }

/** Average luma below this is too dark to show (video-range black is 16, a dim room about 50). */
export const DARK_LUMA = 40
/** Average luma from which a picture counts as well lit. */
const BRIGHT_LUMA = 70
/** Quieter than this is silence (room tone of a quiet phone recording is about -55 dBFS). */
export const SILENT_DB = -50
/** Loudness that counts as fully "lively" sound (clear speech close to a phone). */
const LOUD_DB = -15
/** Camera jerk (per 0.1 s, fraction of the long side), as the median over a second, above which footage looks shaky. */
export const SHAKY_JERK = 0.015

const FLAG_RULES: Record<ClipFlagKind, { minSeconds: number }> = {
	dark: { minSeconds: 1 },
	shaky: { minSeconds: 1 },
	silent: { minSeconds: 1.5 },
}
/** Gaps this short inside a flagged stretch do not split it. */
const FLAG_BRIDGE_SECONDS = 0.4

const WINDOW_SECONDS = [2, 3, 4, 5, 6]
/** Templates use shots of 3–5 s most; a little preference, not a rule. */
const LENGTH_WEIGHT: Record<number, number> = { 2: 0.85, 3: 0.95, 4: 1, 5: 1, 6: 0.97 }
const MIN_GAP_BETWEEN_SUGGESTIONS = 0.5
/** Further suggestions must score at least this share of the best one. */
const RELATIVE_FLOOR = 0.3
/** A scene score this high is a cut (or a whip of the camera): a suggestion starts at one, never spans one. */
const HARD_CUT_SCENE = 0.5

const clamp01 = (x: number) => Math.min(1, Math.max(0, x))

/** The per-bin parts of liveliness, each 0–1. */
export function livelinessParts(signals: ClipSignals) {
	const shaky = smoothedJerk(signals.jerk).map((j) => j > SHAKY_JERK)
	return signals.brightness.map((luma, i) => {
		const motion = 1 - Math.exp(-(signals.change[i] ?? 0) / 5)
		const scene = clamp01((signals.scene[i] ?? 0) / 0.25)
		const db = signals.loudnessDb[i]
		const sound = db === null ? 0 : clamp01((db - SILENT_DB) / (LOUD_DB - SILENT_DB))
		const light = luma === null ? 1 : 0.1 + 0.9 * clamp01((luma - DARK_LUMA) / (BRIGHT_LUMA - DARK_LUMA))
		const steadiness = shaky[i] ? 0.3 : 1
		const lively = (0.45 * motion + 0.2 * scene + 0.35 * sound) * light * steadiness
		return { motion, scene, sound, light, shaky: shaky[i], dark: luma !== null && luma < DARK_LUMA, lively }
	})
}

/** Median jerk over the surrounding second: one bump (a knock on the phone) is not a shaky stretch. */
function smoothedJerk(jerk: (number | null)[]): number[] {
	const half = Math.round(0.5 / BIN_SECONDS)
	return jerk.map((_, i) => {
		const around = jerk
			.slice(Math.max(0, i - half), i + half + 1)
			.filter((j): j is number => j !== null)
			.sort((a, b) => a - b)
		return around.length ? around[Math.floor(around.length / 2)] : 0
	})
}

export function findFlags(signals: ClipSignals, durationSeconds: number): ClipFlag[] {
	const parts = livelinessParts(signals)
	const hasSound = signals.loudnessDb.some((db) => db !== null)
	const series: Record<ClipFlagKind, boolean[]> = {
		dark: parts.map((p) => p.dark),
		shaky: parts.map((p) => p.shaky),
		silent: hasSound ? signals.loudnessDb.map((db) => db !== null && db < SILENT_DB) : parts.map(() => true),
	}
	const flags = (Object.keys(series) as ClipFlagKind[]).flatMap((kind) =>
		runs(series[kind], FLAG_RULES[kind].minSeconds).map(([start, end]) => ({ start, end: Math.min(end, durationSeconds), kind })),
	)
	return flags.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind))
}

/** Stretches where `on` holds, gaps up to FLAG_BRIDGE_SECONDS bridged, at least `minSeconds` long. */
function runs(on: boolean[], minSeconds: number): [number, number][] {
	const bridge = Math.round(FLAG_BRIDGE_SECONDS / BIN_SECONDS)
	const found: [number, number][] = []
	let i = 0
	while (i < on.length) {
		if (!on[i]) {
			i++
			continue
		}
		let end = i
		let j = i
		while (j < on.length) {
			if (on[j]) end = j
			else if (j - end > bridge) break
			j++
		}
		if ((end + 1 - i) * BIN_SECONDS >= minSeconds - 1e-9) found.push([round2(i * BIN_SECONDS), round2((end + 1) * BIN_SECONDS)])
		i = end + 1
	}
	return found
}

/**
 * The `count` best stretches of 2–6 s that do not overlap, best first. A
 * clip shorter than the shortest window is one suggestion, the whole clip.
 */
export function suggestHighlights(signals: ClipSignals, durationSeconds: number, { count = 3 } = {}): ClipSuggestion[] {
	const parts = livelinessParts(signals)
	const prefix = [0]
	for (const part of parts) prefix.push(prefix[prefix.length - 1] + part.lively)
	const meanLively = (from: number, to: number) => (prefix[to] - prefix[from]) / (to - from)

	const totalBins = parts.length
	const minBins = Math.round(WINDOW_SECONDS[0] / BIN_SECONDS)
	if (totalBins <= minBins) return [describe(parts, 0, totalBins, meanLively(0, totalBins), durationSeconds)]

	const cutPrefix = [0]
	for (const scene of signals.scene) cutPrefix.push(cutPrefix[cutPrefix.length - 1] + ((scene ?? 0) >= HARD_CUT_SCENE ? 1 : 0))
	const spansCut = (from: number, to: number) => cutPrefix[to] - cutPrefix[from + 1] > 0
	const windows: { from: number; to: number; score: number }[] = []
	for (const seconds of WINDOW_SECONDS) {
		const length = Math.round(seconds / BIN_SECONDS)
		for (let from = 0; from + length <= totalBins; from++) windows.push({ from, to: from + length, score: meanLively(from, from + length) * LENGTH_WEIGHT[seconds] })
	}
	// An already-edited upload can cut every second or two; then a window across a cut is still better than none.
	const withinShots = windows.filter((w) => !spansCut(w.from, w.to))
	const candidates = withinShots.length ? withinShots : windows
	// Best first; on a tie the earlier and then the longer window.
	candidates.sort((a, b) => b.score - a.score || a.from - b.from || b.to - a.to)
	const gap = Math.round(MIN_GAP_BETWEEN_SUGGESTIONS / BIN_SECONDS)
	const chosen: { from: number; to: number; score: number }[] = []
	for (const candidate of candidates) {
		if (chosen.length === count) break
		// Dull leftovers (the dark, silent start) are not worth suggesting next to a lively stretch.
		if (chosen.length > 0 && candidate.score < RELATIVE_FLOOR * chosen[0].score) break
		if (chosen.some((c) => candidate.from < c.to + gap && c.from < candidate.to + gap)) continue
		chosen.push(candidate)
	}
	return chosen.map((c) => describe(parts, c.from, c.to, c.score, durationSeconds))
}

function describe(parts: ReturnType<typeof livelinessParts>, from: number, to: number, score: number, durationSeconds: number): ClipSuggestion {
	const window = parts.slice(from, to)
	const mean = (pick: (p: (typeof window)[number]) => number) => window.reduce((sum, p) => sum + pick(p), 0) / window.length
	const reasons: SuggestionReason[] = []
	if (mean((p) => p.motion) >= 0.4) reasons.push('motion')
	if (mean((p) => p.sound) >= 0.4) reasons.push('sound')
	// The first bin may be the cut the window starts at; change after it is what keeps a shot lively.
	if (window.length > 1 && window.slice(1).reduce((sum, p) => sum + p.scene, 0) / (window.length - 1) >= 0.3) reasons.push('sceneChange')
	if (!window.some((p) => p.shaky)) reasons.push('steady')
	if (!window.some((p) => p.dark)) reasons.push('bright')
	return {
		start: round2(from * BIN_SECONDS),
		end: round2(Math.min(to * BIN_SECONDS, durationSeconds)),
		score: Math.round(score * 1000) / 1000,
		reasons,
	}
}

const round2 = (x: number) => Math.round(x * 100) / 100
