import crypto from 'node:crypto'
import type { Worker } from 'bullmq'
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { firstInsightsAt, INSIGHTS_RETRY_MS } from '~/publishing/insights-schedule.ts'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { planInsights, readTargetInsights, startInsightsWorker } from '#workers/publish/insights-job.ts'
import { createChannel, createPost, createTarget, createUserWithCoop } from '../../prisma/factories.ts'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'

// Engagement readings against local platforms written from their docs: the
// numbers each platform reports become snapshots, an expired token sends the
// channel to "reconnect", a passing error keeps the reading for later, and
// the five-minute plan hands each due reading to the queue once.

let platforms: FakePlatforms
let coopId: string
let ownerId: string
const HOUR = 3_600_000
const publishedAt = new Date(Date.now() - 2 * HOUR)

beforeAll(async () => {
	platforms = await startFakePlatforms()
	process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('hex')
	process.env.FACEBOOK_GRAPH_URL = platforms.url
	process.env.TIKTOK_API_URL = platforms.url
	process.env.ZALO_OPENAPI_URL = platforms.url
	resetEnvForTests()
	const owner = await createUserWithCoop()
	coopId = owner.coop.id
	ownerId = owner.user.id
})
afterAll(async () => {
	await platforms.close()
})
beforeEach(() => {
	platforms.numbers.clear()
	platforms.requests.length = 0
})

async function publishedTarget(kind: string, platformId: string, channel?: { id: string }) {
	const post = await createPost(coopId)
	const onChannel = channel ?? (await createChannel(coopId, { platform: kind.startsWith('tiktok') ? 'tiktok' : kind.startsWith('zalo') ? 'zalo_oa' : 'facebook_page', accessToken: kind.startsWith('tiktok') ? 'tiktok-token' : kind.startsWith('zalo') ? 'zalo-token' : 'page-token' }))
	return createTarget(post, onChannel, { kind, state: 'published', platformId, publishedAt, nextInsightsAt: firstInsightsAt(publishedAt) })
}

const snapshotsOf = (targetId: string) => getDb().engagementSnapshot.findMany({ where: { targetId }, orderBy: { takenAt: 'asc' } })
const nextOf = async (targetId: string) => (await getDb().postTarget.findUniqueOrThrow({ where: { id: targetId } })).nextInsightsAt

test('a Reel, a feed video and a photo post: the numbers Facebook reports are kept and the next reading is planned', async () => {
	const reel = await publishedTarget('facebook-reel', '900001')
	const video = await publishedTarget('facebook-video', '900002')
	const photo = await publishedTarget('facebook-photo', '1234_900003')
	platforms.numbers.set('900001', { views: 1520, likes: 88, comments: 12, shares: 7 })
	platforms.numbers.set('900002', { views: 430, likes: 21, comments: 3, shares: 1 })
	platforms.numbers.set('1234_900003', { views: 610, likes: 45, comments: 6, shares: 2 })

	for (const target of [reel, video, photo]) expect((await readTargetInsights(getDb(), target.id)).outcome).toBe('read')

	const values = async (id: string) => (await snapshotsOf(id)).map(({ views, likes, comments, shares, source }) => ({ views, likes, comments, shares, source }))
	expect(await values(reel.id)).toEqual([{ views: 1520, likes: 88, comments: 12, shares: 7, source: 'api' }])
	expect(await values(video.id)).toEqual([{ views: 430, likes: 21, comments: null, shares: null, source: 'api' }])
	expect(await values(photo.id)).toEqual([{ views: 610, likes: 45, comments: 6, shares: 2, source: 'api' }])
	// Two hours after publishing, the next planned reading is the six-hour one.
	expect(await nextOf(reel.id)).toEqual(new Date(publishedAt.getTime() + 6 * HOUR))
	// No deprecated impressions metric was asked for.
	const asked = platforms.requests.flatMap((r) => String(r.query.get('metric') ?? '').split(','))
	expect(asked.filter((name) => name.includes('impressions'))).toEqual([])
	expect(asked).toContain('blue_reels_play_count')
})

test('a TikTok video: its public id comes from the publish status, its counts from the video query', async () => {
	const publishId = 'v_pub_file~v2.555'
	platforms.tiktok.set(publishId, { publishId, size: 1, chunkSize: 1, chunks: 1, bytes: Buffer.alloc(1), complete: true, inbox: false, postInfo: null })
	platforms.numbers.set('7400000000000000000', { views: 9100, likes: 640, comments: 33, shares: 51 })
	const target = await publishedTarget('tiktok-direct', publishId)

	expect((await readTargetInsights(getDb(), target.id)).outcome).toBe('read')
	const [snapshot] = await snapshotsOf(target.id)
	expect(snapshot).toMatchObject({ views: 9100, likes: 640, comments: 33, shares: 51 })
	const query = platforms.requests.find((r) => r.path === '/v2/video/query/')!
	expect(JSON.parse(query.body.toString())).toEqual({ filters: { video_ids: ['7400000000000000000'] } })
})

test('an inbox upload the creator has not posted yet has nothing to read: no snapshot, the next reading stays planned', async () => {
	const publishId = 'v_inbox_file~v2.556'
	platforms.tiktok.set(publishId, { publishId, size: 1, chunkSize: 1, chunks: 1, bytes: Buffer.alloc(1), complete: true, inbox: true, postInfo: null })
	const target = await publishedTarget('tiktok-inbox', publishId)
	expect((await readTargetInsights(getDb(), target.id)).outcome).toBe('not-yet')
	expect(await snapshotsOf(target.id)).toEqual([])
	expect(await nextOf(target.id)).toEqual(new Date(publishedAt.getTime() + 6 * HOUR))
})

test('a Zalo article has no numbers through the API: it is never read again (people type them in)', async () => {
	const target = await publishedTarget('zalo-article', 'article-1')
	expect((await readTargetInsights(getDb(), target.id)).outcome).toBe('unsupported')
	expect(await nextOf(target.id)).toBeNull()
	expect(platforms.requests).toEqual([])
})

test('Facebook error 190: the channel needs reconnecting, its owners hear of it once, and the reading waits for the reconnect', async () => {
	const channel = await createChannel(coopId, { platform: 'facebook_page', accessToken: 'revoked-token', name: 'Trang HTX' })
	const target = await publishedTarget('facebook-reel', '900010', channel)
	const second = await publishedTarget('facebook-reel', '900011', channel)
	platforms.numbers.set('900010', { views: 1, likes: 1, comments: 0, shares: 0 })
	const planned = await nextOf(target.id)
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})

	expect((await readTargetInsights(getDb(), target.id)).outcome).toBe('error')
	expect(await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ state: 'needs_reconnect', stateReason: 'token_rejected' })
	expect(await snapshotsOf(target.id)).toEqual([])
	expect(await nextOf(target.id)).toEqual(planned)
	// The other target on the same channel is not even tried.
	const asked = platforms.requests.length
	expect((await readTargetInsights(getDb(), second.id)).outcome).toBe('stale')
	expect(platforms.requests.length).toBe(asked)

	const notices = await getDb().notification.findMany({ where: { userId: ownerId, kind: 'channel.reconnect' } })
	expect(notices).toHaveLength(1)
	expect(JSON.parse(notices[0]!.params)).toMatchObject({ channel: 'Trang HTX', reason: 'token_rejected' })
	warn.mockRestore()
})

test('a passing error keeps the reading: the same reading is tried again a quarter of an hour later', async () => {
	const target = await publishedTarget('facebook-reel', '900020')
	platforms.numbers.set('900020', { views: 5, likes: 1, comments: 0, shares: 0 })
	platforms.mishap(/video_insights/, { kind: 'server-error' })
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
	const now = new Date()
	expect((await readTargetInsights(getDb(), target.id, { now })).outcome).toBe('error')
	expect(await nextOf(target.id)).toEqual(new Date(now.getTime() + INSIGHTS_RETRY_MS))
	expect(await snapshotsOf(target.id)).toEqual([])
	warn.mockRestore()

	// Fifteen minutes later it reads, and the plan goes on from the publishing time.
	const later = new Date(now.getTime() + INSIGHTS_RETRY_MS)
	expect((await readTargetInsights(getDb(), target.id, { now: later })).outcome).toBe('read')
	expect(await snapshotsOf(target.id)).toHaveLength(1)
	expect(await nextOf(target.id)).toEqual(new Date(publishedAt.getTime() + 6 * HOUR))
})

test('plan-insights hands a due reading to the queue once, and the worker stores its numbers', async () => {
	await getDb().postTarget.updateMany({ data: { nextInsightsAt: null } })
	const target = await publishedTarget('facebook-reel', '900030')
	const notDue = await publishedTarget('facebook-reel', '900031')
	await getDb().postTarget.update({ where: { id: notDue.id }, data: { nextInsightsAt: new Date(Date.now() + HOUR) } })
	platforms.numbers.set('900030', { views: 77, likes: 7, comments: 1, shares: 0 })
	const queue = getQueue(QUEUES.insights)
	const planned = (await nextOf(target.id))!

	expect(await planInsights()).toBe(1)
	expect(await planInsights()).toBe(0)
	const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed'])
	expect(jobs.map((job) => job.id)).toEqual([jobIds.insights(target.id, planned.getTime())])

	let worker: Worker | undefined
	try {
		worker = startInsightsWorker()
		const done = new Promise<void>((resolve) => worker!.on('completed', () => resolve()))
		await done
	} finally {
		await worker?.close()
	}
	expect(await snapshotsOf(target.id)).toEqual([expect.objectContaining({ views: 77, likes: 7, comments: 1, shares: 0 })])
	expect(await snapshotsOf(notDue.id)).toEqual([])
	// The next reading has its own job id; nothing is due now.
	expect(await planInsights()).toBe(0)
})
