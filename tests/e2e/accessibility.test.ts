import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { makeClip, makePhoto } from '#tests/support/media-fixtures.ts'
import { addReadyMedia, createPhotoEdit, createProduct } from '#tests/support/studio-e2e.ts'

// axe-core on every main page at 360×640, signed in (and the two signed-out
// pages): a serious or critical violation fails, and so does a page without
// an h1. Two rules axe keeps off by default are on, for what the audit found:
// an accessible name must contain the visible label (WCAG 2.5.3), and every
// page has an h1. Every page also needs a meta description.

let browser: Browser
let axeSource: string
beforeAll(async () => {
	browser = await launchBrowser()
	axeSource = await fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
})
afterAll(async () => {
	await browser?.close()
})

type Finding = { page: string; rule: string; impact: string | null | undefined; targets: string[] }

async function audit(page: Page, path: string): Promise<Finding[]> {
	await page.goto(baseUrl(path))
	await page.waitForLoadState('networkidle')
	// Evaluated over the DevTools protocol, which the page's nonce CSP does not govern.
	await page.evaluate(axeSource)
	const results = await page.evaluate(() => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe
		return axe.run(document, {
			resultTypes: ['violations'],
			rules: { 'label-content-name-mismatch': { enabled: true }, 'page-has-heading-one': { enabled: true } },
		})
	})
	const description = await page.locator('meta[name="description"]').getAttribute('content')
	const missingDescription: Finding[] = description ? [] : [{ page: path, rule: 'meta-description', impact: 'moderate', targets: ['head'] }]
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'page-has-heading-one')
		.map((v): Finding => ({ page: path, rule: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }))
		.concat(missingDescription)
}

test('no serious or critical axe violations on any main page at 360×640', async () => {
	const page = await browser.newPage({ viewport: { width: 360, height: 640 } })
	const person = await signUpThroughUi(page)
	await createProduct(page)
	const productPath = new URL(page.url()).pathname
	const [photoId] = await addReadyMedia(person.coopName, [
		{ kind: 'photo', name: 'doi-che.jpg', extension: 'jpg', make: (file) => makePhoto(file, { width: 1200, height: 900 }) },
		// A clip: its tile shows a duration, which the tile's link name must hold.
		{ kind: 'video', name: 'nuong-che.mp4', extension: 'mp4', make: (file) => makeClip(file, { seconds: 2 }) },
	])
	const editPath = new URL(await createPhotoEdit(page, person.coopName)).pathname

	const signedIn = [
		'/',
		'/library',
		`/library/${photoId}`,
		'/products',
		'/products/new',
		`${productPath}/edit`,
		'/studio',
		'/studio/new',
		editPath,
		'/studio/photo-posts/new',
		'/coop',
		'/coop/members',
		'/coop/invites',
		'/account',
		'/channels',
		'/calendar',
		'/posts',
		'/posts/new',
		'/notifications',
		'/live',
		'/live/new',
	]
	const findings: Finding[] = []
	for (const path of signedIn) findings.push(...(await audit(page, path)))

	const visitor = await browser.newPage({ viewport: { width: 360, height: 640 } })
	for (const path of ['/login', '/signup']) findings.push(...(await audit(visitor, path)))

	expect(findings).toEqual([])
})
