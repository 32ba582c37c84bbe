import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { makeClip } from '#tests/support/media-fixtures.ts'

// What an upload row says until the end (issue 9, items 1, 5 and 10): the
// media's outcome, a stall noticed and resumed, the unfinished uploads after
// a reload, and a server that does not answer told apart from a lost signal.

let browser: Browser
const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-e2e-upload-states-'))
const files = {
	whole: path.join(fixtures, 'nguyen-ven.mp4'),
	half: path.join(fixtures, 'Nương chè cắt dở.mp4'),
	stub: path.join(fixtures, 'Gần như trống.mp4'),
	big: path.join(fixtures, 'Sao chè buổi chiều.mp4'),
}

beforeAll(async () => {
	browser = await launchBrowser()
	await makeClip(files.whole, { width: 320, height: 180, seconds: 20 })
	const bytes = fs.readFileSync(files.whole)
	fs.writeFileSync(files.half, bytes.subarray(0, Math.floor(bytes.length / 2)))
	fs.writeFileSync(files.stub, bytes.subarray(0, 40_000))
	// About 15 MB: three tus chunks of 5 MiB.
	await makeClip(files.big, { width: 1280, height: 720, seconds: 8, bitrate: '15M' })
})
afterAll(async () => {
	await browser?.close()
	fs.rmSync(fixtures, { recursive: true, force: true })
})

async function phonePage({ stallMs }: { stallMs?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 360, height: 640 } })
	if (stallMs) await context.addInitScript((ms) => Object.assign(window, { coopUploadStallMs: ms }), stallMs)
	const page = await context.newPage()
	await signUpThroughUi(page)
	await page.goto(baseUrl('/library'))
	return { context, page }
}

const row = (page: Page, name: string) => page.locator('[data-testid=upload-row]', { hasText: name })

test('each row ends with what became of its file: unusable with the reason, or usable only up to where it was cut', async () => {
	const { context, page } = await phonePage()
	const confirmed: string[] = []
	page.on('response', (response) => {
		if (response.request().method() === 'DELETE' && response.status() === 204) confirmed.push(new URL(response.url()).pathname.split('/').pop()!)
	})
	await page.getByTestId('upload-input').setInputFiles([files.stub, files.half])

	const stub = row(page, 'Gần như trống.mp4')
	await stub.and(page.locator('[data-outcome=failed]')).waitFor({ timeout: 120_000 })
	await expect(stub.getByTestId('upload-phase').textContent()).resolves.toContain('không dùng được')
	await expect(stub.getByTestId('upload-outcome').textContent()).resolves.toContain('Tệp bị cắt dở')

	const half = row(page, 'Nương chè cắt dở.mp4')
	await half.and(page.locator('[data-outcome=ready]')).waitFor({ timeout: 120_000 })
	await expect(half.getByTestId('upload-outcome').textContent()).resolves.toContain('chỉ dùng được 0:10 đầu')
	const card = page.locator('[data-testid=media-card][data-status=ready]')
	await expect(card.getByTestId('media-truncated').textContent()).resolves.toContain('chỉ dùng được 0:10 đầu')
	await expect(card.getByTestId('media-duration').textContent()).resolves.toBe('0:10')

	// The phone confirmed each answer: no receipt is left behind for either upload.
	for (let i = 0; i < 200 && confirmed.length < 2; i++) await page.waitForTimeout(50)
	expect(confirmed).toHaveLength(2)
	for (const id of confirmed) expect(fs.existsSync(path.join(inject('e2eMediaRoot'), '.uploads', 'finished', `${id}.json`))).toBe(false)
	await context.close()
})

test('an upload that stalls without failing is noticed, offers “Tiếp tục” and continues from the server’s offset', async () => {
	const { context, page } = await phonePage({ stallMs: 1500 })
	let holding = false
	let patches = 0
	const held: Route[] = []
	let heads = 0
	let creations = 0
	page.on('request', (request) => {
		if (request.method() === 'POST' && new URL(request.url()).pathname === '/uploads') creations++
		if (request.method() === 'HEAD') heads++
	})
	// The first chunk gets through; then the connection stays up and nothing moves.
	await page.route('**/uploads/*', async (route) => {
		if (route.request().method() !== 'PATCH') return route.continue()
		patches++
		if (patches === 1 || !holding) return route.continue()
		held.push(route)
	})
	holding = true
	await page.getByTestId('upload-input').setInputFiles([files.big])
	const upload = row(page, 'Sao chè buổi chiều.mp4')
	await upload.and(page.locator('[data-phase=stalled]')).waitFor({ timeout: 60_000 })
	await expect(upload.getByTestId('upload-phase').textContent()).resolves.toContain('Mạng rất yếu')
	await upload.getByRole('button', { name: 'Tiếp tục' }).waitFor()
	await upload.getByRole('button', { name: 'Huỷ' }).waitFor()
	// The stalled request was dropped and the upload asked the server how far it got.
	for (let i = 0; i < 200 && heads === 0; i++) await page.waitForTimeout(50)
	expect(heads).toBeGreaterThan(0)

	holding = false
	await upload.getByRole('button', { name: 'Tiếp tục' }).click()
	await page.locator('[data-testid=media-card][data-status=ready]').waitFor({ timeout: 120_000 })
	expect(creations).toBe(1)
	await Promise.all(held.map((route) => route.abort().catch(() => {})))
	await context.close()
})

test('after a reload, unfinished uploads are listed with “chọn lại tệp này để tải tiếp”, and picking the file continues it', async () => {
	const { context, page } = await phonePage()
	let patches = 0
	await page.route('**/uploads/*', (route) => {
		if (route.request().method() !== 'PATCH') return route.continue()
		patches++
		return patches <= 1 ? route.continue() : route.abort('connectionreset')
	})
	await page.getByTestId('upload-input').setInputFiles([files.big])
	for (let i = 0; i < 1200 && patches <= 1; i++) await page.waitForTimeout(50)
	expect(patches).toBeGreaterThan(1)
	await page.unroute('**/uploads/*')
	await page.reload()

	const unfinished = page.getByTestId('unfinished-uploads')
	await unfinished.waitFor()
	await expect(unfinished.textContent()).resolves.toContain('chọn lại tệp này để tải tiếp')
	await expect(unfinished.getByTestId('unfinished-upload').textContent()).resolves.toContain('Sao chè buổi chiều.mp4')

	await page.getByTestId('upload-input').setInputFiles([files.big])
	await page.getByTestId('upload-resumed').waitFor()
	await unfinished.waitFor({ state: 'detached' })
	await page.locator('[data-testid=media-card][data-status=ready]').waitFor({ timeout: 120_000 })
	await context.close()
})

test('when the phone is online but the server does not answer, the row says the server is not answering', async () => {
	const { context, page } = await phonePage()
	await page.route('**/uploads/*', (route) => (route.request().method() === 'PATCH' ? route.fulfill({ status: 503, body: '' }) : route.continue()))
	await page.getByTestId('upload-input').setInputFiles([files.whole])
	const upload = row(page, 'nguyen-ven.mp4')
	// tus-js-client retries for about 70 s before it gives up and the row pauses.
	await upload.and(page.locator('[data-phase=paused]')).waitFor({ timeout: 150_000 })
	const message = await upload.getByTestId('upload-error').textContent()
	expect(message).toContain('Máy chủ chưa trả lời')
	expect(message).not.toContain('Mất kết nối')
	await upload.getByRole('button', { name: 'Tiếp tục' }).waitFor()
	await context.close()
})
