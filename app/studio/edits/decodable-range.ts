import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import { itemLocation } from '~/studio/spec/consistency.ts'
import { SPEC_LIMITS } from '~/studio/spec/limits.ts'
import { issue, type SpecIssue } from '~/studio/spec/issues.ts'

// A clip cut short (a half-written phone file) keeps its header's length,
// but the library stores what really decodes (docs/decisions/130): no render
// is ever handed a range past that, or ffmpeg crashes on the missing bytes.

const round2 = (value: number) => Math.round(value * 100) / 100

/**
 * Pulls every clip's out point back to where its file stops decoding; a
 * clip that would keep less than the shortest item is named instead.
 * `durationsMs` holds the stored (decodable) durations of the files cut short, by media id.
 */
export function clampClipsToDecodable(spec: EditSpec, durationsMs: ReadonlyMap<string, number | null>): { spec: EditSpec; issues: SpecIssue[] } {
	const issues: SpecIssue[] = []
	const timeline = spec.timeline.map((item, index) => {
		if (item.type !== 'clip') return item
		const durationMs = durationsMs.get(item.mediaId)
		if (!durationMs) return item
		const end = durationMs / 1000
		if (item.out <= end) return item
		if (end - item.in < SPEC_LIMITS.minItemSeconds) {
			issues.push(issue('clip.inPastEnd', itemLocation(item, index), { in: round2(item.in), duration: round2(end) }))
			return item
		}
		return { ...item, out: Math.floor(end * 100) / 100 }
	})
	return { spec: { ...spec, timeline }, issues }
}
