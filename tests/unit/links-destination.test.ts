import { describe, expect, test } from 'vitest'
import { destinationUrl, isDestination, shortLinkUrl, targetDestination, utmSourceFor, withUtm, type LinkTarget, type DestinationProduct } from '~/links/destination.ts'

const product: DestinationProduct = {
	publicSlug: 'che-shan-tuyet-7kq2',
	publicPage: true,
	shopeeUrl: 'https://shopee.vn/che-i.1.2?sp_atk=abc%20d&x=1',
	lazadaUrl: 'https://www.lazada.vn/products/che-i123.html',
	tiktokShopUrl: 'https://vt.tiktok.com/ZS8abc/',
	facebookUrl: 'https://www.facebook.com/htx/posts/1#top',
	zaloUrl: 'https://zalo.me/0912345678',
}
const noUtm = { utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null }
const utm = { utmSource: 'facebook', utmMedium: 'social', utmCampaign: 'A1', utmContent: 'Xy7kq2' }
const link = (fields: Partial<LinkTarget>): LinkTarget => ({ destination: 'product-page', url: null, product, batch: null, ...noUtm, ...fields })

describe('destinationUrl', () => {
	test('our own pages get the click id and no UTM', () => {
		expect(destinationUrl(link({ ...utm }), 'AbC_-9')).toBe('/p/che-shan-tuyet-7kq2?c=AbC_-9')
		expect(destinationUrl(link({ destination: 'batch-page', batch: { slug: 'lo3-x2' } }), 'c1')).toBe('/b/lo3-x2?c=c1')
	})

	test('a hidden or missing page, a missing batch or listing leads nowhere', () => {
		expect(destinationUrl(link({ product: { ...product, publicPage: false } }), 'c')).toBeNull()
		expect(destinationUrl(link({ product: { ...product, publicSlug: null } }), 'c')).toBeNull()
		expect(destinationUrl(link({ product: null }), 'c')).toBeNull()
		expect(destinationUrl(link({ destination: 'batch-page' }), 'c')).toBeNull()
		expect(destinationUrl(link({ destination: 'lazada', product: { ...product, lazadaUrl: null } }), 'c')).toBeNull()
		expect(destinationUrl(link({ destination: 'shopee', product: null }), 'c')).toBeNull()
		expect(destinationUrl(link({ destination: 'url', url: null }), 'c')).toBeNull()
		expect(destinationUrl(link({ destination: 'nowhere' }), 'c')).toBeNull()
	})

	test('a listing keeps its own parameters byte for byte and gets the four UTM fields, case kept', () => {
		expect(destinationUrl(link({ destination: 'shopee', ...utm }), 'c')).toBe(
			'https://shopee.vn/che-i.1.2?sp_atk=abc%20d&x=1&utm_source=facebook&utm_medium=social&utm_campaign=A1&utm_content=Xy7kq2',
		)
		expect(destinationUrl(link({ destination: 'lazada', ...utm }), 'c')).toBe(
			'https://www.lazada.vn/products/che-i123.html?utm_source=facebook&utm_medium=social&utm_campaign=A1&utm_content=Xy7kq2',
		)
		expect(destinationUrl(link({ destination: 'tiktok-shop', ...utm, utmContent: null }), 'c')).toBe(
			'https://vt.tiktok.com/ZS8abc/?utm_source=facebook&utm_medium=social&utm_campaign=A1',
		)
		expect(destinationUrl(link({ destination: 'zalo', ...noUtm }), 'c')).toBe('https://zalo.me/0912345678')
	})

	test('the fragment stays at the end; an outside address gets UTM too', () => {
		expect(destinationUrl(link({ destination: 'facebook', ...utm }), 'c')).toBe(
			'https://www.facebook.com/htx/posts/1?utm_source=facebook&utm_medium=social&utm_campaign=A1&utm_content=Xy7kq2#top',
		)
		expect(destinationUrl(link({ destination: 'url', url: 'http://htx.vn/mua?a=1', utmSource: 'poster' }), 'c')).toBe('http://htx.vn/mua?a=1&utm_source=poster')
	})
})

describe('withUtm', () => {
	test('values are encoded, spaces and Vietnamese included', () => {
		expect(withUtm('https://a.vn/', { ...noUtm, utmCampaign: 'Chè Tết & quà', utmSource: 'a+b' })).toBe(
			'https://a.vn/?utm_source=a%2Bb&utm_campaign=Ch%C3%A8%20T%E1%BA%BFt%20%26%20qu%C3%A0',
		)
	})

	test("the link's UTM field replaces the address's own; the others stay", () => {
		expect(withUtm('https://a.vn/?utm_source=old&utm_medium=keep&b=2', { ...noUtm, utmSource: 'New' })).toBe('https://a.vn/?utm_medium=keep&b=2&utm_source=New')
		expect(withUtm('https://a.vn/?utm%5Fsource=old&&b=2', { ...noUtm, utmSource: 'n' })).toBe('https://a.vn/?b=2&utm_source=n')
		expect(withUtm('https://a.vn/?%E0%A4%A=1', { ...noUtm, utmSource: 'n' })).toBe('https://a.vn/?%E0%A4%A=1&utm_source=n')
	})

	test('only absolute http(s) addresses', () => {
		expect(withUtm('javascript:alert(1)', utm)).toBeNull()
		expect(withUtm('ftp://a.vn/x', utm)).toBeNull()
		expect(withUtm('/relative', utm)).toBeNull()
		expect(withUtm('https://a.vn', noUtm)).toBe('https://a.vn/')
	})
})

describe('targetDestination', () => {
	const none: DestinationProduct = { publicSlug: null, publicPage: true, shopeeUrl: null, lazadaUrl: null, tiktokShopUrl: null, facebookUrl: null, zaloUrl: null }
	test("the product's page first", () => {
		expect(targetDestination(product, 'tiktok')).toBe('product-page')
		expect(targetDestination(null, 'tiktok')).toBeNull()
		expect(targetDestination(none, 'tiktok')).toBeNull()
	})
	test('without a page, the listing that suits the channel', () => {
		const hidden = { ...product, publicPage: false }
		expect(targetDestination(hidden, 'facebook_page')).toBe('facebook')
		expect(targetDestination(hidden, 'zalo_oa')).toBe('zalo')
		expect(targetDestination(hidden, 'tiktok')).toBe('tiktok-shop')
		expect(targetDestination(hidden, 'manual')).toBe('shopee')
		expect(targetDestination(hidden, 'somewhere')).toBe('shopee')
		expect(targetDestination({ ...none, lazadaUrl: 'l', zaloUrl: 'z' }, 'facebook_page')).toBe('lazada')
		expect(targetDestination({ ...none, tiktokShopUrl: 't' }, 'zalo_oa')).toBe('tiktok-shop')
		expect(targetDestination({ ...none, zaloUrl: 'z' }, 'tiktok')).toBe('zalo')
		expect(targetDestination({ ...none, publicSlug: 'x', publicPage: false, facebookUrl: 'f' }, 'manual')).toBe('facebook')
	})
})

test('utm_source names the platform people know', () => {
	expect(utmSourceFor({ platform: 'facebook_page' })).toBe('facebook')
	expect(utmSourceFor({ platform: 'zalo_oa' })).toBe('zalo')
	expect(utmSourceFor({ platform: 'tiktok' })).toBe('tiktok')
	expect(utmSourceFor({ platform: 'manual', manualKind: 'zalo_group' })).toBe('zalo_group')
	expect(utmSourceFor({ platform: 'manual', manualKind: null })).toBe('manual')
})

test('short addresses and destination names', () => {
	expect(shortLinkUrl('https://coop.example', '7kq2mz')).toBe('https://coop.example/l/7kq2mz')
	expect(shortLinkUrl('https://coop.example//', '7kq2mz')).toBe('https://coop.example/l/7kq2mz')
	expect(isDestination('tiktok-shop')).toBe(true)
	expect(isDestination('toString')).toBe(false)
})
