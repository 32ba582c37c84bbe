import { expect, test } from 'vitest'
import { formatPriceInput } from '~/products/form-defaults.ts'
import { priceShortcuts } from '~/products/price.ts'
import { formatVnd } from '~/utils/money.ts'
import { parseVndAmount } from '~/utils/vietnamese.ts'

test.each([
	['120000', 120_000],
	['120.000', 120_000],
	['120,000', 120_000],
	['120.000đ', 120_000],
	['120.000 VNĐ', 120_000],
	['120k', 120_000],
	['120 K', 120_000],
	['120 nghìn', 120_000],
	['1,2tr', 1_200_000],
	['1.2tr', 1_200_000],
	['1 triệu', 1_000_000],
	['1tr2', 1_200_000],
	['1tr25', 1_250_000],
	['1tr250k', 1_250_000],
	['1tr25k', 1_025_000],
	['12tr5', 12_500_000],
	['12k5', 12_500],
	['150 ngàn', 150_000],
	['2 ngàn 5', 2_500],
	['1tr', 1_000_000],
	['2k5', 2_500],
	['1m5', 1_500_000],
	['1.250.000 ₫', 1_250_000],
])('"%s" is read as %d đồng', (typed, amount) => {
	expect(parseVndAmount(typed)).toBe(amount)
})

test.each(['', 'abc', '12.5', '1.2345', '1234.567', '1.2.3', '-120000', '120kk', '1tr2k3', '2k5k', 'k120', '120 000 000 000 000 000 000 000'])(
	'"%s" is not an amount',
	(typed) => {
		const amount = parseVndAmount(typed)
		expect(amount === null || !Number.isSafeInteger(amount)).toBe(true)
	},
)

test('a stored price is shown back in a form the parser reads unchanged', () => {
	for (const amount of [1_000, 120_000, 1_250_000, 999_000_000]) {
		expect(parseVndAmount(formatPriceInput(amount))).toBe(amount)
	}
	expect(formatPriceInput(120_000)).toBe('120.000')
})

test('prices display the way Vietnamese shoppers read them', () => {
	expect(formatVnd(1_250_000).replace(/\s/g, ' ')).toBe('1.250.000 ₫')
})

test('a small bare number on a phone number pad is offered as thousands', () => {
	expect(priceShortcuts('120')).toEqual([120_000, 1_200_000, 12_000_000])
	expect(priceShortcuts('120000')).toEqual([])
	expect(priceShortcuts('abc')).toEqual([])
	expect(priceShortcuts('0')).toEqual([])
	expect(priceShortcuts('1')).toEqual([1_000, 10_000, 100_000])
	expect(priceShortcuts('999')).toEqual([999_000, 9_990_000, 99_900_000])
	expect(priceShortcuts('1000')).toEqual([])
})
