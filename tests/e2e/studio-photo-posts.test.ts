import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { makePhoto } from '#tests/support/media-fixtures.ts'
import { addReadyMedia, createProduct } from '#tests/support/studio-e2e.ts'

// A photo set end to end on a phone-sized screen: two library photos and a
// product become a carousel in three formats, shown on the studio page as
// soon as the worker has made them (no reload), each a real image of its
// format, with light Zalo copies beside them.

let browser: Browser
let workDir: string
beforeAll(async () => {
	browser = await launchBrowser()
	workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'photo-posts-e2e-'))
})
afterAll(async () => {
	await browser?.close()
	await fs.rm(workDir, { recursive: true, force: true })
})

test('two photos and a product → a carousel in 4:5, 1:1 and 9:16, shown live, downloadable, with Zalo copies under 1 MB', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 }, acceptDownloads: true })
	const person = await signUpThroughUi(page)
	await createProduct(page)
	await addReadyMedia(person.coopName, [
		{ kind: 'photo', name: 'doi-che.jpg', extension: 'jpg', make: (file) => makePhoto(file, { width: 1600, height: 1200 }) },
		{ kind: 'photo', name: 'hop-che.jpg', extension: 'jpg', make: (file) => makePhoto(file, { width: 1200, height: 1600 }) },
	])

	await page.goto(baseUrl('/studio'))
	await page.getByRole('link', { name: 'Bộ ảnh mới' }).click()
	await page.waitForURL(baseUrl('/studio/photo-posts/new'))
	await page.locator('select[name="productId"]').selectOption({ label: 'A1 · Chè Shan tuyết Suối Giàng' })
	// The order of the taps is the order in the carousel.
	for (const name of ['hop-che.jpg', 'doi-che.jpg']) await page.getByTestId('photo-choice').filter({ hasText: name }).click()
	await page.getByLabel('Tên bộ ảnh').fill('Chè búp khô – ảnh bán hàng')
	await page.getByLabel(/Dòng chữ trên ảnh/).fill('Hái tay trên núi Suối Giàng')
	await page.getByTestId('create-photo-post').click()
	await page.waitForURL(baseUrl('/studio#photo-posts'))
	await page.getByText('Đang làm bộ ảnh. Ảnh sẽ hiện ở đây khi xong.').waitFor()

	// The worker's progress reaches the page by itself.
	const post = page.getByTestId('photo-post').filter({ hasText: 'Chè búp khô – ảnh bán hàng' })
	await post.and(page.locator('[data-status="ready"]')).waitFor({ timeout: 60_000 })
	// The title and the product read as one phrase: no line of the entry starts with a stray "· ".
	await expect(post.innerText()).resolves.not.toMatch(/^\s*·/m)
	const files = post.getByTestId('photo-post-file')
	await expect(files.count()).resolves.toBe(6)
	await expect(files.first().textContent()).resolves.toContain('1 · Dọc 4:5')

	// Every preview is a loaded picture of its format's shape.
	const shapes = await files.locator('img').evaluateAll(async (images: HTMLImageElement[]) =>
		Promise.all(
			images.map(async (image) => {
				image.scrollIntoView()
				if (!image.complete || image.naturalWidth === 0) await new Promise((resolve) => image.addEventListener('load', resolve, { once: true }))
				return `${image.naturalWidth}x${image.naturalHeight}`
			}),
		),
	)
	// Previews are 320-px copies of each format's shape (the full 1080-px files are for download).
	expect(shapes.sort()).toEqual(['320x320', '320x320', '320x400', '320x400', '320x569', '320x569'])

	// A download is the full-size JPEG of that format.
	const [download] = await Promise.all([page.waitForEvent('download'), files.first().click()])
	const saved = path.join(workDir, download.suggestedFilename())
	await download.saveAs(saved)
	await expect(sharp(saved).metadata()).resolves.toMatchObject({ format: 'jpeg', width: 1080, height: 1350 })

	// The Zalo copies: one per picture, each under Zalo's 1 MB.
	await post.getByText('Bản nhẹ cho Zalo').click()
	const zaloLinks = post.locator('details a')
	await expect(zaloLinks.count()).resolves.toBe(6)
	for (const label of await zaloLinks.allTextContents()) {
		const kilobytes = Number(/\((\d+) KB\)/.exec(label)?.[1])
		expect(kilobytes).toBeGreaterThan(0)
		expect(kilobytes).toBeLessThanOrEqual(1024)
	}
})

test('a photo set without photos is refused with a message that says what to do', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	await signUpThroughUi(page)
	await page.goto(baseUrl('/studio/photo-posts/new'))
	await page.getByLabel('Tên bộ ảnh').fill('Bộ ảnh trống')
	await page.getByTestId('create-photo-post').click()
	await expect(page.getByRole('alert').textContent()).resolves.toContain('Hãy chọn ít nhất một ảnh.')
	expect(page.url()).toBe(baseUrl('/studio/photo-posts/new'))
})
