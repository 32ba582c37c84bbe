import type { EditSpec, TimelineItem } from './edit-spec.ts'
import { OUTPUT_FPS } from './formats.ts'

// Timing of an edit, counted in whole output frames: a render at 30 fps can
// only cut on a frame, so the editor, the validation and the renderer all use
// the same rounding and agree on where every item starts.

export function secondsToFrames(seconds: number): number {
	return Math.round(seconds * OUTPUT_FPS)
}

export function framesToSeconds(frames: number): number {
	return frames / OUTPUT_FPS
}

/** Length of an item on its own, before transitions overlap it with its neighbours. */
export function itemSeconds(item: TimelineItem): number {
	return item.type === 'clip' ? item.out - item.in : item.duration
}

export function itemFrames(item: TimelineItem): number {
	return secondsToFrames(itemSeconds(item))
}

/** Frames shared by this item and the previous one; 0 for a cut or the first item. */
export function transitionFrames(timeline: readonly TimelineItem[], index: number): number {
	const transition = timeline[index]?.transitionIn
	if (index === 0 || !transition || transition.type === 'cut') return 0
	return secondsToFrames(transition.duration)
}

export type ItemPlacement = { startFrame: number; frames: number; transitionFrames: number }

/** Where each item starts on the output timeline. */
export function placeItems(timeline: readonly TimelineItem[]): ItemPlacement[] {
	const placements: ItemPlacement[] = []
	let cursor = 0
	timeline.forEach((item, index) => {
		const overlap = transitionFrames(timeline, index)
		const startFrame = cursor - overlap
		const frames = itemFrames(item)
		placements.push({ startFrame, frames, transitionFrames: overlap })
		cursor = startFrame + frames
	})
	return placements
}

export function timelineFrames(timeline: readonly TimelineItem[]): number {
	const placements = placeItems(timeline)
	const last = placements.at(-1)
	return last ? last.startFrame + last.frames : 0
}

/** Length of the rendered video in seconds. */
export function timelineSeconds(spec: Pick<EditSpec, 'timeline'>): number {
	return framesToSeconds(timelineFrames(spec.timeline))
}
