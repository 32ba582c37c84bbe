import Database from 'better-sqlite3'
import { Redis } from 'ioredis'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

// The bell on a phone-sized page: a published target's notification shows
// in its count, arrives live while the page is open, reads as a sentence on
// /notifications, and opening it goes to its page and clears it.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

/** A notification as the engine's `notify` writes it (the row; the live event is sent separately). */
function insertNotification(email: string, id: string, params: Record<string, string>, href: string) {
	const db = new Database(inject('e2eDatabasePath'))
	try {
		const { userId, coopId } = db
			.prepare('SELECT m.userId AS userId, m.coopId AS coopId FROM Membership m JOIN User u ON u.id = m.userId WHERE u.email = ?')
			.get(email) as { userId: string; coopId: string }
		db.prepare(`INSERT INTO Notification (id, coopId, userId, kind, params, href, createdAt) VALUES (?, ?, ?, 'target.published', ?, ?, ?)`).run(
			id,
			coopId,
			userId,
			JSON.stringify(params),
			href,
			Date.now(),
		)
		return { userId, coopId }
	} finally {
		db.close()
	}
}

test('a published target’s notification shows on the bell, arrives live, opens its page and is then read', async () => {
	const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
	const person = await signUpThroughUi(page)
	const bell = page.getByTestId('notification-bell')
	await expect(bell.getAttribute('aria-label')).resolves.toBe('Thông báo: không có gì mới')

	insertNotification(person.email, `e2e-n1-${Date.now()}`, { post: 'Chè búp Suối Giàng', channel: 'Trang HTX' }, '/coop')
	await page.reload()
	await expect(page.getByTestId('notification-count').textContent()).resolves.toBe('1')
	await expect(bell.getAttribute('aria-label')).resolves.toBe('Thông báo: 1 chưa đọc')

	// A second one while the page is open: the live event updates the count. It goes to the
	// channel the web server subscribed to for this co-op while the page listens.
	const second = insertNotification(person.email, `e2e-n2-${Date.now()}`, { post: 'Gạo J02', channel: 'TikTok HTX' }, '/coop')
	const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
	try {
		const channel = `:coop:${second.coopId}:events`
		await expect.poll(async () => ((await redis.pubsub('CHANNELS', `*${channel}`)) as string[]).length).toBe(1)
		const [subscribed] = (await redis.pubsub('CHANNELS', `*${channel}`)) as string[]
		await redis.publish(subscribed!, JSON.stringify({ type: 'notification.created', userId: second.userId, notificationId: 'e2e-n2' }))
		await expect.poll(() => page.getByTestId('notification-count').textContent()).toBe('2')
	} finally {
		redis.disconnect()
	}

	await bell.click()
	await page.waitForURL(baseUrl('/notifications'))
	const items = page.getByTestId('notification')
	await expect.poll(() => items.count()).toBe(2)
	await expect(items.last().textContent()).resolves.toContain('Đã đăng “Chè búp Suối Giàng” lên Trang HTX.')
	await items.last().getByRole('button', { name: /^Mở/ }).click()
	await page.waitForURL(baseUrl('/coop'))
	await expect.poll(() => page.getByTestId('notification-count').textContent()).toBe('1')

	await page.goto(baseUrl('/notifications'))
	await expect.poll(() => items.last().getAttribute('data-read')).toBe('true')
	await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click()
	await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Đã đánh dấu tất cả thông báo là đã đọc.')
	await expect.poll(() => page.getByTestId('notification-count').count()).toBe(0)
	// Nothing on the page is wider than the phone.
	await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360)
})
