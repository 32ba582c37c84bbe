import { afterAll, expect, test } from 'vitest'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { enqueueTarget, rescheduleTarget } from '~/publishing/targets.server.ts'
import * as calendarRoute from '~/routes/calendar.tsx'
import { getDb } from '~/utils/db.server.ts'
import { addMember, createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, getRequest, sessionCookie } from '#tests/support/session-requests.ts'

// The calendar's loader and action as Remix calls them, against a real SQLite
// file and the real Redis, with this test process running in New York while
// the co-op lives in Hà Nội: a post at 20:00 Hà Nội time must show on its
// Hà Nội day at 20:00. Vitest runs integration files in child processes
// (forks), where assigning TZ moves the process's clock at once; the first
// test proves it did, so the rest cannot pass by accident in UTC.
const processZone = process.env.TZ
process.env.TZ = 'America/New_York'
afterAll(() => {
	if (processZone === undefined) delete process.env.TZ
	else process.env.TZ = processZone
})

type LoaderData = Awaited<ReturnType<typeof calendarRoute.loader>>

const loader = calendarRoute.loader as Parameters<typeof callRoute>[0]
const action = calendarRoute.action as Parameters<typeof callRoute>[0]

function postForm(path: string, cookie: string, fields: Record<string, string | string[]>) {
	const body = new FormData()
	for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item)
	return new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie }, body })
}

async function world(options: { role?: 'owner' | 'editor' | 'viewer'; postApproval?: boolean } = {}) {
	const db = getDb()
	const owner = await createUserWithCoop()
	const coop = await db.coop.update({ where: { id: owner.coop.id }, data: { timezone: 'Asia/Ho_Chi_Minh', postApproval: options.postApproval ?? false } })
	const person = options.role && options.role !== 'owner' ? (await addMember(coop.id, { role: options.role })).user : owner.user
	const cookie = await sessionCookie(person.id, { activeCoopId: coop.id })
	const edit = await db.edit.create({ data: { coopId: coop.id, title: 'Hái chè buổi sáng', spec: '{}' } })
	const render = await db.render.create({
		data: { editId: edit.id, coopId: coop.id, format: 'tiktok-reels', quality: 'final', status: 'ready', spec: '{}', cacheKey: `k-${edit.id}` },
	})
	const facebook = await db.channel.create({ data: { coopId: coop.id, platform: 'facebook_page', externalId: `page-${coop.id}`, name: 'Trang Chè Suối Giàng' } })
	const zaloGroup = await db.channel.create({ data: { coopId: coop.id, platform: 'manual', manualKind: 'zalo_group', name: 'Nhóm Zalo khách quen' } })
	return { db, coop, person, cookie, render, facebook, zaloGroup }
}

async function makePost(
	w: Awaited<ReturnType<typeof world>>,
	caption: string,
	targets: { channelId: string; state: string; dueAt?: Date | null; publishedAt?: Date | null }[],
) {
	return w.db.post.create({
		data: {
			coopId: w.coop.id,
			renderId: w.render.id,
			caption,
			targets: {
				create: targets.map((t) => ({ coopId: w.coop.id, kind: 'manual', channelId: t.channelId, state: t.state, dueAt: t.dueAt ?? null, publishedAt: t.publishedAt ?? null })),
			},
		},
		include: { targets: true },
	})
}

test('this process runs in New York, five hours behind UTC in January', () => {
	expect(new Date('2025-01-15T12:00:00Z').getTimezoneOffset()).toBe(300)
})

test("a post at 20:00 Hà Nội time shows on its Hà Nội day at 20:00, with each channel's state and the reconnect banner", async () => {
	const w = await world()
	// 20:00 on Thursday 10 April in Hà Nội is 09:00 that morning in New York.
	const evening = await makePost(w, 'Chè xanh Suối Giàng   mới hái\nđóng hộp 200 g', [
		{ channelId: w.facebook.id, state: 'scheduled', dueAt: new Date('2025-04-10T13:00:00Z') },
		{ channelId: w.zaloGroup.id, state: 'published', dueAt: new Date('2025-04-10T13:00:00Z'), publishedAt: new Date('2025-04-10T13:04:00Z') },
	])
	// 06:30 on Friday in Hà Nội is still Thursday evening in New York and in UTC.
	const early = await makePost(w, 'Sương sớm trên đồi chè', [{ channelId: w.facebook.id, state: 'failed', dueAt: new Date('2025-04-10T23:30:00Z') }])
	// 23:30 on Sunday 6 April in Hà Nội belongs to the week before; 00:30 Monday to this one.
	await makePost(w, 'Tuần trước', [{ channelId: w.facebook.id, state: 'scheduled', dueAt: new Date('2025-04-06T16:30:00Z') }])
	const monday = await makePost(w, 'Đầu tuần', [{ channelId: w.zaloGroup.id, state: 'scheduled', dueAt: new Date('2025-04-06T17:30:00Z') }])
	// A draft with no time and an archived post are not on the calendar.
	await makePost(w, 'Nháp', [{ channelId: w.facebook.id, state: 'draft' }])
	const archived = await makePost(w, 'Đã lưu trữ', [{ channelId: w.facebook.id, state: 'scheduled', dueAt: new Date('2025-04-09T13:00:00Z') }])
	await w.db.post.update({ where: { id: archived.id }, data: { archivedAt: new Date() } })
	await w.db.channel.update({ where: { id: w.facebook.id }, data: { state: 'needs_reconnect', stateReason: 'token_expired' } })

	const answer = await callRoute(loader, getRequest('/calendar?view=week&day=2025-04-10', w.cookie))
	expect(answer.status).toBe(200)
	const data = answer.data as LoaderData
	expect(data.timeZone).toBe('Asia/Ho_Chi_Minh')
	expect(data.days[0]).toBe('2025-04-07')
	expect(data.range).toEqual({ start: '2025-04-06T17:00:00.000Z', end: '2025-04-13T17:00:00.000Z' })
	expect(data.chips.map((c) => [c.postId, c.day, c.time])).toEqual([
		[monday.id, '2025-04-07', '00:30'],
		[evening.id, '2025-04-10', '20:00'],
		[early.id, '2025-04-11', '06:30'],
	])
	// One chip per post and day: the channel that went out at 20:04 sits with the one still due at 20:00.
	const eveningChip = data.chips.find((c) => c.postId === evening.id)!
	expect(eveningChip.snippet).toBe('Chè xanh Suối Giàng mới hái đóng hộp 200 g')
	expect(eveningChip.summary).toBe('scheduled')
	expect(eveningChip.channels[0]).toEqual(
		{
			targetId: evening.targets.find((t) => t.channelId === w.facebook.id)!.id,
			channelId: w.facebook.id,
			channelName: 'Trang Chè Suối Giàng',
			platform: 'facebook_page',
			channelState: 'needs_reconnect',
			state: 'scheduled',
			canMove: true,
		},
	)
	expect(eveningChip.channels.map((c) => [c.channelName, c.state, c.canMove])).toEqual([
		['Trang Chè Suối Giàng', 'scheduled', true],
		['Nhóm Zalo khách quen', 'published', false],
	])
	expect(data.chips.find((c) => c.postId === early.id)?.summary).toBe('failed')
	expect(data.reconnect).toEqual([{ id: w.facebook.id, name: 'Trang Chè Suối Giàng', platform: 'facebook_page' }])
	expect(data.canMove).toBe(true)

	const month = (await callRoute(loader, getRequest('/calendar?view=month&day=2025-04-10', w.cookie))).data as LoaderData
	expect(month.days).toHaveLength(35)
	expect(month.chips.map((c) => c.day)).toEqual(['2025-04-06', '2025-04-07', '2025-04-10', '2025-04-11'])
	// The week before's post falls on Sunday 6 April, Hà Nội time, inside the month grid.
	expect(month.chips[0].time).toBe('23:30')
})

test('another co-op sees none of it, and a viewer may look but not move', async () => {
	const w = await world({ role: 'viewer' })
	await makePost(w, 'Chè', [{ channelId: w.facebook.id, state: 'scheduled', dueAt: new Date('2025-04-10T13:00:00Z') }])
	const viewer = (await callRoute(loader, getRequest('/calendar?view=week&day=2025-04-10', w.cookie))).data as LoaderData
	expect(viewer.chips).toHaveLength(1)
	expect(viewer.canMove).toBe(false)
	expect(viewer.series).toBeNull()
	const refused = await callRoute(action, postForm('/calendar', w.cookie, { intent: 'post-now', postId: 'x' }))
	expect(refused.status).toBe(403)

	const stranger = await world()
	const theirs = (await callRoute(loader, getRequest('/calendar?view=week&day=2025-04-10', stranger.cookie))).data as LoaderData
	expect(theirs.chips).toEqual([])
})

test('dragging a chip to another day keeps its time; a published one does not move', async () => {
	const w = await world()
	const due = new Date(Date.now() + 3 * 86_400_000)
	const post = await makePost(w, 'Chè', [
		{ channelId: w.facebook.id, state: 'scheduled', dueAt: due },
		{ channelId: w.zaloGroup.id, state: 'published', dueAt: due, publishedAt: due },
	])
	const [scheduled, published] = [post.targets.find((t) => t.state === 'scheduled')!, post.targets.find((t) => t.state === 'published')!]
	const data = (await callRoute(loader, getRequest('/calendar', w.cookie))).data as LoaderData
	const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
	const newDay = local.format(new Date(due.getTime() + 2 * 86_400_000))
	const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due)
	expect(data.anchor).toBe(local.format(new Date()))

	const moved = await callRoute(action, postForm('/calendar?view=week', w.cookie, { intent: 'reschedule', targetId: [scheduled.id, published.id], day: newDay, time }))
	expect(moved.status).toBe(302)
	expect(moved.location).toBe('/calendar?view=week')
	const after = await w.db.postTarget.findMany({ where: { postId: post.id }, orderBy: { state: 'asc' } })
	expect(after.map((t) => [t.state, t.dueAt?.getTime()])).toEqual([
		['published', due.getTime()],
		['scheduled', Math.floor((due.getTime() + 2 * 86_400_000) / 60_000) * 60_000],
	])

	// Only the published one asked: nothing moves.
	await callRoute(action, postForm('/calendar', w.cookie, { intent: 'reschedule', targetId: published.id, day: newDay, time }))
	expect((await w.db.postTarget.findUnique({ where: { id: published.id } }))?.dueAt?.getTime()).toBe(due.getTime())
	// A time in the past is refused.
	await callRoute(action, postForm('/calendar', w.cookie, { intent: 'reschedule', targetId: scheduled.id, day: '2020-01-01', time: '20:00' }))
	expect((await w.db.postTarget.findUnique({ where: { id: scheduled.id } }))?.dueAt?.getFullYear()).not.toBe(2020)
})

test("a job waiting for the old time follows the new time, or leaves the queue when the new time is beyond the enqueue window", async () => {
	const w = await world()
	const now = new Date()
	const soon = new Date(now.getTime() + 5 * 60_000)
	const post = await makePost(w, 'Chè', [{ channelId: w.facebook.id, state: 'scheduled', dueAt: soon }])
	const target = post.targets[0]
	await enqueueTarget(target, now)
	const queue = getQueue(QUEUES.publish)
	const jobId = jobIds.publish(target.id, 1)
	expect(await (await queue.getJob(jobId))?.isDelayed()).toBe(true)

	const sooner = new Date(now.getTime() + 2 * 60_000)
	expect(await rescheduleTarget(w.db, w.coop.id, target.id, sooner, now)).toBe(true)
	const job = await queue.getJob(jobId)
	expect(job?.delay).toBe(2 * 60_000)

	const tomorrow = new Date(now.getTime() + 86_400_000)
	expect(await rescheduleTarget(w.db, w.coop.id, target.id, tomorrow, now)).toBe(true)
	expect(await queue.getJob(jobId)).toBeUndefined()
	expect((await w.db.postTarget.findUnique({ where: { id: target.id } }))?.dueAt?.getTime()).toBe(tomorrow.getTime())

	// Back within the window: enqueued again.
	expect(await rescheduleTarget(w.db, w.coop.id, target.id, soon, now)).toBe(true)
	expect(await (await queue.getJob(jobId))?.isDelayed()).toBe(true)
	// Another co-op's id moves nothing.
	const stranger = await world()
	expect(await rescheduleTarget(w.db, stranger.coop.id, target.id, tomorrow, now)).toBe(false)
	await (await queue.getJob(jobId))?.remove()
})

test('"post now" puts every waiting channel on the queue at once; a post waiting for approval stays', async () => {
	const w = await world()
	const post = await makePost(w, 'Chè', [
		{ channelId: w.facebook.id, state: 'scheduled', dueAt: new Date(Date.now() + 86_400_000) },
		{ channelId: w.zaloGroup.id, state: 'draft' },
	])
	const before = Date.now()
	const sent = await callRoute(action, postForm('/calendar', w.cookie, { intent: 'post-now', postId: post.id }))
	expect(sent.status).toBe(302)
	const targets = await w.db.postTarget.findMany({ where: { postId: post.id } })
	const queue = getQueue(QUEUES.publish)
	for (const target of targets) {
		expect(target.state).toBe('scheduled')
		expect(target.dueAt!.getTime()).toBeGreaterThanOrEqual(before - 1000)
		expect(target.dueAt!.getTime()).toBeLessThanOrEqual(Date.now())
		const job = await queue.getJob(jobIds.publish(target.id, 1))
		expect(job?.data).toEqual({ targetId: target.id })
		await job?.remove()
	}

	const pending = await makePost(w, 'Chờ duyệt', [{ channelId: w.facebook.id, state: 'draft' }])
	await w.db.post.update({ where: { id: pending.id }, data: { approvalState: 'pending' } })
	await callRoute(action, postForm('/calendar', w.cookie, { intent: 'post-now', postId: pending.id }))
	expect((await w.db.postTarget.findFirst({ where: { postId: pending.id } }))?.state).toBe('draft')
	expect(await queue.getJob(jobIds.publish(pending.targets[0].id, 1))).toBeUndefined()
})

function seriesFields(w: Awaited<ReturnType<typeof world>>, startDay: string) {
	return {
		intent: 'series',
		caption: 'Mỗi ngày một câu chuyện về chè',
		hashtags: '#chè #suốigiàng',
		startDay,
		channelId: [w.facebook.id, w.zaloGroup.id],
		renderId: [w.render.id, '', w.render.id, '', '', '', ''],
		time: ['20:00', '11:30', '06:15', '20:00', '20:00', '20:00', '20:00'],
	}
}

function hanoiDay(offsetDays: number) {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
		new Date(Date.now() + offsetDays * 86_400_000),
	)
}

test('a series makes one post a day on the days chosen, each at its own Hà Nội time, scheduled on every channel', async () => {
	const w = await world()
	const start = hanoiDay(2)
	const answer = await callRoute(action, postForm('/calendar', w.cookie, seriesFields(w, start)))
	expect(answer.status).toBe(302)
	expect(answer.location).toBe(`/calendar?view=week&day=${start}`)
	const posts = await w.db.post.findMany({ where: { coopId: w.coop.id }, include: { targets: { orderBy: { kind: 'asc' } } }, orderBy: { createdAt: 'asc' } })
	expect(posts).toHaveLength(2)
	expect(new Set(posts.map((p) => p.seriesId)).size).toBe(1)
	expect(posts[0].seriesId).toMatch(/^series/)
	const third = (() => {
		const [y, m, d] = start.split('-').map(Number)
		return new Date(Date.UTC(y, m - 1, d + 2)).toISOString().slice(0, 10)
	})()
	const expected = [new Date(`${start}T20:00:00+07:00`), new Date(`${third}T06:15:00+07:00`)]
	for (const [i, post] of posts.entries()) {
		expect(post.caption).toBe('Mỗi ngày một câu chuyện về chè')
		expect(post.approvalState).toBe('none')
		expect(post.targets.map((t) => [t.kind, t.state, t.dueAt?.toISOString()])).toEqual([
			['facebook-reel', 'scheduled', expected[i].toISOString()],
			['manual', 'scheduled', expected[i].toISOString()],
		])
	}
	const week = (await callRoute(loader, getRequest(`/calendar?view=week&day=${start}`, w.cookie))).data as LoaderData
	expect(week.chips.filter((c) => c.seriesId === posts[0].seriesId).map((c) => [c.day, c.time])).toEqual(
		[
			[start, '20:00'],
			[third, '06:15'],
		].filter(([day]) => week.days.includes(day)),
	)
})

test("an editor's series waits for an owner when the co-op asks for approval, and the owners are told", async () => {
	const w = await world({ role: 'editor', postApproval: true })
	const answer = await callRoute(action, postForm('/calendar', w.cookie, seriesFields(w, hanoiDay(2))))
	expect(answer.status).toBe(302)
	const posts = await w.db.post.findMany({ where: { coopId: w.coop.id }, include: { targets: true } })
	expect(posts).toHaveLength(2)
	expect(posts.every((p) => p.approvalState === 'pending')).toBe(true)
	expect(posts.flatMap((p) => p.targets).every((t) => t.state === 'draft' && t.dueAt !== null)).toBe(true)
	const notes = await w.db.notification.findMany({ where: { coopId: w.coop.id } })
	expect(notes.map((n) => n.kind)).toEqual(['post.approval_requested'])
})

test('a series in the past, with another co-op’s channel or with no video is refused and makes nothing', async () => {
	const w = await world()
	const stranger = await world()
	await callRoute(action, postForm('/calendar', w.cookie, seriesFields(w, '2020-01-01')))
	await callRoute(action, postForm('/calendar', w.cookie, { ...seriesFields(w, hanoiDay(2)), channelId: [stranger.facebook.id] }))
	await callRoute(action, postForm('/calendar', w.cookie, { ...seriesFields(w, hanoiDay(2)), renderId: ['', '', '', '', '', '', ''] }))
	await callRoute(action, postForm('/calendar', w.cookie, { ...seriesFields(w, hanoiDay(2)), renderId: [stranger.render.id] }))
	expect(await w.db.post.count({ where: { coopId: w.coop.id } })).toBe(0)
})

test("suggested times come from the co-op's own numbers once it has eight published posts on a platform", async () => {
	const w = await world()
	const fresh = (await callRoute(loader, getRequest('/calendar', w.cookie))).data as LoaderData
	expect(fresh.suggestions.facebook_page).toEqual([
		{ time: '11:30', source: 'default' },
		{ time: '20:00', source: 'default' },
		{ time: '21:00', source: 'default' },
	])
	expect(fresh.suggestions.tiktok.map((s) => s.time)).toEqual(['19:00', '20:30', '22:00'])
	for (let i = 0; i < 8; i++) {
		// Hà Nội 07:10 did best (1000 views), then 12:10 (500), then 18:10 (100); the first reading is overtaken by a later one.
		const hour = [7, 12, 18][i % 3]
		const views = { 7: 1000, 12: 500, 18: 100 }[hour]!
		const publishedAt = new Date(Date.now() - (i + 2) * 86_400_000)
		publishedAt.setUTCHours(hour - 7, 10, 0, 0)
		const post = await makePost(w, `Bài ${i}`, [{ channelId: w.facebook.id, state: 'published', publishedAt }])
		await w.db.engagementSnapshot.createMany({
			data: [
				{ targetId: post.targets[0].id, coopId: w.coop.id, takenAt: new Date(publishedAt.getTime() + 3600_000), views: 1 },
				{ targetId: post.targets[0].id, coopId: w.coop.id, takenAt: new Date(publishedAt.getTime() + 86_400_000), views },
			],
		})
	}
	const seasoned = (await callRoute(loader, getRequest('/calendar', w.cookie))).data as LoaderData
	expect(seasoned.suggestions.facebook_page).toEqual([
		{ time: '07:00', source: 'engagement' },
		{ time: '12:00', source: 'engagement' },
		{ time: '18:00', source: 'engagement' },
	])
	// Other platforms keep their defaults.
	expect(seasoned.suggestions.zalo_oa.every((s) => s.source === 'default')).toBe(true)
})
