import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { createPhotoEdit } from '#tests/support/studio-e2e.ts'

// "Time to the speech" as background work, on a phone-sized screen: the
// button queues a caption-timing job, the worker's lines arrive over the
// live event stream and fill the caption list, and a reload before saving
// still brings them back from the stored result.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('typed lines are timed by the worker, appear by themselves, and survive a reload before saving', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	const person = await signUpThroughUi(page)
	await createPhotoEdit(page, person.coopName)

	await page.locator('summary', { hasText: 'Phụ đề' }).click()
	await page.getByLabel('Gõ lời nói trong video').fill('Xin chào bà con\nChè Shan tuyết ngon')
	const [answer] = await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST'),
		page.getByRole('button', { name: 'Khớp theo giọng nói' }).click(),
	])
	expect(answer.status()).toBe(202)

	// Photos only: nobody speaks, so the worker spreads the lines and the screen says so.
	await page.getByText('Không nghe thấy tiếng nói trong clip').waitFor()
	await expect(page.getByTestId('caption-line').count()).resolves.toBe(2)
	await expect(page.getByLabel('Chữ của dòng 2').inputValue()).resolves.toBe('Chè Shan tuyết ngon')

	await page.reload()
	await page.locator('summary', { hasText: 'Phụ đề' }).click()
	await page.getByTestId('caption-line').nth(1).waitFor()
	await expect(page.getByLabel('Chữ của dòng 1').inputValue()).resolves.toBe('Xin chào bà con')
	await page.close()
})
