import { expect, test } from 'vitest'
import { isValidProductCode, normalizeProductCode, suggestNextCode } from '~/products/codes.ts'

test('codes are stored upper-case, without separators, accents or leading zeros', () => {
	expect(normalizeProductCode('a1')).toBe('A1')
	expect(normalizeProductCode(' b-12 ')).toBe('B12')
	expect(normalizeProductCode('Â 1')).toBe('A1')
	expect(normalizeProductCode('đ2')).toBe('D2')
	expect(normalizeProductCode('A01')).toBe('A1')
	expect(normalizeProductCode('tr5')).toBe('TR5')
})

test('a code is one to three letters, then one to three digits', () => {
	for (const code of ['A1', 'B12', 'TR5', 'ABC999']) expect(isValidProductCode(code)).toBe(true)
	for (const code of ['', '1A', '12', 'A', 'ABCD1', 'A1234', 'A1B', 'A 1', 'a1']) expect(isValidProductCode(code)).toBe(false)
})

test('the first product gets A1', () => {
	expect(suggestNextCode([], null)).toBe('A1')
})

test('the suggestion continues the series of the newest product', () => {
	expect(suggestNextCode(['A1', 'A2'], 'A2')).toBe('A3')
	expect(suggestNextCode(['A1', 'B1', 'C1'], 'C1')).toBe('C2')
	expect(suggestNextCode(['A1', 'A3', 'B1'], 'A1')).toBe('A4')
	expect(suggestNextCode(['TR1', 'TR2'], 'tr2')).toBe('TR3')
})

test('numbers of the other series do not move the suggestion', () => {
	expect(suggestNextCode(['A1', 'B5'], 'A1')).toBe('A2')
	expect(suggestNextCode(['A1', 'B5'], 'B5')).toBe('B6')
	expect(suggestNextCode(['A1', 'B5'], null)).toBe('A2')
})

test('codes written before the pattern existed do not break the suggestion', () => {
	expect(suggestNextCode(['A1', 'hộp 2', '123'], 'A1')).toBe('A2')
})

test('999 is the last number of a series', () => {
	expect(suggestNextCode(['A998'], 'A998')).toBe('A999')
	const allButLast = Array.from({ length: 998 }, (_, i) => `A${i + 1}`)
	expect(suggestNextCode(allButLast, null)).toBe('A999')
})

test('a full series falls back to the first free one-letter code', () => {
	const full = Array.from({ length: 999 }, (_, i) => `A${i + 1}`)
	expect(suggestNextCode(full, 'A999')).toBe('B1')
	expect(suggestNextCode(['A1', 'B1'], null)).toBe('A2')
})

test('the suggestion is never a taken code', () => {
	const taken = ['A1', 'A2', 'B1', 'B2', 'C7']
	for (const latest of [...taken, null]) {
		expect(taken).not.toContain(suggestNextCode(taken, latest))
	}
})
