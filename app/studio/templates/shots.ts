import { SPEC_LIMITS } from '~/studio/spec/limits.ts'
import type { KenBurnsMove, TimelineItem, TitleItem, TransitionType } from '~/studio/spec/edit-spec.ts'
import { OUTPUT_FPS } from '~/studio/spec/formats.ts'
import { bestHighlight, clipPlayableSeconds, clipWindow } from './clip-window.ts'
import { planDurations, type DurationSlot } from './durations.ts'
import type { TemplateMedia } from './types.ts'

// Building blocks the templates share: a photo or clip becomes a timeline
// item of a planned length, and transitions are fitted to their neighbours.
// Items are written out whole (every default spelled), so the timing helpers
// of the spec can place them before the spec is parsed.

/** A photo may hold the screen this long at most in a template: longer and people scroll on. */
const MAX_TEMPLATE_PHOTO_SECONDS = 6
/** The shortest a shot is cut to when the video must shrink. */
const MIN_SHOT_SECONDS = 1.5

export function isVisual(media: TemplateMedia): boolean {
	return media.kind === 'photo' || media.kind === 'video'
}

export function clipSeconds(media: TemplateMedia): number {
	return (media.durationMs ?? 0) / 1000
}

/**
 * A shot's duration slot at the template's pace. A clip whose best suggested
 * stretch is longer than the pace would like plays that whole stretch (up to
 * twice the pace), rather than a slice of its liveliest moment.
 */
export function shotSlot(media: TemplateMedia, pace: number): DurationSlot {
	if (media.kind === 'photo') return { preferred: pace, min: MIN_SHOT_SECONDS, max: MAX_TEMPLATE_PHOTO_SECONDS }
	const playable = clipPlayableSeconds(clipSeconds(media))
	const best = bestHighlight(media.highlights, clipSeconds(media))
	const preferred = best ? Math.max(pace, Math.min(best.end - best.start, 2 * pace)) : pace
	return { preferred, min: Math.min(MIN_SHOT_SECONDS, playable), max: playable }
}

export function shotItem(media: TemplateMedia, seconds: number, kenBurns: KenBurnsMove = 'zoom-in'): TimelineItem {
	const focus = media.focus ?? { x: 0.5, y: 0.5 }
	const label = media.label ? fitText(media.label, 120) : undefined
	if (media.kind === 'photo') {
		return { type: 'photo', mediaId: media.mediaId, label, duration: Math.round(seconds * 1000) / 1000, kenBurns, focus, fit: 'cover' }
	}
	const window = clipWindow(clipSeconds(media), seconds, media.highlights)
	return { type: 'clip', mediaId: media.mediaId, label, ...window, focus, fit: 'cover', keepSound: true }
}

export function titleItem(lines: string[], seconds: number, colours: Pick<TitleItem, 'textColor' | 'backgroundColor'>): TimelineItem {
	return { type: 'title', lines, duration: Math.min(seconds, SPEC_LIMITS.maxTitleSeconds), ...colours }
}

/**
 * The item with a transition in from `previous`. A transition takes at most
 * just under half of the shorter neighbour (the spec's rule, so two
 * transitions around a short shot never overlap); one that would be shorter
 * than the spec allows is left out (a cut).
 */
export function withTransition(previous: TimelineItem, item: TimelineItem, type: TransitionType, seconds: number): TimelineItem {
	if (type === 'cut') return item
	const room = Math.floor((Math.min(itemLength(item), itemLength(previous)) * OUTPUT_FPS) / 2 - 1) / OUTPUT_FPS
	const duration = Math.round(Math.min(seconds, room) * 1000) / 1000
	return duration >= SPEC_LIMITS.minTransitionSeconds ? { ...item, transitionIn: { type, duration } } : item
}

/** The same transition between every pair of neighbours. */
export function joinWith(items: TimelineItem[], type: TransitionType, seconds: number): TimelineItem[] {
	return items.map((item, index) => (index === 0 ? item : withTransition(items[index - 1], item, type, seconds)))
}

function itemLength(item: TimelineItem): number {
	return item.type === 'clip' ? item.out - item.in : item.duration
}

/** Photos drift in alternating directions so a run of them does not feel mechanical. */
export const KEN_BURNS_CYCLE: KenBurnsMove[] = ['zoom-in', 'pan-left', 'zoom-out', 'pan-right']

/** Text cut to fit a field of the spec, ending with an ellipsis when cut. */
export function fitText(text: string, max: number): string {
	const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim()
	return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`
}

/**
 * The shots of a template at its pace, their lengths planned so the shots
 * together last between `minTotal` and `maxTotal` seconds where the media
 * allow. `adjustSlot` lets a template treat one shot differently (a short hook).
 */
export function buildShots(
	visuals: readonly TemplateMedia[],
	options: {
		pace: number
		minTotal: number
		maxTotal: number
		kenBurns?: (index: number) => KenBurnsMove
		adjustSlot?: (slot: DurationSlot, index: number) => DurationSlot
	},
): TimelineItem[] {
	const slots = visuals.map((media, i) => {
		const slot = shotSlot(media, options.pace)
		return options.adjustSlot ? options.adjustSlot(slot, i) : slot
	})
	const durations = planDurations(slots, options)
	return visuals.map((media, i) => shotItem(media, durations[i], options.kenBurns?.(i) ?? 'zoom-in'))
}
