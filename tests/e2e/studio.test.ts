import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { makeClip, makePhoto } from '#tests/support/media-fixtures.ts'
import { addReadyMedia, createPhotoEdit, createProduct } from '#tests/support/studio-e2e.ts'

// The studio end to end, in Chromium on a 360×640 phone screen: a template
// makes a video from the library, a quick preview plays, the full render's
// progress bar moves live to the end, the MP4 downloads and is checked with
// ffprobe, and the video is handed to the scheduler.

let browser: Browser
let workDir: string
beforeAll(async () => {
	browser = await launchBrowser()
	workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'studio-e2e-'))
})
afterAll(async () => {
	await browser?.close()
	await fs.rm(workDir, { recursive: true, force: true })
})

/** The newest render row of a quality, once it has one. */
function renderRow(page: Page, quality: 'preview' | 'final') {
	return page.locator(`[data-testid="render"][data-quality="${quality}"]`).first()
}

test('template → preview → render with live progress → download → hand to the scheduler', async () => {
	const page = await browser.newPage({ viewport: { width: 360, height: 640 }, acceptDownloads: true })
	const person = await signUpThroughUi(page)
	await createProduct(page)
	await addReadyMedia(person.coopName, [
		{ kind: 'video', name: 'doi-che-sang-som.mp4', extension: 'mp4', make: (file) => makeClip(file, { width: 640, height: 360, seconds: 6 }) },
		{ kind: 'video', name: 'hai-che.mp4', extension: 'mp4', make: (file) => makeClip(file, { width: 360, height: 640, seconds: 6, tone: 660 }) },
		{ kind: 'photo', name: 'bup-che.jpg', extension: 'jpg', make: (file) => makePhoto(file, { width: 1200, height: 1600 }) },
	])

	await page.goto(baseUrl('/studio'))
	await page.getByTestId('new-video').click()
	await page.waitForURL(baseUrl('/studio/new'))
	await page.getByLabel(/Giới thiệu sản phẩm/).check()
	await page.getByLabel(/Sản phẩm \(mẫu này cần sản phẩm\)/).selectOption({ label: 'A1 · Chè Shan tuyết Suối Giàng' })
	const choices = page.getByTestId('template-media')
	for (const name of ['doi-che-sang-som.mp4', 'hai-che.mp4', 'bup-che.jpg']) await choices.filter({ hasText: name }).click()
	await page.getByTestId('create-from-template').click()
	await page.waitForURL(/\/studio\/(?!new)\w+/)

	// The template's shots are listed in the order they were tapped, the first one open.
	await page.getByTestId('timeline-item').first().waitFor()
	await expect(page.getByTestId('timeline-item').count()).resolves.toBeGreaterThanOrEqual(4)
	await expect(page.getByTestId('timeline-item').first().textContent()).resolves.toContain('doi-che-sang-som.mp4')

	// A quick preview plays in the page.
	await page.getByTestId('make-preview').click()
	await renderRow(page, 'preview').and(page.locator('[data-status="ready"]')).waitFor({ timeout: 120_000 })
	const previewSize = await renderRow(page, 'preview')
		.getByTestId('render-player')
		.evaluate(async (video: HTMLVideoElement) => {
			if (video.readyState < 1) await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }))
			return { width: video.videoWidth, height: video.videoHeight }
		})
	expect(previewSize).toEqual({ width: 360, height: 640 })

	// The full render: the bar moves while ffmpeg works, without reloading the page.
	await page.getByTestId('make-final').click()
	const final = renderRow(page, 'final')
	await final.waitFor()
	const seen = new Set<number>()
	for (;;) {
		const status = await final.getAttribute('data-status')
		if (status === 'ready' || status === 'failed') break
		const bar = final.getByTestId('render-progress')
		if (await bar.isVisible().catch(() => false)) seen.add(Number(await bar.getAttribute('aria-valuenow').catch(() => 0)))
		await page.waitForTimeout(150)
	}
	expect(await final.getAttribute('data-status')).toBe('ready')
	expect(await final.getAttribute('data-progress')).toBe('100')
	expect([...seen].filter((value) => value > 0 && value < 100).length).toBeGreaterThanOrEqual(2)

	// The download is a real 9:16 MP4.
	const [download] = await Promise.all([page.waitForEvent('download'), final.getByTestId('render-download').click()])
	expect(download.suggestedFilename()).toMatch(/\.mp4$/)
	const saved = path.join(workDir, 'video.mp4')
	await download.saveAs(saved)
	const probe = await probeFile(saved)
	expect(probe.video).toMatchObject({ codec: 'h264', width: 1080, height: 1920 })
	expect(probe.audio?.codec).toBe('aac')
	expect(probe.durationMs).toBeGreaterThan(5000)
	// Until it loads, the player shows the first shot's still rather than a black box.
	await expect(final.getByTestId('render-player').getAttribute('poster')).resolves.toMatch(/^\/library\/\w+\/poster$/)
	await expect(page.locator('body').innerText()).resolves.not.toContain('{{')

	await final.getByRole('button', { name: 'Gửi sang lịch đăng' }).click()
	await final.getByTestId('handed-off').waitFor()
	await expect(final.getByTestId('handed-off').textContent()).resolves.toContain('sẵn sàng lên lịch')
	// The handed-off video opens the composer on itself.
	await final.getByTestId('schedule-render').click()
	await page.waitForURL(/\/posts\/new\?renderId=\w+$/)
	// A client-side navigation: the URL changes before the composer is drawn.
	await page.locator('input[name="media"]:checked').first().waitFor()
	await expect(page.locator('input[name="media"]:checked').count()).resolves.toBe(1)
})

test('a viewer of another co-op gets 404 for an edit and its video', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	const owner = await signUpThroughUi(page)
	const editUrl = await createPhotoEdit(page, owner.coopName)

	const stranger = await browser.newPage()
	await signUpThroughUi(stranger)
	const response = await stranger.goto(editUrl)
	expect(response?.status()).toBe(404)
})
