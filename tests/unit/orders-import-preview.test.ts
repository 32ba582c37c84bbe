import { expect, test } from 'vitest'
import type { MarketplaceOrder, RowProblem } from '~/orders/marketplace-orders.ts'
import { importedLine, importedOrderState, isCompletedStatus, productsByCode, summariseImport } from '~/orders/order-import.ts'

function order(orderId: string, createdAt: string, total: number, cancelled = false): MarketplaceOrder {
	return { source: 'shopee', orderId, createdAt, status: cancelled ? 'Đã hủy' : 'Hoàn thành', cancelled, items: [], total, voucher: null, phone: null, note: null }
}

test('the preview counts orders, value without cancelled ones, new ones, already-here ones and bad rows', () => {
	const orders = [
		order('A', '2026-03-14T09:21:00+07:00', 290_000),
		order('B', '2026-03-15T20:05:00+07:00', 120_000, true),
		order('C', '2026-03-02T08:00:00+07:00', 50_000),
		order('D', '2026-03-20T23:59:00+07:00', 70_000),
	]
	const problems: RowProblem[] = [{ line: 7, orderId: 'E', reason: 'bad-quantity', value: 'hai' }]
	expect(summariseImport(orders, new Set(['A', 'B']), problems)).toEqual({
		orders: 4,
		alreadyHere: 2,
		toAdd: 2,
		cancelled: 1,
		valueVnd: 410_000,
		toAddValueVnd: 120_000,
		from: '2026-03-02T08:00:00+07:00',
		to: '2026-03-20T23:59:00+07:00',
		badRows: 1,
	})
})

test('an empty preview has no dates and nothing to add', () => {
	expect(summariseImport([], new Set(), [])).toEqual({ orders: 0, alreadyHere: 0, toAdd: 0, cancelled: 0, valueVnd: 0, toAddValueVnd: 0, from: null, to: null, badRows: 0 })
})

test('a cancelled new order adds to the count but not to the value', () => {
	const summary = summariseImport([order('X', '2026-03-01T10:00:00+07:00', 99_000, true)], new Set(), [])
	expect(summary).toMatchObject({ toAdd: 1, cancelled: 1, valueVnd: 0, toAddValueVnd: 0 })
})

test('completed statuses of every marketplace', () => {
	for (const status of ['Hoàn thành', 'hoàn thành', 'Đã giao', 'Completed', 'complete', 'delivered', 'Order Completed']) expect(isCompletedStatus(status)).toBe(true)
	for (const status of ['Đang giao', 'Chờ xác nhận', 'shipped', 'ready_to_ship', 'Incompleted', 'undelivered', 'Đang giao hàng']) expect(isCompletedStatus(status), status).toBe(false)
})

test('an imported order starts cancelled, done or confirmed from its marketplace status', () => {
	expect(importedOrderState({ cancelled: true, status: 'Đã hủy' })).toBe('cancelled')
	// Cancelled wins even over a status that reads completed (Lazada: every unit cancelled).
	expect(importedOrderState({ cancelled: true, status: 'delivered' })).toBe('cancelled')
	expect(importedOrderState({ cancelled: false, status: 'Hoàn thành' })).toBe('done')
	expect(importedOrderState({ cancelled: false, status: 'delivered' })).toBe('done')
	expect(importedOrderState({ cancelled: false, status: 'Đang giao' })).toBe('confirmed')
	expect(importedOrderState({ cancelled: false, status: 'To ship' })).toBe('confirmed')
})

test("a line's SKU is matched to the co-op's product code as a typed code is read (case, accents, separators, leading zeros)", () => {
	const products = productsByCode([
		{ id: 'p1', code: 'A1', unit: 'gói' },
		{ id: 'p2', code: 'D2', unit: 'kg' },
	])
	expect(importedLine({ sku: ' a-01 ', name: 'Chè Shan tuyết', qty: 2, amount: 240_000 }, products)).toEqual({
		productId: 'p1',
		code: 'A1',
		name: 'Chè Shan tuyết',
		unit: 'gói',
		priceVnd: 120_000,
		qty: 2,
		amountVnd: 240_000,
	})
	expect(importedLine({ sku: 'đ2', name: '', qty: 1, amount: 50_000 }, products)).toMatchObject({ productId: 'p2', code: 'D2', name: 'đ2', unit: 'kg' })
})

test('a line whose SKU is not a product keeps the SKU and no product; a line without SKU keeps its name', () => {
	const products = productsByCode([{ id: 'p1', code: 'A1', unit: 'gói' }])
	expect(importedLine({ sku: 'GAO-5', name: 'Gạo ST25', qty: 3, amount: 100_000 }, products)).toEqual({
		productId: null,
		code: 'GAO-5',
		name: 'Gạo ST25',
		unit: '',
		priceVnd: 33_333,
		qty: 3,
		amountVnd: 100_000,
	})
	expect(importedLine({ sku: null, name: 'Mật ong', qty: 1, amount: 150_000 }, products)).toEqual({
		productId: null,
		code: '',
		name: 'Mật ong',
		unit: '',
		priceVnd: 150_000,
		qty: 1,
		amountVnd: 150_000,
	})
	expect(importedLine({ sku: 'X', name: '', qty: 2, amount: 5 }, products).priceVnd).toBe(3)
})
