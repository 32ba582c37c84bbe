import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

// The shared error boundary in the browser: a page that does not exist says
// so in the reader's language, inside the app's frame, with a way back.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('a missing library item says “not found” in Vietnamese, then English, with a way back to the library', async () => {
	const page = await browser.newPage()
	await signUpThroughUi(page)
	const response = await page.goto(baseUrl('/library/khong-co-muc-nay'))
	expect(response?.status()).toBe(404)
	await expect(page.getByTestId('error-boundary').getByRole('heading').textContent()).resolves.toBe('Không tìm thấy')
	await expect(page.getByTestId('error-message').textContent()).resolves.toContain('Hãy quay lại và chọn lại')
	// The app's frame is still there: the menu works from the error page.
	await expect(page.getByTestId('language-switch').count()).resolves.toBe(1)

	await page.getByTestId('language-switch').click()
	await page.waitForSelector('html[lang="en"]')
	await page.goto(baseUrl('/library/khong-co-muc-nay'))
	await expect(page.getByTestId('error-message').textContent()).resolves.toContain('We could not find this page or item')
	const back = page.getByTestId('error-back')
	await expect(back.textContent()).resolves.toBe('Back to the library')
	await back.click()
	await page.waitForURL(baseUrl('/library'))
	await page.close()
})
