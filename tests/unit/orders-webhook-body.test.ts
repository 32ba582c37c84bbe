import { expect, test } from 'vitest'
import { readWebhookBody } from '~/orders/webhook-body.ts'
import { WindowLimit } from '~/orders/window-limit.ts'

const good = { orderId: 'SHOP-1', customer: { name: 'Lan', phone: '0912345678', address: 'Hà Giang' }, items: [{ sku: 'A1', qty: 2 }] }

test('a good body is read with defaults for what may be left out', () => {
	expect(readWebhookBody(JSON.stringify(good))).toEqual({ ok: true, order: { ...good } })
	const numeric = readWebhookBody(JSON.stringify({ ...good, orderId: 1234, customer: {} }))
	expect(numeric).toEqual({ ok: true, order: { ...good, orderId: '1234', customer: { name: '', address: '' } } })
})

test('a bad body names the field to fix', () => {
	const field = (body: unknown) => {
		const read = readWebhookBody(typeof body === 'string' ? body : JSON.stringify(body))
		return read.ok ? null : read.field
	}
	expect(field('{not json')).toBe('(body)')
	expect(field([])).toBe('(body)')
	expect(field({ ...good, orderId: ' ' })).toBe('orderId')
	expect(field({ ...good, orderId: undefined })).toBe('orderId')
	expect(field({ ...good, items: [] })).toBe('items')
	expect(field({ ...good, items: [{ sku: 'A1', qty: 0 }] })).toBe('items.0.qty')
	expect(field({ ...good, items: [{ sku: 'A1', qty: 1 }, { sku: 'A1', qty: 1.5 }] })).toBe('items.1.qty')
	expect(field({ ...good, items: [{ sku: '', qty: 1 }] })).toBe('items.0.sku')
	expect(field({ ...good, items: [{ sku: 'A1', qty: 1, price: -1 }] })).toBe('items.0.price')
	expect(field({ ...good, createdAt: '14/03/2026' })).toBe('createdAt')
	expect(field({ ...good, customer: undefined })).toBe('customer')
	expect(field({ ...good, total: '100' })).toBe('total')
})

test('a fixed window lets `limit` requests per key through, then refuses until the window ends', () => {
	const limit = new WindowLimit(2, 1000)
	expect([limit.take('a', 0), limit.take('a', 10), limit.take('a', 999)]).toEqual([true, true, false])
	expect(limit.take('b', 999)).toBe(true)
	expect(limit.take('a', 1000)).toBe(true)
	expect(limit.take('a', 1001)).toBe(true)
	expect(limit.take('a', 1002)).toBe(false)
})

test('keys whose window has ended are forgotten', () => {
	const limit = new WindowLimit(1, 1000)
	limit.take('a', 0)
	limit.take('b', 500)
	expect(limit.size).toBe(2)
	limit.take('c', 1200)
	expect(limit.size).toBe(2)
	limit.take('d', 1500)
	expect(limit.size).toBe(2)
})
