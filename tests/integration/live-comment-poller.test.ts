import { afterAll, beforeAll, expect, test } from 'vitest'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { LiveChannelError, liveGraphSettings, pageLiveVideos, startCommentPolling } from '~/live/live-polling.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { pollLiveSession, type PollerHooks } from '#workers/live/poller.ts'
import { reconcileLiveComments } from '#workers/live/reconcile.ts'
import { startLiveCommentsWorker } from '#workers/live/worker.ts'
import { startFakeGraphLive, type FakeGraphLive } from '#tests/support/fake-graph-live.ts'
import { createLiveSession, pendingIntents } from '#tests/support/live-world.ts'
import { recordCoopEvents } from '#tests/support/media-world.ts'
import { createChannel, createCoopWithOwner, usePlatforms } from '#tests/support/publish-engine-world.ts'

// The live comments poller against the fake Graph API, the real SQLite file,
// Redis and the event bus: it picks comments up, paces itself, records a
// token error for the console, stops when the live ends, and the reconciler
// puts back a poller the queue lost.

let graph: FakeGraphLive
let coopId: string
let videos = 0

beforeAll(async () => {
	graph = await startFakeGraphLive()
	usePlatforms(graph.url)
	coopId = (await createCoopWithOwner()).coopId
})
afterAll(async () => {
	await closeEventBus()
	await graph.close()
})

async function facebookSession() {
	const videoId = `live-${++videos}`
	graph.addLive(videoId)
	const channel = await createChannel(coopId, { platform: 'facebook_page', externalId: `page-${videos}` })
	const session = await createLiveSession(coopId, { platform: 'facebook', channelId: channel.id, liveVideoId: videoId, onScreen: 'A1' })
	return { ...session, videoId, channelId: channel.id }
}

/** Runs the loop with waits recorded instead of slept. */
function hooks(maxPolls: number, delays: number[] = []): PollerHooks {
	// A clock that stands still: the recorded waits are the pace itself, not the pace less the poll's own time.
	const frozen = Date.now()
	return { sleep: async (ms) => void delays.push(ms), stopping: () => false, settings: liveGraphSettings(), maxPolls, now: () => frozen }
}

const row = (sessionId: string) => getDb().liveSession.findUniqueOrThrow({ where: { id: sessionId } })

test('picks comments up into pending orders, keeps the since cursor, and backs off as the live goes quiet', async () => {
	const { sessionId, videoId } = await facebookSession()
	const createdMs = Math.floor(Date.now() / 1000) * 1000 - 5000
	graph.comment(videoId, 'chốt A1 2 hộp 0912345678', { id: 'u1', name: 'Lan' }, createdMs)
	graph.comment(videoId, 'chốt', { id: 'u2', name: 'Hoà' }, createdMs + 1000)
	const delays: number[] = []
	expect(await pollLiveSession(sessionId, hooks(5, delays))).toBe('max_polls')
	expect(await pendingIntents(sessionId)).toEqual([
		expect.objectContaining({ viewerKey: 'id:u1', items: [{ code: 'A1', qty: 2 }], phone: '0912345678' }),
		expect.objectContaining({ viewerKey: 'id:u2', items: [{ code: 'A1', qty: 1 }] }),
	])
	expect(await row(sessionId)).toMatchObject({ commentCursor: String((createdMs + 1000) / 1000), pollState: 'polling', pollError: null })
	const commentCalls = graph.requests.filter((r) => r.path.endsWith(`${videoId}/comments`))
	expect(commentCalls[0]!.query.has('since')).toBe(false)
	expect(commentCalls[1]!.query.get('since')).toBe(String((createdMs + 1000) / 1000))
	// One second while comments flow, then longer and longer waits.
	expect(delays).toEqual([1000, 2000, 3000, 5000, 8000])
	// The re-read second's comments are not stored twice.
	expect(await getDb().liveComment.count({ where: { sessionId } })).toBe(2)
})

test('a full usage meter slows polling down; a rate limit waits as asked and says so, then carries on', async () => {
	const { sessionId } = await facebookSession()
	graph.usagePercent = 90
	const slowed: number[] = []
	await pollLiveSession(sessionId, hooks(1, slowed))
	expect(slowed).toEqual([20_000])
	graph.usagePercent = 0

	graph.mishap(/comments$/, { kind: 'rate-limit', code: 613, regainMinutes: 1 })
	const events = await recordCoopEvents(coopId)
	const delays: number[] = []
	await pollLiveSession(sessionId, hooks(2, delays))
	expect(delays[0]).toBe(60_000)
	await events.waitFor((e) => e.type === 'live.session.updated' && e.sessionId === sessionId && e.pollError === 'rate_limit')
	expect(await row(sessionId)).toMatchObject({ pollState: 'polling', pollError: null })
	await events.stop()
})

test('an expired token stops the poller, shows on the console at once, and marks the channel for reconnecting', async () => {
	const { sessionId, channelId } = await facebookSession()
	const events = await recordCoopEvents(coopId)
	graph.mishap(/comments$/, { kind: 'expired-token' })
	expect(await pollLiveSession(sessionId, hooks(5))).toBe('error')
	expect(await row(sessionId)).toMatchObject({ pollState: 'error', pollError: 'token_expired' })
	await events.waitFor((e) => e.type === 'live.session.updated' && e.sessionId === sessionId && e.pollState === 'error' && e.pollError === 'token_expired')
	expect(await getDb().channel.findUniqueOrThrow({ where: { id: channelId } })).toMatchObject({ state: 'needs_reconnect', stateReason: 'token_rejected' })
	await events.stop()

	const permission = await facebookSession()
	graph.mishap(/comments$/, { kind: 'permission', code: 200 })
	expect(await pollLiveSession(permission.sessionId, hooks(5))).toBe('error')
	expect(await row(permission.sessionId)).toMatchObject({ pollState: 'error', pollError: 'permission' })
})

test('stops when the live video ends on Facebook, and when the session is no longer live', async () => {
	const { sessionId, videoId } = await facebookSession()
	graph.end(videoId)
	expect(await pollLiveSession(sessionId, hooks(5))).toBe('ended')
	expect(await row(sessionId)).toMatchObject({ pollState: 'ended' })

	const other = await facebookSession()
	await getDb().liveSession.update({ where: { id: other.sessionId }, data: { state: 'ended' } })
	expect(await pollLiveSession(other.sessionId, hooks(5))).toBe('not_live')
})

test('the reconciler starts a poller for a live session, and puts back one the queue lost', async () => {
	await getDb().liveSession.updateMany({ where: { coopId }, data: { state: 'ended' } })
	const { sessionId, videoId } = await facebookSession()
	const events = await recordCoopEvents(coopId)
	const queue = getQueue(QUEUES.liveComments)
	let worker = startLiveCommentsWorker()
	try {
		expect(await reconcileLiveComments()).toBe(1)
		graph.comment(videoId, 'chốt A1 3 hộp', { id: 'u9', name: 'Thu' })
		await events.waitFor((e) => e.type === 'live.intent.updated' && e.sessionId === sessionId)
		// Already running: nothing to do.
		expect(await reconcileLiveComments()).toBe(0)

		// The worker goes away and the queue forgets the job (a Redis restart).
		await worker.close()
		await queue.getJob(jobIds.liveComments(sessionId)).then((job) => job?.remove())
		expect(await queue.getJob(jobIds.liveComments(sessionId))).toBeUndefined()
		worker = startLiveCommentsWorker()
		expect(await reconcileLiveComments()).toBe(1)
		graph.comment(videoId, 'chốt C3', { id: 'u10', name: 'Tùng' })
		await events.waitFor((e) => e.type === 'live.intent.updated' && e.sessionId === sessionId && events.events.filter((x) => x.type === 'live.intent.updated').length >= 2)
		expect((await pendingIntents(sessionId)).map((intent) => intent.viewerKey)).toEqual(['id:u9', 'id:u10'])

		// A session whose token was refused is not restarted until its channel is reconnected (changed since).
		await worker.close()
		await queue.getJob(jobIds.liveComments(sessionId)).then((job) => job?.remove())
		await getDb().liveSession.update({ where: { id: sessionId }, data: { pollState: 'error', pollError: 'token_expired' } })
		expect(await reconcileLiveComments()).toBe(0)
		await getDb().channel.updateMany({ where: { coopId }, data: { lastRefreshedAt: new Date(Date.now() + 1000), updatedAt: new Date(Date.now() + 1000) } })
		expect(await reconcileLiveComments()).toBe(1)
	} finally {
		await worker.close()
		await events.stop()
	}
})

test('startCommentPolling starts a live Facebook session at once and leaves others alone; the chooser lists the Page’s lives', async () => {
	const { sessionId, channelId } = await facebookSession()
	const queue = getQueue(QUEUES.liveComments)
	await getDb().liveSession.update({ where: { id: sessionId }, data: { pollState: 'ended' } })
	expect(await startCommentPolling(sessionId)).toBe(true)
	expect(await row(sessionId)).toMatchObject({ pollState: 'starting', pollError: null })
	expect(await queue.getJob(jobIds.liveComments(sessionId))).toBeDefined()
	await queue.getJob(jobIds.liveComments(sessionId)).then((job) => job?.remove())

	const planned = await createLiveSession(coopId, { platform: 'facebook', state: 'planned', channelId, liveVideoId: 'x' })
	expect(await startCommentPolling(planned.sessionId)).toBe(false)
	const other = await createLiveSession(coopId, { platform: 'other' })
	expect(await startCommentPolling(other.sessionId)).toBe(false)

	const channel = await getDb().channel.findUniqueOrThrow({ where: { id: channelId } })
	graph.addLive('chooser-1', { pageId: channel.externalId!, title: 'Live chè' })
	expect(await pageLiveVideos(coopId, channelId)).toEqual([expect.objectContaining({ id: 'chooser-1', title: 'Live chè', status: 'LIVE' })])
	const stranger = await createCoopWithOwner()
	await expect(pageLiveVideos(stranger.coopId, channelId)).rejects.toBeInstanceOf(LiveChannelError)
})

test('the run sheet offers the Page\'s live videos to choose from, and starting the live starts reading its comments', async () => {
	const { loadRunSheet, moveLive } = await import('~/live/sessions.server.ts')
	const channel = await createChannel(coopId, { platform: 'facebook_page', externalId: `page-sheet-${++videos}` })
	graph.addLive(`live-sheet-${videos}`, { pageId: channel.externalId!, title: 'Live thứ Bảy' })
	const session = await getDb().liveSession.create({ data: { coopId, title: 'Live thứ Bảy', platform: 'facebook', channelId: channel.id, liveVideoId: `live-sheet-${videos}` } })
	const sheet = await loadRunSheet(coopId, session.id, 'http://coop.example')
	expect(sheet.liveVideos.map((v) => v.id)).toContain(`live-sheet-${videos}`)
	// The Page is offered, and a session made on it keeps it.
	expect(sheet.pages.map((p) => p.id)).toContain(channel.id)
	const { createSession } = await import('~/live/sessions.server.ts')
	const owner = await getDb().membership.findFirstOrThrow({ where: { coopId }, select: { userId: true } })
	const made = await createSession(coopId, owner.userId, { title: 'Live Chủ nhật', platform: 'facebook', channelId: channel.id, liveVideoId: `live-sheet-${videos}` })
	expect((await row(made.id)).channelId).toBe(channel.id)

	const queue = getQueue(QUEUES.liveComments)
	expect(await moveLive(coopId, session.id, 'start')).toEqual({ ok: true, state: 'live' })
	expect((await row(session.id)).pollState).toBe('starting')
	expect(await queue.getJob(jobIds.liveComments(session.id))).toBeTruthy()
	await queue.remove(jobIds.liveComments(session.id))
})

test('the console hides a Facebook comment that shows a phone number and sends one private reply, through the Graph API', async () => {
	const { hideComment, replyPrivately } = await import('~/live/live-console.server.ts')
	const channel = await createChannel(coopId, { platform: 'facebook_page', externalId: `77${++videos}` })
	const videoId = `1${videos}000`
	graph.addLive(videoId, { pageId: channel.externalId! })
	const { sessionId } = await createLiveSession(coopId, { platform: 'facebook', channelId: channel.id, liveVideoId: videoId, onScreen: 'A1' })
	const said = graph.comment(videoId, 'chốt A1 0912 345 678', { id: 'u9', name: 'Hoa' })
	const comment = await getDb().liveComment.create({ data: { sessionId, coopId, externalId: said.id, author: 'Hoa', text: said.message, at: new Date(said.createdMs), intent: 'order' } })

	expect(await hideComment(coopId, sessionId, comment.id)).toEqual({ ok: true })
	expect(graph.hidden.has(said.id)).toBe(true)
	expect(new URLSearchParams(graph.posts.at(-1)!.body).get('is_hidden')).toBe('true')
	expect((await getDb().liveComment.findUniqueOrThrow({ where: { id: comment.id } })).hidden).toBe(true)

	const replies = await Promise.all([
		replyPrivately(coopId, sessionId, comment.id, 'Đã chốt đơn cho chị Hoa: 1 hộp A1'),
		replyPrivately(coopId, sessionId, comment.id, 'Đã chốt đơn cho chị Hoa: 1 hộp A1'),
	])
	expect(replies.filter((r) => r.ok)).toHaveLength(1)
	expect(replies.find((r) => !r.ok)).toEqual({ ok: false, reason: 'already_replied' })
	expect(graph.replies).toEqual([{ pageId: channel.externalId, commentId: said.id, text: 'Đã chốt đơn cho chị Hoa: 1 hộp A1' }])

	// A comment Facebook no longer knows: the platform's refusal is shown and the reply can be tried again.
	const gone = await getDb().liveComment.create({ data: { sessionId, coopId, externalId: `${videoId}_999`, author: 'X', text: 'hỏi giá', at: new Date(), intent: 'question' } })
	expect(await replyPrivately(coopId, sessionId, gone.id, 'Dạ')).toMatchObject({ ok: false, reason: 'platform' })
	expect((await getDb().liveComment.findUniqueOrThrow({ where: { id: gone.id } })).repliedAt).toBeNull()
})
