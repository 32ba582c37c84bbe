import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, logInThroughUi, signUpThroughUi } from '#tests/support/browser.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const PHONE = { viewport: { width: 390, height: 844 } }

/** The owner invites an editor, who joins from their own phone; returns that phone's page and the editor's email. */
async function inviteEditor(owner: Page, name: string, password: string) {
	await owner.goto(baseUrl('/coop/invites'))
	await owner.getByLabel(/Biên tập/).check()
	await owner.getByRole('button', { name: 'Tạo link mời' }).click()
	const link = await owner.getByTestId('invite-link').inputValue()
	const phone = await (await browser.newContext(PHONE)).newPage()
	await phone.goto(link)
	const email = `lan.${Date.now().toString(36)}@gmail.com`
	await phone.getByLabel('Họ và tên').fill(name)
	await phone.getByLabel('Email').fill(email)
	await phone.getByLabel(/Mật khẩu/).fill(password)
	await phone.getByRole('button', { name: 'Tạo tài khoản và tham gia' }).click()
	await phone.waitForURL(baseUrl('/'))
	return { phone, email }
}

async function signInFails(email: string, password: string) {
	const context = await browser.newContext()
	const page = await context.newPage()
	await page.goto(baseUrl('/login'))
	await page.getByLabel(/Email/).fill(email)
	await page.getByLabel(/Mật khẩu/).fill(password)
	await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
	await expect(page.getByTestId('form-error').textContent()).resolves.toContain('nhờ chủ nhiệm hợp tác xã gửi link đặt lại mật khẩu')
	await context.close()
}

test('a member who forgot their password gets back in through a link from the owner', async () => {
	const ownerContext = await browser.newContext(PHONE)
	const owner = await ownerContext.newPage()
	const director = await signUpThroughUi(owner)
	const { phone: lostPhone, email } = await inviteEditor(owner, 'Hà Thị Lan', 'mat-khau-cu-da-quen')

	// The owner makes the link on the members page; no button for the owner's own row.
	await owner.goto(baseUrl('/coop/members'))
	const makeLink = { name: 'Tạo link đặt lại mật khẩu' }
	await expect(owner.getByTestId(`member-${director.email}`).getByRole('button', makeLink).count()).resolves.toBe(0)
	await owner.getByTestId(`member-${email}`).getByRole('button', makeLink).click()
	const created = owner.getByTestId('created-reset-link')
	await expect(created.textContent()).resolves.toContain('Gửi link này riêng cho Hà Thị Lan qua Zalo. Link dùng được một lần trong 24 giờ.')
	const link = await owner.getByTestId('reset-link').inputValue()
	expect(link).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/)
	await expect(owner.getByLabel('Lời nhắn để gửi qua Zalo').inputValue()).resolves.toContain(link)

	// Lan, on a borrowed phone, opens the link and chooses a new password.
	const borrowedContext = await browser.newContext(PHONE)
	const borrowed = await borrowedContext.newPage()
	await borrowed.goto(link)
	await expect(borrowed.getByTestId('reset-for').textContent()).resolves.toContain(`Hà Thị Lan (l***@gmail.com)`)
	const field = borrowed.getByLabel(/Mật khẩu mới/)
	await field.fill('mat-khau-moi-cua-lan')
	await borrowed.getByLabel('Hiện mật khẩu').check()
	await expect(field.getAttribute('type')).resolves.toBe('text')
	await borrowed.getByRole('button', { name: 'Lưu mật khẩu mới và đăng nhập' }).click()
	await borrowed.waitForURL(baseUrl('/'))
	await expect(borrowed.getByTestId('toast').textContent()).resolves.toContain('Đã đổi mật khẩu')
	await expect(borrowed.getByTestId('active-coop').textContent()).resolves.toBe(director.coopName)

	// The phone that was signed in before is signed out; the link works only once.
	await lostPhone.goto(baseUrl('/library'))
	await lostPhone.waitForURL(/\/login\?redirectTo=/)
	const stranger = await (await browser.newContext()).newPage()
	const reused = await stranger.goto(link)
	expect(reused?.status()).toBe(410)
	await expect(stranger.getByTestId('reset-problem').textContent()).resolves.toContain('nhờ chủ nhiệm hợp tác xã gửi link mới')

	// The old password no longer signs in; the new one does.
	await signInFails(email, 'mat-khau-cu-da-quen')
	await logInThroughUi(stranger, email, 'mat-khau-moi-cua-lan')
	await expect(stranger.getByTestId('active-coop').textContent()).resolves.toBe(director.coopName)

	await Promise.all([ownerContext.close(), borrowedContext.close(), lostPhone.context().close(), stranger.context().close()])
})
