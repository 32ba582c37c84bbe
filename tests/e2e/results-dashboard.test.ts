import Database from 'better-sqlite3'
import { nanoid } from 'nanoid'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

// /results in Chromium on a phone 360 px wide: the ranking as cards, and the
// attribution model switch moving an order from one video to another. The
// order writers are other pages; the rows (and their rollups, as the write
// hooks keep them) are written here.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const id = () => `e2e${nanoid(10).replace(/[^a-zA-Z0-9]/g, 'x')}`

function hanoiToday() {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

/** Two posts on a Facebook Page; order 1 is post A's by the last click and post B's by the first; order 2 is post A's either way. */
function seed(coopName: string) {
	const db = new Database(inject('e2eDatabasePath'))
	try {
		const coop = db.prepare('SELECT id FROM Coop WHERE name = ?').get(coopName) as { id: string }
		const iso = (at: Date) => at.toISOString().replace('Z', '+00:00')
		const now = iso(new Date())
		const day = hanoiToday()
		const channelId = id()
		db.prepare(`INSERT INTO Channel (id, coopId, platform, name, createdAt, updatedAt) VALUES (?, ?, 'facebook_page', 'Trang HTX', ?, ?)`).run(channelId, coop.id, now, now)
		const post = (caption: string) => {
			const postId = id()
			const targetId = id()
			db.prepare('INSERT INTO Post (id, coopId, caption, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)').run(postId, coop.id, caption, now, now)
			db.prepare(`INSERT INTO PostTarget (id, postId, coopId, channelId, kind, state, publishedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'facebook-reel', 'published', ?, ?, ?)`).run(
				targetId,
				postId,
				coop.id,
				channelId,
				now,
				now,
				now,
			)
			return { postId, targetId }
		}
		const a = post('Hái chè Shan tuyết lúc bình minh')
		const b = post('Mật ong rừng Tây Bắc')
		let number = 0
		const order = (total: number, last: typeof a, first: typeof a) => {
			const orderId = id()
			db.prepare(`INSERT INTO "Order" (id, coopId, number, source, state, totalVnd, placedAt, createdAt, updatedAt) VALUES (?, ?, ?, 'web', 'new', ?, ?, ?, ?)`).run(orderId, coop.id, ++number, total, now, now, now)
			for (const [model, credit] of [
				['last', last],
				['first', first],
			] as const) {
				db.prepare(
					`INSERT INTO ResultOrder (orderId, model, coopId, day, placedAt, counted, totalVnd, source, credit, postId, targetId, channelId, orderUpdatedAt) VALUES (?, ?, ?, ?, ?, 1, ?, 'web', 'click', ?, ?, ?, ?)`,
				).run(orderId, model, coop.id, day, now, total, credit.postId, credit.targetId, channelId, now)
			}
		}
		order(150_000, a, b)
		order(100_000, a, a)
		db.prepare(`INSERT INTO ResultClickDay (linkId, day, coopId, clicks, kind, destination, postId, targetId, channelId) VALUES (?, ?, ?, 12, 'target', 'product-page', ?, ?, ?)`).run(id(), day, coop.id, a.postId, a.targetId, channelId)
		return { a, b }
	} finally {
		db.close()
	}
}

test('on a phone 360 px wide /results ranks the videos as cards, and the first-click switch moves an order to another video', async () => {
	const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
	const person = await signUpThroughUi(page)
	const { a, b } = seed(person.coopName)

	await page.goto(baseUrl('/results'))
	await expect.poll(() => page.getByRole('heading', { name: 'Video nào mang lại đơn hàng?' }).isVisible()).toBe(true)
	const cards = page.getByTestId('ranking-card')
	await cards.first().waitFor()
	expect(await page.getByTestId('ranking-table').isVisible()).toBe(false)
	expect(await cards.first().getAttribute('data-source')).toBe(`post:${a.postId}`)
	const ordersOf = (postId: string) => page.locator(`[data-testid="ranking-card"][data-source="post:${postId}"] dd[data-column="orders"]`)
	expect(await ordersOf(a.postId).textContent()).toBe('2')
	expect(await ordersOf(b.postId).textContent()).toBe('0')
	expect(await cards.first().getByRole('heading').textContent()).toBe('Hái chè Shan tuyết lúc bình minh')
	expect(await page.getByTestId('total-orders').textContent()).toBe('2')
	expect(await page.getByTestId('total-clicks').textContent()).toBe('12')
	// Nothing is wider than the phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

	await page.getByRole('link', { name: /Lần bấm đầu/ }).click()
	await page.waitForURL(/model=first/)
	await page.locator('[data-testid="model-switch"] [aria-current="true"]', { hasText: 'Lần bấm đầu' }).waitFor()
	expect(await ordersOf(a.postId).textContent()).toBe('1')
	expect(await ordersOf(b.postId).textContent()).toBe('1')
	expect(await page.getByTestId('total-orders').textContent()).toBe('2')
	await page.close()
})
