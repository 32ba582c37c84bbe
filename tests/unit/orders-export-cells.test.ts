import { describe, expect, test } from 'vitest'
import { cleanCell, foldHeader, isCancelledStatus, readLocalDateTime, readPhone, readQuantity, readVnd } from '~/orders/export-cells.ts'

// Cells as the three marketplaces' exports really hold them
// (../shared/reference/platforms.md, "Marketplace order exports").

describe('cells and headers', () => {
	test('tabs, line breaks and repeated spaces go; NFD becomes NFC', () => {
		expect(cleanCell('576000000000000001\t')).toBe('576000000000000001')
		expect(cleanCell('\tGạo ST25\t 5kg \r\n')).toBe('Gạo ST25 5kg')
		expect(cleanCell('Đã hủy'.normalize('NFD'))).toBe('Đã hủy')
	})
	test.each([
		['Trạng Thái Đơn Hàng', 'trangthaidonhang'],
		['trang thai don hang', 'trangthaidonhang'],
		['Tổng giá trị đơn hàng (VND)', 'tonggiatridonhangvnd'],
		['SKU Reference No.', 'skureferenceno'],
		['Phone #', 'phone'],
		['orderNumber', 'ordernumber'],
		['\tMã đơn hàng ', 'madonhang'],
	])('%j folds to %j', (header, folded) => expect(foldHeader(header)).toBe(folded))
})

describe('amounts in đồng', () => {
	test.each([
		['150000', 150000],
		['150.000', 150000],
		['150,000', 150000],
		['1.250.000', 1250000],
		['1,250,000', 1250000],
		['150000.00', 150000],
		['150000,5', 150001],
		['149999.4', 149999],
		['1,250,000.00', 1250000],
		['1.250.000,00', 1250000],
		['₫150.000', 150000],
		['150.000 ₫', 150000],
		['150.000đ', 150000],
		['150000 VND', 150000],
		['-5.000', -5000],
		['-5000.00', -5000],
		['0', 0],
		[' 7 000 ', 7000],
	])('%j → %d', (text, amount) => expect(readVnd(text)).toBe(amount))

	test.each(['', 'abc', '1.250,000', '1,250.000.00', '1.25.000', '15k', '1.2345', '12a', '--5', '1.250.000.00.00', '5-', '1,250,000,50', '1.250.000.50'])('%j is not an amount', (text) => {
		expect(readVnd(text)).toBeNull()
	})
})

describe('quantities', () => {
	test.each([
		['2', 2],
		['2.0', 2],
		['2.00', 2],
		[' 10\t', 10],
		['1', 1],
	])('%j → %d', (text, qty) => expect(readQuantity(text)).toBe(qty))
	test.each(['0', '', '-1', '1.5', 'hai', '2 hộp', '99999999999999999'])('%j is not a quantity', (text) => expect(readQuantity(text)).toBeNull())
})

describe('dates: local Vietnamese time, written with +07:00', () => {
	test.each([
		['2026-03-14 09:21', '2026-03-14T09:21:00+07:00'],
		['2026-03-14 09:21:05', '2026-03-14T09:21:05+07:00'],
		['2026-03-14T23:59:59', '2026-03-14T23:59:59+07:00'],
		['2026/3/4 9:05', '2026-03-04T09:05:00+07:00'],
		['14/03/2026 09:21:05', '2026-03-14T09:21:05+07:00'],
		['4-3-2026 00:00', '2026-03-04T00:00:00+07:00'],
		['14 Mar 2026 09:21', '2026-03-14T09:21:00+07:00'],
		['01 Dec 2025 18:00', '2025-12-01T18:00:00+07:00'],
		['14 March 2026 09:21', '2026-03-14T09:21:00+07:00'],
		['14 JAN 2026, 09:21:30', '2026-01-14T09:21:30+07:00'],
		['\t29/02/2024 12:00\t', '2024-02-29T12:00:00+07:00'],
	])('%j → %s', (text, iso) => expect(readLocalDateTime(text)).toBe(iso))

	test('the instant is the Vietnamese wall clock: 09:21 in Hanoi is 02:21 UTC', () => {
		expect(new Date(readLocalDateTime('2026-03-14 09:21')!).toISOString()).toBe('2026-03-14T02:21:00.000Z')
	})

	test.each([
		'',
		'2026-03-14',
		'14/03/2026',
		'2026-02-30 10:00',
		'29/02/2026 10:00',
		'2026-13-01 10:00',
		'2026-00-10 10:00',
		'2026-03-14 24:00',
		'2026-03-14 10:60',
		'2026-03-14 10:00:60',
		'14 Foo 2026 10:00',
		'32 Mar 2026 10:00',
		'31 Apr 2026 10:00',
		'31/04/2026 10:00',
		'0/04/2026 10:00',
		'2026-04-00 10:00',
		'hôm qua 10:00',
		'x2026-03-14 10:00',
		'2026-03-14 10:00x',
		'14/03/2026 10:00x',
		'x14 Mar 2026 10:00',
	])('%j is not a date and time', (text) => expect(readLocalDateTime(text)).toBeNull())
})

describe('phones', () => {
	test.each([
		['0912345678', '0912345678'],
		['84912345678', '0912345678'],
		['+84 912 345 678', '0912345678'],
		['(+84)912345678', '0912345678'],
		['912345678', '0912345678'],
		['389123456', '0389123456'],
		['0912.345.678', '0912345678'],
		['01662345678', '0362345678'],
	])('%j → %s', (text, phone) => expect(readPhone(text)).toBe(phone))
	test.each(['', '******678', '84*****678', '0212345678', '212345678', '91234567', '9123456789', '0241234567'])('%j → null', (text) => {
		expect(readPhone(text)).toBeNull()
	})
})

describe('cancelled statuses', () => {
	test.each(['Đã hủy', 'Đã huỷ', 'Hủy', 'da huy', 'Cancelled', 'canceled', 'CANCELLED', 'Hủy bởi người mua', 'Order cancelled'])('%j is cancelled', (status) => {
		expect(isCancelledStatus(status)).toBe(true)
	})
	test.each(['Hoàn thành', 'Đang giao', 'Đang vận chuyển', 'Chuyển hoàn', 'delivered', 'Completed', 'Chờ xác nhận', 'shipped', 'Thuyết'])('%j is not', (status) => {
		expect(isCancelledStatus(status)).toBe(false)
	})
})
