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

describe('alignTokens: edges', () => {
	test('an empty or blank text has nothing to time', () => {
		expect(alignTokens('', heard(['chè', 0, 1]))).toBeNull()
		expect(alignTokens('   ', heard(['chè', 0, 1]))).toBeNull()
	})

	test('a word whose end was reported before its start is given no negative length', () => {
		expect(alignTokens('chè', heard(['chè', 2, 1.5]))).toEqual([{ start: 2, end: 2, text: 'chè' }])
	})

	test('punctuation before the first word joins that word; several marks stay in order', () => {
		const words = heard(['ngon', 0, 0.5], ['lắm', 0.5, 1])
		expect(alignTokens('« – ngon lắm', words)).toEqual([
			{ start: 0, end: 0.5, text: '« – ngon' },
			{ start: 0.5, end: 1, text: 'lắm' },
		])
		expect(alignTokens('ngon ... ! lắm', words)!.map((t) => t.text)).toEqual(['ngon ... !', 'lắm'])
	})

	test('a text of punctuation only stays one token over all the heard words', () => {
		// Nothing to match by letters: it is paired with the last heard word.
		expect(alignTokens('… –', heard(['ờ', 1, 1.5], ['ừ', 1.5, 2]))).toEqual([{ start: 1.5, end: 2, text: '… –' }])
	})

	test('several tokens inside one heard word all take that word', () => {
		expect(alignTokens('A1 B2', heard(['a1b2', 3, 4]))).toEqual([
			{ start: 3, end: 4, text: 'A1' },
			{ start: 3, end: 4, text: 'B2' },
		])
	})
})

describe('alignTokens: when text and words disagree', () => {
	test('a token that only starts like the heard word is still paired with it', () => {
		// "Shan" heard as "Sha", "tuyết" as "tuyết" and an extra "ờ" in between.
		const words = heard(['chè', 0, 0.4], ['sha', 0.4, 0.8], ['ờ', 0.8, 1], ['tuyết', 1, 1.5])
		expect(alignTokens('Chè Shan tuyết', words)).toEqual([
			{ start: 0, end: 0.4, text: 'Chè' },
			{ start: 0.4, end: 0.8, text: 'Shan' },
			{ start: 1, end: 1.5, text: 'tuyết' },
		])
	})

	test('a heard word that is longer than the token also pairs (prefix either way)', () => {
		const words = heard(['ngonnn', 0, 0.5], ['xa', 0.6, 0.8], ['lắm', 1, 1.4])
		expect(alignTokens('ngon lắm', words)).toEqual([
			{ start: 0, end: 0.5, text: 'ngon' },
			{ start: 1, end: 1.4, text: 'lắm' },
		])
	})

	test('unmatched tokens share the gap between their neighbours by length', () => {
		// "abc" and "d" were not heard; the gap 1 → 3 is shared 3 : 1.
		const words = heard(['xin', 0, 1], ['chào', 3, 4])
		const timed = alignTokens('xin abc d chào', words)!
		expect(timed.map((t) => [t.text, t.start, t.end])).toEqual([
			['xin', 0, 1],
			['abc', 1, 2.5],
			['d', 2.5, 3],
			['chào', 3, 4],
		])
	})

	test('tokens beyond the heard words sit at the edge of the heard time', () => {
		expect(alignTokens('ab cd mua', heard(['mua', 1, 2]))).toEqual([
			{ start: 1, end: 1, text: 'ab' },
			{ start: 1, end: 1, text: 'cd' },
			{ start: 1, end: 2, text: 'mua' },
		])
		expect(alignTokens('mua ab cdef', heard(['mua', 1, 2]))).toEqual([
			{ start: 1, end: 2, text: 'mua' },
			{ start: 2, end: 2, text: 'ab' },
			{ start: 2, end: 2, text: 'cdef' },
		])
	})

	test('when nothing matches, tokens and words are paired in order', () => {
		expect(alignTokens('aa b', heard(['xx', 0, 1], ['yy', 1, 3]))!.map((t) => [t.text, t.start, t.end])).toEqual([
			['aa', 0, 1],
			['b', 1, 3],
		])
		expect(alignTokens('xy mua', heard(['qq', 0, 1], ['mua', 2, 3]))!.map((t) => [t.text, t.start, t.end])).toEqual([
			['xy', 0, 1],
			['mua', 2, 3],
		])
	})

	test('an unmatched gap whose neighbours overlap gets no negative length', () => {
		// "mid" sits between two words heard overlapping (1.5 → 1.2).
		const timed = alignTokens('một mid hai', heard(['một', 0, 1.5], ['hai', 1.2, 2]))!
		expect(timed[1]).toEqual({ start: 1.5, end: 1.5, text: 'mid' })
	})
})

describe('captionLinesFromTranscription: segments and lines', () => {
	const segment = (start: number, end: number, text: string, extra: object = {}) => ({ start, end, text, ...extra })

	test('drops a segment only when it is both probably silence and low in confidence', () => {
		const words = heard(['một', 0, 1], ['hai', 2, 3], ['ba', 4, 5], ['bốn', 6, 7])
		const lines = captionLinesFromTranscription({
			text: '',
			segments: [
				segment(0, 1, 'một.', { no_speech_prob: 0.6, avg_logprob: -1.5 }),
				segment(2, 3, 'hai.', { no_speech_prob: 0.9, avg_logprob: -1 }),
				segment(4, 5, 'ba.', { no_speech_prob: 0.61, avg_logprob: -0.5 }),
				segment(6, 7, 'bốn.', { no_speech_prob: 0.61, avg_logprob: -1.01 }),
			],
			words,
		})
		expect(lines.map((l) => l.text)).toEqual(['một.', 'hai.', 'ba.'])
	})

	test('without segments, the whole text is one segment over the words', () => {
		const lines = captionLinesFromTranscription({ text: 'Chè ngon', words: heard(['chè', 1, 1.5], ['ngon', 1.5, 2]) })
		expect(lines).toEqual([
			{
				start: 1,
				end: 2,
				text: 'Chè ngon',
				words: [
					{ start: 1, end: 1.5, text: 'Chè' },
					{ start: 1.5, end: 2, text: 'ngon' },
				],
			},
		])
	})

	test('without segments or words, the text spans the reported duration', () => {
		expect(captionLinesFromTranscription({ text: 'Chè ngon', duration: 4 })).toEqual([{ start: 0, end: 4, text: 'Chè ngon' }])
		expect(captionLinesFromTranscription({ text: 'Chè ngon', segments: [] })).toEqual([{ start: 0, end: 0.2, text: 'Chè ngon' }])
	})

	test('a blank segment gives no line; heard words without letters are left out', () => {
		const lines = captionLinesFromTranscription({
			text: '',
			segments: [segment(0, 1, '  '), segment(1, 2, 'chè')],
			words: heard(['...', 0.2, 0.4], ['chè', 1, 2], ['-', 2, 2.1]),
		})
		expect(lines).toEqual([{ start: 1, end: 2, text: 'chè', words: [{ start: 1, end: 2, text: 'chè' }] }])
	})

	test('a segment whose only heard word has no letters is timed by the segment', () => {
		const lines = captionLinesFromTranscription({ text: '', segments: [segment(0, 4, 'chè ngon')], words: heard(['-', 1, 1.1]) })
		expect(lines).toEqual([{ start: 0, end: 4, text: 'chè ngon' }])
	})

	test('a word goes to the segment its middle falls in, or the nearest one', () => {
		const lines = captionLinesFromTranscription({
			text: '',
			segments: [segment(0, 2, 'một hai'), segment(5, 7, 'ba bốn')],
			// "hai" (middle 2.75) is nearer the first segment, "ba" (middle 4.5) nearer the second.
			words: heard(['một', 0, 1], ['hai', 2.5, 3], ['ba', 4, 5], ['bốn', 5.5, 7]),
		})
		expect(lines.map((l) => [l.start, l.end, l.text])).toEqual([
			[0, 3, 'một hai'],
			[4, 7, 'ba bốn'],
		])
	})

	test('a word exactly halfway between two segments goes to the earlier one', () => {
		const lines = captionLinesFromTranscription({
			text: '',
			segments: [segment(0, 1, 'a b'), segment(3, 4, 'c')],
			words: heard(['a', 0, 0.5], ['b', 1.5, 2.5], ['c', 3, 4]),
		})
		expect(lines.map((l) => [l.start, l.end, l.text])).toEqual([
			[0, 2.5, 'a b'],
			[3, 4, 'c'],
		])
	})

	test('a segment whose words all went elsewhere is timed by the segment', () => {
		const lines = captionLinesFromTranscription({
			text: '',
			segments: [segment(0, 10, 'một'), segment(20, 21, 'hai')],
			words: heard(['một', 1, 2]),
		})
		expect(lines).toEqual([
			{ start: 1, end: 2, text: 'một', words: [{ start: 1, end: 2, text: 'một' }] },
			{ start: 20, end: 21, text: 'hai' },
		])
	})

	test('a line ends after a sentence mark, also behind a closing quote', () => {
		const words = heard(['chị', 0, 1], ['nói', 1, 2], ['ngon', 2, 3], ['mua', 3, 4], ['đi', 4, 5], ['nhé', 5, 6])
		const lines = captionLinesFromTranscription({ text: '', segments: [segment(0, 6, 'Chị nói “ngon!” Mua… đi nhé')], words })
		expect(lines.map((l) => l.text)).toEqual(['Chị nói “ngon!”', 'Mua…', 'đi nhé'])
		const question = captionLinesFromTranscription({ text: '', segments: [segment(0, 2, 'Ngon? Mua.')], words: heard(['ngon', 0, 1], ['mua', 1, 2]) })
		expect(question.map((l) => l.text)).toEqual(['Ngon?', 'Mua.'])
		const midWord = captionLinesFromTranscription({ text: '', segments: [segment(0, 2, 'v.v thôi')], words: heard(['vv', 0, 1], ['thôi', 1, 2]) })
		expect(midWord.map((l) => l.text)).toEqual(['v.v thôi'])
	})

	test('a line lasts at least 0.2 s', () => {
		const lines = captionLinesFromTranscription({ text: '', segments: [segment(1, 1, 'chè')], words: heard(['chè', 1, 1]) })
		expect(lines[0]).toMatchObject({ start: 1, end: 1.2 })
		const noWords = captionLinesFromTranscription({ text: '', segments: [segment(3, 3.1, 'chè')] })
		expect(noWords).toEqual([{ start: 3, end: 3.2, text: 'chè' }])
	})

	test('a long sentence is cut before the word that would pass the line limit', () => {
		const line = (tokens: string[]) =>
			captionLinesFromTranscription({
				text: '',
				segments: [segment(0, tokens.length, tokens.join(' '))],
				words: heard(...tokens.map((t, i): [string, number, number] => [t, i, i + 1])),
			})
		const fives = Array.from({ length: 41 }, (_, i) => `t${String(i).padStart(4, '0')}`)
		// 33 tokens of 5 letters and 32 spaces make 197 characters; a 34th would make 203 (limit 200).
		const lines = line(fives)
		expect(lines.map((l) => l.words!.length)).toEqual([33, 8])
		expect(lines[0].text.length).toBe(197)
		expect(lines[1]).toMatchObject({ start: 33, end: 41 })
		// 39 tokens of 4 and a last one of 5 make exactly 200: one line.
		const fours = Array.from({ length: 39 }, (_, i) => `t${String(i).padStart(3, '0')}`)
		expect(line([...fours, 'abcde']).map((l) => l.text.length)).toEqual([200])
		expect(line([...fours, 'abcdef']).map((l) => l.text.length)).toEqual([194, 6])
	})

	test('without word times, a long segment is split and spread over the segment', () => {
		const text = `${'chè ngon '.repeat(30)}mua đi.`
		const lines = captionLinesFromTranscription({ text: '', segments: [segment(0, 10, `  ${text}  `)] })
		expect(lines.length).toBeGreaterThan(1)
		expect(lines[0].start).toBe(0)
		expect(lines.at(-1)!.end).toBe(10)
		expect(lines.map((l) => l.text).join(' ')).toBe(text.trim())
	})
})
