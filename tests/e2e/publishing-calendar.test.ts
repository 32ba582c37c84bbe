import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import Database from 'better-sqlite3'
import { nanoid } from 'nanoid'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

// The calendar in Chromium: a scheduled post dragged to another day keeps its
// time, the "Đổi giờ" form with a suggested time moves it by keyboard, a
// series schedules a video a day, and a phone 360 px wide gets the agenda.
// The composer is another page; the rows it would make are written here.

let browser: Browser
let axeSource: string
beforeAll(async () => {
	browser = await launchBrowser()
	axeSource = await fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
})

/** Serious or critical axe violations on the page as it is now (the same rules as accessibility.test.ts). */
async function axeViolations(page: Page) {
	await page.evaluate(axeSource)
	const results = await page.evaluate(() => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe
		return axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } })
	})
	return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
afterAll(async () => {
	await browser?.close()
})

const id = () => `e2e${nanoid(10).replace(/[^a-zA-Z0-9]/g, 'x')}`

/** A Hà Nội calendar day `offset` days from now. */
function hanoiDay(offset: number) {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
		new Date(Date.now() + offset * 86_400_000),
	)
}

/** A final render, a manual channel and one post scheduled at 20:00 Hà Nội time on `day`. */
function addScheduledPost(coopName: string, day: string, caption: string) {
	const db = new Database(inject('e2eDatabasePath'))
	try {
		const coop = db.prepare('SELECT id FROM Coop WHERE name = ?').get(coopName) as { id: string }
		// Prisma's SQLite adapter stores times as ISO 8601 text ending in +00:00 and compares them as text.
		const iso = (at: Date) => at.toISOString().replace('Z', '+00:00')
		const now = iso(new Date())
		const [editId, renderId, channelId, postId, targetId] = [id(), id(), id(), id(), id()]
		db.prepare('INSERT INTO Edit (id, coopId, title, spec, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)').run(editId, coop.id, 'Hái chè buổi sớm', '{}', now, now)
		db.prepare(
			`INSERT INTO Render (id, editId, coopId, format, quality, status, spec, cacheKey, createdAt, updatedAt)
			 VALUES (?, ?, ?, 'tiktok-reels', 'final', 'ready', '{}', ?, ?, ?)`,
		).run(renderId, editId, coop.id, `key-${renderId}`, now, now)
		db.prepare(
			`INSERT INTO Channel (id, coopId, platform, manualKind, name, createdAt, updatedAt) VALUES (?, ?, 'manual', 'zalo_group', 'Nhóm Zalo khách quen', ?, ?)`,
		).run(channelId, coop.id, now, now)
		db.prepare('INSERT INTO Post (id, coopId, renderId, caption, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)').run(postId, coop.id, renderId, caption, now, now)
		const dueAt = iso(new Date(`${day}T20:00:00+07:00`))
		db.prepare(
			`INSERT INTO PostTarget (id, postId, coopId, channelId, kind, state, dueAt, stateChangedAt, createdAt, updatedAt)
			 VALUES (?, ?, ?, ?, 'manual', 'scheduled', ?, ?, ?, ?)`,
		).run(targetId, postId, coop.id, channelId, dueAt, now, now, now)
		return { postId, targetId, coopId: coop.id }
	} finally {
		db.close()
	}
}

function targetDue(targetId: string) {
	const db = new Database(inject('e2eDatabasePath'), { readonly: true })
	try {
		const row = db.prepare('SELECT dueAt FROM PostTarget WHERE id = ?').get(targetId) as { dueAt: string }
		return new Date(row.dueAt)
	} finally {
		db.close()
	}
}

test('a scheduled post is dragged to another day and keeps 20:00; "Đổi giờ" moves it to a suggested time; in the month view a drag keeps it; a series schedules a video a day', async () => {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
	const person = await signUpThroughUi(page)
	// Monday of the week after next: both it and the Wednesday after it are in one Monday-first week.
	const day = (() => {
		for (let offset = 8; ; offset++) {
			const candidate = hanoiDay(offset)
			if (new Date(`${candidate}T12:00:00Z`).getUTCDay() === 1) return candidate
		}
	})()
	const wednesday = new Date(`${day}T12:00:00Z`)
	wednesday.setUTCDate(wednesday.getUTCDate() + 2)
	const later = wednesday.toISOString().slice(0, 10)
	const { postId, targetId } = addScheduledPost(person.coopName, day, 'Chè Shan tuyết mới hái, đóng hộp 200 g')

	await page.goto(baseUrl(`/calendar?view=week&day=${day}`))
	const grid = page.getByTestId('calendar-week')
	const chip = grid.getByTestId('calendar-chip')
	await expect(chip.getAttribute('data-day')).resolves.toBe(day)
	await expect(chip.getByTestId('chip-time').textContent()).resolves.toBe('20:00')
	// Status in words beside the colour, per channel.
	await expect(chip.getByTestId('chip-channel').textContent()).resolves.toContain('Nhóm Zalo khách quen: đã hẹn giờ')
	await expect(chip.getByRole('link').getAttribute('href')).resolves.toBe(`/posts/${postId}`)

	await grid.locator('[data-testid="calendar-chip"][draggable="true"]').waitFor()
	await chip.dragTo(grid.locator(`[data-testid="calendar-day"][data-day="${later}"]`))
	await grid.locator(`[data-testid="calendar-chip"][data-day="${later}"]`).waitFor()
	await expect(grid.locator(`[data-day="${later}"] [data-testid="chip-time"]`).textContent()).resolves.toBe('20:00')
	expect(targetDue(targetId).toISOString()).toBe(new Date(`${later}T20:00:00+07:00`).toISOString())
	await expect(axeViolations(page)).resolves.toEqual([])

	// The keyboard way: open the chip's actions, pick the suggested 11:30, save.
	const moved = grid.getByTestId('calendar-chip')
	await moved.getByText('Đổi giờ · Đăng ngay').click()
	await moved.getByRole('button', { name: '11:30' }).click()
	await expect(moved.getByLabel('Giờ đăng').inputValue()).resolves.toBe('11:30')
	await moved.getByRole('button', { name: 'Lưu giờ mới' }).click()
	await grid.locator('[data-testid="chip-time"]', { hasText: '11:30' }).waitFor()
	expect(targetDue(targetId).toISOString()).toBe(new Date(`${later}T11:30:00+07:00`).toISOString())

	// The month view: dragged back to Monday, it keeps 11:30.
	await page.getByRole('link', { name: 'Tháng' }).click()
	const month = page.getByTestId('calendar-month')
	await month.locator(`[data-testid="calendar-chip"][data-day="${later}"][draggable="true"]`).waitFor()
	// Held by its time: the chip's actions may still be open below it.
	await month.getByTestId('calendar-chip').getByTestId('chip-time').dragTo(month.locator(`[data-testid="calendar-day"][data-day="${day}"]`))
	await month.locator(`[data-testid="calendar-chip"][data-day="${day}"]`).waitFor()
	expect(targetDue(targetId).toISOString()).toBe(new Date(`${day}T11:30:00+07:00`).toISOString())

	// A series: the same video on the first two days, the second at the evening suggestion.
	const series = page.getByTestId('series-form')
	await series.locator('summary').click()
	await series.getByLabel('Nội dung bài (dùng cho mọi ngày)').fill('Mỗi ngày một câu chuyện về chè')
	await series.getByLabel('Ngày bắt đầu').fill(day)
	await series.getByLabel('Nhóm Zalo khách quen').check()
	const days = series.getByTestId('series-day')
	await days.nth(0).getByRole('combobox').selectOption({ label: 'Hái chè buổi sớm (tiktok-reels)' })
	await days.nth(1).getByRole('combobox').selectOption({ label: 'Hái chè buổi sớm (tiktok-reels)' })
	await days.nth(1).getByRole('button', { name: '20:00' }).click()
	await series.getByRole('button', { name: 'Tạo chuỗi bài' }).click()
	await page.getByText('Đã tạo chuỗi 2 bài').waitFor()
	const seriesChips = page.getByTestId('calendar-week').getByTestId('calendar-chip').filter({ hasText: 'trong chuỗi' })
	await expect(seriesChips.count()).resolves.toBe(2)
	await expect(seriesChips.first().getAttribute('data-day')).resolves.toBe(day)
	await page.close()
})

test('on a phone 360 px wide the calendar is an agenda list with each channel’s status', async () => {
	const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
	const person = await signUpThroughUi(page)
	const day = hanoiDay(3)
	addScheduledPost(person.coopName, day, 'Chè búp khô loại một')
	await page.goto(baseUrl(`/calendar?day=${day}`))
	await expect(page.getByTestId('calendar-week').isVisible()).resolves.toBe(false)
	const agenda = page.getByTestId('calendar-agenda')
	await expect(agenda.isVisible()).resolves.toBe(true)
	const chip = agenda.getByTestId('calendar-chip')
	await expect(chip.textContent()).resolves.toContain('Chè búp khô loại một')
	await expect(chip.getByTestId('chip-channel').textContent()).resolves.toContain('đã hẹn giờ')
	// Nothing wider than the screen.
	const width = await page.evaluate(() => document.documentElement.scrollWidth)
	expect(width).toBeLessThanOrEqual(360)
	await chip.getByText('Đổi giờ · Đăng ngay').click()
	await expect(axeViolations(page)).resolves.toEqual([])
	await page.close()
})
