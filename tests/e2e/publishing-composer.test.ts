import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { localToInstant } from '~/utils/coop-time.ts'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { addChannels, addHandedOffRender, openE2eDb, tomorrowInHanoi } from '#tests/support/publishing-e2e.ts'
import { createProduct } from '#tests/support/studio-e2e.ts'

// From a handed-off video to a scheduled post: the composer opens on that
// video (the studio's link carries ?renderId=) and its product, a channel that needs reconnecting
// cannot be ticked, "Viết bằng AI" writes from the offline templates (no
// OpenAI key in this run), the person edits it, each channel shows its text
// and limit on a phone-sized preview, and "Lên lịch" schedules every channel
// for the time typed, read in the co-op's zone.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('compose with offline AI copy, adjust per channel, schedule in the co-op zone', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
	const person = await signUpThroughUi(page)
	await createProduct(page)
	const renderId = await addHandedOffRender(person.coopName, { productCode: 'A1' })
	const [pageId, groupId, tiktokId] = addChannels(person.coopName, [
		{ platform: 'facebook_page', name: 'Trang HTX Suối Giàng' },
		{ platform: 'manual', manualKind: 'zalo_group', name: 'Nhóm Zalo khách quen' },
		{ platform: 'tiktok', name: 'TikTok HTX', state: 'needs_reconnect' },
	])

	// The studio's "Lên lịch đăng" on a handed-off render opens the composer on it.
	await page.goto(baseUrl(`/posts/new?renderId=${renderId}`))
	await expect(page.locator(`input[name="media"][value="render:${renderId}"]`).isChecked()).resolves.toBe(true)
	await expect(page.getByLabel('Sản phẩm (không bắt buộc)').inputValue()).resolves.not.toBe('')

	// A channel that needs reconnecting is shown, disabled, with a way to reconnect.
	const tiktok = page.getByTestId('channel-choice').filter({ hasText: 'TikTok HTX' })
	await expect(tiktok.locator('input').isDisabled()).resolves.toBe(true)
	await expect(tiktok.getByRole('link', { name: 'Kết nối lại' }).getAttribute('href')).resolves.toBe('/channels')

	await page.locator(`input[name="channelIds"][value="${pageId}"]`).check()
	await page.locator(`input[name="channelIds"][value="${groupId}"]`).check()

	await page.getByTestId('tone').selectOption('promo')
	await page.getByTestId('write-with-ai').click()
	await page.getByTestId('ai-note').waitFor()
	await expect(page.getByTestId('ai-note').textContent()).resolves.toContain('theo mẫu có sẵn')
	const caption = page.getByLabel('Nội dung bài (viết một lần cho mọi kênh)')
	const written = await caption.inputValue()
	expect(written).toContain('CHÈ SHAN TUYẾT SUỐI GIÀNG – ĐANG CÓ HÀNG MỚI!')
	expect(written).toContain('Chè hái tay buổi sớm trên đỉnh Suối Giàng')
	await expect(page.getByLabel('Hashtag').inputValue()).resolves.toContain('#chèshantuyếtsuốigiàng')
	// The person edits before scheduling.
	await caption.fill(`${written}\nGiao tận nơi trong tỉnh.`)

	// The Facebook tab shows the text as it will go out, counted against Facebook's limit.
	const facebookPreview = page.getByTestId('preview-facebook_page')
	await expect(facebookPreview.textContent()).resolves.toContain('Giao tận nơi trong tỉnh.')
	await expect(page.getByTestId('limit-facebook_page').textContent()).resolves.toMatch(/^\d+\/63206 ký tự/)
	// An override for the Zalo group is counted as typed.
	await page.getByRole('tab', { name: 'Nhóm Zalo khách quen' }).click()
	await page.getByLabel('Nội dung riêng cho Nhóm Zalo khách quen').fill('Chè mới về cả nhà ơi! #chè')
	await expect(page.getByTestId('limit-manual').textContent()).resolves.toBe('26/5000 ký tự')
	await expect(page.getByTestId('preview-manual').textContent()).resolves.toContain('Chè mới về cả nhà ơi!')

	const day = tomorrowInHanoi()
	await page.getByLabel('Ngày').fill(day)
	await page.getByLabel('Giờ').fill('08:30')
	await page.getByTestId('schedule').click()
	await page.waitForURL(/\/posts\/(?!new)\w+$/)
	await expect(page.getByTestId('post-summary').getAttribute('data-summary')).resolves.toBe('scheduled')
	const targets = page.getByTestId('target')
	await expect(targets.count()).resolves.toBe(2)
	for (const state of await targets.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state')))) expect(state).toBe('scheduled')
	await expect(targets.first().textContent()).resolves.toContain('08:30')

	const postId = page.url().split('/').pop()!
	const check = openE2eDb()
	const rows = check.prepare('SELECT channelId, kind, state, dueAt, caption FROM PostTarget WHERE postId = ? ORDER BY kind').all(postId) as Array<{
		channelId: string
		kind: string
		state: string
		dueAt: number | string
		caption: string
	}>
	check.close()
	expect(rows.map((row) => [row.kind, row.state])).toEqual([
		['facebook-reel', 'scheduled'],
		['manual', 'scheduled'],
	])
	const due = localToInstant(day, '08:30', 'Asia/Ho_Chi_Minh')!.getTime()
	for (const row of rows) expect(new Date(row.dueAt).getTime()).toBe(due)
	expect(rows.find((row) => row.kind === 'manual')!.caption).toBe('Chè mới về cả nhà ơi! #chè')
	expect(rows.find((row) => row.kind === 'facebook-reel')!.caption).toContain('Giao tận nơi trong tỉnh.')
	expect(rows.map((row) => row.channelId)).not.toContain(tiktokId)

	// The list shows it, newest first, under "Đã lên lịch".
	await page.goto(baseUrl('/posts?state=scheduled'))
	await expect(page.getByTestId('post-row').first().getAttribute('href')).resolves.toBe(`/posts/${postId}`)
	await page.close()
})
