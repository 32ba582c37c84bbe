import { describe, expect, test } from 'vitest'
import { applyToItems, isPhoneOnly, readItems, repeatKey, stockLines, totalsByCode, viewerKeyFor } from '~/live/intents.ts'

describe('who the viewer is', () => {
	test('the platform id when there is one, else the name folded', () => {
		expect(viewerKeyFor({ authorId: '123', author: 'Lan' })).toBe('id:123')
		expect(viewerKeyFor({ authorId: null, author: 'Hoà  Phạm' })).toBe('name:hoa pham')
		expect(viewerKeyFor({ author: 'HOÀ PHẠM'.normalize('NFD') })).toBe('name:hoa pham')
		expect(viewerKeyFor({ authorId: '', author: 'Đức' })).toBe('name:duc')
	})
})

describe('what a comment does to the pending items', () => {
	const pending = [{ code: 'A1', qty: 2 }, { code: 'B2', qty: 1 }]
	test('an order adds quantities, new products at the end, without touching the list it was given', () => {
		expect(applyToItems(pending, 'order', [{ code: 'A1', qty: 1 }, { code: 'C3', qty: 4 }])).toEqual([{ code: 'A1', qty: 3 }, { code: 'B2', qty: 1 }, { code: 'C3', qty: 4 }])
		expect(pending).toEqual([{ code: 'A1', qty: 2 }, { code: 'B2', qty: 1 }])
		expect(applyToItems([], 'order', [{ code: 'A1', qty: 1 }])).toEqual([{ code: 'A1', qty: 1 }])
	})
	test('a cancel takes out the products it names, all of them when it names none', () => {
		expect(applyToItems(pending, 'cancel', [{ code: 'A1', qty: 1 }])).toEqual([{ code: 'B2', qty: 1 }])
		expect(applyToItems(pending, 'cancel', [{ code: 'C3', qty: 1 }])).toEqual(pending)
		expect(applyToItems(pending, 'cancel', [])).toEqual([])
	})
	test('a question or nothing leaves them as they are', () => {
		expect(applyToItems(pending, 'question', [{ code: 'A1', qty: 1 }])).toBe(pending)
		expect(applyToItems(pending, 'none', [])).toBe(pending)
	})
})

test('a repeat is the same words, whatever the accents, case, emoji and punctuation', () => {
	expect(repeatKey('Chốt A1!! 🙏')).toBe('chot a1')
	expect(repeatKey('chot   a1')).toBe('chot a1')
	expect(repeatKey('+1')).toBe('+1')
	expect(repeatKey('chốt A1 2')).not.toBe(repeatKey('chốt A1'))
})

test('a phone alone (with the words people put around it) is only a phone', () => {
	for (const text of ['0912345678', '0912 345 678', 'sđt 0912.345.678 nhé', 'SĐT: +84 912 345 678 ạ', 'số đt của em 0912345678 shop ơi 🙏']) expect(isPhoneOnly(text), text).toBe(true)
	for (const text of ['chốt 0912345678', 'A1 0912345678', '0912 345', 'sđt', '2 hộp 0912345678', '']) expect(isPhoneOnly(text), text).toBe(false)
})

describe('stock', () => {
	test('totals per code over several lists', () => {
		expect([...totalsByCode([[{ code: 'A1', qty: 2 }], [{ code: 'A1', qty: 1 }, { code: 'B2', qty: 5 }], []])]).toEqual([['A1', 3], ['B2', 5]])
	})
	test('oversold when pending and confirmed together pass the stock opened; exactly at it is fine; no stock means no cap', () => {
		const lineup = [{ code: 'A1', stockOpened: 5 }, { code: 'B2', stockOpened: 4 }, { code: 'C3', stockOpened: null }, { code: 'D4', stockOpened: 0 }]
		expect(stockLines(lineup, new Map([['A1', 3], ['B2', 2], ['C3', 99]]), new Map([['A1', 3], ['B2', 2]]))).toEqual([
			{ code: 'A1', stockOpened: 5, pending: 3, confirmed: 3, oversold: true },
			{ code: 'B2', stockOpened: 4, pending: 2, confirmed: 2, oversold: false },
			{ code: 'C3', stockOpened: null, pending: 99, confirmed: 0, oversold: false },
			{ code: 'D4', stockOpened: 0, pending: 0, confirmed: 0, oversold: false },
		])
		expect(stockLines([{ code: 'D4', stockOpened: 0 }], new Map([['D4', 1]]), new Map())[0]!.oversold).toBe(true)
	})
})

test('stored items are read defensively', () => {
	expect(readItems('[{"code":"A1","qty":2},{"code":"B2","qty":0},{"code":3,"qty":1},{"code":"C3","qty":1.5},{"code":"D4"},null]')).toEqual([{ code: 'A1', qty: 2 }])
	expect(readItems('{"code":"A1"}')).toEqual([])
	expect(readItems('not json')).toEqual([])
})
