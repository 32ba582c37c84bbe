import { expect, test } from 'vitest'
import { listNotifications, markRead, notify, unreadCount } from '~/publishing/notifications.server.ts'
import * as notificationsRoute from '~/routes/notifications.tsx'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus, subscribeCoopEvents, type CoopEvent } from '~/utils/events.server.ts'
import { readShellContext } from '~/utils/shell.server.ts'
import { addMember, createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'

// In-app notifications: who hears of what, once; the bell's number; the list
// in the reader's language; opening one goes where it points and reads it.

test('publishers hear of a published target once, each with a live event; viewers do not', async () => {
	const { coop, user: owner } = await createUserWithCoop()
	const { user: editor } = await addMember(coop.id, { role: 'editor' })
	const { user: viewer } = await addMember(coop.id, { role: 'viewer' })
	const events: CoopEvent[] = []
	const unsubscribe = await subscribeCoopEvents(coop.id, (event) => events.push(event))
	try {
		const input = { coopId: coop.id, kind: 'target.published' as const, params: { post: 'Chè búp', channel: 'Trang HTX' }, href: '/posts/p1', to: 'publishers' as const, dedupeKey: 'target-t1-published' }
		expect(await notify(getDb(), input)).toBe(2)
		expect(await notify(getDb(), input)).toBe(0)
		await expect.poll(() => events.length).toBe(2)
	} finally {
		await unsubscribe()
		await closeEventBus()
	}
	expect(events.map((e) => e.type === 'notification.created' && e.userId).sort()).toEqual([owner.id, editor.id].sort())
	expect(await unreadCount({ coopId: coop.id, userId: owner.id })).toBe(1)
	expect(await unreadCount({ coopId: coop.id, userId: viewer.id })).toBe(0)
	const [shown] = await listNotifications({ coopId: coop.id, userId: editor.id })
	expect(shown).toMatchObject({ kind: 'target.published', params: { post: 'Chè búp', channel: 'Trang HTX' }, href: '/posts/p1', read: false })
})

test('marking read touches only the person’s own notifications; an outside address is never linked', async () => {
	const { coop, user } = await createUserWithCoop()
	const other = await createUserWithCoop()
	await notify(getDb(), { coopId: coop.id, kind: 'channel.reconnect', params: { channel: 'Zalo OA' }, href: 'https://evil.example/x', to: { userIds: [user.id] } })
	await notify(getDb(), { coopId: coop.id, kind: 'target.failed', params: { channel: 'TikTok' }, href: '//evil.example', to: { userIds: [user.id] } })
	await notify(getDb(), { coopId: other.coop.id, kind: 'target.failed', to: { userIds: [other.user.id] } })
	const mine = await listNotifications({ coopId: coop.id, userId: user.id })
	expect(mine.map((n) => n.href)).toEqual([null, null])
	const [theirs] = await listNotifications({ coopId: other.coop.id, userId: other.user.id })

	expect(await markRead({ coopId: coop.id, userId: user.id, ids: [theirs!.id, mine[0]!.id] })).toBe(1)
	expect(await unreadCount({ coopId: other.coop.id, userId: other.user.id })).toBe(1)
	expect(await markRead({ coopId: coop.id, userId: user.id })).toBe(1)
	expect(await unreadCount({ coopId: coop.id, userId: user.id })).toBe(0)
})

test('the shell counts unread ones; opening one goes to its page and reads it; another person’s is not found', async () => {
	const { coop, user } = await createUserWithCoop()
	const other = await createUserWithCoop()
	const cookie = await sessionCookie(user.id)
	await notify(getDb(), { coopId: coop.id, kind: 'target.published', params: { post: 'Gạo J02', channel: 'Trang HTX' }, href: '/posts/abc', to: 'owners', dedupeKey: 'a' })
	await notify(getDb(), { coopId: coop.id, kind: 'target.hand_off', params: { post: 'Gạo J02', channel: 'Nhóm Zalo' }, href: '/posts/abc', to: 'owners', dedupeKey: 'b' })
	expect((await readShellContext(getRequest('/', cookie))).unreadNotifications).toBe(2)

	const page = await callRoute(notificationsRoute.loader as never, getRequest('/notifications', cookie))
	const listed = (page.data as { notifications: Array<{ id: string; kind: string; when: string }> }).notifications
	expect(listed.map((n) => n.kind)).toEqual(['target.hand_off', 'target.published'])
	expect(listed[0]!.when).toMatch(/\d/)

	const opened = await callRoute(notificationsRoute.action as never, postRequest('/notifications', { intent: 'open', notificationId: listed[1]!.id }, cookie))
	expect(opened).toMatchObject({ status: 302, location: '/posts/abc' })
	expect((await readShellContext(getRequest('/', cookie))).unreadNotifications).toBe(1)

	await notify(getDb(), { coopId: other.coop.id, kind: 'target.failed', to: 'owners' })
	const [foreign] = await listNotifications({ coopId: other.coop.id, userId: other.user.id })
	const refused = await callRoute(notificationsRoute.action as never, postRequest('/notifications', { intent: 'open', notificationId: foreign!.id }, cookie))
	expect(refused.status).toBe(404)

	const all = await callRoute(notificationsRoute.action as never, postRequest('/notifications', { intent: 'read-all' }, cookie))
	expect(all).toMatchObject({ status: 302, location: '/notifications' })
	expect((await readShellContext(getRequest('/', cookie))).unreadNotifications).toBe(0)
	expect(await unreadCount({ coopId: other.coop.id, userId: other.user.id })).toBe(1)
})
