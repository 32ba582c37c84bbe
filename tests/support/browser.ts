import { chromium, type Browser, type Page } from 'playwright-core'
import { inject } from 'vitest'

// Debian's Chromium, never a downloaded browser (npx playwright install cannot
// work here). The flags keep it from reaching for the closed network; Playwright
// gives every launch a fresh, empty profile of its own.
export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	})
}

export function baseUrl(pathname = '/') {
	return new URL(pathname, inject('baseUrl')).toString()
}

let counter = 0
/** A fresh person and co-op through the real sign-up form; returns their credentials. */
export async function signUpThroughUi(page: Page, overrides: { coopName?: string; origin?: string } = {}) {
	const at = (pathname: string) => (overrides.origin ? new URL(pathname, overrides.origin).toString() : baseUrl(pathname))
	const unique = `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`
	const person = {
		name: `Lò Thị Mai ${unique}`,
		email: `mai.${unique}@example.vn`,
		password: 'mat-khau-du-dai',
		coopName: overrides.coopName ?? `HTX Chè Shan Tuyết ${unique}`,
	}
	await page.goto(at('/signup'))
	await page.getByLabel(/Họ và tên/).fill(person.name)
	await page.getByLabel(/Email/).fill(person.email)
	await page.getByLabel(/Mật khẩu/).fill(person.password)
	await page.getByLabel(/Tên hợp tác xã/).fill(person.coopName)
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
	await page.waitForURL(at('/'))
	return person
}

export async function logInThroughUi(page: Page, email: string, password: string) {
	await page.goto(baseUrl('/login'))
	await page.getByLabel(/Email/).fill(email)
	await page.getByLabel(/Mật khẩu/).fill(password)
	await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
	await page.waitForURL(baseUrl('/'))
}
