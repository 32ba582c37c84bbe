import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, logInThroughUi, signUpThroughUi } from '#tests/support/browser.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('a director corrects her name, changes her email and signs in with the new one', async () => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
	const page = await context.newPage()
	const person = await signUpThroughUi(page)
	const unique = Date.now().toString(36)
	const newName = `Lò Thị Mai Anh ${unique}`
	const newEmail = `mai.anh.${unique}@example.vn`

	// On a phone the destinations are under the header's Menu button (docs/decisions/135-phone-navigation.md).
	await page.getByRole('button', { name: 'Menu' }).click()
	await page.getByRole('link', { name: 'Tài khoản' }).click()
	await page.waitForURL(baseUrl('/account'))
	const profile = page.locator('#profile')
	await expect(profile.getByLabel('Họ và tên').inputValue()).resolves.toBe(person.name)
	await profile.getByLabel('Họ và tên').fill(newName)
	await profile.getByRole('button', { name: 'Lưu thông tin' }).click()
	await page.getByTestId('toast').getByText('Đã lưu thông tin của bạn.').waitFor()
	await page.getByRole('heading', { level: 1, name: 'Tài khoản của bạn' }).waitFor()
	await page.getByText(newName, { exact: true }).waitFor()

	// The greeting at the top of the home page uses the new name.
	await page.getByRole('link', { name: 'Co-op Studio' }).click()
	await page.getByRole('heading', { level: 1, name: new RegExp(newName) }).waitFor()

	// A new email needs the current password.
	await page.goto(baseUrl('/account'))
	await profile.getByLabel('Email').fill(newEmail)
	await profile.getByRole('button', { name: 'Lưu thông tin' }).click()
	await expect(profile.getByRole('alert').textContent()).resolves.toContain('Để đổi email, hãy nhập mật khẩu hiện tại.')
	await profile.getByLabel('Mật khẩu hiện tại').fill(person.password)
	// The error goes as the password is typed, so the button stays where the finger is.
	await profile.getByRole('alert').waitFor({ state: 'detached' })
	await profile.getByRole('button', { name: 'Lưu thông tin' }).click()
	await page.getByTestId('toast').getByText(`Từ nay hãy đăng nhập bằng ${newEmail}`).waitFor()
	// After the save the form starts again from the saved values, the password cleared.
	await expect(profile.getByLabel('Email').inputValue()).resolves.toBe(newEmail)
	await expect(profile.getByLabel('Mật khẩu hiện tại').inputValue()).resolves.toBe('')

	await page.getByRole('button', { name: 'Menu' }).click()
	await page.getByRole('button', { name: 'Đăng xuất' }).click()
	await page.waitForURL(baseUrl('/login'))
	await page.getByLabel(/Email/).fill(person.email)
	await page.getByLabel(/Mật khẩu/).fill(person.password)
	await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
	await expect(page.getByTestId('form-error').textContent()).resolves.toContain('Email hoặc mật khẩu không đúng')

	await logInThroughUi(page, newEmail, person.password)
	await page.getByRole('heading', { level: 1, name: new RegExp(newName) }).waitFor()
	await context.close()
})
