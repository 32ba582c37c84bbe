import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { addChannels, addHandedOffRender, openE2eDb } from '#tests/support/publishing-e2e.ts'

// The manual hand-off on a 360-px phone: the package (the video, the exact
// text, the link of the place) fits the screen; one tap on "Chia sẻ" copies
// the text first and hands the video file itself to the system share sheet;
// download and copy work without it; "Tôi đã đăng" with the post's address
// marks that channel published. Headless Chromium has no share sheet, so the
// page gets a stand-in that records what it was given (navigator.share's
// documented shape), and the clipboard is the browser's real one.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('a manual channel: share the file with the caption copied, then mark it posted, at 360 px', async () => {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, acceptDownloads: true })
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl('/') })
	await context.addInitScript(() => {
		const shared: unknown[] = []
		Object.assign(window, { sharedForTest: shared })
		Object.defineProperty(navigator, 'canShare', { configurable: true, value: (data: { files?: File[] }) => Boolean(data.files?.length) })
		Object.defineProperty(navigator, 'share', {
			configurable: true,
			value: async (data: { files: File[]; text: string }) => {
				shared.push({
					files: data.files.map((file) => ({ name: file.name, type: file.type, size: file.size })),
					text: data.text,
					clipboard: await navigator.clipboard.readText(),
				})
			},
		})
	})
	const page = await context.newPage()
	const person = await signUpThroughUi(page)
	const renderId = await addHandedOffRender(person.coopName)
	const [groupId] = addChannels(person.coopName, [{ platform: 'manual', manualKind: 'zalo_group', name: 'Nhóm Zalo khách quen', address: 'https://zalo.me/g/khachquen' }])

	await page.goto(baseUrl(`/posts/new?renderId=${renderId}`))
	await page.locator(`input[name="channelIds"][value="${groupId}"]`).check()
	await page.getByLabel('Nội dung bài (viết một lần cho mọi kênh)').fill('Chè mới về, cả nhà đặt sớm nhé!')
	await page.getByLabel('Hashtag').fill('chè shantuyết')
	// The composer and the post page fit a 360-px screen too.
	await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360)
	await page.getByTestId('post-now').click()
	await page.waitForURL(/\/posts\/(?!new)\w+$/)
	const postUrl = page.url()
	await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360)

	await page.getByTestId('open-handoff').click()
	await page.waitForURL(/\/handoff\//)
	await page.getByTestId('handoff').waitFor()
	// Nothing sticks out of a 360-px screen.
	await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360)
	await expect(page.getByTestId('package-text').textContent()).resolves.toBe('Chè mới về, cả nhà đặt sớm nhé!\n\n#chè #shantuyết')
	await expect(page.getByRole('link', { name: 'Mở nơi đăng' }).getAttribute('href')).resolves.toBe('https://zalo.me/g/khachquen')

	// One tap: the text is on the clipboard before the share sheet opens, with the real video file.
	const share = page.getByTestId('share')
	await share.and(page.locator(':not([disabled])')).waitFor()
	await share.tap()
	await page.getByText('Nội dung đã được chép').waitFor()
	const shared = (await page.evaluate(() => (window as unknown as { sharedForTest: unknown[] }).sharedForTest)) as Array<{
		files: Array<{ name: string; type: string; size: number }>
		text: string
		clipboard: string
	}>
	expect(shared).toHaveLength(1)
	expect(shared[0]!.files).toHaveLength(1)
	expect(shared[0]!.files[0]).toMatchObject({ name: 'Chè búp mùa xuân (tiktok-reels).mp4', type: 'video/mp4' })
	expect(shared[0]!.files[0]!.size).toBeGreaterThan(1000)
	expect(shared[0]!.clipboard).toBe('Chè mới về, cả nhà đặt sớm nhé!\n\n#chè #shantuyết')
	expect(shared[0]!.text).toBe(shared[0]!.clipboard)

	// Elsewhere: the same file downloads, and the copy button copies.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()])
	expect(download.suggestedFilename()).toBe('Chè búp mùa xuân (tiktok-reels).mp4')
	await page.evaluate(() => navigator.clipboard.writeText(''))
	await page.getByTestId('copy').click()
	await page.getByText('Đã chép ✓').waitFor()
	await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('Chè mới về, cả nhà đặt sớm nhé!\n\n#chè #shantuyết')

	await page.getByLabel('Địa chỉ bài vừa đăng (không bắt buộc)').fill('https://zalo.me/g/khachquen/p/123')
	await page.getByTestId('mark-posted').click()
	await page.waitForURL(postUrl)
	await expect(page.getByTestId('target').getAttribute('data-state')).resolves.toBe('published')
	await expect(page.getByTestId('post-summary').getAttribute('data-summary')).resolves.toBe('published')
	await expect(page.getByRole('link', { name: 'Mở bài trên kênh' }).getAttribute('href')).resolves.toBe('https://zalo.me/g/khachquen/p/123')

	const db = openE2eDb()
	const row = db.prepare('SELECT id, state, postUrl, markedById FROM PostTarget WHERE channelId = ?').get(groupId) as { id: string; state: string; postUrl: string; markedById: string | null }
	db.close()
	expect(row).toMatchObject({ state: 'published', postUrl: 'https://zalo.me/g/khachquen/p/123' })
	expect(row.markedById).not.toBeNull()

	// Another co-op's member cannot open the package or its file.
	const stranger = await browser.newPage()
	await signUpThroughUi(stranger)
	await expect(stranger.request.get(`${postUrl}/files/0`).then((answer) => answer.status())).resolves.toBe(404)
	await expect(stranger.request.get(`${postUrl}/handoff/${row.id}`).then((answer) => answer.status())).resolves.toBe(404)
	await expect(stranger.request.get(postUrl).then((answer) => answer.status())).resolves.toBe(404)
	await stranger.close()
	await context.close()
})
