import { describe, expect, test } from 'vitest'
import { groupWords, splitLineIntoScreens } from '~/studio/captions/screens.ts'
import { wholeRuns } from '~/studio/captions/whole-runs.ts'

// What a caption screen never cuts: phone numbers, prices, a product code with
// its quantity, and a line short enough for one row.

const words = (text: string) => text.split(' ').map((word) => ({ text: word }))
const screens = (text: string, maxChars: number) => groupWords(words(text), maxChars).map((group) => group.map((word) => word.text).join(' '))
/** Roughly what fits two rows of a 9:16 video at the default caption size. */
const REELS = 37

describe('wholeRuns', () => {
	test.each([
		['0912 345 678', [3]],
		['Zalo 0912 345 678', [1, 3]],
		['Gọi +84 912 345 678 nhé', [1, 4, 1]],
		['Giá 120.000 đ', [1, 2]],
		['Giá 120.000 ₫ một hộp', [1, 2, 1, 1]],
		['chỉ 120k thôi', [1, 1, 1]],
		['còn 2 triệu', [1, 2]],
		['Mã A1 2 hộp', [1, 3]],
		['120.000 đ/hộp 100g', [2, 1]],
		['Nhà 5, 6 người', [1, 1, 1, 1]],
		['Sương sớm trên đồi chè', [1, 1, 1, 1, 1]],
		// A number in brackets, a decimal, millions with dots, a mark at the end.
		['(028) 3823 4567', [3]],
		['1,5 kg chè', [2, 1]],
		['1.000.000 đồng', [2]],
		['Zalo 0912 345 678.', [1, 3]],
		['Giá 5 kg, mua', [1, 2, 1]],
		['Giá 120.000 đ! Mua', [1, 2, 1]],
		// A sentence that ends between two numbers, or between a number and a word, splits them.
		['0912 345. 678 nhé', [2, 1, 1]],
		['Còn 5. Kg thì', [1, 1, 1, 1]],
		['Nhà 5, kg', [1, 1, 1]],
		// Letters before or after the digits: not a number.
		['abc123 456', [1, 1]],
		['123abc 456', [1, 1]],
		['12 3a', [1, 1]],
		// Product codes: capitals (at most four), a dash, at most four digits, then a quantity.
		['CTT-2 3 gói', [3]],
		['a1 2 hộp', [1, 2]],
		['ABCDE1 2', [1, 1]],
		['A12345 2', [1, 1]],
		['xA1 2', [1, 1]],
		['A1x 2', [1, 1]],
		['Mã A1 hộp', [1, 1, 1]],
		['Mã A1', [1, 1]],
		['Mã A1 2', [1, 2]],
		// The word after a number is its unit only when it is one.
		['5 người', [1, 1]],
		['5 kgs', [1, 1]],
		['5 xkg', [1, 1]],
		['2 hộp.', [2]],
		['2 Hộp!!', [2]],
		['5 kg/hộp', [2]],
		['5 người/kg', [1, 1]],
	])('%s', (text, runs) => {
		expect(wholeRuns(text.split(' '))).toEqual(runs)
	})
})

describe('screens keep runs whole', () => {
	test('a phone number is never split from itself: "Chốt đơn: Zalo 0912 345 678"', () => {
		const cut = screens('Chốt đơn: Zalo 0912 345 678 để giữ hàng sớm nhất', REELS)
		expect(cut.some((screen) => screen.includes('0912 345 678'))).toBe(true)
		expect(cut.join(' ')).toBe('Chốt đơn: Zalo 0912 345 678 để giữ hàng sớm nhất')
	})

	test('the reported line fits the screen, so it stays one screen', () => {
		expect(screens('Chốt đơn: Zalo 0912 345 678', REELS)).toEqual(['Chốt đơn: Zalo 0912 345 678'])
	})

	test('a price and a code with its quantity stay on one screen', () => {
		for (const screen of screens('Hôm nay chè Shan tuyết chỉ còn 120.000 đ mỗi hộp, đặt mã A1 2 hộp được tặng một gói', REELS)) {
			expect(screen).not.toMatch(/(^đ |120\.000$)/)
			expect(screen).not.toMatch(/(^2 hộp|A1$|A1 2$)/)
		}
	})

	test('a run wider than a screen still shows whole, on its own', () => {
		expect(screens('Gọi ngay +84 912 345 678', 10)).toEqual(['Gọi ngay', '+84 912 345 678'])
	})

	test('a line that fits one row is one screen; a longer one is still cut into 2–4 words', () => {
		expect(screens('Chè ngon mỗi sáng', REELS)).toEqual(['Chè ngon mỗi sáng'])
		// An empty line (it fits any row) is no screen at all, not one empty screen.
		expect(groupWords([], REELS)).toEqual([])
		expect(screens('Một ngày trên nương chè Shan tuyết cổ thụ ở Suối Giàng', 40)).toEqual(['Một ngày trên nương', 'chè Shan tuyết cổ', 'thụ ở Suối Giàng'])
	})

	test('spoken word times survive: the phone number’s words keep their own times on one screen', () => {
		const text = 'Chốt đơn qua Zalo số 0912 345 678 hôm nay'
		const heard = text.split(' ').map((word, i) => ({ start: i * 0.4, end: i * 0.4 + 0.3, text: word }))
		const shown = splitLineIntoScreens({ start: 0, end: 4, text, words: heard }, 24)
		const phoneScreen = shown.find((screen) => screen.words.some((word) => word.text === '0912'))!
		expect(phoneScreen.words.map((word) => word.text)).toEqual(expect.arrayContaining(['0912', '345', '678']))
		expect(shown.flatMap((screen) => screen.words)).toHaveLength(heard.length)
	})
})
