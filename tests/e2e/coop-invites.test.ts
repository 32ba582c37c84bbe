import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('an owner invites a viewer over a link, the viewer joins read-only, then becomes an editor', async () => {
	// The owner, on a phone-sized screen.
	const ownerContext = await browser.newContext({ viewport: { width: 390, height: 844 } })
	const owner = await ownerContext.newPage()
	const director = await signUpThroughUi(owner)
	await owner.goto(baseUrl('/coop/invites'))
	await owner.getByLabel(/Chỉ xem/).check()
	await owner.getByRole('button', { name: 'Tạo link mời' }).click()
	const link = await owner.getByTestId('invite-link').inputValue()
	expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/)
	await expect(owner.getByLabel('Lời nhắn để gửi qua Zalo').inputValue()).resolves.toContain(link)
	await owner.getByTestId('pending-invites').getByText('Chỉ xem').waitFor()

	// The newcomer, in a browser of their own, opens the link and signs up.
	const viewerContext = await browser.newContext({ viewport: { width: 390, height: 844 } })
	const viewer = await viewerContext.newPage()
	await viewer.goto(link)
	await expect(viewer.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(director.coopName)
	const email = `lan.${Date.now().toString(36)}@example.vn`
	await viewer.getByLabel('Họ và tên').fill('Hà Thị Lan')
	await viewer.getByLabel('Email').fill(email)
	await viewer.getByLabel(/Mật khẩu/).fill('mat-khau-cua-lan')
	await viewer.getByRole('button', { name: 'Tạo tài khoản và tham gia' }).click()
	await viewer.waitForURL(baseUrl('/'))
	await expect(viewer.getByTestId('active-coop').textContent()).resolves.toBe(director.coopName)
	await expect(viewer.getByTestId('toast').textContent()).resolves.toContain(`Bạn đã tham gia ${director.coopName}`)

	// The link is single-use.
	const again = await browser.newContext()
	const stranger = await again.newPage()
	const reused = await stranger.goto(link)
	expect(reused?.status()).toBe(410)
	await expect(stranger.getByTestId('invite-problem').textContent()).resolves.toContain('nhờ chủ nhiệm gửi link mới')
	await again.close()

	// A viewer sees the profile read-only and cannot reach owner-only pages.
	await viewer.goto(baseUrl('/coop'))
	await expect(viewer.getByTestId('coop-profile-view').isVisible()).resolves.toBe(true)
	await expect(viewer.getByTestId('coop-profile-form').count()).resolves.toBe(0)
	await expect(viewer.getByRole('link', { name: 'Mời thành viên' }).count()).resolves.toBe(0)
	await expect(viewer.getByRole('link', { name: 'Hàng đợi' }).count()).resolves.toBe(0)
	const invites = await viewer.goto(baseUrl('/coop/invites'))
	expect(invites?.status()).toBe(403)
	const queues = await viewer.goto(baseUrl('/admin/queues'))
	expect(queues?.status()).toBe(403)
	await expect(viewer.locator('body').textContent()).resolves.toContain('Hàng đợi chỉ dành cho người vận hành máy chủ')

	// The owner makes the viewer an editor.
	await owner.goto(baseUrl('/coop/members'))
	const row = owner.getByTestId(`member-${email}`)
	await expect(row.getByTestId('member-role').textContent()).resolves.toBe('Chỉ xem')
	await row.getByLabel(/Vai trò của/).selectOption('editor')
	await row.getByRole('button', { name: 'Đổi vai trò' }).click()
	await expect(owner.getByTestId('toast').textContent()).resolves.toContain('Hà Thị Lan thành Biên tập')
	await expect(owner.getByTestId(`member-${email}`).getByTestId('member-role').textContent()).resolves.toBe('Biên tập')

	// The new editor sees the new role; the profile stays owner-only. Then English.
	await viewer.goto(baseUrl('/coop/members'))
	await expect(viewer.getByTestId(`member-${email}`).getByTestId('member-role').textContent()).resolves.toBe('Biên tập')
	await viewer.goto(baseUrl('/coop'))
	await expect(viewer.getByTestId('coop-profile-form').count()).resolves.toBe(0)
	await viewer.getByTestId('language-switch').click()
	await viewer.waitForSelector('html[lang="en"]')
	await expect(viewer.getByTestId('coop-profile-view').textContent()).resolves.toContain('Only owners can edit this.')
	await expect(viewer.getByRole('link', { name: 'Members' }).count()).resolves.toBe(1)
	await viewer.getByRole('button', { name: 'Menu' }).click()
	await expect(viewer.getByRole('link', { name: 'Account' }).count()).resolves.toBe(1)

	await Promise.all([ownerContext.close(), viewerContext.close()])
})

test('the owner edits the profile; a wrong phone number is explained before saving', async () => {
	const page = await browser.newPage()
	await signUpThroughUi(page)
	await page.goto(baseUrl('/coop'))
	await page.getByLabel('Số điện thoại').fill('0212 345')
	await page.getByRole('button', { name: 'Lưu thông tin' }).click()
	await expect(page.locator('#coop-profile-phone-error').textContent()).resolves.toContain('Số điện thoại chưa đúng')
	await page.getByLabel('Số điện thoại').fill('+84 912 345 678')
	await page.getByLabel('Zalo', { exact: true }).fill('zalo.me/0912345678')
	await expect(page.getByLabel('Múi giờ').inputValue()).resolves.toBe('Asia/Ho_Chi_Minh')
	await page.getByRole('button', { name: 'Lưu thông tin' }).click()
	await expect(page.getByTestId('toast').textContent()).resolves.toContain('Đã lưu thông tin hợp tác xã')
	await expect(page.getByLabel('Số điện thoại').inputValue()).resolves.toBe('0912345678')
	await expect(page.getByLabel('Zalo', { exact: true }).inputValue()).resolves.toBe('https://zalo.me/0912345678')
	await expect(page.getByText('Thư viện chưa có ảnh nào dùng được').count()).resolves.toBe(1)
	await page.close()
})
