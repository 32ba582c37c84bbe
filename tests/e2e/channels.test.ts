import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'
import { deleteRedisKeys } from '#tests/support/redis.ts'
import { freePort, startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'

// Channels in Chromium. Connecting a Facebook Page needs a server that has a
// Facebook app and an encryption key: this file starts its own web process
// pointed at the local fake (whose dialog agrees at once and sends the person
// back). The shared e2e server has no app credentials: there, the page says so
// and manual channels are added on a phone-sized screen.

let browser: Browser
let platforms: FakePlatforms
let web: RunningProcess
let origin: string
const id = `e2ech${process.pid}`
const dbPath = path.resolve(`tmp/test-db/${id}.db`)

beforeAll(async () => {
	browser = await launchBrowser()
	platforms = await startFakePlatforms()
	fs.copyFileSync(inject('baseDatabasePath'), dbPath)
	const port = await freePort()
	origin = `http://127.0.0.1:${port}`
	web = startTsxProcess('server/index.ts', {
		NODE_ENV: 'test',
		DATABASE_URL: `file:${dbPath}`,
		MEDIA_ROOT: inject('e2eMediaRoot'),
		QUEUE_PREFIX: `test-${id}`,
		PORT: String(port),
		LOGIN_RATE_LIMIT: '1000',
		ENCRYPTION_KEY: randomBytes(32).toString('hex'),
		FACEBOOK_APP_ID: 'fb-app',
		FACEBOOK_APP_SECRET: 'fb-secret',
		FACEBOOK_DIALOG_URL: platforms.url,
		FACEBOOK_GRAPH_URL: platforms.url,
	})
	await waitForHealthy(`${origin}/healthz`, web)
})
afterAll(async () => {
	await browser?.close()
	await web?.stop()
	await platforms?.close()
	await deleteRedisKeys(`test-${id}`)
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true })
})

test('an owner connects a Facebook Page through the dialog, ticks it, sees it listed, and reconnects it in one tap when Facebook refuses its token', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	await signUpThroughUi(page, { origin })
	await page.goto(`${origin}/channels`)
	await expect(page.getByTestId('connect-facebook').textContent()).resolves.toBe('Kết nối Trang Facebook')
	await expect(page.getByTestId('connect-zalo').count()).resolves.toBe(0)

	await page.getByTestId('connect-facebook').click()
	await page.waitForURL(/\/channels\/facebook-pages\?pick=/)
	const suoiGiang = page.getByRole('checkbox', { name: /HTX Chè Shan Tuyết Suối Giàng/ })
	const queVanYen = page.getByRole('checkbox', { name: /Quế Văn Yên/ })
	await expect(suoiGiang.isChecked()).resolves.toBe(true)
	await expect(queVanYen.isDisabled()).resolves.toBe(true)
	await expect(page.getByText('Bạn không có quyền tạo nội dung trên Trang này').count()).resolves.toBe(1)

	await page.getByRole('button', { name: 'Kết nối' }).click()
	await page.waitForURL(`${origin}/channels`)
	await expect(page.getByTestId('toast').textContent()).resolves.toContain('Đã kết nối 1 kênh.')
	const listed = page.getByTestId('channel')
	await listed.first().waitFor()
	await expect(listed.count()).resolves.toBe(1)
	await expect(listed.getAttribute('data-channel-name')).resolves.toBe('HTX Chè Shan Tuyết Suối Giàng')
	await expect(listed.getByTestId('channel-state').textContent()).resolves.toBe('Đã kết nối')
	await expect(listed.textContent()).resolves.toContain('Quyền đăng không có hạn')
	// The person really went through the dialog and the code exchange.
	expect(platforms.requests.filter((r) => r.path === '/v24.0/dialog/oauth')).toHaveLength(1)
	expect(platforms.requests.filter((r) => r.path === '/v24.0/oauth/access_token')).toHaveLength(2)

	// Later Facebook refuses the Page token (what the engine does on error 190).
	const db = new Database(dbPath)
	try {
		db.prepare(`UPDATE Channel SET state = 'needs_reconnect', stateReason = 'token_rejected' WHERE name = ?`).run('HTX Chè Shan Tuyết Suối Giàng')
	} finally {
		db.close()
	}
	await page.reload()
	await expect(listed.getByTestId('channel-state').textContent()).resolves.toBe('Cần kết nối lại')
	await expect(listed.getByTestId('channel-reason').textContent()).resolves.toContain('Trang Facebook không nhận quyền đăng bài nữa')
	// One tap: the dialog again, the same Page ticked, connected again on the same row.
	await listed.getByTestId('reconnect').click()
	await page.waitForURL(/\/channels\/facebook-pages\?pick=/)
	await suoiGiang.check()
	await page.getByRole('button', { name: 'Kết nối' }).click()
	await page.waitForURL(`${origin}/channels`)
	// The redirect is a client-side navigation: the URL changes before the list is drawn, so wait for the state.
	await listed.getByTestId('channel-state').filter({ hasText: /^Đã kết nối$/ }).waitFor()
	await expect(listed.count()).resolves.toBe(1)
	await expect(listed.getByTestId('channel-state').textContent()).resolves.toBe('Đã kết nối')
	await expect(listed.getByTestId('channel-reason').count()).resolves.toBe(0)
	await page.close()
})

test('a callback with a state that is not this person’s is refused in plain words, and nothing is connected', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	await signUpThroughUi(page, { origin })
	await page.goto(`${origin}/channels/callback/facebook?code=fb-code&state=made-up`)
	await page.waitForURL(`${origin}/channels?error=stateUnknown`)
	await expect(page.getByTestId('connect-error').textContent()).resolves.toContain('Lần kết nối này không còn hiệu lực')
	await expect(page.getByTestId('channel').count()).resolves.toBe(0)
	await page.close()
})

test('without app credentials the page says so and a manual channel is added on a 360 px screen', async () => {
	const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
	await signUpThroughUi(page)
	await page.goto(baseUrl('/channels'))
	await expect(page.getByTestId('no-apps').textContent()).resolves.toContain('vẫn lên lịch và đăng được qua kênh thủ công')
	await expect(page.getByTestId('connect-facebook').count()).resolves.toBe(0)

	await page.getByLabel('Loại kênh').selectOption('zalo_group')
	await page.getByLabel('Tên kênh').fill('Nhóm Zalo khách sỉ Yên Bái')
	await page.getByLabel('Địa chỉ (không bắt buộc)').fill('zalo nhóm')
	await page.getByRole('button', { name: 'Thêm kênh' }).click()
	await expect(page.getByText('Địa chỉ phải là đường dẫn bắt đầu bằng https://').textContent()).resolves.toBeTruthy()
	await expect(page.getByTestId('channel').count()).resolves.toBe(0)

	await page.getByLabel('Địa chỉ (không bắt buộc)').fill('https://zalo.me/g/abcdef123')
	await page.getByRole('button', { name: 'Thêm kênh' }).click()
	await expect(page.getByTestId('toast').textContent()).resolves.toContain('Đã thêm kênh “Nhóm Zalo khách sỉ Yên Bái”')
	const listed = page.getByTestId('channel')
	await expect(listed.getAttribute('data-channel-name')).resolves.toBe('Nhóm Zalo khách sỉ Yên Bái')
	await expect(listed.textContent()).resolves.toContain('Nhóm Zalo')
	await expect(listed.getByTestId('channel-state').textContent()).resolves.toBe('Đăng tay')
	await expect(listed.getByRole('link', { name: 'Mở địa chỉ' }).getAttribute('href')).resolves.toBe('https://zalo.me/g/abcdef123')
	// Usable at 360 px: nothing sticks out sideways.
	await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360)

	await listed.getByRole('button', { name: 'Gỡ kênh' }).click()
	await listed.waitFor({ state: 'detached' })
	await expect(page.getByTestId('toast').filter({ hasText: 'Đã gỡ kênh' }).textContent()).resolves.toContain('Đã gỡ kênh “Nhóm Zalo khách sỉ Yên Bái”')
	await expect(page.getByTestId('channel').count()).resolves.toBe(0)
	await page.close()
})
