import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { makeClip, makePhoto } from '#tests/support/media-fixtures.ts'

let browser: Browser
const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-e2e-library-'))
const files = {
	photo: path.join(fixtures, 'Đồi chè Suối Giàng.jpg'),
	clip: path.join(fixtures, 'Hái chè sáng sớm.mp4'),
	empty: path.join(fixtures, 'trống.jpg'),
	textAsVideo: path.join(fixtures, 'ghi-chu.mp4'),
	heic: path.join(fixtures, 'IMG_0042.HEIC'),
	twin: path.join(fixtures, 'Nương chè.jpg'),
	twinCopy: path.join(fixtures, 'Nương chè (bản sao).jpg'),
}

beforeAll(async () => {
	browser = await launchBrowser()
	await makePhoto(files.photo, { width: 1600, height: 1200 })
	// About 20 MB: four tus chunks of 5 MiB.
	await makeClip(files.clip, { width: 1280, height: 720, seconds: 10, bitrate: '16M' })
	fs.writeFileSync(files.empty, '')
	fs.writeFileSync(files.textAsVideo, 'Danh sách hộ trồng chè Shan tuyết\n'.repeat(200))
	fs.copyFileSync(files.photo, files.heic)
	await makePhoto(files.twin, { width: 800, height: 600 })
	fs.copyFileSync(files.twin, files.twinCopy)
})
afterAll(async () => {
	await browser?.close()
	fs.rmSync(fixtures, { recursive: true, force: true })
})

async function phonePage(): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
	return { context, page: await context.newPage() }
}

const cards = (page: Page, status?: string) => page.locator(status ? `[data-testid=media-card][data-status=${status}]` : '[data-testid=media-card]')

/** Waits until `count` cards are ready, without reloading the page (the event stream updates it). */
async function waitForReadyCards(page: Page, count: number) {
	await page.waitForFunction((n) => document.querySelectorAll('[data-testid=media-card][data-status=ready]').length >= n, count, { timeout: 150_000 })
}

async function uploadProgress(page: Page) {
	return Number(await page.getByRole('progressbar').first().getAttribute('aria-valuenow'))
}

test('a director uploads a photo and a 20 MB clip from a phone; thumbnails and durations appear without reloading', async () => {
	const { context, page } = await phonePage()
	await signUpThroughUi(page)
	await page.goto(baseUrl('/library'))
	await page.getByTestId('library-empty').waitFor()
	await page.evaluate(() => Object.assign(window, { pageNeverReloaded: true }))

	await page.getByTestId('upload-input').setInputFiles([files.photo, files.clip])
	await page.locator('[data-testid=upload-row][data-phase=uploading]').first().waitFor()
	await waitForReadyCards(page, 2)

	expect(await page.evaluate(() => (window as unknown as { pageNeverReloaded?: boolean }).pageNeverReloaded)).toBe(true)
	expect(await cards(page).count()).toBe(2)
	const clipCard = cards(page).filter({ hasText: 'Hái chè sáng sớm.mp4' })
	await expect(clipCard.getByTestId('media-duration').textContent()).resolves.toBe('0:10')
	await expect(clipCard.getByTestId('media-dimensions').textContent()).resolves.toContain('1280×720')
	const photoCard = cards(page).filter({ hasText: 'Đồi chè Suối Giàng.jpg' })
	await expect(photoCard.getByTestId('media-dimensions').textContent()).resolves.toContain('1600×1200')
	// The thumbnails really load (served by the auth-checked file route).
	await page.waitForFunction(() =>
		Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid=media-thumb]')).every((img) => img.complete && img.naturalWidth > 0),
	)
	expect(await page.getByTestId('media-thumb').count()).toBe(2)

	// The detail page plays the 480p preview.
	await clipCard.getByRole('link').first().click()
	const video = page.getByTestId('media-video')
	await video.waitFor()
	expect(await video.getAttribute('src')).toMatch(/\/library\/\w+\/proxy$/)
	const proxy = await page.request.get(baseUrl((await video.getAttribute('src'))!), { headers: { range: 'bytes=0-99' } })
	expect(proxy.status()).toBe(206)
	expect(proxy.headers()['content-type']).toBe('video/mp4')
	await context.close()
})

test('an upload cut off at about half (the phone goes offline) continues from there when the connection returns', async () => {
	const { context, page } = await phonePage()
	await signUpThroughUi(page)
	await page.goto(baseUrl('/library'))
	let creations = 0
	let patches = 0
	let connected = true
	page.on('request', (request) => {
		if (request.method() === 'POST' && new URL(request.url()).pathname === '/uploads') creations++
	})
	// Two chunks of four get through, then the connection drops.
	await page.route('**/uploads/*', async (route) => {
		if (route.request().method() !== 'PATCH') return route.continue()
		if (connected && patches < 2) {
			patches++
			return route.continue()
		}
		connected = false
		return route.abort('internetdisconnected')
	})
	await page.getByTestId('upload-input').setInputFiles([files.clip])
	// Once the third chunk is refused, the phone is offline too.
	for (let i = 0; i < 600 && connected; i++) await page.waitForTimeout(50)
	expect(connected).toBe(false)
	await context.setOffline(true)
	await page.locator('[data-testid=upload-row][data-phase=paused]').waitFor({ timeout: 90_000 })
	const stoppedAt = await uploadProgress(page)
	expect(stoppedAt).toBeGreaterThanOrEqual(40)
	expect(stoppedAt).toBeLessThanOrEqual(60)
	await expect(page.getByTestId('upload-error').textContent()).resolves.toContain('Mất kết nối')

	await page.unroute('**/uploads/*')
	connected = true
	await context.setOffline(false)
	await waitForReadyCards(page, 1)
	// The same upload went on: created once, never started again from zero.
	expect(creations).toBe(1)
	await expect(cards(page, 'ready').getByTestId('media-duration').textContent()).resolves.toBe('0:10')
	await context.close()
})

test('after a reload, choosing the same file again continues the upload where it stopped', async () => {
	const { context, page } = await phonePage()
	await signUpThroughUi(page)
	await page.goto(baseUrl('/library'))
	let patches = 0
	// Two chunks get through; every later one is cut until the page is reloaded.
	await page.route('**/uploads/*', (route) => {
		if (route.request().method() !== 'PATCH') return route.continue()
		patches++
		return patches <= 2 ? route.continue() : route.abort('connectionreset')
	})
	await page.getByTestId('upload-input').setInputFiles([files.clip])
	for (let i = 0; i < 1200 && patches <= 2; i++) await page.waitForTimeout(50)
	expect(patches).toBeGreaterThan(2)
	await page.reload()
	await page.unroute('**/uploads/*')
	let creations = 0
	page.on('request', (request) => {
		if (request.method() === 'POST' && new URL(request.url()).pathname === '/uploads') creations++
	})

	await page.getByTestId('upload-input').setInputFiles([files.clip])
	await page.getByTestId('upload-resumed').waitFor()
	// Two 5 MiB chunks of the 20 MB clip were already on the server.
	const resumedAt = Number(/Tải tiếp từ (\d+)%/.exec((await page.getByTestId('upload-resumed').textContent())!)?.[1])
	expect(resumedAt).toBeGreaterThanOrEqual(45)
	expect(resumedAt).toBeLessThanOrEqual(55)
	await waitForReadyCards(page, 1)
	expect(creations).toBe(0)
	expect(await cards(page).count()).toBe(1)
	await context.close()
})

test('files that cannot be used are refused with what to do, and leave nothing in the library', async () => {
	const { context, page } = await phonePage()
	await signUpThroughUi(page)
	await page.goto(baseUrl('/library'))
	await page.getByTestId('upload-input').setInputFiles([files.empty, files.textAsVideo, files.heic])
	await page.waitForFunction(() => document.querySelectorAll('[data-testid=upload-row][data-phase=failed]').length === 3, null, { timeout: 60_000 })
	const messages = await page.getByTestId('upload-error').allTextContents()
	expect(messages).toHaveLength(3)
	expect(messages.some((m) => m.includes('Tệp trống'))).toBe(true)
	expect(messages.some((m) => m.includes('không phải ảnh, video hay âm thanh'))).toBe(true)
	expect(messages.some((m) => m.includes('HEIC') && m.includes('Tương thích nhất'))).toBe(true)
	await page.reload()
	await page.getByTestId('library-empty').waitFor()
	await context.close()
})

test('the same photo twice: the phone is told before uploading; copies that slip through are offered to keep or discard', async () => {
	const { context, page } = await phonePage()
	await signUpThroughUi(page)
	await page.goto(baseUrl('/library'))
	await page.getByTestId('upload-input').setInputFiles([files.photo])
	await waitForReadyCards(page, 1)
	await page.getByTestId('upload-input').setInputFiles([files.photo])
	const duplicateRow = page.locator('[data-testid=upload-row][data-phase=duplicate]')
	await duplicateRow.waitFor()
	await expect(duplicateRow.textContent()).resolves.toContain('Tệp này đã có trong thư viện')
	await duplicateRow.getByRole('button', { name: 'Bỏ qua' }).click()
	await page.locator('[data-testid=upload-row][data-phase=skipped]').waitFor()
	expect(await cards(page).count()).toBe(1)

	// Two copies of a new photo chosen together both pass the check before uploading; the worker's SHA-256 catches the second.
	await page.getByTestId('upload-input').setInputFiles([files.twin, files.twinCopy])
	await page.getByTestId('media-duplicate').waitFor({ timeout: 60_000 })
	expect(await page.getByTestId('media-duplicate').count()).toBe(1)
	const copyCard = cards(page).filter({ has: page.getByTestId('media-duplicate') })
	await copyCard.getByRole('button', { name: 'Bỏ tệp mới' }).click()
	await page.waitForFunction(() => !document.querySelector('[data-testid=media-duplicate]'))
	await waitForReadyCards(page, 2)
	expect(await cards(page).count()).toBe(2)
	await context.close()
})

test('a director names the place and season of a photo, then finds it by searching without accents', async () => {
	const { context, page } = await phonePage()
	await signUpThroughUi(page)
	await page.goto(baseUrl('/library'))
	await page.getByTestId('upload-input').setInputFiles([files.photo])
	await waitForReadyCards(page, 1)
	await cards(page).first().getByRole('link').first().click()
	await page.getByLabel('Địa điểm quay/chụp').fill('Đồi chè Suối Giàng')
	await page.getByLabel('Mùa vụ').fill('Vụ xuân 2025')
	await page.getByRole('button', { name: 'Lưu' }).click()
	await page.getByTestId('toast').waitFor()
	await page.goto(baseUrl('/library'))
	await page.getByLabel('Tìm theo tên').fill('suoi giang')
	await page.getByRole('button', { name: 'Lọc', exact: true }).click()
	await page.waitForURL(/q=suoi\+giang/)
	expect(await cards(page).count()).toBe(1)
	await page.getByLabel('Tìm theo tên').fill('ruong lua')
	await page.getByRole('button', { name: 'Lọc', exact: true }).click()
	await page.getByTestId('library-empty').waitFor()
	await context.close()
})

test("a viewer sees no delete and is refused; another co-op's member gets 404 on the media URLs", async () => {
	const owner = await phonePage()
	const director = await signUpThroughUi(owner.page)
	await owner.page.goto(baseUrl('/library'))
	await owner.page.getByTestId('upload-input').setInputFiles([files.photo])
	await waitForReadyCards(owner.page, 1)
	const mediaId = (await cards(owner.page).first().getAttribute('data-media-id'))!

	// A viewer of the same co-op (membership added straight in the database).
	const viewer = await phonePage()
	const viewerPerson = await signUpThroughUi(viewer.page)
	const db = new Database(inject('e2eDatabasePath'))
	try {
		const userId = (email: string) => (db.prepare('SELECT id FROM User WHERE email = ?').get(email) as { id: string }).id
		const ownerMembership = db.prepare('SELECT coopId, createdAt FROM Membership WHERE userId = ?').get(userId(director.email)) as { coopId: string; createdAt: string }
		db.prepare('INSERT INTO Membership (id, userId, coopId, role, createdAt) VALUES (?, ?, ?, ?, ?)').run(
			`e2e${Date.now().toString(36)}`,
			userId(viewerPerson.email),
			ownerMembership.coopId,
			'viewer',
			ownerMembership.createdAt,
		)
		db.prepare('UPDATE Session SET activeCoopId = ? WHERE userId = ?').run(ownerMembership.coopId, userId(viewerPerson.email))
	} finally {
		db.close()
	}
	await viewer.page.goto(baseUrl(`/library/${mediaId}`))
	await viewer.page.getByTestId('media-photo').waitFor()
	expect(await viewer.page.getByTestId('media-delete').count()).toBe(0)
	await viewer.page.goto(baseUrl('/library'))
	expect(await viewer.page.getByTestId('upload-input').count()).toBe(0)
	expect((await viewer.page.request.get(baseUrl(`/library/${mediaId}/delete`))).status()).toBe(403)
	// Same-origin posts (docs/decisions/127): what is tested here is the role and the co-op, not the origin check.
	const sameOrigin = { headers: { origin: new URL(baseUrl('/')).origin } }
	expect((await viewer.page.request.post(baseUrl(`/library/${mediaId}/delete`), sameOrigin)).status()).toBe(403)
	expect((await viewer.page.request.get(baseUrl(`/library/${mediaId}/thumb`))).status()).toBe(200)

	// Someone from another co-op: every URL of this media is "not found".
	const stranger = await phonePage()
	await signUpThroughUi(stranger.page)
	for (const url of [`/library/${mediaId}`, `/library/${mediaId}/thumb`, `/library/${mediaId}/proxy`, `/library/${mediaId}/original`, `/library/${mediaId}/delete`]) {
		expect((await stranger.page.request.get(baseUrl(url))).status(), url).toBe(404)
	}
	expect((await stranger.page.request.post(baseUrl(`/library/${mediaId}/delete`), sameOrigin)).status()).toBe(404)

	// The owner deletes it, after confirming.
	await owner.page.goto(baseUrl(`/library/${mediaId}`))
	await owner.page.getByTestId('media-delete').click()
	await owner.page.getByTestId('confirm-delete').click()
	await owner.page.waitForURL(baseUrl('/library'))
	await owner.page.getByTestId('library-empty').waitFor()
	expect((await owner.page.request.get(baseUrl(`/library/${mediaId}/thumb`))).status()).toBe(404)
	await Promise.all([owner.context.close(), viewer.context.close(), stranger.context.close()])
})
