import { spreadLinesEvenly } from '~/studio/captions/line-timing.ts'
import type { CaptionLine } from '~/studio/captions/schema.ts'
import { parseEditSpec, type EditSpec, type EditSpecInput, type Overlay, type TimelineItem } from '~/studio/spec/edit-spec.ts'
import { framesToSeconds, placeItems, timelineSeconds } from '~/studio/spec/timing.ts'
import { clipSeconds, fitText, isVisual } from './shots.ts'
import type { TemplateChoices, TemplateMedia, TemplateNote, TemplateProblem, TemplateResult } from './types.ts'

// What every template does around its own timeline: check the chosen media,
// find where each item plays, lay caption lines over the shots, and validate
// the finished spec with the same parser the renderer uses.

/** Every short social video aims here; Reels' own limits are 3 to 90 seconds. */
export const TARGET_SECONDS = { min: 15, max: 30 } as const

export type Span = { start: number; end: number }

/** Where each item is on screen, in output seconds: from the start of its transition in to its last frame. */
export function itemSpans(timeline: readonly TimelineItem[]): Span[] {
	return placeItems(timeline).map((p) => ({ start: framesToSeconds(p.startFrame), end: framesToSeconds(p.startFrame + p.frames) }))
}

/**
 * The photos and clips a template can use, or the problems that stop it:
 * an audio file among them, a clip whose length was never probed, too few or
 * too many for this template.
 */
export function checkVisuals(choices: TemplateChoices, limits: { minVisuals: number; maxVisuals: number }): { visuals: TemplateMedia[]; problems: TemplateProblem[] } {
	const problems: TemplateProblem[] = []
	if (choices.formats.length === 0) problems.push({ code: 'noFormats' })
	for (const media of choices.media) {
		const name = media.label || media.mediaId
		if (!isVisual(media)) problems.push({ code: 'notAVisual', params: { name } })
		else if (media.kind === 'video' && !(clipSeconds(media) > 0)) problems.push({ code: 'clipWithoutDuration', params: { name } })
	}
	const visuals = choices.media.filter(isVisual)
	if (visuals.length < limits.minVisuals) problems.push({ code: 'needsMoreVisuals', params: { min: limits.minVisuals, count: visuals.length } })
	if (visuals.length > limits.maxVisuals) problems.push({ code: 'tooManyVisuals', params: { max: limits.maxVisuals, count: visuals.length } })
	return { visuals, problems }
}

/** The person's caption lines, cleaned: NFC, single spaces, no empty lines, within the caption length limit. */
export function cleanCaptionLines(lines: readonly string[] | undefined): string[] {
	return (lines ?? []).map((line) => fitText(line, 200)).filter((line) => line.length > 0)
}

/**
 * One caption line per shot when the person wrote one per shot (each shows
 * while its shot is on screen, handing over mid-transition); otherwise the
 * lines share the shots' time in proportion to their length.
 */
export function captionLinesOver(lines: readonly string[], shots: readonly Span[]): CaptionLine[] {
	if (lines.length === 0 || shots.length === 0) return []
	if (lines.length === shots.length) {
		return lines.map((text, i) => {
			const handOver = (span: Span, next?: Span) => (next ? (span.end + next.start) / 2 : span.end)
			const start = i === 0 ? shots[0].start : handOver(shots[i - 1], shots[i])
			return { start: round(start), end: round(handOver(shots[i], shots[i + 1])), text }
		})
	}
	return spreadLinesEvenly([...lines], shots[0].start, shots[shots.length - 1].end).map((line) => ({ ...line, start: round(line.start), end: round(line.end) }))
}

function round(seconds: number) {
	return Math.round(seconds * 1000) / 1000
}

/**
 * The video every template ends with around its own timeline and overlays:
 * the person's caption lines over the given spans, the clips' own sound kept
 * with the chosen music beneath it (dipping under speech) at the template's
 * volume, and the loudness social platforms expect. A video that comes out
 * shorter than the target gets a note, since more shots would fix it.
 */
export function finishVideo(
	choices: TemplateChoices,
	templateId: string,
	video: { timeline: TimelineItem[]; overlays: Overlay[]; captionSpans: readonly Span[]; musicVolume: number },
	notes: TemplateNote[],
): TemplateResult {
	const captionLines = cleanCaptionLines(choices.captionLines)
	const spec: EditSpecInput = {
		version: 1,
		output: { formats: choices.formats },
		timeline: video.timeline,
		overlays: video.overlays,
		captions: captionLines.length > 0 ? { lines: captionLinesOver(captionLines, video.captionSpans), style: { position: 'bottom' } } : undefined,
		audio: {
			keepClipSound: true,
			music: choices.musicMediaId ? { mediaId: choices.musicMediaId, volume: video.musicVolume, duckUnderSpeech: true, offset: 0 } : undefined,
			loudnessLufs: -14,
		},
	}
	const total = timelineSeconds({ timeline: video.timeline })
	// Judged on the whole seconds the note shows: 14.97 s of frames is not "only 15 seconds".
	if (Math.round(total) < TARGET_SECONDS.min) notes.push({ code: 'shortVideo', params: { seconds: Math.round(total) } })
	return { ok: true, spec: finishSpec(spec, templateId), notes }
}

/**
 * Parses the template's spec with the renderer's own parser. A template that
 * writes an invalid spec is a bug in the template, not the person's mistake,
 * so it throws with the issues rather than returning a problem.
 */
export function finishSpec(input: EditSpecInput, templateId: string): EditSpec {
	const parsed = parseEditSpec(input)
	if (!parsed.success) throw new Error(`Template ${templateId} wrote an invalid edit spec: ${JSON.stringify(parsed.issues)}`)
	return parsed.spec
}
