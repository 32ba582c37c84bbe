import { captionStyleSchema, type CaptionLine, type CaptionStyle } from '~/studio/captions/schema.ts'
import type { EditSpec, MusicBed, Overlay, TimelineItem } from '~/studio/spec/edit-spec.ts'
import type { OutputFormatId } from '~/studio/spec/formats.ts'

// The studio screen keeps a draft of the edit spec in the browser and changes
// it only through these pure functions; the server validates the whole spec
// again when it is saved or rendered.

/** A library file as the editor knows it. */
export type PickableMedia = {
	id: string
	kind: string
	displayName: string
	durationMs: number | null
	/** The suggested highlight from clip analysis, seconds of the source. */
	highlight: { start: number; end: number } | null
}

/** A clip added without a suggestion starts with its first few seconds: long raw clips are the norm. */
export const DEFAULT_CLIP_SECONDS = 6
export const DEFAULT_PHOTO_SECONDS = 3

export function moveItem(spec: EditSpec, from: number, to: number): EditSpec {
	if (from === to || from < 0 || to < 0 || from >= spec.timeline.length || to >= spec.timeline.length) return spec
	const timeline = [...spec.timeline]
	const [moved] = timeline.splice(from, 1)
	timeline.splice(to, 0, moved)
	return { ...spec, timeline }
}

export function removeItem(spec: EditSpec, index: number): EditSpec {
	return { ...spec, timeline: spec.timeline.filter((_, i) => i !== index) }
}

export function updateItem(spec: EditSpec, index: number, patch: Partial<TimelineItem>): EditSpec {
	return {
		...spec,
		timeline: spec.timeline.map((item, i) => (i === index ? ({ ...item, ...patch } as TimelineItem) : item)),
	}
}

export function itemFromMedia(media: PickableMedia): TimelineItem | null {
	const focus = { x: 0.5, y: 0.5 }
	if (media.kind === 'video') {
		const length = (media.durationMs ?? 0) / 1000
		const range = media.highlight ?? { start: 0, end: Math.min(length, DEFAULT_CLIP_SECONDS) }
		return {
			type: 'clip',
			mediaId: media.id,
			label: media.displayName,
			in: round2(range.start),
			out: round2(range.end),
			focus,
			fit: 'cover',
			keepSound: true,
			transitionIn: { type: 'fade', duration: 0.5 },
		}
	}
	if (media.kind === 'photo') {
		return {
			type: 'photo',
			mediaId: media.id,
			label: media.displayName,
			duration: DEFAULT_PHOTO_SECONDS,
			kenBurns: 'zoom-in',
			focus,
			fit: 'cover',
			transitionIn: { type: 'fade', duration: 0.5 },
		}
	}
	return null
}

export function addMedia(spec: EditSpec, media: PickableMedia[]): EditSpec {
	const items = media.map(itemFromMedia).filter((item): item is TimelineItem => item !== null)
	return { ...spec, timeline: [...spec.timeline, ...items] }
}

/** Sets a clip's trim, kept inside the source and at least `minSeconds` long. */
export function trimClip(spec: EditSpec, index: number, range: { in: number; out: number }, sourceSeconds: number, minSeconds = 0.5): EditSpec {
	const item = spec.timeline[index]
	if (item?.type !== 'clip') return spec
	const end = sourceSeconds > 0 ? sourceSeconds : Math.max(range.out, item.out)
	let start = clamp(range.in, 0, Math.max(0, end - minSeconds))
	let out = clamp(range.out, 0, end)
	if (out - start < minSeconds) {
		if (range.in !== item.in) start = Math.max(0, out - minSeconds)
		else out = Math.min(end, start + minSeconds)
	}
	return updateItem(spec, index, { in: round2(start), out: round2(out) })
}

export function setCaptionLines(spec: EditSpec, lines: CaptionLine[]): EditSpec {
	if (lines.length === 0) return { ...spec, captions: undefined }
	const style = spec.captions?.style ?? defaultCaptionStyle()
	return { ...spec, captions: { lines, style } }
}

/**
 * Changes the look of the captions. The style lives on the caption track, and
 * an edit without lines has no track, so there is nothing to style until the
 * first line is written: the spec comes back unchanged. A patch that changes
 * nothing also returns the same spec, so the screen does not turn "unsaved".
 */
export function setCaptionStyle(spec: EditSpec, patch: Partial<CaptionStyle>): EditSpec {
	const captions = spec.captions
	if (!captions?.lines.length) return spec
	const style = { ...captions.style, ...patch }
	const unchanged = (Object.keys(style) as (keyof CaptionStyle)[]).every((key) => style[key] === captions.style[key])
	return unchanged ? spec : { ...spec, captions: { ...captions, style } }
}

/** The look a new caption track starts with: the schema's defaults, so there is one list of them. */
export function defaultCaptionStyle(): CaptionStyle {
	return captionStyleSchema.parse({})
}

export function setMusic(spec: EditSpec, music: MusicBed | undefined): EditSpec {
	return { ...spec, audio: { ...spec.audio, music } }
}

export function toggleFormat(spec: EditSpec, format: OutputFormatId, on: boolean): EditSpec {
	const current = spec.output.formats
	const formats = on ? (current.includes(format) ? current : [...current, format]) : current.filter((f) => f !== format)
	// The spec needs at least one format; the last one cannot be switched off.
	return formats.length === 0 ? spec : { ...spec, output: { formats } }
}

export function removeOverlay(spec: EditSpec, index: number): EditSpec {
	return { ...spec, overlays: spec.overlays.filter((_, i) => i !== index) }
}

export function updateOverlay(spec: EditSpec, index: number, patch: Partial<Overlay>): EditSpec {
	return { ...spec, overlays: spec.overlays.map((o, i) => (i === index ? ({ ...o, ...patch } as Overlay) : o)) }
}

function clamp(value: number, min: number, max: number) {
	return Math.min(max, Math.max(min, value))
}

function round2(value: number) {
	return Math.round(value * 100) / 100
}
