import Database from 'better-sqlite3'
import { nanoid } from 'nanoid'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

/** Text as a person reads it: Intl puts a no-break space before ₫. */
async function visibleText(page: Page, testId: string) {
	return ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\u00a0/g, ' ')
}

/** Library rows as the media area would leave them after processing two uploads (the picker only needs the rows). */
function addReadyPhotos(coopName: string, names: string[]) {
	const db = new Database(inject('e2eDatabasePath'))
	try {
		const coop = db.prepare('SELECT id FROM Coop WHERE name = ?').get(coopName) as { id: string }
		const insert = db.prepare(
			`INSERT INTO Media (id, coopId, kind, status, displayName, mimeType, sizeBytes, storageKey, createdAt, updatedAt)
			 VALUES (?, ?, 'photo', 'ready', ?, 'image/jpeg', 1000, ?, ?, ?)`,
		)
		return names.map((name, i) => {
			const id = `e2e${nanoid(10).replace(/[^a-zA-Z0-9]/g, 'x')}`
			const at = Date.now() + i
			insert.run(id, coop.id, name, `coops/${coop.id}/media/${id}/original.jpg`, at, at)
			return id
		})
	} finally {
		db.close()
	}
}

test('a director adds a product typed the way people type prices, finds it, edits it; another co-op cannot open it', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	await signUpThroughUi(page)

	await page.goto(baseUrl('/products'))
	await expect(visibleText(page, 'products-empty')).resolves.toContain('chưa có sản phẩm')
	await page.getByRole('link', { name: 'Thêm sản phẩm' }).click()
	await page.waitForURL(baseUrl('/products/new'))

	// The first product is offered A1; the library is empty and says where to upload.
	await expect(page.getByLabel('Mã livestream').inputValue()).resolves.toBe('A1')
	await expect(visibleText(page, 'library-empty')).resolves.toContain('Thư viện chưa có ảnh')

	await page.getByLabel('Tên sản phẩm').fill('Chè Shan tuyết Suối Giàng')
	await page.getByLabel('Mã livestream').fill('a7')
	await page.getByLabel('Giá (đồng)').fill('120k')
	await expect(visibleText(page, 'price-preview')).resolves.toContain('120.000 ₫')
	await page.getByRole('button', { name: 'hộp', exact: true }).click()
	await page.getByLabel('Vùng trồng').fill('Suối Giàng, Văn Chấn, Yên Bái')
	await page.getByLabel('Ngày thu hoạch').fill('2025-04-12')
	await page.getByLabel('VietGAP').check()
	await page.getByLabel('OCOP 4 sao').check()
	await page.getByLabel('Shopee').fill('https://www.lazada.vn/products/che-a7')
	await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()

	// A Lazada link in the Shopee box is caught, naming the Shopee link.
	await expect(page.getByText('Đây không phải link Shopee').isVisible()).resolves.toBe(true)
	await page.getByLabel('Shopee').fill('')
	await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
	await page.waitForURL(/\/products\/(?!new)\w+$/)
	const productUrl = page.url()

	await expect(visibleText(page, 'toast')).resolves.toContain('Đã thêm sản phẩm')
	await expect(visibleText(page, 'product-code')).resolves.toBe('A7')
	await expect(visibleText(page, 'product-price')).resolves.toBe('120.000 ₫ / hộp')
	const trace = await visibleText(page, 'traceability-preview')
	for (const fact of ['Suối Giàng, Văn Chấn, Yên Bái', '12/04/2025', 'VietGAP', 'OCOP 4 sao']) expect(trace).toContain(fact)

	await page.goto(baseUrl('/products'))
	await expect(visibleText(page, 'product-price')).resolves.toBe('120.000 ₫ / hộp')
	await page.getByLabel('Tìm sản phẩm').fill('che shan tuyet')
	await page.getByRole('button', { name: 'Tìm', exact: true }).click()
	await page.waitForURL(/q=che\+shan\+tuyet/)
	await expect(visibleText(page, 'product-name')).resolves.toBe('Chè Shan tuyết Suối Giàng')

	// Edit: the price comes back formatted, and spoken shorthand is understood.
	await page.goto(`${productUrl}/edit`)
	await expect(page.getByLabel('Giá (đồng)').inputValue()).resolves.toBe('120.000')
	await page.getByLabel('Giá (đồng)').fill('1tr2')
	await page.getByRole('button', { name: 'Lưu sản phẩm' }).click()
	await page.waitForURL(productUrl)
	await expect(visibleText(page, 'product-price')).resolves.toBe('1.200.000 ₫ / hộp')

	// Someone from another co-op gets the not-found message for this URL.
	const strangerContext = await browser.newContext()
	const stranger = await strangerContext.newPage()
	await signUpThroughUi(stranger)
	const response = await stranger.goto(productUrl)
	expect(response?.status()).toBe(404)
	await expect(visibleText(stranger, 'error-message')).resolves.toContain('Không tìm thấy sản phẩm này')
	await expect(stranger.getByText('Chè Shan tuyết Suối Giàng').count()).resolves.toBe(0)
	await strangerContext.close()
})

test('photos are chosen from the library, reordered, and the first becomes the cover', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	const person = await signUpThroughUi(page)
	const [first, second] = addReadyPhotos(person.coopName, ['nuong-che.jpg', 'hop-che.jpg'])

	await page.goto(baseUrl('/products/new'))
	await page.getByLabel('Tên sản phẩm').fill('Tinh dầu quế')
	await page.getByLabel('Giá (đồng)').fill('85.000')
	await page.getByLabel('Đơn vị bán').fill('chai 10ml')
	await page.getByRole('button', { name: 'Chọn ảnh từ thư viện' }).click()
	await page.getByRole('button', { name: 'nuong-che.jpg' }).click()
	await page.getByRole('button', { name: 'hop-che.jpg' }).click()
	const chosen = page.getByTestId('chosen-photos').locator('li')
	await expect(chosen.count()).resolves.toBe(2)
	await chosen.nth(1).getByRole('button', { name: 'Đưa lên' }).click()
	await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
	await page.waitForURL(/\/products\/(?!new)\w+$/)

	const shown = await page.locator('main img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')))
	expect(shown).toEqual([`/library/${second}/thumb`, `/library/${first}/thumb`])
	await page.goto(baseUrl('/products'))
	await expect(page.locator('[data-testid=product-list] img').getAttribute('src')).resolves.toBe(`/library/${second}/thumb`)
})
