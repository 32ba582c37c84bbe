import type { TimeSpan } from './silence.ts'

// Timing typed lines without a transcription: each line gets a share of
// time proportional to its length (an even reading pace), laid either over
// the whole clip or over the stretches where someone speaks.

export type TimedText = { start: number; end: number; text: string }

const weight = (text: string) => Math.max(1, text.length)

/** Lines one after another across [start, end], each lasting in proportion to its length. */
export function spreadLinesEvenly(texts: string[], start: number, end: number): TimedText[] {
	const total = texts.reduce((sum, text) => sum + weight(text), 0)
	let cursor = start
	return texts.map((text, i) => {
		const from = cursor
		cursor = i === texts.length - 1 ? end : cursor + ((end - start) * weight(text)) / total
		return { start: from, end: cursor, text }
	})
}

/**
 * Lines laid over the speech only: the speech stretches are put end to end,
 * the lines share that speaking time by length, and a boundary between two
 * lines that lands close to a pause moves into the pause (people pause
 * between sentences), so the next line appears when its words begin.
 * Returns null when there is no speech to follow.
 */
export function timeLinesToSpeech(texts: string[], speech: TimeSpan[]): TimedText[] | null {
	const spans = speech.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start)
	if (spans.length === 0 || texts.length === 0) return null
	// Speaking time elapsed at the start of each span.
	const offsets: number[] = []
	let speaking = 0
	for (const span of spans) {
		offsets.push(speaking)
		speaking += span.end - span.start
	}
	const total = texts.reduce((sum, text) => sum + weight(text), 0)
	const shares = texts.map((text) => (speaking * weight(text)) / total)

	// Interior boundaries on the speaking clock, snapped to pauses when close.
	const cuts: { at: number; pauseAfterSpan: number | null }[] = []
	let cursor = 0
	for (let i = 0; i < texts.length - 1; i++) {
		cursor += shares[i]
		const tolerance = 0.35 * Math.min(shares[i], shares[i + 1])
		const previous = cuts.length ? cuts[cuts.length - 1].at : 0
		let best: number | null = null
		for (let s = 0; s < spans.length - 1; s++) {
			const pauseAt = offsets[s + 1]
			if (pauseAt <= previous || Math.abs(pauseAt - cursor) > tolerance) continue
			if (best === null || Math.abs(pauseAt - cursor) < Math.abs(offsets[best + 1] - cursor)) best = s
		}
		cuts.push(best === null ? { at: Math.max(cursor, previous), pauseAfterSpan: null } : { at: offsets[best + 1], pauseAfterSpan: best })
	}

	const toClock = (at: number): number => {
		let s = 0
		while (s < spans.length - 1 && offsets[s + 1] <= at) s++
		return Math.min(spans[s].end, spans[s].start + (at - offsets[s]))
	}
	return texts.map((text, i) => {
		const before = i === 0 ? null : cuts[i - 1]
		const after = i === texts.length - 1 ? null : cuts[i]
		const start = before === null ? spans[0].start : before.pauseAfterSpan === null ? toClock(before.at) : spans[before.pauseAfterSpan + 1].start
		const end = after === null ? spans[spans.length - 1].end : after.pauseAfterSpan === null ? toClock(after.at) : spans[after.pauseAfterSpan].end
		return { start, end: Math.max(end, start), text }
	})
}
