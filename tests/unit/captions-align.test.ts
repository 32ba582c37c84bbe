import { describe, expect, test } from 'vitest'
import { alignTokens, captionLinesFromTranscription } from '~/studio/captions/align-words.ts'
import { captionLineSchema } from '~/studio/captions/schema.ts'

const heard = (...entries: [string, number, number][]) => entries.map(([word, start, end]) => ({ word, start, end }))

describe('re-aligning whisper words to the punctuated text', () => {
	test('puts punctuation and casing back on the timed words', () => {
		const words = heard(['chè', 0, 0.4], ['shan', 0.4, 0.8], ['tuyết', 0.8, 1.2], ['ngon', 1.3, 1.6], ['lắm', 1.6, 2])
		expect(alignTokens('Chè Shan tuyết, ngon lắm!', words)).toEqual([
			{ start: 0, end: 0.4, text: 'Chè' },
			{ start: 0.4, end: 0.8, text: 'Shan' },
			{ start: 0.8, end: 1.2, text: 'tuyết,' },
			{ start: 1.3, end: 1.6, text: 'ngon' },
			{ start: 1.6, end: 2, text: 'lắm!' },
		])
	})

	test('a token heard as two words spans both; bare dashes join the word before', () => {
		const words = heard(['giá', 0, 0.3], ['120', 0.3, 0.7], ['000', 0.7, 1.1], ['đồng', 1.1, 1.5])
		expect(alignTokens('Giá 120.000 – đồng.', words)).toEqual([
			{ start: 0, end: 0.3, text: 'Giá' },
			{ start: 0.3, end: 1.1, text: '120.000 –' },
			{ start: 1.1, end: 1.5, text: 'đồng.' },
		])
	})

	test('when words and text disagree, matches what it can and spreads the rest', () => {
		const words = heard(['hợp', 0, 0.3], ['tác', 0.3, 0.6], ['xã', 0.6, 0.9], ['chè', 1, 1.3])
		const timed = alignTokens('Hợp tác xã Tân Hợp chè', words)!
		expect(timed.map((t) => t.text)).toEqual(['Hợp', 'tác', 'xã', 'Tân', 'Hợp', 'chè'])
		expect(timed[0]).toMatchObject({ start: 0, end: 0.3 })
		expect(timed[5]).toMatchObject({ start: 1, end: 1.3 })
		expect(timed[3].start).toBeGreaterThanOrEqual(0.9)
		expect(timed[4].end).toBeLessThanOrEqual(1)
		for (let i = 1; i < timed.length; i++) expect(timed[i].start).toBeGreaterThanOrEqual(timed[i - 1].start)
	})
})

describe('captionLinesFromTranscription', () => {
	test('makes a line per sentence with words, and drops likely hallucinated segments', () => {
		const lines = captionLinesFromTranscription({
			text: 'Chè ngon. Mua đi! Hãy đăng ký kênh.',
			segments: [
				{ start: 0, end: 2.2, text: ' Chè ngon. Mua đi!', no_speech_prob: 0.01, avg_logprob: -0.2 },
				{ start: 5, end: 7, text: ' Hãy đăng ký kênh.', no_speech_prob: 0.9, avg_logprob: -1.4 },
			],
			words: heard(['Chè', 0, 0.5], ['ngon', 0.5, 1], ['Mua', 1.4, 1.8], ['đi', 1.8, 2.2], ['Hãy', 5, 5.5], ['đăng', 5.5, 6], ['ký', 6, 6.5], ['kênh', 6.5, 7]),
		})
		expect(lines.map((l) => [l.start, l.end, l.text])).toEqual([
			[0, 1, 'Chè ngon.'],
			[1.4, 2.2, 'Mua đi!'],
		])
		expect(lines[1].words).toEqual([
			{ start: 1.4, end: 1.8, text: 'Mua' },
			{ start: 1.8, end: 2.2, text: 'đi!' },
		])
		for (const line of lines) expect(captionLineSchema.safeParse(line).success).toBe(true)
	})

	test('uses segment times when the server gave no words', () => {
		const lines = captionLinesFromTranscription({ text: 'Một hai', segments: [{ start: 1, end: 2, text: 'Một hai' }] })
		expect(lines).toEqual([{ start: 1, end: 2, text: 'Một hai' }])
	})
})
