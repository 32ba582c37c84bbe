import { describe, expect, test } from 'vitest'
import { deadlineText, groupPhone, hasPrice, orderCallToAction, parseCalendarDay, productPriceText, qrLink } from '~/studio/templates/copy.ts'
import { templateContext } from '~/studio/templates/translator.ts'
import { formatVnd } from '~/utils/money.ts'

// The words and links a template puts on screen: the call to action, the
// price, the QR link and the offer's last day.

const vi = templateContext('vi')
const en = templateContext('en')
const coop = (extra: object = {}) => ({ name: 'HTX Chè', ...extra })
const product = (extra: object = {}) => ({ name: 'Chè Shan tuyết', ...extra })

describe('the call to action', () => {
	test('a phone is printed in the groups it is read out in', () => {
		expect(groupPhone('0912345678')).toBe('0912 345 678')
	})

	test('Zalo first, when the co-op takes orders there', () => {
		expect(orderCallToAction(coop({ zalo: '+84 912 345 678', phone: '0988 111 222' }), product({ orderPhone: '0977 000 111' }), vi)).toBe(
			'Đặt hàng: Zalo 0912 345 678',
		)
		expect(orderCallToAction(coop({ zalo: '0912345678' }), null, en)).toBe('Order: Zalo 0912 345 678')
	})

	test('else the product’s order phone, else the co-op’s phone', () => {
		expect(orderCallToAction(coop({ phone: '0988 111 222' }), product({ orderPhone: '0977 000 111' }), vi)).toBe('Đặt hàng: 0977 000 111')
		expect(orderCallToAction(coop({ phone: '0988 111 222' }), product(), vi)).toBe('Đặt hàng: 0988 111 222')
		expect(orderCallToAction(coop({ phone: '0988 111 222' }), undefined, en)).toBe('Order: 0988 111 222')
	})

	test('a number that is not a mobile is passed over; none at all gives no call to action', () => {
		// A landline cannot receive the SMS or Zalo message buyers send.
		expect(orderCallToAction(coop({ zalo: 'zalo-shop', phone: '0988 111 222' }), product({ orderPhone: '0211 3888 999' }), vi)).toBe('Đặt hàng: 0988 111 222')
		expect(orderCallToAction(coop({ zalo: '', phone: '' }), product({ orderPhone: null }), vi)).toBeNull()
		expect(orderCallToAction(coop(), null, vi)).toBeNull()
	})
})

describe('the QR link', () => {
	test('the person’s own link wins', () => {
		expect(qrLink({ qrUrl: 'https://s.htx.vn/a1', product: product({ links: { shopeeUrl: 'https://shopee.vn/x' } }) })).toBe('https://s.htx.vn/a1')
	})

	test('else the product’s marketplaces before its social pages, in a fixed order', () => {
		const links = {
			zaloUrl: 'https://zalo.me/htx',
			facebookUrl: 'https://facebook.com/htx',
			lazadaUrl: 'https://lazada.vn/x',
			tiktokShopUrl: 'https://shop.tiktok.com/x',
			shopeeUrl: 'https://shopee.vn/x',
		}
		const order: (keyof typeof links)[] = ['shopeeUrl', 'tiktokShopUrl', 'lazadaUrl', 'facebookUrl', 'zaloUrl']
		order.forEach((key, i) => {
			const remaining = Object.fromEntries(order.slice(i).map((k) => [k, links[k]]))
			expect(qrLink({ product: product({ links: remaining }) })).toBe(links[key])
		})
	})

	test('only web links of a sensible length; none gives null', () => {
		expect(qrLink({ qrUrl: 'ftp://htx.vn/a', product: product({ links: { shopeeUrl: 'shopee.vn/x', lazadaUrl: 'http://lazada.vn/x' } }) })).toBe('http://lazada.vn/x')
		expect(qrLink({ qrUrl: 'javascript:alert(1)', product: null })).toBeNull()
		const long = `https://htx.vn/${'a'.repeat(485)}`
		expect(long.length).toBe(500)
		expect(qrLink({ qrUrl: long })).toBe(long)
		expect(qrLink({ qrUrl: `${long}b` })).toBeNull()
		expect(qrLink({ qrUrl: null, product: product() })).toBeNull()
	})
})

describe('the price', () => {
	test('with the unit when there is one', () => {
		const vnd = (amount: number) => formatVnd(amount, 'vi')
		expect(vnd(120_000).replace(/\s/gu, ' ')).toBe('120.000 ₫')
		expect(productPriceText(product({ priceVnd: 120_000, unit: ' hộp 100g ' }))).toBe(`${vnd(120_000)} / hộp 100g`)
		expect(productPriceText(product({ priceVnd: 120_000, unit: '  ' }))).toBe(vnd(120_000))
		expect(productPriceText(product({ priceVnd: 120_000, unit: null }))).toBe(vnd(120_000))
		expect(productPriceText(product({ priceVnd: 120_000, unit: 'kg' }), 99_000)).toBe(`${vnd(99_000)} / kg`)
		expect(productPriceText(product())).toBe(vnd(0))
	})

	test('0 or no price means no price yet', () => {
		expect(hasPrice(product({ priceVnd: 1 }))).toBe(true)
		expect(hasPrice(product({ priceVnd: 0 }))).toBe(false)
		expect(hasPrice(product({ priceVnd: null }))).toBe(false)
		expect(hasPrice(product())).toBe(false)
		expect(hasPrice(null)).toBe(false)
	})
})

describe('the last day of an offer', () => {
	test('a real calendar day, and nothing else', () => {
		expect(parseCalendarDay('2026-06-30')?.toISOString()).toBe('2026-06-30T00:00:00.000Z')
		expect(parseCalendarDay('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z')
		for (const bad of ['2026-02-30', '2026-13-01', '2026-6-30', '26-06-30', ' 2026-06-30', '2026-06-30x', 'x2026-06-30', '2026/06/30', ''])
			expect(parseCalendarDay(bad)).toBeNull()
	})

	test('as people write it, in the video’s language, whatever the server’s zone', () => {
		const day = parseCalendarDay('2026-06-30')!
		expect(deadlineText(day, vi)).toBe('Đến hết ngày 30/6')
		expect(deadlineText(day, en)).toBe('Until 30 Jun')
		expect(deadlineText(parseCalendarDay('2026-01-01')!, vi)).toBe('Đến hết ngày 1/1')
	})
})
