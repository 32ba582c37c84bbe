import { expect, test } from 'vitest'
import { readOrderFilters, readOrderSearch } from '~/orders/order-filters.ts'

const read = (query: string) => readOrderFilters(new URLSearchParams(query))

test('filters come from the address; anything unknown is ignored', () => {
	expect(read('state=shipped&source=shopee&from=2026-03-01&to=2026-03-31&q=%20Lan%20')).toEqual({
		state: 'shipped',
		source: 'shopee',
		from: '2026-03-01',
		to: '2026-03-31',
		q: 'Lan',
	})
	expect(read('state=lost&source=ebay&from=2026-02-30&to=tomorrow')).toEqual({ state: null, source: null, from: null, to: null, q: '' })
	expect(read('')).toEqual({ state: null, source: null, from: null, to: null, q: '' })
	expect(read('source=tiktok-shop').source).toBe('tiktok-shop')
})

test('a reversed date range is put the right way round; one end alone is kept', () => {
	expect(read('from=2026-03-31&to=2026-03-01')).toMatchObject({ from: '2026-03-01', to: '2026-03-31' })
	expect(read('from=2026-03-05')).toMatchObject({ from: '2026-03-05', to: null })
	expect(read('to=2026-03-05')).toMatchObject({ from: null, to: '2026-03-05' })
})

test('the search text is NFC and at most 100 characters', () => {
	expect(read(`q=${'a'.repeat(150)}`).q).toHaveLength(100)
	expect(read(`q=${encodeURIComponent('Lê Thị Hoà'.normalize('NFD'))}`).q).toBe('Lê Thị Hoà'.normalize('NFC'))
})

test('a search may be an order number, a phone or a name', () => {
	expect(readOrderSearch('42')).toEqual({ number: 42, phone: null, text: '42' })
	expect(readOrderSearch('ĐH-0042')).toEqual({ number: 42, phone: null, text: 'ĐH-0042' })
	expect(readOrderSearch('dh42')).toEqual({ number: 42, phone: null, text: 'dh42' })
	expect(readOrderSearch(' 0912 345 678 ')).toEqual({ number: null, phone: '0912345678', text: '0912 345 678' })
	expect(readOrderSearch('+84912345678')).toEqual({ number: null, phone: '0912345678', text: '+84912345678' })
	expect(readOrderSearch('0912345678')).toEqual({ number: 912345678, phone: '0912345678', text: '0912345678' })
	expect(readOrderSearch('12345678')).toEqual({ number: 12345678, phone: null, text: '12345678' })
	expect(readOrderSearch('Lan')).toEqual({ number: null, phone: null, text: 'Lan' })
	expect(readOrderSearch('1234567890123')).toEqual({ number: null, phone: null, text: '1234567890123' })
})
