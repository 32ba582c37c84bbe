import { OUTPUT_FPS } from '~/studio/spec/formats.ts'

// How long each shot lasts. Every template has a pace (seconds a shot would
// like), every shot a floor and a ceiling (a clip cannot play longer than it
// is), and the whole video a target range: Reels accept 3 to 90 seconds and
// short product videos hold attention best at 15 to 30.

export type DurationSlot = { preferred: number; min: number; max: number }

/** Seconds on the 30 fps grid the renderer cuts on. */
export function roundToFrame(seconds: number): number {
	return Math.round(seconds * OUTPUT_FPS) / OUTPUT_FPS
}

/**
 * Durations near each slot's preferred length whose sum lands inside
 * [minTotal, maxTotal] when the slots allow it: too long, every slot gives up
 * the same share of what it has above its floor; too short, every slot grows
 * by the same share of its room below its ceiling.
 */
export function planDurations(slots: readonly DurationSlot[], range: { minTotal: number; maxTotal: number }): number[] {
	const start = slots.map((slot) => Math.min(Math.max(slot.preferred, slot.min), slot.max))
	const total = start.reduce((sum, d) => sum + d, 0)
	let planned = start
	if (total > range.maxTotal) {
		const spare = start.reduce((sum, d, i) => sum + (d - slots[i].min), 0)
		const share = spare > 0 ? Math.min(1, (total - range.maxTotal) / spare) : 0
		planned = start.map((d, i) => d - (d - slots[i].min) * share)
	} else if (total < range.minTotal) {
		const room = start.reduce((sum, d, i) => sum + (slots[i].max - d), 0)
		const share = room > 0 ? Math.min(1, (range.minTotal - total) / room) : 0
		planned = start.map((d, i) => d + (slots[i].max - d) * share)
	}
	// Rounding down to a frame never pushes a shot past its ceiling (a clip's real length).
	return planned.map((d, i) => Math.max(Math.min(roundToFrame(d), Math.floor(slots[i].max * OUTPUT_FPS) / OUTPUT_FPS), 1 / OUTPUT_FPS))
}
