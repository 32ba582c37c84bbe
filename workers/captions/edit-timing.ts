import { resolveMediaPath } from '~/media/storage.server.ts'
import { spreadLinesEvenly, timeLinesToSpeech } from '~/studio/captions/line-timing.ts'
import { captionLineSchema, type CaptionLine } from '~/studio/captions/schema.ts'
import type { TimeSpan } from '~/studio/captions/silence.ts'
import type { SpecMedia } from '~/studio/edits/spec-media.server.ts'
import type { ClipItem, EditSpec } from '~/studio/spec/edit-spec.ts'
import { framesToSeconds, placeItems, timelineSeconds } from '~/studio/spec/timing.ts'
import { detectSpeech } from './audio.ts'
import { captionLinesByTranscription } from './timing.ts'

// Caption timing for a whole edit. The captions area times one part of one
// file; an edit is several trimmed clips one after another, so each clip
// that keeps its sound is analysed for its kept part and the results are
// placed where that part plays in the video.

type SoundingClip = { item: ClipItem; filePath: string; timelineStart: number }

function soundingClips(spec: EditSpec, media: Map<string, SpecMedia>): SoundingClip[] {
	if (!spec.audio.keepClipSound) return []
	const placements = placeItems(spec.timeline)
	return spec.timeline.flatMap((item, index) => {
		if (item.type !== 'clip' || !item.keepSound) return []
		const source = media.get(item.mediaId)
		if (!source || source.hasAudio === false) return []
		return [{ item, filePath: resolveMediaPath(source.storageKey), timelineStart: framesToSeconds(placements[index].startFrame) }]
	})
}

export type TimedCaptions = { lines: CaptionLine[]; timedBy: 'speech' | 'even' }

/** The typed lines laid over the speech heard in the video; spread evenly when nobody speaks. */
export async function timeCaptionsToSpeech(spec: EditSpec, media: Map<string, SpecMedia>, texts: string[], { signal }: { signal?: AbortSignal } = {}): Promise<TimedCaptions> {
	const total = timelineSeconds(spec)
	const speech: TimeSpan[] = []
	for (const clip of soundingClips(spec, media)) {
		const spans = await detectSpeech({ filePath: clip.filePath, inSeconds: clip.item.in, durationSeconds: clip.item.out - clip.item.in }, { signal })
		speech.push(...spans.map((span) => ({ start: span.start + clip.timelineStart, end: Math.min(total, span.end + clip.timelineStart) })))
	}
	const spoken = timeLinesToSpeech(texts, speech)
	return { lines: toCaptionLines(spoken ?? spreadLinesEvenly(texts, 0, total), total), timedBy: spoken ? 'speech' : 'even' }
}

/** Captions from transcription of every clip that keeps its sound, on the video's timeline. */
export async function transcribeEditCaptions(spec: EditSpec, media: Map<string, SpecMedia>, { prompt, signal }: { prompt?: string; signal?: AbortSignal } = {}): Promise<CaptionLine[]> {
	const total = timelineSeconds(spec)
	const lines: CaptionLine[] = []
	for (const clip of soundingClips(spec, media)) {
		lines.push(
			...(await captionLinesByTranscription(
				{ filePath: clip.filePath, inSeconds: clip.item.in, durationSeconds: clip.item.out - clip.item.in, timelineStartSeconds: clip.timelineStart },
				{ prompt, signal },
			)),
		)
	}
	return lines.filter((line) => line.start < total).map((line) => ({ ...line, end: Math.min(line.end, total) }))
}

function toCaptionLines(timed: { start: number; end: number; text: string }[], total: number): CaptionLine[] {
	const round = (value: number) => Math.round(Math.min(total, value) * 100) / 100
	return timed
		.map((line) => ({ start: round(line.start), end: round(line.end), text: line.text }))
		.filter((line) => line.end > line.start)
		.map((line) => captionLineSchema.parse(line))
}
