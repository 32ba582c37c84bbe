import crypto from 'node:crypto'
import sharp from 'sharp'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, logInThroughUi, signUpThroughUi } from '#tests/support/browser.ts'
import { coopIdByName, openE2eDb } from '#tests/support/publishing-e2e.ts'

// A live from the run sheet to the overlay, with two staff phones on the
// console at once: one confirms, the other sees it confirmed live and cannot
// confirm it again; the OBS overlay is transparent and follows the product
// switched on the console.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

function addProducts(coopName: string) {
	const db = openE2eDb()
	try {
		const coopId = coopIdByName(db, coopName)
		const now = Date.now()
		const insert = db.prepare('INSERT INTO Product (id, coopId, name, code, priceVnd, unit, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
		insert.run(`p${crypto.randomUUID().slice(0, 12)}`, coopId, 'Chè Shan tuyết', 'A1', 120_000, 'hộp', now, now)
		insert.run(`p${crypto.randomUUID().slice(0, 12)}`, coopId, 'Miến dong', 'B2', 45_000, 'gói', now, now)
	} finally {
		db.close()
	}
}

/** A viewer's order as comment capture leaves it: the comment and its pending intent. */
function addPendingOrder(sessionId: string, viewerName: string, phone: string) {
	const db = openE2eDb()
	try {
		const session = db.prepare('SELECT coopId FROM LiveSession WHERE id = ?').get(sessionId) as { coopId: string }
		const now = Date.now()
		const commentId = `c${crypto.randomUUID().slice(0, 12)}`
		db.prepare('INSERT INTO LiveComment (id, sessionId, coopId, externalId, author, text, at, intent, parsed, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
			commentId,
			sessionId,
			session.coopId,
			crypto.randomUUID(),
			viewerName,
			`chốt A1 2 hộp ${phone}`,
			now,
			'order',
			JSON.stringify({ intent: 'order', items: [{ code: 'A1', qty: 2 }], phone }),
			now,
		)
		const intentId = `i${crypto.randomUUID().slice(0, 12)}`
		db.prepare('INSERT INTO LiveOrderIntent (id, sessionId, viewerKey, viewerName, commentIds, items, phone, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
			intentId,
			sessionId,
			viewerName,
			viewerName,
			JSON.stringify([commentId]),
			JSON.stringify([{ code: 'A1', qty: 2 }]),
			phone,
			now,
			now,
		)
		return intentId
	} finally {
		db.close()
	}
}

function ordersOfSession(sessionId: string) {
	const db = openE2eDb()
	try {
		return db.prepare('SELECT id, source, externalId, totalVnd FROM "Order" WHERE liveSessionId = ?').all(sessionId) as Array<{ id: string; source: string; externalId: string; totalVnd: number }>
	} finally {
		db.close()
	}
}

async function fitsPhone(page: Page) {
	await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360)
}

test('two staff on the console, one confirm; the overlay is transparent and follows the product on screen', async () => {
	const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
	const first = await browser.newContext(phone)
	const second = await browser.newContext({ viewport: { width: 1280, height: 800 } })
	const lan = await first.newPage()
	const person = await signUpThroughUi(lan)
	addProducts(person.coopName)
	const minh = await second.newPage()
	await logInThroughUi(minh, person.email, person.password)

	// Plan the live on the phone: title, two products, then start.
	await lan.goto(baseUrl('/live'))
	await fitsPhone(lan)
	await lan.getByTestId('new-live').click()
	await lan.getByLabel('Tên buổi live').fill('Live chè tối thứ bảy')
	await lan.getByTestId('create-live').click()
	await lan.waitForURL(/\/live\/(?!new)\w+$/)
	const sessionId = new URL(lan.url()).pathname.split('/').pop()!
	await lan.getByTestId('run-sheet').waitFor()
	await lan.getByTestId('add-item').click()
	await lan.getByTestId('lineup-item').first().waitFor()
	await lan.getByTestId('add-item').click()
	await lan.getByTestId('lineup-item').nth(1).waitFor()
	await fitsPhone(lan)
	// The overlay link, shown once (this server keeps no encryption key).
	await lan.getByTestId('rotate-overlay').click()
	const portraitLink = await lan.getByTestId('overlay-links').getByRole('link').first().getAttribute('href')
	expect(portraitLink).toMatch(/\/overlay\/[A-Za-z0-9_-]{20,}\?size=portrait$/)
	await lan.getByTestId('start-live').click()
	await lan.waitForURL(/\/console$/)
	await lan.getByTestId('live-console').waitFor()

	const intentId = addPendingOrder(sessionId, 'Chị Hoa Nguyễn', '0912345678')
	await lan.reload()
	await minh.goto(baseUrl(`/live/${sessionId}/console`))
	const pendingOnLan = lan.locator(`[data-testid="pending-intent"][data-intent-id="${intentId}"]`)
	const pendingOnMinh = minh.locator(`[data-testid="pending-intent"][data-intent-id="${intentId}"]`)
	await pendingOnLan.waitFor()
	await pendingOnMinh.waitFor()
	const staleTab = await second.newPage()
	await staleTab.route('**/events', (route) => route.abort())
	await staleTab.goto(baseUrl(`/live/${sessionId}/console`))
	await staleTab.locator(`[data-testid="pending-intent"][data-intent-id="${intentId}"]`).waitFor()
	await fitsPhone(lan)

	// Lan confirms on her phone; Minh's laptop shows it confirmed without reloading.
	await pendingOnLan.getByTestId('confirm-intent').tap()
	await minh.locator(`[data-testid="decided-intent"][data-intent-id="${intentId}"]`).waitFor()
	await pendingOnMinh.waitFor({ state: 'detached' })
	await expect(minh.locator(`[data-testid="decided-intent"][data-intent-id="${intentId}"]`).textContent()).resolves.toContain('Đã chốt')
	await expect(minh.getByTestId('stock-A1').textContent()).resolves.toBe('đã bán 2')

	// Minh's other tab missed the news (its event stream is cut): its confirm is refused with who confirmed.
	await staleTab.getByTestId('confirm-intent').click()
	await expect(staleTab.getByTestId('decision-refused').textContent()).resolves.toBe(`Đơn này đã được ${person.name} chốt rồi.`)
	await staleTab.locator(`[data-testid="decided-intent"][data-intent-id="${intentId}"]`).waitFor()
	const orders = ordersOfSession(sessionId)
	expect(orders).toEqual([{ id: expect.any(String), source: 'live', externalId: intentId, totalVnd: 240_000 }])

	// The overlay in OBS's size: transparent, the product on screen, the masked buyer.
	const obs = await browser.newContext({ viewport: { width: 1080, height: 1920 } })
	const overlay = await obs.newPage()
	const response = await overlay.goto(portraitLink!)
	expect(response?.status()).toBe(200)
	await overlay.locator('[data-testid="overlay"][data-connected="true"]').waitFor()
	await expect(overlay.getByTestId('overlay-name').textContent()).resolves.toBe('Chè Shan tuyết')
	await expect(overlay.getByTestId('overlay-ticker').textContent()).resolves.toBe('Chị H*** vừa chốt 2 hộp A1')
	await expect(overlay.getByTestId('overlay-stock').textContent()).resolves.toBe('Đã bán 2')
	const shot = await overlay.screenshot({ omitBackground: true })
	const { data, info } = await sharp(shot).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
	const alphaAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3]
	expect([info.width, info.height]).toEqual([1080, 1920])
	expect([alphaAt(0, 0), alphaAt(info.width - 1, 0), alphaAt(0, info.height - 1), alphaAt(info.width - 1, info.height - 1)]).toEqual([0, 0, 0, 0])
	// The product panel itself is drawn, translucent dark (rgba …, 0.78), over the video.
	expect(alphaAt(60, 1920 - 360 - 20)).toBe(Math.round(0.78 * 255))

	// Lan switches the product on screen; the overlay follows.
	await lan.getByRole('button', { name: /B2/ }).tap()
	await overlay.locator('[data-testid="overlay"][data-product="B2"]').waitFor()
	await expect(overlay.getByTestId('overlay-name').textContent()).resolves.toBe('Miến dong')

	// A wrong token shows nothing, never a white page.
	const wrong = await overlay.goto(baseUrl('/overlay/this-is-not-the-token-123?size=portrait'))
	expect(wrong?.status()).toBe(404)
	const empty = await overlay.screenshot({ omitBackground: true })
	const raw = await sharp(empty).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
	expect(raw.data[3]).toBe(0)

	await lan.goto(baseUrl(`/live/${sessionId}/report`))
	await lan.getByTestId('live-report').waitFor()
	await expect(lan.getByTestId('report-orders').textContent()).resolves.toBe('1')
	await fitsPhone(lan)
	await Promise.all([first.close(), second.close(), obs.close()])
})
