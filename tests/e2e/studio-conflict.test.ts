import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, logInThroughUi, signUpThroughUi } from '#tests/support/browser.ts'
import { createPhotoEdit } from '#tests/support/studio-e2e.ts'

// One video open on two phones of the same co-op (docs/decisions/016-edit-revisions.md):
// the second save is refused in words, the draft stays on screen, and the
// person chooses between their version and the newer one.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const phone = { viewport: { width: 390, height: 844 } }


const titleField = (page: Page) => page.getByLabel('Tên video')
const saveState = (page: Page) => page.getByTestId('save-state')

/**
 * Types a new title and waits until the screen counts it as a change: typed
 * before the page has hydrated, the text would not reach the screen's state,
 * so it is typed again until it does.
 */
async function retitle(page: Page, title: string) {
	await expect
		.poll(
			async () => {
				await titleField(page).fill(title)
				return saveState(page).textContent()
			},
			{ timeout: 15_000 },
		)
		.toBe('Có thay đổi chưa lưu')
}

async function saveAndWait(page: Page) {
	await page.getByTestId('save-edit').click()
	await saveState(page).filter({ hasText: 'Đã lưu' }).waitFor()
}

test('two phones save the same video: the second is told, keeps its draft, and can save it anyway or take the newer one', async () => {
	const laptop = await browser.newPage(phone)
	const person = await signUpThroughUi(laptop)
	const editUrl = await createPhotoEdit(laptop, person.coopName)
	// A second browser with its own session: the same person on their phone.
	const mobile = await browser.newPage(phone)
	await logInThroughUi(mobile, person.email, person.password)
	await mobile.goto(editUrl)

	await retitle(laptop, 'Bản trên máy tính')
	await retitle(mobile, 'Bản trên điện thoại')
	await saveAndWait(laptop)

	await mobile.getByTestId('save-edit').click()
	const conflict = mobile.getByTestId('edit-conflict')
	await conflict.waitFor()
	await expect(conflict.textContent()).resolves.toContain('thay đổi của bạn chưa được lưu')
	const reloadLatest = conflict.getByRole('link', { name: 'Tải lại bản mới nhất' })
	const saveMine = conflict.getByRole('button', { name: 'Vẫn lưu bản của tôi' })
	await expect(reloadLatest.isVisible()).resolves.toBe(true)
	await expect(saveMine.isVisible()).resolves.toBe(true)
	// Nothing of the phone's work is lost while the person decides.
	await expect(titleField(mobile).inputValue()).resolves.toBe('Bản trên điện thoại')
	// The conflict box and the save state are two renders apart: wait for the state, do not sample it.
	await saveState(mobile).filter({ hasText: /^Có thay đổi chưa lưu$/ }).waitFor()

	await saveMine.click()
	await saveState(mobile).filter({ hasText: 'Đã lưu' }).waitFor()
	await expect(conflict.count()).resolves.toBe(0)
	await mobile.reload()
	await expect(titleField(mobile).inputValue()).resolves.toBe('Bản trên điện thoại')

	// The laptop is now behind: its next save is refused too, and "reload the latest" shows the phone's version.
	await retitle(laptop, 'Bản trên máy tính, sửa lần hai')
	await laptop.getByTestId('save-edit').click()
	const reloadOnLaptop = laptop.getByTestId('edit-conflict').getByRole('link', { name: 'Tải lại bản mới nhất' })
	await Promise.all([laptop.waitForEvent('load'), reloadOnLaptop.click()])
	await expect(laptop.getByTestId('edit-conflict').count()).resolves.toBe(0)
	await expect(titleField(laptop).inputValue()).resolves.toBe('Bản trên điện thoại')
})
