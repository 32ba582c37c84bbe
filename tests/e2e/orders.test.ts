import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { nanoid } from 'nanoid'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

// Orders in Chromium at 360 px: a phone order entered by staff with the live
// the customer watched, and a Shopee export previewed then imported.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const e2eId = () => `e2e${nanoid(10).replace(/[^a-zA-Z0-9]/g, 'x')}`

/** A product and a live session as the catalogue and live screens would leave them. */
function seed(coopName: string) {
	const db = new Database(inject('e2eDatabasePath'))
	try {
		const { id: coopId } = db.prepare('SELECT id FROM Coop WHERE name = ?').get(coopName) as { id: string }
		const now = Date.now()
		db.prepare('INSERT INTO Product (id, coopId, name, code, priceVnd, unit, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
			e2eId(), coopId, 'Chè Shan tuyết Suối Giàng', 'A1', 120000, 'gói', now, now,
		)
		db.prepare('INSERT INTO LiveSession (id, coopId, title, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)').run(e2eId(), coopId, 'Live chè tối thứ Bảy', now, now)
		return coopId
	} finally {
		db.close()
	}
}

test('staff enter a phone order with the live the customer watched', async () => {
	const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
	const person = await signUpThroughUi(page)
	seed(person.coopName)

	await page.goto(baseUrl('/orders'))
	await page.getByTestId('orders-empty').waitFor()
	await page.getByTestId('new-order').click()
	await page.waitForURL(baseUrl('/orders/new'))
	await page.getByTestId('line-product').selectOption({ index: 1 })
	await page.getByTestId('line-qty').fill('3')
	await expect(page.getByTestId('order-estimate').textContent()).resolves.toContain('360.000')
	await page.getByLabel('Tên khách').fill('Hoàng Văn Lâm')
	await page.getByLabel('Số điện thoại').fill('12345')
	await page.getByTestId('order-source').selectOption({ label: 'Livestream: Live chè tối thứ Bảy' })
	await page.getByRole('button', { name: 'Lưu đơn' }).click()
	await expect(page.getByText('Số điện thoại không đúng').waitFor()).resolves.toBeUndefined()

	await page.getByLabel('Số điện thoại').fill('0912 345 678')
	await page.getByRole('button', { name: 'Lưu đơn' }).click()
	await page.waitForURL(/\/orders\/(?!new)\w+$/)
	// A client-side redirect: wait for the order page to be drawn before reading it.
	await page.getByRole('heading', { name: 'ĐH-0001' }).waitFor()
	await expect(page.getByTestId('order-attribution').textContent()).resolves.toContain('Livestream: Live chè tối thứ Bảy')

	await page.getByRole('button', { name: 'Chuyển sang “Đã xác nhận”' }).click()
	await page.getByTestId('order-history').getByText('Mới → Đã xác nhận').waitFor()
	await expect(page.getByTestId('order-state').textContent()).resolves.toBe('Đã xác nhận')
	// Nothing wider than the phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

	await page.goto(baseUrl('/orders'))
	await page.getByTestId('order-card').first().waitFor()
	await expect(page.getByTestId('order-card').count()).resolves.toBe(1)
	await expect(page.getByTestId('order-totals').textContent()).resolves.toContain('1 đơn')
	await page.close()
})

test('a Shopee export shows its preview, then the import adds its orders', async () => {
	const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
	const person = await signUpThroughUi(page)
	seed(person.coopName)

	const book = new ExcelJS.Workbook()
	const sheet = book.addWorksheet('orders')
	sheet.addRow(['Mã đơn hàng', 'Ngày đặt hàng', 'Trạng Thái Đơn Hàng', 'SKU sản phẩm', 'Tên sản phẩm', 'Số lượng', 'Giá ưu đãi', 'Tổng giá trị đơn hàng (VND)', 'Số điện thoại'])
	sheet.addRow(['2603140AAA', '2026-03-14 09:21', 'Hoàn thành', 'A1', 'Chè Shan tuyết 100g', 2, 120000, 240000, '84912345678'])
	sheet.addRow(['2603150BBB', '2026-03-15 20:05', 'Đã hủy', 'A1', 'Chè Shan tuyết 100g', 1, 120000, 120000, ''])
	sheet.addRow(['2603160CCC', '2026-03-16 08:00', 'Đang giao', 'A1', 'Chè Shan tuyết 100g', 'hai', 120000, 240000, ''])
	const bytes = Buffer.from(await book.xlsx.writeBuffer())

	await page.goto(baseUrl('/orders/import'))
	await page.getByLabel('File xuất đơn').setInputFiles({ name: 'shopee-thang-3.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes })
	await page.getByRole('button', { name: 'Xem trước' }).click()
	await page.waitForURL(/\/orders\/import\/\w+$/)
	await page.getByTestId('import-summary').waitFor()
	await expect(page.getByTestId('import-read').textContent()).resolves.toContain('Đọc được 2 đơn')
	await expect(page.getByTestId('import-problems').textContent()).resolves.toContain('Dòng 4: số lượng không phải số nguyên lớn hơn 0')
	await expect(page.getByTestId('import-to-add').textContent()).resolves.toContain('2 đơn mới sẽ được nhập')
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

	await page.getByTestId('import-commit').click()
	await page.getByTestId('import-committed').waitFor()
	await expect(page.getByTestId('import-committed').textContent()).resolves.toContain('thêm 2 đơn')

	await page.goto(baseUrl('/orders?source=shopee'))
	await page.getByTestId('order-card').first().waitFor()
	await expect(page.getByTestId('order-card').count()).resolves.toBe(2)
	await expect(page.getByTestId('order-totals').textContent()).resolves.toContain('1 đơn đã huỷ')
	await page.close()
})
