import { foldForMatching } from '~/utils/vietnamese.ts'
import type { CaptionLine, CaptionWord } from './schema.ts'
import { spreadLinesEvenly } from './line-timing.ts'
import { cleanCaptionText, MAX_LINE_CHARS, splitLongLine } from './text-lines.ts'

// whisper-1's verbose_json gives segments with punctuated text and a
// separate list of words with times but without punctuation or casing
// beyond what was heard. Captions want the punctuated text, so each token
// of the segment text is given the time of the words it matches.

export type WhisperWord = { word: string; start: number; end: number }
export type WhisperSegment = { start: number; end: number; text: string; no_speech_prob?: number; avg_logprob?: number }
export type WhisperVerboseJson = { text: string; duration?: number; segments?: WhisperSegment[]; words?: WhisperWord[] }

/** Letters and digits only, without accents or case: what a token and a heard word share. */
const fold = (text: string) => foldForMatching(text).replace(/[^\p{L}\p{N}]/gu, '')

/**
 * Whisper's own rule for a segment that is probably not speech (it invents
 * "subscribe to the channel" lines over silence and music): high no-speech
 * probability together with low confidence.
 */
function isLikelyHallucination(segment: WhisperSegment): boolean {
	return (segment.no_speech_prob ?? 0) > 0.6 && (segment.avg_logprob ?? 0) < -1
}

/** Caption lines with word times from one transcription (times as in the response). */
export function captionLinesFromTranscription(response: WhisperVerboseJson): CaptionLine[] {
	const words = (response.words ?? []).filter((w) => fold(w.word) !== '')
	const segments = response.segments?.length
		? response.segments
		: [{ start: words[0]?.start ?? 0, end: words.at(-1)?.end ?? response.duration ?? 0, text: response.text }]
	const wordsBySegment = assignWordsToSegments(words, segments)
	return segments.flatMap((segment, index) => {
		if (isLikelyHallucination(segment) || segment.text.trim() === '') return []
		const timed = wordsBySegment[index].length ? alignTokens(segment.text, wordsBySegment[index]) : null
		return timed ? linesFromTimedTokens(timed) : linesWithoutWords(segment)
	})
}

/** Each word goes to the segment its middle falls in, or the nearest one. */
function assignWordsToSegments(words: WhisperWord[], segments: WhisperSegment[]): WhisperWord[][] {
	const buckets: WhisperWord[][] = segments.map(() => [])
	for (const word of words) {
		const middle = (word.start + word.end) / 2
		let best = 0
		let bestDistance = Number.POSITIVE_INFINITY
		segments.forEach((segment, i) => {
			const distance = middle < segment.start ? segment.start - middle : middle > segment.end ? middle - segment.end : 0
			if (distance < bestDistance) {
				best = i
				bestDistance = distance
			}
		})
		buckets[best].push(word)
	}
	return buckets
}

/**
 * Tokens of the segment text with times. When the letters of text and words
 * agree (the usual case, even where one token is heard as two words, as in
 * "50.000"), times follow the letters; otherwise a word-level alignment
 * pairs what it can and spreads the rest.
 */
export function alignTokens(text: string, words: WhisperWord[]): CaptionWord[] | null {
	const tokens = attachBarePunctuation(text.normalize('NFC').trim().split(/\s+/).filter(Boolean))
	if (tokens.length === 0) return null
	const byLetters = alignByLetters(tokens, words)
	const timed = byLetters ?? alignByWords(tokens, words)
	return timed.map((t, i) => ({ start: t.start, end: Math.max(t.end, t.start), text: tokens[i] }))
}

/** "ngon –" and "... thôi": a token without letters joins its neighbour. */
function attachBarePunctuation(tokens: string[]): string[] {
	const joined: string[] = []
	let pendingPrefix = ''
	for (const token of tokens) {
		if (fold(token) !== '') {
			joined.push(pendingPrefix ? `${pendingPrefix} ${token}` : token)
			pendingPrefix = ''
		} else if (joined.length) joined[joined.length - 1] += ` ${token}`
		else pendingPrefix = pendingPrefix ? `${pendingPrefix} ${token}` : token
	}
	if (pendingPrefix) joined.push(pendingPrefix)
	return joined
}

type Span = { start: number; end: number }

function alignByLetters(tokens: string[], words: WhisperWord[]): Span[] | null {
	const tokenFolds = tokens.map(fold)
	const wordFolds = words.map((w) => fold(w.word))
	if (tokenFolds.join('') !== wordFolds.join('') || tokenFolds.some((f) => f === '')) return null
	// wordAt[c] = index of the word holding letter c.
	const wordAt = wordFolds.flatMap((f, i) => Array.from(f, () => i))
	let letter = 0
	return tokenFolds.map((f) => {
		const first = wordAt[letter]
		const last = wordAt[letter + f.length - 1]
		letter += f.length
		return { start: words[first].start, end: words[last].end }
	})
}

function alignByWords(tokens: string[], words: WhisperWord[]): Span[] {
	const a = tokens.map(fold)
	const b = words.map((w) => fold(w.word))
	const similarity = (x: string, y: string) => (x === y ? 2 : x && y && (x.startsWith(y) || y.startsWith(x)) ? 1 : -1)
	// Needleman–Wunsch: score[i][j] aligns the first i tokens with the first j words.
	const score = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => -(i + j)))
	for (let i = 1; i <= a.length; i++)
		for (let j = 1; j <= b.length; j++)
			score[i][j] = Math.max(score[i - 1][j - 1] + similarity(a[i - 1], b[j - 1]), score[i - 1][j] - 1, score[i][j - 1] - 1)
	const matched: (Span | null)[] = tokens.map(() => null)
	for (let i = a.length, j = b.length; i > 0 && j > 0; ) {
		if (score[i][j] === score[i - 1][j - 1] + similarity(a[i - 1], b[j - 1])) {
			matched[i - 1] = { start: words[j - 1].start, end: words[j - 1].end }
			i--
			j--
		} else if (score[i][j] === score[i - 1][j] - 1) i--
		else j--
	}
	return fillUnmatched(tokens, matched, { start: words[0].start, end: words[words.length - 1].end })
}

/** Tokens the alignment could not pair share the gap between their matched neighbours by length. */
function fillUnmatched(tokens: string[], matched: (Span | null)[], bounds: Span): Span[] {
	const result: Span[] = []
	let i = 0
	while (i < tokens.length) {
		const known = matched[i]
		if (known) {
			result.push(known)
			i++
			continue
		}
		let j = i
		while (j < tokens.length && !matched[j]) j++
		const from = i === 0 ? bounds.start : result[i - 1].end
		const to = j === tokens.length ? bounds.end : (matched[j] as Span).start
		const run = tokens.slice(i, j)
		const total = run.reduce((sum, t) => sum + t.length, 0)
		let cursor = from
		for (const token of run) {
			const length = (Math.max(to, from) - from) * (token.length / total)
			result.push({ start: cursor, end: cursor + length })
			cursor += length
		}
		i = j
	}
	return result
}

/** Timed tokens → lines that end at sentence ends and stay under the line limit. */
function linesFromTimedTokens(tokens: CaptionWord[]): CaptionLine[] {
	const lines: CaptionLine[] = []
	let current: CaptionWord[] = []
	const flush = () => {
		if (current.length === 0) return
		const start = current[0].start
		const end = Math.max(current[current.length - 1].end, start + 0.2)
		lines.push({ start, end, text: current.map((w) => w.text).join(' '), words: current })
		current = []
	}
	for (const token of tokens) {
		const length = current.reduce((sum, w) => sum + w.text.length + 1, 0) + token.text.length
		if (length > MAX_LINE_CHARS) flush()
		current.push(token)
		if (/[.!?…]["”»)]*$/.test(token.text)) flush()
	}
	flush()
	return lines
}

/** A server that gave no word times (some OpenAI-compatible ones) still gives segment times. */
function linesWithoutWords(segment: WhisperSegment): CaptionLine[] {
	const end = Math.max(segment.end, segment.start + 0.2)
	return spreadLinesEvenly(splitLongLine(cleanCaptionText(segment.text)), segment.start, end)
}
