import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { makePhoto } from '#tests/support/media-fixtures.ts'
import { addReadyMedia, createProduct } from '#tests/support/studio-e2e.ts'

// What a new user met on a 360×640 phone (issue 9): a lost tap after a form
// error, a menu that hid destinations, a home page with nothing to do, boxes
// without labels, cut names, and translation placeholders on screen.

const PHONE = { viewport: { width: 360, height: 640 } }

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

/** No translation placeholder such as "{{seconds}}" anywhere on the page as shown. */
async function expectWholeText(page: Page) {
	const text = await page.locator('body').innerText()
	expect(text, page.url()).not.toMatch(/\{\{|\}\}/)
}

/** Inside the 360×640 screen, not cut at either side. */
async function expectOnScreen(locator: Locator) {
	const box = await locator.boundingBox()
	expect(box).not.toBeNull()
	expect(box!.x).toBeGreaterThanOrEqual(0)
	expect(box!.x + box!.width).toBeLessThanOrEqual(360)
	expect(box!.y).toBeGreaterThanOrEqual(0)
	expect(box!.y + box!.height).toBeLessThanOrEqual(640)
	expect(await locator.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
}

test('after a form error, the first tap on the submit button signs up', async () => {
	const page = await browser.newPage(PHONE)
	await page.goto(baseUrl('/signup'))
	const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
	await page.getByLabel(/Họ và tên/).fill('Giàng A Páo')
	await page.getByLabel(/Email/).fill(`pao.${unique}@example.vn`)
	await page.getByLabel(/Tên hợp tác xã/).fill(`HTX Mận Bắc Hà ${unique}`)
	await page.getByLabel(/Mật khẩu/).fill('ngan')
	const submit = page.getByRole('button', { name: 'Tạo tài khoản' })
	await submit.click()
	await page.getByRole('alert').filter({ hasText: 'ít nhất 8 ký tự' }).waitFor()
	await expectWholeText(page)

	// A valid password, then one real press and release where the button is while the password box still has focus:
	// the press moves focus, the error clears, and the button must not move between press and release.
	await page.getByLabel(/Mật khẩu/).fill('mat-khau-du-dai')
	await submit.scrollIntoViewIfNeeded()
	await expect(page.getByLabel(/Mật khẩu/).evaluate((input) => input === document.activeElement)).resolves.toBe(true)
	const box = (await submit.boundingBox())!
	await page.mouse.move(box.x + box.width / 2, box.y + box.height - 3)
	await page.mouse.down()
	await page.mouse.up()
	await page.waitForURL(baseUrl('/'))
})

test('at 360 px every destination is in the menu, on screen, and the menu closes with Escape', async () => {
	const page = await browser.newPage(PHONE)
	const person = await signUpThroughUi(page)
	const menu = page.getByRole('button', { name: 'Menu' })
	await expectOnScreen(menu)
	expect(await menu.getAttribute('aria-expanded')).toBe('false')
	const destinations: [string, string][] = [
		['Thư viện', '/library'],
		['Sản phẩm', '/products'],
		['Studio', '/studio'],
		['Bài đăng', '/posts'],
		['Đơn hàng', '/orders'],
		['Lịch đăng', '/calendar'],
		['Kết quả', '/results'],
		['Kênh', '/channels'],
		['Livestream', '/live'],
		['Liên kết', '/links'],
		['Hợp tác xã', '/coop'],
		['Tài khoản', '/account'],
		['Trang chủ', '/'],
	]
	for (const [name, path] of destinations) {
		await menu.click()
		expect(await menu.getAttribute('aria-expanded')).toBe('true')
		const link = page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true })
		await expectOnScreen(link)
		await link.click()
		await page.waitForURL(baseUrl(path))
		// Following a link closes the menu once the new page renders.
		await page.locator('[data-testid="menu-button"][aria-expanded="false"]').waitFor()
		await expectWholeText(page)
	}

	await menu.click()
	// Opening moves focus into the menu; the co-op's whole name and "Đăng xuất" are there too.
	await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Trang chủ')
	await expect(page.getByRole('paragraph').filter({ hasText: person.coopName }).isVisible()).resolves.toBe(true)
	await expectOnScreen(page.getByRole('button', { name: 'Đăng xuất' }))
	await page.keyboard.press('Escape')
	expect(await menu.getAttribute('aria-expanded')).toBe('false')
	await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible()).resolves.toBe(false)
	await expect(menu.evaluate((button) => button === document.activeElement)).resolves.toBe(true)
})

test('the home page says what to do next, and the step moves on as the co-op gets going', async () => {
	const page = await browser.newPage(PHONE)
	const person = await signUpThroughUi(page)
	const next = page.getByTestId('next-step')
	await expect(next.getByRole('heading').textContent()).resolves.toBe('Thêm sản phẩm đầu tiên')
	await expectWholeText(page)

	await next.getByRole('link', { name: 'Thêm sản phẩm' }).click()
	await page.waitForURL(baseUrl('/products/new'))
	await createProduct(page)

	await page.goto(baseUrl('/'))
	await expect(next.getByRole('heading').textContent()).resolves.toBe('Tải clip hoặc ảnh đầu tiên')
	await expect(next.getByRole('link').getAttribute('href')).resolves.toBe('/library')

	await addReadyMedia(person.coopName, [{ kind: 'photo', name: 'man-hau.jpg', extension: 'jpg', make: (file) => makePhoto(file, { width: 900, height: 1200 }) }])
	await page.reload()
	await expect(next.getByRole('heading').textContent()).resolves.toBe('Làm video đầu tiên')
	await expectWholeText(page)
})

test('new video: labelled boxes, the editor’s notes in whole words, full item names', async () => {
	const page = await browser.newPage(PHONE)
	const person = await signUpThroughUi(page)
	const longName = 'Chè Shan tuyết cổ thụ hái sáng sớm trên đỉnh Suối Giàng.jpg'
	await addReadyMedia(person.coopName, [{ kind: 'photo', name: longName, extension: 'jpg', make: (file) => makePhoto(file, { width: 900, height: 1200 }) }])
	await page.goto(baseUrl('/studio/new'))
	await page.getByLabel(/Tự dựng từ cảnh của bạn/).check()
	await page.getByLabel('Lời trên video').fill('Chè ngon mỗi sáng')
	await page.getByLabel('Tên video (không bắt buộc)').fill('Chè sáng sớm')
	await page.getByTestId('template-media').filter({ hasText: longName }).click()
	await page.getByTestId('create-from-template').click()
	await page.waitForURL(/\/studio\/(?!new)\w+/)

	// One photo cannot make 15 seconds: the note says how long the video is, in numbers.
	const notes = page.getByTestId('template-notes')
	await notes.waitFor()
	await expect(notes.textContent()).resolves.toMatch(/Video chỉ dài \d+ giây/)
	await expectWholeText(page)

	// The timeline shows the photo's whole name at 360 px.
	const name = page.getByTestId('timeline-item').first().getByText(longName, { exact: false })
	await expect(name.evaluate((element) => element.scrollHeight <= element.clientHeight + 1 && element.scrollWidth <= element.clientWidth)).resolves.toBe(true)
})
