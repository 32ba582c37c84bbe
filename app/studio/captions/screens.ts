import { alignTokens } from './align-words.ts'
import type { CaptionLine } from './schema.ts'
import { wholeRuns } from './whole-runs.ts'

// Social captions show a few big words at a time. A line (a sentence the
// person typed or a transcription segment) is cut into "screens" of 2–4
// words, each shown until the next one starts, so the text never blinks off
// between screens of the same line. A line short enough for one row stays
// whole, and a phone number, a price or a code with its quantity counts as
// one word and is never cut (docs/decisions/136-caption-tokens-that-stay-whole.md).

export type TimedWord = { start: number; end: number; text: string }
export type CaptionScreen = {
	start: number
	end: number
	words: TimedWord[]
	/** The word times were heard (transcription), not estimated from word lengths. */
	spoken: boolean
}

const MAX_WORDS_PER_SCREEN = 4
/** A screen holds two rows of text; `maxChars` counts both. */
export const ROWS_PER_SCREEN = 2
/** A screen shorter than this cannot be read; such word times are not trusted. */
const MIN_SCREEN_SECONDS = 0.2

/**
 * Splits a line into screens. `maxChars` is how many characters fit on the
 * screen at the caption size (two rows); a screen of 4 long words that does
 * not fit becomes more, shorter screens.
 */
export function splitLineIntoScreens(line: CaptionLine, maxChars: number): CaptionScreen[] {
	const spoken = line.words?.length ? wordsForText(line) : []
	const words = spoken.length ? spoken : spreadWordsByLength(line.text, line.start, line.end)
	const screens = timeScreens(groupWords(words, maxChars), line.start, line.end, spoken.length > 0)
	if (spoken.length && screens.some((s) => s.end - s.start < MIN_SCREEN_SECONDS)) {
		return timeScreens(groupWords(spreadWordsByLength(line.text, line.start, line.end), maxChars), line.start, line.end, false)
	}
	return screens
}

/**
 * The words to show with their heard times. When the person corrected the
 * text after transcription, the shown text is theirs and the heard times are
 * re-aligned to it.
 */
function wordsForText(line: CaptionLine): TimedWord[] {
	const heard = clampWords(line)
	const text = line.text.replace(/\s+/g, ' ').trim()
	if (heard.map((word) => word.text).join(' ') === text) return heard
	return alignTokens(text, heard.map((word) => ({ word: word.text, start: word.start, end: word.end }))) ?? []
}

/** Word times kept inside the line, in order, with white space folded. */
function clampWords(line: CaptionLine): TimedWord[] {
	let previousStart = line.start
	return (line.words ?? [])
		.map((word) => {
			const start = Math.min(Math.max(word.start, previousStart), line.end)
			previousStart = start
			const end = Math.min(Math.max(word.end, start), line.end)
			return { start, end, text: word.text.replace(/\s+/g, ' ').trim() }
		})
		.filter((word) => word.text.length > 0)
}

/** Without word times, each word gets a share of the line proportional to its length. */
export function spreadWordsByLength(text: string, start: number, end: number): TimedWord[] {
	const tokens = text.split(/\s+/).filter(Boolean)
	const weights = tokens.map((token) => token.length + 1)
	const total = weights.reduce((sum, w) => sum + w, 0)
	let cursor = start
	return tokens.map((token, i) => {
		const wordStart = cursor
		cursor = i === tokens.length - 1 ? end : cursor + ((end - start) * weights[i]) / total
		return { start: wordStart, end: cursor, text: token }
	})
}

/**
 * Fewest screens of at most 4 words that fit `maxChars`, with word counts as
 * even as possible. A line that fits one row is one screen; a run that must
 * stay whole (a phone number, a price, a code with its quantity) counts as
 * one word and is never cut, even when it alone is wider than a screen.
 */
export function groupWords<W extends { text: string }>(words: W[], maxChars: number): W[][] {
	if (words.length === 0) return []
	if (screenChars(words) <= maxChars / ROWS_PER_SCREEN) return [words]
	const units = runsOf(words)
	for (let count = Math.ceil(units.length / MAX_WORDS_PER_SCREEN); count < units.length; count++) {
		const groups = evenGroups(units, count)
		// A run wider than a screen alone is shown alone (the renderer wraps it) rather than cut.
		if (groups.every((group) => group.length === 1 || screenChars(group.flat()) <= maxChars)) return groups.map((group) => group.flat())
	}
	return units
}

/** The words cut into the runs that stay on one screen. */
function runsOf<W extends { text: string }>(words: W[]): W[][] {
	let index = 0
	return wholeRuns(words.map((word) => word.text)).map((length) => words.slice(index, (index += length)))
}

function evenGroups<W>(words: W[], count: number): W[][] {
	const groups: W[][] = []
	let index = 0
	for (let g = 0; g < count; g++) {
		const size = Math.floor(words.length / count) + (g < words.length % count ? 1 : 0)
		groups.push(words.slice(index, index + size))
		index += size
	}
	return groups
}

function screenChars(group: { text: string }[]): number {
	return group.reduce((sum, word) => sum + word.text.length, 0) + group.length - 1
}

function timeScreens(groups: TimedWord[][], lineStart: number, lineEnd: number, spoken: boolean): CaptionScreen[] {
	return groups.map((words, i) => ({
		start: i === 0 ? lineStart : words[0].start,
		end: i === groups.length - 1 ? lineEnd : groups[i + 1][0].start,
		words,
		spoken,
	}))
}
