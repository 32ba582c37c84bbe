import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'
import { deleteRedisKeys } from '#tests/support/redis.ts'
import { freePort, startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { addHandedOffRender, coopIdByName, openE2eDb } from '#tests/support/publishing-e2e.ts'

// The whole publishing chain in Chromium (issue 11): a Facebook Page connected
// through the (fake) dialog, a post composed from a ready video with the
// offline "Viết bằng AI" copy, "Đăng ngay", and the REAL worker process
// delivering it to the local fake Facebook while the post page, never
// reloaded, turns "published" from the live post.target.updated event. This
// file runs its own web server and worker on their own database and queue
// prefix, both pointed at the fake (the shared e2e server has no app
// credentials and its worker would talk to the real Graph API).

let browser: Browser
let platforms: FakePlatforms
let web: RunningProcess
let worker: RunningProcess
let origin: string
const id = `e2epub${process.pid}`
const dbPath = path.resolve(`tmp/test-db/${id}.db`)

beforeAll(async () => {
	browser = await launchBrowser()
	// Facebook keeps each Reel "publishing" until the test lets it through (below), so the
	// post page is surely open on "publishing" when the worker learns it went out.
	platforms = await startFakePlatforms({ reelPollsUntilPublished: Number.MAX_SAFE_INTEGER })
	fs.copyFileSync(inject('baseDatabasePath'), dbPath)
	const [port, workerPort] = [await freePort(), await freePort()]
	origin = `http://127.0.0.1:${port}`
	const env = {
		NODE_ENV: 'test' as const,
		DATABASE_URL: `file:${dbPath}`,
		MEDIA_ROOT: inject('e2eMediaRoot'),
		QUEUE_PREFIX: `test-${id}`,
		PORT: String(port),
		WORKER_HEALTH_PORT: String(workerPort),
		WORKER_STALLED_INTERVAL_MS: '2000',
		LOGIN_RATE_LIMIT: '1000',
		ENCRYPTION_KEY: randomBytes(32).toString('hex'),
		FACEBOOK_APP_ID: 'fb-app',
		FACEBOOK_APP_SECRET: 'fb-secret',
		FACEBOOK_DIALOG_URL: platforms.url,
		FACEBOOK_GRAPH_URL: platforms.url,
		// Once let through, the fake says "published" on the next status poll: no need to wait Facebook's 3 s.
		PLATFORM_POLL_INTERVAL_MS: '200',
	}
	web = startTsxProcess('server/index.ts', env)
	worker = startTsxProcess('workers/index.ts', env)
	await Promise.all([waitForHealthy(`${origin}/healthz`, web), waitForHealthy(`http://127.0.0.1:${workerPort}/healthz`, worker)])
})
afterAll(async () => {
	await browser?.close()
	await Promise.all([web?.stop(), worker?.stop()])
	await platforms?.close()
	await deleteRedisKeys(`test-${id}`)
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true })
})

const PAGE_NAME = 'HTX Chè Shan Tuyết Suối Giàng'

async function connectFacebookPage(page: Page) {
	await page.goto(`${origin}/channels`)
	await page.getByTestId('connect-facebook').click()
	await page.waitForURL(/\/channels\/facebook-pages\?pick=/)
	await expect(page.getByRole('checkbox', { name: new RegExp(PAGE_NAME) }).isChecked()).resolves.toBe(true)
	await page.getByRole('button', { name: 'Kết nối' }).click()
	await page.waitForURL(`${origin}/channels`)
	await expect(page.getByTestId('channel').getByTestId('channel-state').textContent()).resolves.toBe('Đã kết nối')
}

/** Composes a post on the Page from a fresh ready video with the offline AI copy and presses "Đăng ngay"; returns the post id and its caption. */
async function composeAndPostNow(page: Page, coopName: string, channels = [PAGE_NAME]) {
	const renderId = await addHandedOffRender(coopName, { dbPath })
	await page.goto(`${origin}/posts/new?renderId=${renderId}`)
	await expect(page.locator(`input[name="media"][value="render:${renderId}"]`).isChecked()).resolves.toBe(true)
	for (const name of channels) await page.getByTestId('channel-choice').filter({ hasText: name }).locator('input').check()
	await page.getByTestId('write-with-ai').click()
	await page.getByTestId('ai-note').waitFor()
	await expect(page.getByTestId('ai-note').textContent()).resolves.toContain('theo mẫu có sẵn')
	const caption = await page.getByLabel('Nội dung bài (viết một lần cho mọi kênh)').inputValue()
	expect(caption).toContain('Chè hái tay buổi sớm trên đỉnh Suối Giàng')
	await page.getByTestId('post-now').click()
	await page.waitForURL(/\/posts\/(?!new)\w+$/)
	// A mark on this very document: if the page were reloaded it would be gone.
	await page.evaluate(() => Object.assign(window, { __samePage: true }))
	return { postId: page.url().split('/').pop()!, caption }
}

/** The first Reel made after `before` once the worker has finished its upload (Facebook then processes it). */
async function finishedReel(before: number) {
	for (;;) {
		const reel = [...platforms.reels.values()][before]
		if (reel?.finished) return reel
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

/** A second Page of the co-op, as connecting it through the dialog would leave it (same Page token, another Page id). */
function addSecondPage(coopName: string, name: string, pageId: string) {
	const db = openE2eDb(dbPath)
	try {
		const row = db.prepare('SELECT * FROM Channel WHERE coopId = ? AND name = ?').get(coopIdByName(db, coopName), PAGE_NAME) as Record<string, unknown>
		const copy = { ...row, id: `${row.id}2`, externalId: pageId, name }
		const columns = Object.keys(copy)
		db.prepare(`INSERT INTO Channel (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((column) => copy[column as keyof typeof copy]))
	} finally {
		db.close()
	}
}

function storedTarget(postId: string) {
	const db = openE2eDb(dbPath)
	try {
		return db.prepare('SELECT id, state, platformId, caption FROM PostTarget WHERE postId = ?').get(postId) as { id: string; state: string; platformId: string | null; caption: string | null }
	} finally {
		db.close()
	}
}

test('connect a Page, compose with offline AI copy, post now: the page turns published live and Facebook got exactly one Reel with the caption; then an expired token asks for a reconnect', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	const person = await signUpThroughUi(page, { origin })
	await connectFacebookPage(page)

	const reelsBefore = platforms.reels.size
	const { postId, caption } = await composeAndPostNow(page, person.coopName)
	// The worker has uploaded and finished the Reel; Facebook is still processing it, and the page says "publishing".
	await page.locator('[data-testid="target"][data-state="publishing"]').waitFor({ timeout: 90_000 })
	const reel = await finishedReel(reelsBefore)
	expect(storedTarget(postId).state).toBe('publishing')
	// Facebook now publishes it: the row turns "published" while the person watches, without a reload.
	reel.pollsUntilPublished = 0
	await page.locator('[data-testid="target"][data-state="published"]').waitFor({ timeout: 90_000 })
	await page.locator('[data-testid="post-summary"][data-summary="published"]').waitFor()
	await expect(page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).resolves.toBe(true)

	const target = storedTarget(postId)
	expect(target.state).toBe('published')
	const reels = [...platforms.reels.values()].slice(reelsBefore)
	expect(reels).toHaveLength(1)
	expect(reels[0]!.id).toBe(target.platformId)
	expect(reels[0]!.finished).toBe(1)
	const sent = target.caption ?? caption
	expect(reels[0]!.description).toBe(sent)
	expect(reels[0]!.description).toContain('Chè hái tay buổi sớm trên đỉnh Suối Giàng')

	// Facebook now refuses the Page's token (error 190): the post waits, the channel needs reconnecting, and the page says so live.
	platforms.mishap(/POST \/v\d+\.\d+\/\w+\/video_reels/, { kind: 'expired-token' })
	const second = await composeAndPostNow(page, person.coopName)
	const row = page.locator('[data-testid="target"][data-state="needs_attention"]')
	await row.waitFor({ timeout: 90_000 })
	await expect(page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).resolves.toBe(true)
	await expect(row.getByRole('link', { name: 'Kết nối lại kênh' }).getAttribute('href')).resolves.toBe('/channels')
	await expect(row.getByTestId('retry').count()).resolves.toBe(0)
	expect(storedTarget(second.postId).state).toBe('needs_attention')
	expect([...platforms.reels.values()].slice(reelsBefore)).toHaveLength(1)

	await page.goto(`${origin}/channels`)
	await expect(page.getByTestId('channel').getByTestId('channel-state').textContent()).resolves.not.toBe('Đã kết nối')
	await page.close()
})

test('a post on two Pages where Facebook refuses one: partly published, retry is offered for that channel alone and sends only it', async () => {
	const page = await browser.newPage({ viewport: { width: 360, height: 800 } })
	const person = await signUpThroughUi(page, { origin })
	await connectFacebookPage(page)
	const SECOND = 'Trang Chè Suối Giàng 2'
	addSecondPage(person.coopName, SECOND, '5678')
	// Facebook lets every Reel through at once in this test.
	const release = setInterval(() => {
		for (const reel of platforms.reels.values()) if (reel.finished) reel.pollsUntilPublished = 0
	}, 50)
	try {
		const requestsBefore = platforms.requests.length
		platforms.mishap(/^POST \/v\d+\.\d+\/5678\/video_reels$/, { kind: 'refused' })
		const { postId } = await composeAndPostNow(page, person.coopName, [PAGE_NAME, SECOND])
		await page.locator('[data-testid="post-summary"][data-summary="partly_published"]').waitFor({ timeout: 90_000 })
		const published = page.locator(`[data-testid="target"][data-channel="${PAGE_NAME}"]`)
		const refused = page.locator(`[data-testid="target"][data-channel="${SECOND}"]`)
		await expect(published.getAttribute('data-state')).resolves.toBe('published')
		await expect(refused.getAttribute('data-state')).resolves.toBe('failed')
		await expect(published.getByTestId('retry').count()).resolves.toBe(0)
		await expect(refused.getByTestId('retry').count()).resolves.toBe(1)
		const reelsPerPage = (page: string) =>
			platforms.requests.slice(requestsBefore).filter((r) => r.method === 'POST' && r.path.endsWith(`/${page}/video_reels`) && /upload_phase=finish/.test(`${r.query} ${r.body}`)).length
		expect([reelsPerPage('1234'), reelsPerPage('5678')]).toEqual([1, 0])

		await refused.getByTestId('retry').click()
		await page.locator('[data-testid="post-summary"][data-summary="published"]').waitFor({ timeout: 90_000 })
		await expect(refused.getAttribute('data-state')).resolves.toBe('published')
		// The retry sent the refused channel's Reel once, and nothing again to the Page that had it.
		expect([reelsPerPage('1234'), reelsPerPage('5678')]).toEqual([1, 1])
		const db = openE2eDb(dbPath)
		const states = db.prepare('SELECT state, runs FROM PostTarget WHERE postId = ? ORDER BY runs').all(postId)
		db.close()
		// A person's retry starts a fresh count of runs, so the retried channel went out on run 1 too.
		expect(states).toEqual([{ state: 'published', runs: 1 }, { state: 'published', runs: 1 }])
	} finally {
		clearInterval(release)
	}
	await page.close()
})
