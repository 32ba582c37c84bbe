import { afterAll, beforeAll, expect, test } from 'vitest'
import { CommentFileError, importCommentFile, importPastedComments, ingestComments, liveStock } from '~/live/comments.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { createCoopMember, recordCoopEvents } from '#tests/support/media-world.ts'
import { createLiveSession, pendingIntents } from '#tests/support/live-world.ts'

// Comments into pending orders against a real SQLite file and the real event bus.

let coopId: string
beforeAll(async () => {
	coopId = (await createCoopMember('owner')).coopId
})
afterAll(() => closeEventBus())

const at = (second: number) => new Date(Date.parse('2026-12-07T12:00:00Z') + second * 1000)
const lan = { authorId: 'fb-lan', author: 'Lan Nguyễn' }
const hoa = { authorId: 'fb-hoa', author: 'Hoà' }

test('every comment kept once, NFC, with its author and time; the same platform id again adds nothing', async () => {
	const { sessionId } = await createLiveSession(coopId)
	const nfd = 'chốt A1 2 hộp 0912 345 678'.normalize('NFD')
	const first = await ingestComments(sessionId, [{ externalId: 'c1', ...lan, author: 'Lan Nguyễn'.normalize('NFD'), text: nfd, at: at(1) }])
	expect(first).toMatchObject({ added: 1, duplicates: 0 })
	const again = await ingestComments(sessionId, [{ externalId: 'c1', ...lan, text: nfd, at: at(1) }])
	expect(again).toMatchObject({ added: 0, duplicates: 1, intentIds: [] })
	const comments = await getDb().liveComment.findMany({ where: { sessionId } })
	expect(comments).toHaveLength(1)
	expect(comments[0]).toMatchObject({ text: 'chốt A1 2 hộp 0912 345 678', author: 'Lan Nguyễn', authorId: 'fb-lan', at: at(1), intent: 'order', externalId: 'c1' })
	expect(comments[0]!.text).toBe(comments[0]!.text.normalize('NFC'))
	expect(JSON.parse(comments[0]!.parsed)).toMatchObject({ items: [{ code: 'A1', qty: 2 }], phone: '0912345678', debug: expect.arrayContaining(['phone 0912345678']) })
	expect(await pendingIntents(sessionId)).toEqual([{ viewerKey: 'id:fb-lan', viewerName: 'Lan Nguyễn', state: 'pending', items: [{ code: 'A1', qty: 2 }], phone: '0912345678', comments: 1 }])
})

test('one pending order per viewer: orders add up, a repeat counts once, a phone alone completes it, a cancel takes out', async () => {
	const { sessionId } = await createLiveSession(coopId, { onScreen: 'B2' })
	const events = await recordCoopEvents(coopId)
	await ingestComments(sessionId, [
		{ externalId: 'a', ...lan, text: 'chốt A1', at: at(1) },
		{ externalId: 'b', ...hoa, text: 'C3 x2', at: at(2) },
		{ externalId: 'c', ...lan, text: 'CHỐT A1!!', at: at(3) },
		{ externalId: 'd', ...lan, text: 'lấy thêm 2 hộp miến', at: at(4) },
		{ externalId: 'e', ...lan, text: 'sđt 0987.654.321 nhé', at: at(5) },
		{ externalId: 'f', ...hoa, text: 'ship ko shop', at: at(6) },
	])
	expect(await pendingIntents(sessionId)).toEqual([
		{ viewerKey: 'id:fb-lan', viewerName: 'Lan Nguyễn', state: 'pending', items: [{ code: 'A1', qty: 1 }, { code: 'B2', qty: 2 }], phone: '0987654321', comments: 3 },
		{ viewerKey: 'id:fb-hoa', viewerName: 'Hoà', state: 'pending', items: [{ code: 'C3', qty: 2 }], phone: null, comments: 1 },
	])
	const repeat = await getDb().liveComment.findFirstOrThrow({ where: { sessionId, externalId: 'c' } })
	expect(JSON.parse(repeat.parsed)).toMatchObject({ effect: 'repeat' })

	await ingestComments(sessionId, [{ externalId: 'g', ...lan, text: 'huỷ A1 nha', at: at(7) }])
	expect((await pendingIntents(sessionId))[0]).toMatchObject({ state: 'pending', items: [{ code: 'B2', qty: 2 }], comments: 4 })
	await ingestComments(sessionId, [{ externalId: 'h', ...hoa, text: 'thôi k lấy nữa', at: at(8) }])
	expect((await pendingIntents(sessionId))[1]).toMatchObject({ state: 'cancelled', items: [] })

	const intentEvent = await events.waitFor((e) => e.type === 'live.intent.updated' && e.state === 'cancelled')
	expect(intentEvent).toMatchObject({ sessionId })
	await events.waitFor((e) => e.type === 'live.comment' && e.intent === 'question')
	expect(events.events.filter((e) => e.type === 'live.comment')).toHaveLength(8)
	await events.stop()
})

test('stock opened for the live: pending and confirmed together past it are flagged', async () => {
	const { sessionId } = await createLiveSession(coopId)
	const result = await ingestComments(sessionId, [
		{ externalId: '1', ...lan, text: 'chốt A1 3 hộp', at: at(1) },
		{ externalId: '2', ...hoa, text: 'chốt C3 2', at: at(2) },
	])
	expect(result.oversold).toEqual([])
	// Staff confirmed Lan's three boxes (the console's action; written here directly).
	await getDb().liveOrderIntent.updateMany({ where: { sessionId, viewerKey: 'id:fb-lan' }, data: { state: 'confirmed' } })
	const more = await ingestComments(sessionId, [{ externalId: '3', authorId: 'fb-mai', author: 'Mai', text: 'chốt A1 3 hộp', at: at(3) }])
	expect(more.oversold).toEqual(['A1'])
	expect(await liveStock(sessionId)).toEqual([
		{ code: 'A1', stockOpened: 5, pending: 3, confirmed: 3, oversold: true },
		{ code: 'B2', stockOpened: null, pending: 0, confirmed: 0, oversold: false },
		{ code: 'C3', stockOpened: 3, pending: 2, confirmed: 0, oversold: false },
	])
})

test("the product's catalogue name works as an alias; a comment naming nothing on the lineup orders nothing", async () => {
	const { sessionId } = await createLiveSession(coopId)
	await ingestComments(sessionId, [
		{ externalId: 'x', ...lan, text: 'lấy 2 chè cổ thụ suối giàng', at: at(1) },
		{ externalId: 'y', ...hoa, text: 'đẹp quá', at: at(2) },
	])
	expect(await pendingIntents(sessionId)).toEqual([expect.objectContaining({ viewerKey: 'id:fb-lan', items: [{ code: 'A1', qty: 2 }] })])
})

test('the paste box: "Name: text" lines grouped by name; pasting the same lines again adds nothing', async () => {
	const { sessionId } = await createLiveSession(coopId, { onScreen: 'C3' })
	const pasted = 'Lan: chốt A1 2 hộp\nHoà Phạm: chốt\n\nLan: 0912345678\nđẹp quá\n'
	const first = await importPastedComments(sessionId, pasted)
	expect(first).toMatchObject({ added: 4, duplicates: 0, skipped: 0 })
	expect(await pendingIntents(sessionId)).toEqual([
		{ viewerKey: 'name:lan', viewerName: 'Lan', state: 'pending', items: [{ code: 'A1', qty: 2 }], phone: '0912345678', comments: 2 },
		{ viewerKey: 'name:hoa pham', viewerName: 'Hoà Phạm', state: 'pending', items: [{ code: 'C3', qty: 1 }], phone: null, comments: 1 },
	])
	expect(await importPastedComments(sessionId, pasted)).toMatchObject({ added: 0, duplicates: 4 })
})

test('an exporter file: JSON with authors and times; a file that holds no comments says so', async () => {
	const { sessionId } = await createLiveSession(coopId)
	const file = JSON.stringify({ comments: [
		{ nickname: 'Thu', comment: 'chốt B2 3 gói', createTime: 1796644800 },
		{ user: { nickname: 'Tùng' }, text: 'A1 x1', timestamp: 1796644805000 },
	] })
	expect(await importCommentFile(sessionId, Buffer.from(file), 'tiktok-live.json')).toMatchObject({ added: 2, skipped: 0 })
	const stored = await getDb().liveComment.findMany({ where: { sessionId }, orderBy: { at: 'asc' } })
	expect(stored.map((c) => [c.author, c.text, c.at.toISOString()])).toEqual([
		['Thu', 'chốt B2 3 gói', '2026-12-07T12:00:00.000Z'],
		['Tùng', 'A1 x1', '2026-12-07T12:00:05.000Z'],
	])
	await expect(importCommentFile(sessionId, Buffer.from('{"comments": ['), 'broken.json')).rejects.toBeInstanceOf(CommentFileError)
	await expect(importCommentFile(sessionId, Buffer.from('[{"likes": 3}]'), 'other.json')).rejects.toMatchObject({ reason: 'not_comments' })
})
