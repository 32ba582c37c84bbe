// Reading ffmpeg's silencedetect log. The filter prints, on stderr:
//   [silencedetect @ 0x...] silence_start: 1.50095
//   [silencedetect @ 0x...] silence_end: 3.00045 | silence_duration: 1.4995
// A stream that ends in silence may print a start without an end. Speech is
// what lies between the silences.

export type TimeSpan = { start: number; end: number }

export function parseSilenceDetect(stderr: string, durationSeconds: number): TimeSpan[] {
	const silences: TimeSpan[] = []
	let openStart: number | null = null
	for (const match of stderr.matchAll(/silence_(start|end): *(-?[\d.]+(?:e[-+]?\d+)?)/g)) {
		const value = Math.max(0, Number(match[2]))
		if (match[1] === 'start') openStart = value
		else {
			silences.push({ start: openStart ?? 0, end: value })
			openStart = null
		}
	}
	if (openStart !== null && openStart < durationSeconds) silences.push({ start: openStart, end: durationSeconds })
	return silences
}

/** The complement of the silences within [0, duration], without slivers shorter than `minSpeechSeconds`. */
export function speechBetweenSilences(silences: TimeSpan[], durationSeconds: number, minSpeechSeconds = 0.15): TimeSpan[] {
	const speech: TimeSpan[] = []
	let cursor = 0
	for (const silence of [...silences].sort((a, b) => a.start - b.start)) {
		if (silence.start > cursor) speech.push({ start: cursor, end: Math.min(silence.start, durationSeconds) })
		cursor = Math.max(cursor, silence.end)
	}
	if (cursor < durationSeconds) speech.push({ start: cursor, end: durationSeconds })
	return speech.filter((span) => span.end - span.start >= minSpeechSeconds)
}
