// Turning free text into caption lines: what a person types or pastes into
// the caption box, and SRT cues or transcription segments that are too long
// for one line.

export const MAX_LINE_CHARS = 200

/** NFC, one space between words, trimmed. */
export function cleanCaptionText(text: string): string {
	return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * Typed text → lines: each typed line is a line, and a pasted paragraph is
 * cut after each sentence (". ", "! ", "? ", "… "), because a sentence is
 * what is spoken between two pauses. A dot inside "50.000đ" is not an end.
 */
export function splitTypedText(text: string): string[] {
	return text
		.split(/\r?\n/)
		.flatMap((row) => cleanCaptionText(row).split(/(?<=[.!?…]) /))
		.filter((line) => line !== '')
		.flatMap((line) => splitLongLine(line))
}

/** Cuts a line longer than `maxChars` at a comma when one is near the middle, else between words. */
export function splitLongLine(line: string, maxChars = MAX_LINE_CHARS): string[] {
	if (line.length <= maxChars) return [line]
	const words = line.split(' ')
	const parts = Math.ceil(line.length / maxChars)
	const target = line.length / parts
	let bestCut = -1
	let bestCost = Number.POSITIVE_INFINITY
	let length = 0
	for (let i = 0; i < words.length - 1; i++) {
		length += words[i].length + 1
		if (length - 1 > maxChars) break
		// Prefer a cut after punctuation: a comma near the target costs less than a bare word boundary.
		const cost = Math.abs(length - target) - (/[,;:.!?…]$/.test(words[i]) ? target / 3 : 0)
		if (cost < bestCost) {
			bestCost = cost
			bestCut = i
		}
	}
	// No cut within the limit: the first word alone is longer, so this cut is inside it.
	if (bestCut < 0) return [line.slice(0, maxChars), ...splitLongLine(line.slice(maxChars), maxChars)]
	const head = words.slice(0, bestCut + 1).join(' ')
	const tail = words.slice(bestCut + 1).join(' ')
	return [head, ...splitLongLine(tail, maxChars)]
}
