import { describe, expect, test } from 'vitest'
import { captionLineSchema } from '~/studio/captions/schema.ts'
import { formatSrt, parseSrt, SrtParseError, srtTime } from '~/studio/captions/srt.ts'

const parseError = (input: string) => {
	try {
		parseSrt(input)
	} catch (error) {
		if (error instanceof SrtParseError) return { cue: error.cue, problem: error.problem }
		throw error
	}
	throw new Error('expected the SRT to be rejected')
}

describe('parseSrt', () => {
	test('reads a file from a Windows editor: BOM, CRLF, two-row cues, no final blank line', () => {
		const input = '\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nChè Shan tuyết\r\nSuối Giàng\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,250\r\nĐặt hàng qua Zalo'
		expect(parseSrt(input)).toEqual([
			{ start: 1, end: 2.5, text: 'Chè Shan tuyết Suối Giàng' },
			{ start: 3, end: 4.25, text: 'Đặt hàng qua Zalo' },
		])
	})

	test('accepts periods before milliseconds, short fractions, missing hours and cue numbers', () => {
		const input = '00:00:01.5 --> 00:00:02.75\nmột\n\n3\n01:02,000 --> 01:03,000\nhai\n'
		expect(parseSrt(input)).toEqual([
			{ start: 1.5, end: 2.75, text: 'một' },
			{ start: 62, end: 63, text: 'hai' },
		])
	})

	test('strips formatting tags and entities, and normalises to NFC', () => {
		const input = `1\n00:00:00,000 --> 00:00:01,000\n{\\an8}<i>Gạo</i> <font color="#ff0">J02</font> &amp; ${'quế'.normalize('NFD')}\n`
		const [line] = parseSrt(input)
		expect(line.text).toBe('Gạo J02 & quế')
		expect(line.text).toBe(line.text.normalize('NFC'))
	})

	test('reads cues that are not separated by a blank line', () => {
		const input = '1\n00:00:00,000 --> 00:00:01,000\nmột\n2\n00:00:01,000 --> 00:00:02,000\nhai\n'
		expect(parseSrt(input).map((l) => l.text)).toEqual(['một', 'hai'])
	})

	test('skips cues without text and splits a cue too long for one caption line', () => {
		const long = Array.from({ length: 60 }, (_, i) => `từ${i}`).join(' ')
		const input = `1\n00:00:00,000 --> 00:00:01,000\n\n2\n00:00:02,000 --> 00:00:12,000\n${long}\n`
		const lines = parseSrt(input)
		expect(lines.length).toBe(2)
		expect(lines[0].start).toBe(2)
		expect(lines[1].end).toBe(12)
		expect(lines[0].end).toBe(lines[1].start)
		expect(lines.map((l) => l.text).join(' ')).toBe(long)
		for (const line of lines) expect(captionLineSchema.safeParse(line).success).toBe(true)
	})

	test('names the cue whose timing cannot be read', () => {
		expect(parseError('1\n00:00:00,000 --> 00:00:01,000\nok\n\n2\n00:00:01 -> 00:00:02\nbad\n')).toEqual({ cue: 2, problem: 'timing' })
		expect(parseError('1\n00:00:00,000 --> 00:00:01,000\nok\n\njust some text\n')).toEqual({ cue: 2, problem: 'timing' })
	})

	test('names the cue that ends before it starts', () => {
		expect(parseError('7\n00:00:05,000 --> 00:00:04,000\nngược\n')).toEqual({ cue: 7, problem: 'endBeforeStart' })
	})

	test('names a cue by the number written in the file, not by its place in it', () => {
		// An excerpt of a longer file: its first cue is number 41.
		const excerpt = '41\n00:01:00,000 --> 00:01:01,000\nmột\n\n42\n00:01:01 -> 00:01:02\nhai\n'
		expect(parseError(excerpt)).toEqual({ cue: 42, problem: 'timing' })
		expect(parseError('41\n00:01:00,000 --> 00:01:01,000\nmột\n\n42\n00:01:03,000 --> 00:01:02,000\nhai\n')).toEqual({
			cue: 42,
			problem: 'endBeforeStart',
		})
	})

	test('a cue that ends when it starts is rejected: it would never be on screen', () => {
		expect(parseError('3\n00:00:05,000 --> 00:00:05,000\nchớp\n')).toEqual({ cue: 3, problem: 'endBeforeStart' })
	})

	test('cues written out of order are read in the order they play', () => {
		const input = '2\n00:00:03,000 --> 00:00:04,000\nhai\n\n1\n00:00:01,000 --> 00:00:02,000\nmột\n'
		expect(parseSrt(input)).toEqual([
			{ start: 1, end: 2, text: 'một' },
			{ start: 3, end: 4, text: 'hai' },
		])
	})

	test('reads a file with old Mac line ends (CR only)', () => {
		const input = '1\r00:00:01,000 --> 00:00:02,000\rmột\r\r2\r00:00:03,000 --> 00:00:04,000\rhai\r'
		expect(parseSrt(input)).toEqual([
			{ start: 1, end: 2, text: 'một' },
			{ start: 3, end: 4, text: 'hai' },
		])
	})

	test('reads hours and three-digit milliseconds', () => {
		expect(parseSrt('1\n01:02:03,045 --> 01:02:04,5\nmột\n')).toEqual([{ start: 3723.045, end: 3724.5, text: 'một' }])
	})

	test('decodes the HTML entities editors write', () => {
		const [line] = parseSrt('1\n00:00:00,000 --> 00:00:01,000\n&lt;Mới&gt; Chè&nbsp;&quot;Tôm&quot; l&apos;an\n')
		expect(line.text).toBe('<Mới> Chè "Tôm" l\'an')
	})
})

describe('formatSrt', () => {
	test('writes numbered cues with comma milliseconds and CRLF', () => {
		const srt = formatSrt([
			{ start: 3.2, end: 4, text: 'hai' },
			{ start: 0, end: 1.0004, text: 'một' },
		])
		expect(srt).toBe('1\r\n00:00:00,000 --> 00:00:01,000\r\nmột\r\n\r\n2\r\n00:00:03,200 --> 00:00:04,000\r\nhai\r\n')
		expect(srtTime(3723.4567)).toBe('01:02:03,457')
	})

	test('round-trips through parseSrt', () => {
		const lines = [
			{ start: 0.25, end: 1.5, text: 'Chè Shan tuyết ngon đặc biệt – ố ặ ữ ỹ Đ' },
			{ start: 2, end: 3.125, text: 'Giá 120.000đ, đặt hàng: Zalo 0912 345 678' },
			{ start: 3600, end: 3601.999, text: '{không phải thẻ} <b>đậm</b>' },
		]
		const again = parseSrt(formatSrt(lines))
		expect(again.slice(0, 2)).toEqual(lines.slice(0, 2))
		expect(again[2]).toEqual({ start: 3600, end: 3601.999, text: '{không phải thẻ} đậm' })
	})
})
