import Database from 'better-sqlite3'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

// A product a video points at is archived, not deleted, and comes back
// (docs/decisions/116-archive-not-delete.md).

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

/** A video about the product, as the studio would have saved it (only the row matters here). */
function addEditAbout(productId: string) {
	const db = new Database(inject('e2eDatabasePath'))
	try {
		const { coopId } = db.prepare('SELECT coopId FROM Product WHERE id = ?').get(productId) as { coopId: string }
		db.prepare(`INSERT INTO Edit (id, coopId, title, spec, productId, updatedAt) VALUES (?, ?, 'Giới thiệu miến dong', '{}', ?, ?)`).run(
			`e2e-edit-${productId}`,
			coopId,
			productId,
			Date.now(),
		)
	} finally {
		db.close()
	}
}

test('deleting a product a video uses says so, archives it, lists it under “Đã lưu trữ”, and restores it', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	await signUpThroughUi(page)
	await page.goto(baseUrl('/products/new'))
	await page.getByLabel('Tên sản phẩm').fill('Miến dong Bình Liêu')
	await page.getByLabel('Giá (đồng)').fill('45k')
	await page.getByLabel('Đơn vị bán').fill('gói 500g')
	await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
	await page.waitForURL(/\/products\/(?!new)\w+$/)
	const productUrl = page.url()
	addEditAbout(productUrl.split('/').pop()!)

	await page.goto(`${productUrl}/delete`)
	await expect(page.getByTestId('delete-explain').textContent()).resolves.toContain('đang được dùng ở 1 video, sẽ được lưu trữ thay vì xoá')
	await page.getByRole('button', { name: 'Lưu trữ sản phẩm' }).click()
	await page.waitForURL(baseUrl('/products'))
	await expect(page.getByTestId('toast').textContent()).resolves.toContain('Đã lưu trữ sản phẩm “Miến dong Bình Liêu”')
	await expect(page.getByTestId('product-list').count()).resolves.toBe(0)

	await page.getByRole('link', { name: 'Đã lưu trữ (1)' }).click()
	await page.waitForURL(baseUrl('/products?archived=1'))
	await expect(page.getByTestId('product-name').textContent()).resolves.toBe('Miến dong Bình Liêu')
	await page.getByRole('button', { name: 'Khôi phục' }).click()
	await page.waitForURL(productUrl)
	await expect(page.getByTestId('toast').textContent()).resolves.toContain('Đã khôi phục sản phẩm')
	await expect(page.getByTestId('product-archived').count()).resolves.toBe(0)
	await page.goto(baseUrl('/products'))
	await expect(page.getByTestId('product-name').textContent()).resolves.toBe('Miến dong Bình Liêu')
})
