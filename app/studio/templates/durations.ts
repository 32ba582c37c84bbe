import { OUTPUT_FPS } from '~/studio/spec/formats.ts'

// How long each shot lasts. Every template has a pace (seconds a shot would
// like), every shot a floor and a ceiling (a clip cannot play longer than it
// is), and the whole video a target range: Reels accept 3 to 90 seconds and
// short product videos hold attention best at 15 to 30.

/**
 * `max` is where a shot stops growing while others still have room; `stretch`
 * (default `max`) is how far it may grow after every shot reached its `max`
 * and the video is still short: a punchy hook that may play longer rather than
 * leave a good clip unused.
 */
export type DurationSlot = { preferred: number; min: number; max: number; stretch?: number }

/** Seconds on the 30 fps grid the renderer cuts on. */
export function roundToFrame(seconds: number): number {
	return Math.round(seconds * OUTPUT_FPS) / OUTPUT_FPS
}

/**
 * Durations near each slot's preferred length whose sum lands inside
 * [minTotal, maxTotal] when the slots allow it: too long, every slot gives up
 * the same share of what it has above its floor; too short, every slot grows
 * by the same share of its room below its ceiling, then, still short, by the
 * same share of its room below its stretch.
 */
export function planDurations(slots: readonly DurationSlot[], range: { minTotal: number; maxTotal: number }): number[] {
	const start = slots.map((slot) => Math.min(Math.max(slot.preferred, slot.min), slot.max))
	const total = start.reduce((sum, d) => sum + d, 0)
	let planned = start
	if (total > range.maxTotal) {
		const spare = start.reduce((sum, d, i) => sum + (d - slots[i].min), 0)
		const share = spare > 0 ? Math.min(1, (total - range.maxTotal) / spare) : 0
		planned = start.map((d, i) => d - (d - slots[i].min) * share)
	} else {
		// growTowards leaves a plan that is long enough as it is.
		planned = growTowards(start, (i) => slots[i].max, range.minTotal)
		planned = growTowards(planned, (i) => ceiling(slots[i]), range.minTotal)
	}
	// Rounding down to a frame never pushes a shot past its ceiling (a clip's real length).
	return planned.map((d, i) => Math.max(Math.min(roundToFrame(d), Math.floor(ceiling(slots[i]) * OUTPUT_FPS) / OUTPUT_FPS), 1 / OUTPUT_FPS))
}

function ceiling(slot: DurationSlot): number {
	return Math.max(slot.max, slot.stretch ?? slot.max)
}

/** Every duration grows by the same share of its room below `limit` until the sum reaches `minTotal` (or all room is used). */
function growTowards(durations: number[], limit: (index: number) => number, minTotal: number): number[] {
	const total = durations.reduce((sum, d) => sum + d, 0)
	const room = durations.reduce((sum, d, i) => sum + Math.max(0, limit(i) - d), 0)
	if (total >= minTotal || room <= 0) return durations
	const share = Math.min(1, (minTotal - total) / room)
	return durations.map((d, i) => d + Math.max(0, limit(i) - d) * share)
}
