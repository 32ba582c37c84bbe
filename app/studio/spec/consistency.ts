import type { EditSpec, TimelineItem } from './edit-spec.ts'
import { SPEC_LIMITS } from './limits.ts'
import { issue, type IssueLocation, type SpecIssue } from './issues.ts'
import { framesToSeconds, itemFrames, itemSeconds, secondsToFrames, timelineFrames, transitionFrames } from './timing.ts'

// Rules that span several fields of a well-formed spec: the shape is Zod's
// job, these are about time (an out point before its in point, a transition
// longer than the items it joins, captions after the end). Checks that need
// the media themselves (a trim past the clip's end) run in the renderer.

export function itemLocation(item: TimelineItem, index: number): IssueLocation {
	return { kind: 'item', index, itemType: item.type, label: item.label || (item.type === 'title' ? item.lines[0] : undefined) }
}

const round1 = (value: number) => Math.round(value * 10) / 10

export function checkSpecConsistency(spec: EditSpec): SpecIssue[] {
	const issues: SpecIssue[] = []
	if (spec.timeline.length === 0) return [issue('timeline.empty', { kind: 'spec' })]

	spec.timeline.forEach((item, index) => {
		const at = itemLocation(item, index)
		if (item.type === 'clip' && item.out <= item.in) {
			issues.push(issue('clip.outBeforeIn', at, { in: item.in, out: item.out }))
			return
		}
		// Counted in frames, as the renderer counts: 1.2 − 1 is 0.19999… seconds but six whole frames.
		if (itemFrames(item) < secondsToFrames(SPEC_LIMITS.minItemSeconds)) {
			issues.push(issue('item.tooShort', at, { seconds: round1(itemSeconds(item)), min: SPEC_LIMITS.minItemSeconds }))
			return
		}
		const overlap = transitionFrames(spec.timeline, index)
		if (overlap === 0) return
		// Half of each neighbour at most: two transitions around a short item
		// must never overlap each other.
		const room = Math.min(itemFrames(item), itemFrames(spec.timeline[index - 1])) / 2
		if (overlap > room) {
			issues.push(
				issue('transition.tooLong', at, { duration: round1(framesToSeconds(overlap)), max: round1(framesToSeconds(Math.floor(room))) }),
			)
		}
	})
	if (issues.length > 0) return issues

	const total = framesToSeconds(timelineFrames(spec.timeline))
	if (total > SPEC_LIMITS.maxTimelineSeconds) {
		issues.push(issue('timeline.tooLong', { kind: 'spec' }, { seconds: round1(total), max: SPEC_LIMITS.maxTimelineSeconds }))
	}

	spec.captions?.lines.forEach((line, index) => {
		if (line.end > total + 1e-6) {
			issues.push(issue('captions.pastEnd', { kind: 'caption', index }, { end: round1(line.end), total: round1(total) }))
		}
	})

	spec.overlays.forEach((overlay, index) => {
		const at: IssueLocation = { kind: 'overlay', index, overlayType: overlay.type }
		const end = overlay.end ?? total
		if (overlay.start >= total) issues.push(issue('overlay.startsAfterEnd', at, { start: round1(overlay.start), total: round1(total) }))
		else if (end > total + 1e-6) issues.push(issue('overlay.pastEnd', at, { end: round1(end), total: round1(total) }))
		else if (end <= overlay.start) issues.push(issue('overlay.endBeforeStart', at, { start: round1(overlay.start), end: round1(end) }))
		if (overlay.type === 'price' && overlay.compareAtPriceVnd !== undefined && overlay.compareAtPriceVnd <= overlay.priceVnd) {
			issues.push(issue('price.compareAtNotHigher', at, { price: overlay.priceVnd, compareAtPrice: overlay.compareAtPriceVnd }))
		}
	})
	return issues
}
