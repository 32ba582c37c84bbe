import { describe, expect, test } from 'vitest'
import { groupWords, splitLineIntoScreens, spreadWordsByLength } from '~/studio/captions/screens.ts'

const texts = (screens: { words: { text: string }[] }[]) => screens.map((screen) => screen.words.map((word) => word.text).join(' '))
const asWords = (text: string) => text.split(' ').map((word) => ({ text: word }))

describe('screens of a line', () => {
	test('heard words keep their times; the first screen starts with the line, the last ends with it', () => {
		const line = {
			start: 10,
			end: 14,
			text: 'Chè Shan tuyết cổ thụ',
			words: [
				{ start: 10.5, end: 11, text: 'Chè' },
				{ start: 11, end: 11.5, text: 'Shan' },
				{ start: 11.5, end: 12, text: 'tuyết' },
				{ start: 12.5, end: 13, text: 'cổ' },
				{ start: 13, end: 13.5, text: 'thụ' },
			],
		}
		const screens = splitLineIntoScreens(line, 40)
		expect(texts(screens)).toEqual(['Chè Shan tuyết', 'cổ thụ'])
		expect(screens.map(({ start, end, spoken }) => ({ start, end, spoken }))).toEqual([
			{ start: 10, end: 12.5, spoken: true },
			{ start: 12.5, end: 14, spoken: true },
		])
		expect(screens[0].words[0]).toEqual({ start: 10.5, end: 11, text: 'Chè' })
	})

	test('heard words are kept when the text differs from them only in spacing', () => {
		const line = {
			start: 0,
			end: 2,
			text: ' Gạo   nếp ',
			words: [
				{ start: 0.2, end: 0.9, text: 'Gạo' },
				{ start: 1.1, end: 1.8, text: ' nếp\n' },
				{ start: 1.8, end: 1.8, text: ' ' },
			],
		}
		const [screen] = splitLineIntoScreens(line, 40)
		expect(screen.spoken).toBe(true)
		expect(screen.words).toEqual([
			{ start: 0.2, end: 0.9, text: 'Gạo' },
			{ start: 1.1, end: 1.8, text: 'nếp' },
		])
	})

	test('heard times outside the line are pulled inside it', () => {
		const line = { start: 1, end: 2, text: 'một hai', words: [{ start: 0.5, end: 1.5, text: 'một' }, { start: 1.5, end: 2.5, text: 'hai' }] }
		expect(splitLineIntoScreens(line, 40)[0].words).toEqual([
			{ start: 1, end: 1.5, text: 'một' },
			{ start: 1.5, end: 2, text: 'hai' },
		])
	})

	test('word times that would flash a screen too short to read are replaced by times from word lengths', () => {
		const words = 'một hai ba bốn năm sáu'.split(' ')
		// The last three words heard in the last 0.05 s of the line: their screen could not be read.
		const starts = [0, 1, 2, 5.95, 5.97, 5.99]
		const line = { start: 0, end: 6, text: words.join(' '), words: words.map((text, i) => ({ start: starts[i], end: starts[i] + 0.01, text })) }
		const screens = splitLineIntoScreens(line, 40)
		expect(screens.every((screen) => !screen.spoken)).toBe(true)
		expect(screens.map((screen) => screen.end - screen.start).every((seconds) => seconds > 2)).toBe(true)
		expect(screens[0].start).toBe(0)
		expect(screens[screens.length - 1].end).toBe(6)
	})

	test('a screen of exactly the shortest readable length (0.2 s) keeps the heard times', () => {
		const starts = [0, 0.05, 0.1, 0.2, 3]
		const line = { start: 0, end: 5, text: 'a b c d e', words: 'a b c d e'.split(' ').map((text, i) => ({ start: starts[i], end: starts[i] + 0.05, text })) }
		// 16 characters a screen: the nine-character line is wider than one row (8), so it is cut (decision 136).
		const screens = splitLineIntoScreens(line, 16)
		expect(screens.map(({ start, end, spoken }) => ({ start, end, spoken }))).toEqual([
			{ start: 0, end: 0.2, spoken: true },
			{ start: 0.2, end: 5, spoken: true },
		])
	})
})

test('without heard words, each word gets a share of the line in proportion to its length plus a space', () => {
	expect(spreadWordsByLength('ab  c', 1, 4)).toEqual([
		{ start: 1, end: 2.8, text: 'ab' },
		{ start: 2.8, end: 4, text: 'c' },
	])
	expect(spreadWordsByLength('  ', 0, 1)).toEqual([])
	expect(spreadWordsByLength(Array.from({ length: 10 }, () => 'a').join(' '), 0, 1)[9].end).toBe(1)
})

describe('grouping words into screens', () => {
	test('a screen holds as many characters as fit, spaces between words included', () => {
		expect(groupWords(asWords('aa bb'), 5).map((group) => group.length)).toEqual([2])
		expect(groupWords(asWords('aa bb'), 4).map((group) => group.length)).toEqual([1, 1])
		expect(groupWords(asWords('aa bb cc dd'), 11).map((group) => group.length)).toEqual([4])
		expect(groupWords(asWords('aa bb cc dd'), 10).map((group) => group.length)).toEqual([2, 2])
	})

	test('words longer than a screen get a screen each; no words, no screens', () => {
		expect(groupWords(asWords('aaaa bbbb'), 3).map((group) => group.length)).toEqual([1, 1])
		// Two screens would leave "a bbbbbbb" too wide: every screen must fit, so three.
		expect(groupWords(asWords('a bbbbbbb c'), 7).map((group) => group.length)).toEqual([1, 1, 1])
		expect(groupWords([], 40)).toEqual([])
	})
})
