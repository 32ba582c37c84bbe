import type { ClipHighlight } from './types.ts'

// Which seconds of a long raw clip a template plays. The highlight analysis
// suggests the liveliest stretches; without it, the start of the clip minus
// the first half second, where phones still wobble from the tap on "record".

export const CLIP_LEAD_IN_SECONDS = 0.5
/** A suggestion shorter than this is noise, not a shot. */
const MIN_HIGHLIGHT_SECONDS = 0.5

export type SourceWindow = { in: number; out: number }

/** The best-scoring usable suggestion (the earlier one on a tie), clamped to the clip. */
export function bestHighlight(highlights: readonly ClipHighlight[] | undefined, clipSeconds: number): ClipHighlight | null {
	let best: ClipHighlight | null = null
	for (const highlight of highlights ?? []) {
		const start = Math.max(0, highlight.start)
		const end = Math.min(clipSeconds, highlight.end)
		if (!Number.isFinite(highlight.score) || end - start < MIN_HIGHLIGHT_SECONDS) continue
		const clamped = { ...highlight, start, end }
		if (!best || clamped.score > best.score || (clamped.score === best.score && clamped.start < best.start)) best = clamped
	}
	return best
}

/** How long this clip can play at most without showing its shaky first half second. */
export function clipPlayableSeconds(clipSeconds: number): number {
	return clipSeconds > 3 * CLIP_LEAD_IN_SECONDS ? clipSeconds - CLIP_LEAD_IN_SECONDS : clipSeconds
}

/**
 * In and out points for `seconds` of the clip: centred on the best highlight
 * (its middle part when the suggestion is longer, widened on both sides when
 * it is shorter, always inside the clip), or from just after the lead-in.
 */
export function clipWindow(clipSeconds: number, seconds: number, highlights?: readonly ClipHighlight[]): SourceWindow {
	const length = Math.min(seconds, clipSeconds)
	const best = bestHighlight(highlights, clipSeconds)
	const start = best
		? Math.min(Math.max((best.start + best.end) / 2 - length / 2, 0), clipSeconds - length)
		: Math.max(0, Math.min(CLIP_LEAD_IN_SECONDS, clipSeconds - length))
	return { in: roundMs(start), out: roundMs(start + length) }
}

function roundMs(value: number) {
	return Math.round(value * 1000) / 1000
}
