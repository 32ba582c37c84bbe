import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, launchBrowser, signUpThroughUi } from '#tests/support/browser.ts'
import { addChannels, addHandedOffRender, coopIdByName, openE2eDb } from '#tests/support/publishing-e2e.ts'

// The approval step: the owner turns it on; an editor's post waits instead of
// being scheduled and the owners are notified; the owner sends it back with a
// comment, the editor fixes it and sends it again, the owner approves and its
// channels are scheduled.

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('an editor drafts, an owner sends it back, then approves', async () => {
	const ownerPage = await browser.newPage({ viewport: { width: 390, height: 844 } })
	const owner = await signUpThroughUi(ownerPage)
	const renderId = await addHandedOffRender(owner.coopName)
	const [groupId] = addChannels(owner.coopName, [{ platform: 'manual', manualKind: 'facebook_group', name: 'Nhóm Facebook chợ quê' }])
	await ownerPage.goto(baseUrl('/posts'))
	await ownerPage.getByTestId('toggle-approval').click()
	await ownerPage.getByText('Đang bật duyệt bài').waitFor()

	// An editor of the same co-op (their own sign-up, then a membership as an invitation would leave it).
	const editorPage = await browser.newPage({ viewport: { width: 390, height: 844 } })
	const editor = await signUpThroughUi(editorPage)
	const db = openE2eDb()
	const coopId = coopIdByName(db, owner.coopName)
	const editorId = (db.prepare('SELECT id FROM User WHERE email = ?').get(editor.email) as { id: string }).id
	db.prepare(`INSERT INTO Membership (id, userId, coopId, role, createdAt) VALUES (?, ?, ?, 'editor', ?)`).run(`e2em${Date.now()}`, editorId, coopId, Date.now())
	db.prepare('UPDATE Session SET activeCoopId = ? WHERE userId = ?').run(coopId, editorId)
	db.close()

	await editorPage.goto(baseUrl(`/posts/new?renderId=${renderId}`))
	await editorPage.getByText('bài sẽ chờ chủ nhiệm duyệt').waitFor()
	await editorPage.locator(`input[name="channelIds"][value="${groupId}"]`).check()
	await editorPage.getByLabel('Nội dung bài (viết một lần cho mọi kênh)').fill('Chè mới về!')
	await editorPage.getByLabel('Giờ').fill('07:15')
	await editorPage.getByTestId('schedule').click()
	await editorPage.waitForURL(/\/posts\/(?!new)\w+$/)
	const postPath = new URL(editorPage.url()).pathname
	await expect(editorPage.getByTestId('post-summary').getAttribute('data-summary')).resolves.toBe('pending')
	await expect(editorPage.getByTestId('target').getAttribute('data-state')).resolves.toBe('draft')
	// Only an owner decides.
	await expect(editorPage.getByTestId('approve').count()).resolves.toBe(0)

	const check = openE2eDb()
	const ownerId = (check.prepare('SELECT id FROM User WHERE email = ?').get(owner.email) as { id: string }).id
	const asked = check.prepare(`SELECT userId, href FROM Notification WHERE coopId = ? AND kind = 'post.approval_requested'`).all(coopId)
	check.close()
	expect(asked).toEqual([{ userId: ownerId, href: postPath }])

	await ownerPage.goto(baseUrl('/posts?state=pending'))
	await ownerPage.getByTestId('post-row').first().click()
	await ownerPage.waitForURL(baseUrl(postPath))
	await ownerPage.getByLabel('Góp ý khi gửi lại').fill('Thêm giá bán vào nhé')
	await ownerPage.getByTestId('send-back').click()
	await ownerPage.getByTestId('approval').getByText('Thêm giá bán vào nhé').waitFor()

	await editorPage.reload()
	await editorPage.getByTestId('approval').getByRole('link', { name: 'Sửa bài' }).click()
	await editorPage.getByTestId('sent-back-comment').waitFor()
	await expect(editorPage.getByLabel('Nội dung bài (viết một lần cho mọi kênh)').inputValue()).resolves.toBe('Chè mới về!')
	await editorPage.getByLabel('Nội dung bài (viết một lần cho mọi kênh)').fill('Chè mới về! Giá 120.000đ/hộp.')
	await editorPage.getByTestId('schedule').click()
	await editorPage.waitForURL(baseUrl(postPath))
	await expect(editorPage.getByTestId('post-summary').getAttribute('data-summary')).resolves.toBe('pending')

	await ownerPage.reload()
	await ownerPage.getByTestId('approve').click()
	await ownerPage.getByText('Đã duyệt: bài được lên lịch.').waitFor()
	await expect(ownerPage.getByTestId('post-summary').getAttribute('data-summary')).resolves.toBe('scheduled')
	await expect(ownerPage.getByTestId('target').getAttribute('data-state')).resolves.toBe('scheduled')
	await expect(ownerPage.getByTestId('target').textContent()).resolves.toContain('07:15')

	const after = openE2eDb()
	const row = after.prepare('SELECT p.approvalState, t.caption FROM Post p JOIN PostTarget t ON t.postId = p.id WHERE p.id = ?').get(postPath.split('/').pop()) as {
		approvalState: string
		caption: string
	}
	const told = after.prepare(`SELECT kind FROM Notification WHERE userId = ? ORDER BY createdAt`).all(editorId)
	after.close()
	expect(row).toEqual({ approvalState: 'approved', caption: 'Chè mới về! Giá 120.000đ/hộp.' })
	expect(told).toEqual([{ kind: 'post.sent_back' }, { kind: 'post.approved' }])
})
