import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { createPhotoEdit } from '#tests/support/studio-e2e.ts'

// Choosing how the burned-in captions look, on a phone-sized screen: the
// choices wait for the first caption line, are kept by "Save", come back
// selected after a reload, and are what the stored edit spec says.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

async function openCaptions(page: Page) {
	await page.locator('summary', { hasText: 'Phụ đề' }).click()
	await page.getByTestId('caption-style').waitFor()
}

function storedCaptionStyle(editId: string) {
	const db = new Database(inject('e2eDatabasePath'), { readonly: true })
	try {
		const row = db.prepare('SELECT spec FROM Edit WHERE id = ?').get(editId) as { spec: string }
		return JSON.parse(row.spec).captions?.style
	} finally {
		db.close()
	}
}

test('a caption line, then "top" and "dark box": saved, still chosen after a reload, and in the stored spec', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	const person = await signUpThroughUi(page)
	const editId = new URL(await createPhotoEdit(page, person.coopName)).pathname.split('/').at(-1)!

	await openCaptions(page)
	const top = page.getByRole('radio', { name: 'Phía trên' })
	const boxed = page.getByRole('radio', { name: /Chữ trên nền tối/ })
	// No lines yet: nothing to style, and the screen says what to do first.
	await expect(boxed.isDisabled()).resolves.toBe(true)
	await expect(page.getByTestId('caption-style').textContent()).resolves.toContain('Hãy viết phụ đề trước')

	await page.getByLabel('Gõ lời nói trong video').fill('Chè Shan tuyết ngon')
	await page.getByRole('button', { name: 'Chia đều theo thời gian' }).click()
	await page.getByTestId('caption-line').first().waitFor()
	await top.check()
	await boxed.check()
	// The highlight colour only matters to the highlight preset.
	await expect(page.getByRole('radio', { name: 'Vàng' }).count()).resolves.toBe(0)

	await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), page.getByTestId('save-edit').click()])
	await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor()

	await page.reload()
	await openCaptions(page)
	await expect(top.isChecked()).resolves.toBe(true)
	await expect(boxed.isChecked()).resolves.toBe(true)
	await expect(page.getByRole('radio', { name: 'Phía dưới' }).isChecked()).resolves.toBe(false)
	await expect(page.getByRole('radio', { name: 'Vừa' }).isChecked()).resolves.toBe(true)

	expect(storedCaptionStyle(editId)).toMatchObject({ position: 'top', preset: 'boxed', sizePx: 84 })
})
