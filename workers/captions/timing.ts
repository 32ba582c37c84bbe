import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { captionLinesFromTranscription } from '~/studio/captions/align-words.ts'
import { spreadLinesEvenly, timeLinesToSpeech } from '~/studio/captions/line-timing.ts'
import { captionLineSchema, type CaptionLine } from '~/studio/captions/schema.ts'
import { splitTypedText } from '~/studio/captions/text-lines.ts'
import { transcribeAudioFile, type TranscriptionSettings } from '~/studio/captions/transcribe.server.ts'
import { detectSpeech, extractSpeechAudio, type AudioPart, type SpeechDetectionOptions } from './audio.ts'

// The three ways captions get their times (docs/decisions/021-caption-timing.md):
// transcription with word times when a key is set; typed lines laid over
// the detected speech; typed lines spread evenly. Each works on one part of
// one media file and returns lines on the output timeline.

export type CaptionSource = AudioPart & {
	/** Where this part starts on the output timeline, seconds. */
	timelineStartSeconds?: number
}

export async function captionLinesByTranscription(
	source: CaptionSource,
	options: { prompt?: string; signal?: AbortSignal; settings?: TranscriptionSettings; chunkSeconds?: number } = {},
): Promise<CaptionLine[]> {
	const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'coop-captions-'))
	try {
		const chunks = await extractSpeechAudio(source, workDir, { signal: options.signal, chunkSeconds: options.chunkSeconds })
		const lines: CaptionLine[] = []
		// One chunk at a time: the service rate-limits per key, and order keeps the lines sorted.
		for (const chunk of chunks) {
			const response = await transcribeAudioFile(chunk.filePath, { ...options.settings, prompt: options.prompt, signal: options.signal })
			lines.push(...captionLinesFromTranscription(response).map((line) => shiftLine(line, chunk.offsetSeconds)))
		}
		return placeOnTimeline(lines, source)
	} finally {
		await fs.rm(workDir, { recursive: true, force: true })
	}
}

export type TypedCaptionTiming = 'speech' | 'even'

/**
 * Typed text → timed lines. With 'speech', lines follow the speech found by
 * silencedetect; when none is found (music only, a silent clip) they are
 * spread evenly instead, and `timedBy` says so, so the studio can tell the
 * person.
 */
export async function captionLinesFromTypedText(
	source: CaptionSource,
	text: string,
	timing: TypedCaptionTiming,
	options: SpeechDetectionOptions = {},
): Promise<{ lines: CaptionLine[]; timedBy: TypedCaptionTiming }> {
	const texts = splitTypedText(text)
	if (texts.length === 0) return { lines: [], timedBy: timing }
	if (timing === 'speech') {
		const spoken = timeLinesToSpeech(texts, await detectSpeech(source, options))
		if (spoken) return { lines: placeOnTimeline(spoken, source), timedBy: 'speech' }
	}
	return { lines: placeOnTimeline(spreadLinesEvenly(texts, 0, source.durationSeconds), source), timedBy: 'even' }
}

function shiftLine<L extends { start: number; end: number; words?: { start: number; end: number; text: string }[] }>(line: L, by: number): L {
	return {
		...line,
		start: line.start + by,
		end: line.end + by,
		...(line.words ? { words: line.words.map((word) => ({ ...word, start: word.start + by, end: word.end + by })) } : {}),
	}
}

/** Part-relative lines → output timeline, cut to the part, validated. */
function placeOnTimeline(lines: { start: number; end: number; text: string; words?: CaptionLine['words'] }[], source: CaptionSource): CaptionLine[] {
	const clampToPart = (t: number) => Math.min(Math.max(t, 0), source.durationSeconds)
	return lines
		.filter((line) => line.start < source.durationSeconds)
		.map((line) => {
			const start = clampToPart(line.start)
			const end = clampToPart(line.end)
			const words = line.words?.map((word) => ({ ...word, start: clampToPart(word.start), end: clampToPart(word.end) }))
			return shiftLine({ ...line, start, end, ...(words ? { words } : {}) }, source.timelineStartSeconds ?? 0)
		})
		.filter((line) => line.end > line.start)
		.map((line) => captionLineSchema.parse(line))
}
