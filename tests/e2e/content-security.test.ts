import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

// Under the app's Content-Security-Policy (server/content-security.ts) every
// page still hydrates and nothing it needs is blocked: the browser reports
// each blocked script, style, image or connection as a
// `securitypolicyviolation` event, and none may occur.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('the main pages load, hydrate and work without a single policy violation', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	await page.addInitScript(() => {
		const seen: string[] = []
		Object.assign(window, { cspViolations: seen })
		document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`))
	})
	const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)

	await signUpThroughUi(page)
	for (const path of ['/', '/library', '/products', '/products/new', '/studio', '/studio/new', '/studio/photo-posts/new', '/coop', '/account']) {
		const response = await page.goto(baseUrl(path))
		expect(response?.status(), path).toBe(200)
		expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self' 'nonce-")
		await page.waitForLoadState('networkidle')
		expect(await violations(), path).toEqual([])
	}

	// Hydrated: a client-side navigation happens without a full page load.
	await page.goto(baseUrl('/studio'))
	await page.evaluate(() => Object.assign(window, { sameDocument: true }))
	await page.getByTestId('new-video').click()
	await page.waitForURL(baseUrl('/studio/new'))
	expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
	expect(await violations()).toEqual([])
})
