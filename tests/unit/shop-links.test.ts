import { expect, test } from 'vitest'
import { checkShopLink } from '~/products/shop-links.ts'

test('links on the right marketplace pass, subdomains and short links included', () => {
	expect(checkShopLink('shopeeUrl', 'https://shopee.vn/Che-Shan-tuyet-i.123.456')).toEqual({
		ok: true,
		url: 'https://shopee.vn/Che-Shan-tuyet-i.123.456',
	})
	expect(checkShopLink('shopeeUrl', 'https://s.shopee.vn/AbC12').ok).toBe(true)
	expect(checkShopLink('shopeeUrl', 'https://shp.ee/xyz').ok).toBe(true)
	expect(checkShopLink('lazadaUrl', 'https://www.lazada.vn/products/che-i123.html').ok).toBe(true)
	expect(checkShopLink('tiktokShopUrl', 'https://vt.tiktok.com/ZS8abc/').ok).toBe(true)
	expect(checkShopLink('facebookUrl', 'https://www.facebook.com/htxchesuoigiang').ok).toBe(true)
	expect(checkShopLink('facebookUrl', 'https://m.facebook.com/story.php?id=1').ok).toBe(true)
	expect(checkShopLink('zaloUrl', 'https://zalo.me/0912345678').ok).toBe(true)
})

test('a link without a scheme gets https', () => {
	expect(checkShopLink('shopeeUrl', 'shopee.vn/shop/123')).toEqual({ ok: true, url: 'https://shopee.vn/shop/123' })
})

test('a phone number in the Zalo box becomes its zalo.me link', () => {
	expect(checkShopLink('zaloUrl', '0912 345 678')).toEqual({ ok: true, url: 'https://zalo.me/0912345678' })
	expect(checkShopLink('zaloUrl', '+84 912.345.678')).toEqual({ ok: true, url: 'https://zalo.me/0912345678' })
})

test('a link pasted into the wrong marketplace box says so', () => {
	expect(checkShopLink('lazadaUrl', 'https://shopee.vn/abc')).toEqual({ ok: false, problem: 'wrongSite' })
	expect(checkShopLink('shopeeUrl', 'https://shopee.vn.evil.example/abc')).toEqual({ ok: false, problem: 'wrongSite' })
	expect(checkShopLink('shopeeUrl', 'https://notshopee.vn/abc')).toEqual({ ok: false, problem: 'wrongSite' })
	expect(checkShopLink('facebookUrl', 'https://zalo.me/0912345678')).toEqual({ ok: false, problem: 'wrongSite' })
})

test('http links are refused rather than silently changed', () => {
	expect(checkShopLink('shopeeUrl', 'http://shopee.vn/abc')).toEqual({ ok: false, problem: 'notHttps' })
})

test('things that are not links are refused', () => {
	for (const input of ['shopee', 'shopee vn', 'javascript:alert(1)', 'ftp://shopee.vn/x', 'https://user:pw@shopee.vn/']) {
		expect(checkShopLink('shopeeUrl', input)).toEqual({ ok: false, problem: 'notUrl' })
	}
	expect(checkShopLink('shopeeUrl', `https://shopee.vn/${'a'.repeat(600)}`)).toEqual({ ok: false, problem: 'notUrl' })
})
