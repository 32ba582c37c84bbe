import { describe, expect, test } from 'vitest'
import { spreadLinesEvenly, timeLinesToSpeech } from '~/studio/captions/line-timing.ts'
import { parseSilenceDetect, speechBetweenSilences } from '~/studio/captions/silence.ts'
import { splitLongLine, splitTypedText } from '~/studio/captions/text-lines.ts'

// Captured from the bundled ffmpeg 4.1 on a tone at 1–2.5 s and 4–5 s of a 6 s file.
const SILENCEDETECT_LOG = `Input #0, lavfi, from 'aevalsrc=...':
  Duration: N/A, start: 0.000000, bitrate: 1024 kb/s
Stream mapping:
  Stream #0:0 -> #0:0 (pcm_f64le (native) -> pcm_s16le (native))
[silencedetect @ 0xd2a7b40] silence_start: 0
[silencedetect @ 0xd2a7b40] silence_end: 1.00006 | silence_duration: 1.00006
[silencedetect @ 0xd2a7b40] silence_start: 2.5
[silencedetect @ 0xd2a7b40] silence_end: 4.00006 | silence_duration: 1.50006
[silencedetect @ 0xd2a7b40] silence_start: 5
[silencedetect @ 0xd2a7b40] silence_end: 6 | silence_duration: 1
size=N/A time=00:00:06.00 bitrate=N/A speed= 542x`

describe('silencedetect parsing', () => {
	test('turns the log into silences and the speech between them', () => {
		const silences = parseSilenceDetect(SILENCEDETECT_LOG, 6)
		expect(silences).toEqual([
			{ start: 0, end: 1.00006 },
			{ start: 2.5, end: 4.00006 },
			{ start: 5, end: 6 },
		])
		expect(speechBetweenSilences(silences, 6)).toEqual([
			{ start: 1.00006, end: 2.5 },
			{ start: 4.00006, end: 5 },
		])
	})

	test('closes a silence that runs to the end without an end line', () => {
		const log = '[silencedetect @ 0x1] silence_start: 3.2\n'
		expect(parseSilenceDetect(log, 5)).toEqual([{ start: 3.2, end: 5 }])
		expect(speechBetweenSilences(parseSilenceDetect(log, 5), 5)).toEqual([{ start: 0, end: 3.2 }])
	})

	test('a log without silences means speech throughout; slivers are dropped', () => {
		expect(speechBetweenSilences(parseSilenceDetect('', 4), 4)).toEqual([{ start: 0, end: 4 }])
		expect(speechBetweenSilences([{ start: 0, end: 2 }, { start: 2.05, end: 4 }], 4)).toEqual([])
	})
})

describe('spreadLinesEvenly', () => {
	test('gives each line time in proportion to its length and covers the span', () => {
		const lines = spreadLinesEvenly(['ab', 'abcdef', 'ab'], 10, 20)
		expect(lines.map((l) => [l.start, l.end])).toEqual([
			[10, 12],
			[12, 18],
			[18, 20],
		])
	})

	test('the last line ends exactly at the end of the span, whatever the rounding of the shares', () => {
		const lines = spreadLinesEvenly(Array.from({ length: 10 }, () => 'a'), 0, 1)
		expect(lines[9].end).toBe(1)
	})
})

describe('timeLinesToSpeech', () => {
	const speech = [
		{ start: 1, end: 3 },
		{ start: 5, end: 7 },
		{ start: 9, end: 11 },
	]

	test('lines of equal length land on the three phrases, gaps left empty', () => {
		const lines = timeLinesToSpeech(['Chè ngon', 'Giá tốt', 'Mua ngay'], speech)!
		expect(lines.map((l) => [l.start, l.end])).toEqual([
			[1, 3],
			[5, 7],
			[9, 11],
		])
	})

	test('a boundary far from any pause stays where the text length puts it', () => {
		const lines = timeLinesToSpeech(['một hai ba bốn năm sáu', 'bảy'], speech)!
		// Six seconds of speech, 22 + 3 characters: the cut falls at 5.28 s of speaking time, inside the last phrase.
		expect(lines[0].start).toBe(1)
		expect(lines[0].end).toBeCloseTo(9 + (6 * 22) / 25 - 4, 5)
		expect(lines[1].start).toBe(lines[0].end)
		expect(lines[1].end).toBe(11)
	})

	test('every line gets some time even when they outnumber the phrases', () => {
		const lines = timeLinesToSpeech(['a', 'b', 'c', 'd', 'e', 'f', 'g'], speech)!
		for (const line of lines) expect(line.end).toBeGreaterThan(line.start)
		for (let i = 1; i < lines.length; i++) expect(lines[i].start).toBeGreaterThanOrEqual(lines[i - 1].end)
	})

	test('returns null when nobody speaks or there is nothing to say', () => {
		expect(timeLinesToSpeech(['a'], [])).toBeNull()
		expect(timeLinesToSpeech(['a'], [{ start: 2, end: 2 }])).toBeNull()
		expect(timeLinesToSpeech([], speech)).toBeNull()
	})

	test('speech stretches may come in any order; empty or reversed ones are ignored', () => {
		const messy = [speech[2], { start: 4, end: 4 }, speech[0], { start: 8, end: 7.5 }, speech[1]]
		const lines = timeLinesToSpeech(['Chè ngon', 'Giá tốt', 'Mua ngay'], messy)!
		expect(lines.map((l) => [l.start, l.end])).toEqual([
			[1, 3],
			[5, 7],
			[9, 11],
		])
	})

	test('one line spans all the speech', () => {
		expect(timeLinesToSpeech(['Chè ngon'], speech)).toEqual([{ start: 1, end: 11, text: 'Chè ngon' }])
	})

	test('a boundary moves into the nearest pause within reach, not a later one', () => {
		// 2.4 s of speech: the cut falls at 1.2 s of speaking time; pauses at 1.0 s (0.2 away) and 1.5 s (0.3 away).
		const lines = timeLinesToSpeech(['Chè ngon', 'Gạo ngon'], [{ start: 0, end: 1 }, { start: 2, end: 2.5 }, { start: 4, end: 4.9 }])!
		expect(lines.map((l) => [l.start, l.end])).toEqual([
			[0, 1],
			[2, 4.9],
		])
	})

	test('of two pauses within reach, the nearer one takes the boundary, even when it is the later one', () => {
		// 2.6 s of speech: the cut falls at 1.3 s of speaking time; pauses at 1.0 s (0.3 away) and 1.4 s (0.1 away).
		const lines = timeLinesToSpeech(['Chè ngon', 'Gạo ngon'], [{ start: 0, end: 1 }, { start: 2, end: 2.4 }, { start: 3, end: 4.2 }])!
		expect(lines.map((l) => [l.start, l.end])).toEqual([
			[0, 2.4],
			[3, 4.2],
		])
	})

	test('a pause within 35 % of the shorter line of the cut is within reach', () => {
		// The cut falls at 1.2 s of speaking time, 0.4 s after the pause: 35 % of 1.2 s is 0.42 s.
		const lines = timeLinesToSpeech(['Chè ngon', 'Gạo ngon'], [{ start: 0, end: 0.8 }, { start: 2, end: 3.6 }])!
		expect(lines.map((l) => [l.start, l.end])).toEqual([
			[0, 0.8],
			[2, 3.6],
		])
	})
})

describe('typed text', () => {
	test('one line per typed row and per sentence; decimals are not sentence ends', () => {
		expect(splitTypedText('Chè Shan tuyết.   Giá 120.000đ một gói!\n\n  Đặt hàng qua Zalo  ')).toEqual([
			'Chè Shan tuyết.',
			'Giá 120.000đ một gói!',
			'Đặt hàng qua Zalo',
		])
	})

	test('cuts an over-long line at a comma near the middle', () => {
		const line = `${'chè '.repeat(20).trim()}, ${'ngon '.repeat(20).trim()}`
		const parts = splitLongLine(line, 120)
		expect(parts).toHaveLength(2)
		expect(parts[0].endsWith(',')).toBe(true)
		expect(parts.join(' ')).toBe(line)
	})
})
