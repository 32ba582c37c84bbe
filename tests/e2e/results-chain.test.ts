import Database from 'better-sqlite3'
import { nanoid } from 'nanoid'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

// The whole chain of issue 12, nothing written behind the app's back except
// the published post itself (publishing has its own end-to-end chain): a
// product made in the app, two published posts on one Page, a buyer on a
// phone who opens the second post's tracked link, lands on the product page,
// orders, and the director's dashboard counts that order for that video.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const id = () => `e2e${nanoid(10).replace(/[^a-zA-Z0-9]/g, 'x')}`

/** Two published Facebook posts about the product, each with its own tracked link (as the composer makes them). */
function publishTwoPosts(coopName: string, productName: string) {
	const db = new Database(inject('e2eDatabasePath'))
	try {
		const coop = db.prepare('SELECT id FROM Coop WHERE name = ?').get(coopName) as { id: string }
		const product = db.prepare('SELECT id FROM Product WHERE coopId = ? AND name = ?').get(coop.id, productName) as { id: string }
		const now = new Date().toISOString().replace('Z', '+00:00')
		const channelId = id()
		db.prepare(`INSERT INTO Channel (id, coopId, platform, name, createdAt, updatedAt) VALUES (?, ?, 'facebook_page', 'Trang HTX', ?, ?)`).run(channelId, coop.id, now, now)
		const post = (caption: string) => {
			const postId = id()
			const targetId = id()
			const slug = nanoid(6).toLowerCase().replace(/[^a-z0-9]/g, 'k')
			db.prepare('INSERT INTO Post (id, coopId, productId, caption, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)').run(postId, coop.id, product.id, caption, now, now)
			db.prepare(`INSERT INTO PostTarget (id, postId, coopId, channelId, kind, state, publishedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'facebook-reel', 'published', ?, ?, ?)`).run(targetId, postId, coop.id, channelId, now, now, now)
			db.prepare(`INSERT INTO TrackedLink (id, coopId, slug, kind, postTargetId, postId, productId, destination, createdAt) VALUES (?, ?, ?, 'target', ?, ?, ?, 'product-page', ?)`).run(id(), coop.id, slug, targetId, postId, product.id, now)
			return { postId, slug }
		}
		return { coopId: coop.id, first: post('Sáng sớm hái chè trên núi'), second: post('Pha chè Shan tuyết đúng cách') }
	} finally {
		db.close()
	}
}

function clicksOf(slug: string): number {
	const db = new Database(inject('e2eDatabasePath'), { readonly: true })
	try {
		return (db.prepare('SELECT COUNT(*) AS n FROM Click c JOIN TrackedLink l ON l.id = c.linkId WHERE l.slug = ?').get(slug) as { n: number }).n
	} finally {
		db.close()
	}
}

test('a tracked link → the product page → an order → the dashboard counts it for the right video', async () => {
	const director = await browser.newPage({ viewport: { width: 360, height: 740 } })
	const person = await signUpThroughUi(director)
	const productName = `Chè Shan tuyết ${nanoid(4)}`
	await director.goto(baseUrl('/products/new'))
	await director.getByLabel('Tên sản phẩm').fill(productName)
	await director.getByLabel('Giá (đồng)').fill('180k')
	await director.getByLabel('Đơn vị bán').fill('hộp 200g')
	await director.getByRole('button', { name: 'Thêm sản phẩm' }).click()
	await director.getByTestId('public-page-link').waitFor()
	const { second, first } = publishTwoPosts(person.coopName, productName)

	// The buyer, on a phone, from the second post's caption.
	const buyer = await browser.newPage({ viewport: { width: 360, height: 740 }, userAgent: 'Mozilla/5.0 (Linux; Android 12; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36' })
	await buyer.goto(baseUrl(`/l/${second.slug}`))
	await expect.poll(() => new URL(buyer.url()).pathname).toMatch(/^\/p\//)
	await expect(buyer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(productName)
	// The click is written a moment after the redirect answered.
	await expect.poll(() => clicksOf(second.slug)).toBe(1)
	await buyer.getByLabel('Họ và tên').fill('Lò Thị Sen')
	await buyer.getByLabel('Số điện thoại di động').fill('0912.345.678')
	await buyer.getByLabel('Địa chỉ nhận hàng').fill('Bản Lướt, Mường Lò, Yên Bái')
	await buyer.getByLabel(/Số lượng/).fill('3')
	await buyer.getByRole('button', { name: 'Đặt hàng' }).click()
	await expect(buyer.getByTestId('order-number').textContent()).resolves.toContain('ĐH-0001')

	// The director's dashboard: the order and its revenue belong to the second video, none to the first.
	await director.goto(baseUrl('/results'))
	const card = (postId: string) => director.locator(`[data-testid="ranking-card"][data-source="post:${postId}"]`)
	await card(second.postId).waitFor()
	expect(await card(second.postId).locator('dd[data-column="orders"]').textContent()).toBe('1')
	expect(await card(second.postId).locator('dd[data-column="clicks"]').textContent()).toBe('1')
	expect(await card(second.postId).textContent()).toContain('540.000')
	expect(await director.getByTestId('total-orders').textContent()).toBe('1')
	expect(await director.getByTestId('ranking-card').first().getAttribute('data-source')).toBe(`post:${second.postId}`)
	if (await card(first.postId).count()) expect(await card(first.postId).locator('dd[data-column="orders"]').textContent()).toBe('0')

	// And the order page says where the buyer came from.
	await director.goto(baseUrl('/orders'))
	await director.getByText('ĐH-0001').first().click()
	await expect.poll(async () => (await director.locator('main').textContent()) ?? '').toContain(`/l/${second.slug}`)
})
