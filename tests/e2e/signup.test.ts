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

test('a director signs up a co-op, signs out and back in', async () => {
	const page = await browser.newPage()
	const person = await signUpThroughUi(page)
	await expect(page.getByTestId('active-coop').textContent()).resolves.toBe(person.coopName)
	await page.getByRole('button', { name: 'Đăng xuất' }).click()
	await page.waitForURL(baseUrl('/login'))
	await logInThroughUi(page, person.email, person.password)
	// The heading is awaited, not read at once: the client-side navigation may still be rendering.
	await page.getByRole('heading', { level: 1, name: new RegExp(person.name) }).waitFor()
})

test('a wrong password says what to do, in Vietnamese', async () => {
	const page = await browser.newPage()
	await page.goto(baseUrl('/login'))
	await page.getByLabel(/Email/).fill('nobody@example.vn')
	await page.getByLabel(/Mật khẩu/).fill('wrong-password')
	await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
	await expect(page.getByTestId('form-error').textContent()).resolves.toContain('Email hoặc mật khẩu không đúng')
})
