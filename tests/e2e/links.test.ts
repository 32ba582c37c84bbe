import fs from 'node:fs/promises'
import jsQR from 'jsqr'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('a director makes a link on a phone, downloads its QR code, and sees a visit counted', async () => {
	const context = await browser.newContext({ viewport: { width: 360, height: 640 }, acceptDownloads: true })
	const page = await context.newPage()
	await signUpThroughUi(page)

	await page.goto(baseUrl('/products/new'))
	await page.getByLabel('Tên sản phẩm').fill('Chè Shan tuyết Suối Giàng')
	await page.getByLabel('Giá (đồng)').fill('120k')
	await page.getByRole('button', { name: 'hộp', exact: true }).click()
	await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
	await page.waitForURL(/\/products\/(?!new)\w+$/)

	// The menu leads to the links page.
	await page.getByRole('button', { name: 'Menu' }).click()
	await page.getByRole('link', { name: 'Liên kết' }).click()
	await page.waitForURL(baseUrl('/links'))
	await page.getByLabel('Tên gợi nhớ (không bắt buộc)').fill('Áp phích chợ Bắc Hà')
	await page.getByTestId('create-link').click()
	const row = page.getByTestId('link-row').filter({ hasText: 'Áp phích chợ Bắc Hà' })
	await row.waitFor()
	const address = ((await row.getByTestId('link-address').textContent()) ?? '').trim()
	expect(address).toMatch(/^http:\/\/[^/]+\/l\/[a-z0-9]{6}$/)
	await expect(row.getByTestId('link-clicks').textContent()).resolves.toBe('0 lượt bấm')
	// Nothing in the page is wider than the phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

	await row.getByText('Mã QR').click()
	await row.getByTestId('qr-preview').waitFor()
	await expect.poll(() => row.getByTestId('qr-preview').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)

	const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('download-png').click()])
	expect(download.suggestedFilename()).toBe(`qr-${address.split('/').pop()}.png`)
	const png = await fs.readFile((await download.path())!)
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
	expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(address)

	// A visit from a phone through the short link is sent to the product's page and counted
	// (this headless browser's own User-Agent says HeadlessChrome, which would be a bot).
	const phone = 'Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'
	const visit = await page.request.get(new URL(new URL(address).pathname, baseUrl()).toString(), { maxRedirects: 0, headers: { 'user-agent': phone } })
	expect(visit.status()).toBe(302)
	expect(visit.headers().location).toMatch(/^\/p\/che-shan-tuyet-suoi-giang-[a-z0-9]{4}\?c=[A-Za-z0-9_-]{22}$/)
	await expect
		.poll(async () => {
			await page.reload()
			return page.getByTestId('link-row').filter({ hasText: 'Áp phích chợ Bắc Hà' }).getByTestId('link-clicks').textContent()
		})
		.toBe('1 lượt bấm')
	await context.close()
})
