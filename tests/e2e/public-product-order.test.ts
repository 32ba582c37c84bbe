import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

// A buyer on a cheap phone: the public product page (no sign-in, no client
// script), the order form sent as plain HTML, the thank-you with the number;
// and a co-op member adding a batch whose page takes orders too.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('a buyer opens the product page at 360 px, orders with cash on delivery and sees the order number', async () => {
	const staff = await browser.newPage({ viewport: { width: 360, height: 740 } })
	await signUpThroughUi(staff)
	await staff.goto(baseUrl('/products/new'))
	await staff.getByLabel('Tên sản phẩm').fill('Mật ong bạc hà Đồng Văn')
	await staff.getByLabel('Giá (đồng)').fill('250k')
	await staff.getByLabel('Đơn vị bán').fill('chai 500ml')
	await staff.getByRole('button', { name: 'Thêm sản phẩm' }).click()
	await staff.waitForURL(/\/products\/(?!new)\w+$/)

	// A batch, added from the product page.
	await staff.getByText('Thêm lô').click()
	const batchForm = staff.getByTestId('new-batch-form')
	await batchForm.getByLabel('Mã lô').fill('2026-11')
	await batchForm.getByLabel('Ngày thu hoạch').fill('2026-11-20')
	await batchForm.getByRole('button', { name: 'Lưu lô' }).click()
	await staff.getByTestId('batch').first().waitFor()
	await expect(staff.getByTestId('batch').first().textContent()).resolves.toContain('2026-11')
	const publicPath = await staff.getByTestId('public-page-link').getByRole('link').getAttribute('href')
	const batchPath = await staff.getByTestId('batch').first().getByRole('link', { name: 'Trang của lô' }).getAttribute('href')
	expect(publicPath).toMatch(/^\/p\/[a-z0-9-]+$/)
	expect(batchPath).toMatch(/^\/b\/[a-z0-9]+$/)
	await staff.close()

	const buyer = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage()
	await buyer.goto(baseUrl(publicPath!))
	await expect(buyer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mật ong bạc hà Đồng Văn')
	await expect(buyer.getByTestId('public-price').textContent()).resolves.toContain('250.000')
	// Nothing but the HTML form: no script element at all.
	await expect(buyer.locator('script').count()).resolves.toBe(0)
	await expect(buyer.locator('link[rel="modulepreload"]').count()).resolves.toBe(0)
	// Nothing wider than the phone.
	await expect(buyer.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360)

	// A wrong number first: the message says what to fix, and the typed values stay.
	await buyer.getByLabel('Họ và tên').fill('Giàng Thị Mỷ')
	await buyer.getByLabel('Số điện thoại di động').fill('0123')
	await buyer.getByLabel('Địa chỉ nhận hàng').fill('Thôn Lũng Cẩm, xã Sủng Là, Đồng Văn, Hà Giang')
	await buyer.getByLabel(/Số lượng/).fill('2')
	await buyer.getByRole('button', { name: 'Đặt hàng' }).click()
	await buyer.getByTestId('order-problems').waitFor()
	await expect(buyer.locator('#order-phone-error').textContent()).resolves.toContain('10 chữ số')
	await expect(buyer.getByLabel('Họ và tên').inputValue()).resolves.toBe('Giàng Thị Mỷ')
	await expect(buyer.getByLabel('Địa chỉ nhận hàng').inputValue()).resolves.toBe('Thôn Lũng Cẩm, xã Sủng Là, Đồng Văn, Hà Giang')

	await buyer.getByLabel('Số điện thoại di động').fill('0987 654 321')
	await buyer.getByRole('button', { name: 'Đặt hàng' }).click()
	await buyer.waitForURL(/\/thanks\//)
	await expect(buyer.getByTestId('order-number').textContent()).resolves.toContain('ĐH-0001')
	await expect(buyer.getByTestId('order-thanks').textContent()).resolves.toContain('500.000')
	await expect(buyer.locator('script').count()).resolves.toBe(0)

	// The batch page shows the batch and takes an order too.
	await buyer.goto(baseUrl(batchPath!))
	await expect(buyer.getByTestId('traceability').textContent()).resolves.toContain('2026-11')
	await buyer.getByLabel('Họ và tên').fill('Giàng Thị Mỷ')
	await buyer.getByLabel('Số điện thoại di động').fill('0987654321')
	await buyer.getByLabel('Địa chỉ nhận hàng').fill('Thôn Lũng Cẩm, xã Sủng Là, Đồng Văn, Hà Giang')
	await buyer.getByRole('button', { name: 'Đặt hàng' }).click()
	await buyer.waitForURL(/\/thanks\//)
	await expect(buyer.getByTestId('order-number').textContent()).resolves.toContain('ĐH-0002')
})
