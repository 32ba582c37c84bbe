import type { Worker } from 'bullmq'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'
import { createChannel, createCoopWithOwner, createPostTarget, createReadyRender, usePlatforms } from '#tests/support/publish-engine-world.ts'
import { startPublishWorker } from '#workers/publish/worker.ts'
import { jobIds, QUEUES } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { MAX_TARGET_RUNS } from '~/publishing/target-state.ts'
import { markPosted, retryTarget, scheduleTargets } from '~/publishing/targets.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { addMember } from '../../prisma/factories.ts'

// The publish worker against local platforms written from their documentation:
// each platform's happy path, and each way a platform lets us down.

let platforms: FakePlatforms
let worker: Worker

beforeAll(async () => {
	platforms = await startFakePlatforms()
	usePlatforms(platforms.url)
	worker = startPublishWorker()
})
afterAll(async () => {
	await worker.close()
	await platforms.close()
	await closeEventBus()
})
let before: { reels: number; posts: number; tiktok: number; zalo: number; requests: number }
beforeEach(() => {
	before = { reels: platforms.reels.size, posts: platforms.pagePosts.length, tiktok: platforms.tiktok.size, zalo: platforms.zaloArticles.length, requests: platforms.requests.length }
})

const db = () => getDb()

/** Waits for the target's first job to finish (the worker has written everything), then reads the target. */
async function settled(targetId: string, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const job = await getQueue(QUEUES.publish).getJob(jobIds.publish(targetId, 1))
		const state = job ? await job.getState() : 'missing'
		if (state === 'completed' || state === 'failed') return db().postTarget.findUniqueOrThrow({ where: { id: targetId } })
		if (Date.now() > deadline) throw new Error(`the job of ${targetId} is still ${state}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

/** Waits for the target's job of run `run` to finish, then reads the target. */
async function settledRun(targetId: string, run: number, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const job = await getQueue(QUEUES.publish).getJob(jobIds.publish(targetId, run))
		const state = job ? await job.getState() : 'missing'
		if (state === 'completed' || state === 'failed') return db().postTarget.findUniqueOrThrow({ where: { id: targetId } })
		if (Date.now() > deadline) throw new Error(`run ${run} of ${targetId} is still ${state}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

async function publishNow(kind: string, channelSpec: Parameters<typeof createChannel>[1], extra: Parameters<typeof createPostTarget>[3] = {}) {
	const { coopId, userId } = await createCoopWithOwner()
	const channel = await createChannel(coopId, channelSpec)
	const target = await createPostTarget(coopId, channel, kind, extra)
	expect(await scheduleTargets(db(), coopId, [target.id], new Date())).toBe(1)
	return { coopId, userId, channel, target, done: await settled(target.id) }
}

const notificationsOf = (coopId: string) => db().notification.findMany({ where: { coopId }, orderBy: { createdAt: 'asc' } })
/** The row is moved first and the next run's job queued right after it: a test waits for the job, not only the row. */
async function queuedJob(jobId: string) {
	const deadline = Date.now() + 10_000
	for (;;) {
		const job = await getQueue(QUEUES.publish).getJob(jobId)
		if (job || Date.now() > deadline) return job
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

const attemptsOf = (targetId: string) => db().publishAttempt.findMany({ where: { targetId }, orderBy: { startedAt: 'asc' } })

test('a Reel: uploaded, finished, followed to published; the id and checkpoint are in the database and the publishers are told', async () => {
	const { coopId, userId } = await createCoopWithOwner()
	const editor = await addMember(coopId, { role: 'editor' })
	const channel = await createChannel(coopId, { platform: 'facebook_page' })
	const { renderId, content } = await createReadyRender(coopId)
	const target = await createPostTarget(coopId, channel, 'facebook-reel', { renderId })
	await scheduleTargets(db(), coopId, [target.id], new Date())
	const done = await settled(target.id)

	expect(done).toMatchObject({ state: 'published', runs: 1, reason: null, errorKind: null })
	const reel = platforms.reels.get(done.platformId!)!
	expect(reel.bytes.equals(content)).toBe(true)
	expect(reel.finished).toBe(1)
	expect(reel.description).toBe('Chè Shan tuyết Suối Giàng, hái tay 🍃\n\n#chè #yênbái')
	expect(JSON.parse(done.checkpoint)).toMatchObject({ platformId: done.platformId, stage: 'finished' })
	expect(done.publishedAt).not.toBeNull()
	expect(done.nextInsightsAt!.getTime() - done.publishedAt!.getTime()).toBe(3600_000)
	expect(await attemptsOf(target.id)).toEqual([expect.objectContaining({ run: 1, status: 'published', tries: 1, platformId: done.platformId, finishedAt: expect.any(Date) })])
	const told = await notificationsOf(coopId)
	expect(told.map((n) => [n.userId, n.kind, n.href]).sort()).toEqual(
		[[userId, 'target.published', `/posts/${target.postId}`], [editor.user.id, 'target.published', `/posts/${target.postId}`]].sort(),
	)
	// The token the platform saw is the decrypted one; the database holds it only encrypted.
	expect(platforms.requests.find((r) => r.path.startsWith('/rupload/'))!.headers.authorization).toBe('OAuth page-token')
	expect((await db().channel.findUniqueOrThrow({ where: { id: channel.id } })).accessToken).not.toContain('page-token')
})

test('a feed video, a Zalo article and TikTok (inbox and direct) each publish once', async () => {
	const video = await publishNow('facebook-video', { platform: 'facebook_page' })
	expect(video.done).toMatchObject({ state: 'published' })
	expect(platforms.pagePosts.slice(before.posts)).toEqual([expect.objectContaining({ id: video.done.platformId, kind: 'video' })])

	const zalo = await publishNow('zalo-article', { platform: 'zalo_oa' })
	expect(zalo.done).toMatchObject({ state: 'published' })
	expect(platforms.zaloArticles.slice(before.zalo)).toEqual([expect.objectContaining({ id: zalo.done.platformId })])

	const inbox = await publishNow('tiktok-inbox', { platform: 'tiktok' })
	expect(inbox.done).toMatchObject({ state: 'published' })
	const direct = await publishNow('tiktok-direct', { platform: 'tiktok' }, { privacy: 'SELF_ONLY' })
	expect(direct.done).toMatchObject({ state: 'published' })
	const uploads = [...platforms.tiktok.values()].slice(before.tiktok)
	expect(uploads.map((u) => [u.inbox, u.complete])).toEqual([[true, true], [false, true]])
	expect(uploads[1]!.postInfo).toMatchObject({ privacy_level: 'SELF_ONLY' })
})

test('Facebook error 190: needs attention, the channel needs reconnecting, the owner is told, nothing is retried', async () => {
	platforms.mishap(/POST \/v24\.0\/1234\/video_reels/, { kind: 'expired-token' })
	const { coopId, channel, target, done } = await publishNow('facebook-reel', { platform: 'facebook_page' })
	expect(done).toMatchObject({ state: 'needs_attention', reason: 'reconnect', errorKind: 'auth', runs: 1 })
	expect(platforms.requests.slice(before.requests).filter((r) => r.path.endsWith('/video_reels'))).toHaveLength(1)
	expect(await db().channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ state: 'needs_reconnect', stateReason: 'token_rejected' })
	expect((await notificationsOf(coopId)).map((n) => n.kind)).toEqual(['channel.reconnect'])
	expect(await getQueue(QUEUES.publish).getJob(jobIds.publish(target.id, 2))).toBeUndefined()

	// Another post on that channel waits for the reconnect without calling Facebook.
	const second = await createPostTarget(coopId, channel, 'facebook-reel')
	const requests = platforms.requests.length
	await scheduleTargets(db(), coopId, [second.id], new Date())
	expect(await settled(second.id)).toMatchObject({ state: 'needs_attention', reason: 'reconnect', runs: 0 })
	expect(platforms.requests.length).toBe(requests)
})

test('a short Retry-After is waited out inside the run; the post goes once', async () => {
	platforms.mishap(/inbox\/video\/init/, { kind: 'rate-limit', retryAfterSeconds: 1 })
	const { target, done } = await publishNow('tiktok-inbox', { platform: 'tiktok' })
	expect(done).toMatchObject({ state: 'published', runs: 1 })
	expect(await attemptsOf(target.id)).toEqual([expect.objectContaining({ status: 'published', tries: 2 })])
	expect(platforms.tiktok.size - before.tiktok).toBe(1)
})

test('a long Retry-After reschedules the target for then, says why, and queues its next run', async () => {
	platforms.mishap(/inbox\/video\/init/, { kind: 'rate-limit', retryAfterSeconds: 7200 })
	const { target, done } = await publishNow('tiktok-inbox', { platform: 'tiktok' })
	expect(done).toMatchObject({ state: 'scheduled', runs: 1, reason: 'rate_limit', errorKind: 'rate_limit' })
	const wait = done.dueAt!.getTime() - done.stateChangedAt.getTime()
	expect(wait).toBeGreaterThan(7100_000)
	expect(JSON.parse(done.reasonParams!)).toEqual({ at: done.dueAt!.toISOString() })
	const next = await queuedJob(jobIds.publish(target.id, 2))
	expect(await next!.getState()).toBe('delayed')
	expect(platforms.tiktok.size - before.tiktok).toBe(0)
	await next!.remove()
})

test('a 500 and then success: one post, two tries in one run', async () => {
	platforms.mishap(/POST \/v24\.0\/1234\/videos/, { kind: 'server-error' })
	const { target, done } = await publishNow('facebook-video', { platform: 'facebook_page' })
	expect(done).toMatchObject({ state: 'published', runs: 1 })
	expect(await attemptsOf(target.id)).toEqual([expect.objectContaining({ status: 'published', tries: 2 })])
	expect(platforms.pagePosts.length - before.posts).toBe(1)
})

test('a timeout after Facebook accepted the finish: the status call finds it, published once', async () => {
	platforms.mishap(/POST \/v24\.0\/1234\/video_reels/, { kind: 'accept-then-hang' }, { skip: 1 })
	const { done } = await publishNow('facebook-reel', { platform: 'facebook_page' })
	expect(done).toMatchObject({ state: 'published', runs: 1 })
	const reels = [...platforms.reels.values()].slice(before.reels)
	expect(reels).toHaveLength(1)
	expect(reels[0]!.finished).toBe(1)
	expect(done.platformId).toBe(reels[0]!.id)
})

test('an upload connection dropped halfway resumes at the offset Facebook holds', async () => {
	platforms.mishap(/POST \/rupload\//, { kind: 'drop-halfway' })
	const { coopId } = await createCoopWithOwner()
	const channel = await createChannel(coopId, { platform: 'facebook_page' })
	const { renderId, content } = await createReadyRender(coopId, 2_000_000)
	const target = await createPostTarget(coopId, channel, 'facebook-reel', { renderId })
	await scheduleTargets(db(), coopId, [target.id], new Date())
	const done = await settled(target.id)
	expect(done).toMatchObject({ state: 'published', runs: 1 })
	const reel = platforms.reels.get(done.platformId!)!
	expect(reel.bytes.equals(content)).toBe(true)
	const uploads = platforms.requests.slice(before.requests).filter((r) => r.path.startsWith('/rupload/'))
	// The dropped request is not recorded by the fake; the one that went through started halfway.
	expect(uploads).toHaveLength(1)
	expect(Number(uploads[0]!.headers.offset)).toBe(1_000_000)
	expect(uploads[0]!.body.length).toBe(1_000_000)
})

test('a manual channel: at due time no platform is called; publishers get the hand-off, and marking it posted publishes it', async () => {
	const { coopId, userId } = await createCoopWithOwner()
	const editor = await addMember(coopId, { role: 'editor' })
	await addMember(coopId, { role: 'viewer' })
	const channel = await createChannel(coopId, { platform: 'manual' })
	const target = await createPostTarget(coopId, channel, 'manual')
	await scheduleTargets(db(), coopId, [target.id], new Date())
	const done = await settled(target.id)
	expect(done).toMatchObject({ state: 'needs_attention', reason: 'hand_off', runs: 0 })
	expect(platforms.requests.length).toBe(before.requests)
	const told = await notificationsOf(coopId)
	expect(told.map((n) => [n.userId, n.kind]).sort()).toEqual([[userId, 'target.hand_off'], [editor.user.id, 'target.hand_off']].sort())

	expect(await retryTarget(db(), 'another-coop', target.id)).toBe(false)
	expect(await markPosted(db(), coopId, target.id, editor.user.id, 'https://zalo.me/g/abc')).toBe(true)
	expect(await db().postTarget.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
		state: 'published',
		markedById: editor.user.id,
		postUrl: 'https://zalo.me/g/abc',
		publishedAt: expect.any(Date),
	})
	expect(await markPosted(db(), coopId, target.id, editor.user.id)).toBe(false)
})

test('TikTok direct post: the person\'s interaction and commercial-content choices reach post_info', async () => {
	const chosen = await publishNow('tiktok-direct', { platform: 'tiktok' }, {
		privacy: 'PUBLIC_TO_EVERYONE',
		options: { tiktok: { allowComment: true, allowDuet: false, allowStitch: true, discloseCommercial: true, yourBrand: true, brandedContent: false, consent: true } },
	})
	expect(chosen.done).toMatchObject({ state: 'published' })
	const silent = await publishNow('tiktok-direct', { platform: 'tiktok' }, {
		privacy: 'SELF_ONLY',
		// Brand boxes left ticked but the disclosure switched off: nothing is disclosed.
		options: { tiktok: { allowComment: false, allowDuet: true, allowStitch: false, discloseCommercial: false, yourBrand: true, brandedContent: true, consent: true } },
	})
	expect(silent.done).toMatchObject({ state: 'published' })
	const uploads = [...platforms.tiktok.values()].slice(before.tiktok)
	expect(uploads.map((u) => u.postInfo)).toEqual([
		{
			title: 'Chè Shan tuyết Suối Giàng, hái tay 🍃\n\n#chè #yênbái',
			privacy_level: 'PUBLIC_TO_EVERYONE',
			disable_comment: false,
			disable_duet: true,
			disable_stitch: false,
			brand_content_toggle: false,
			brand_organic_toggle: true,
		},
		{
			title: 'Chè Shan tuyết Suối Giàng, hái tay 🍃\n\n#chè #yênbái',
			privacy_level: 'SELF_ONLY',
			disable_comment: true,
			disable_duet: false,
			disable_stitch: true,
			brand_content_toggle: false,
			brand_organic_toggle: false,
		},
	])
})

test('retrying an unconfirmed Reel asks Facebook first: it is there, so it is published and nothing is sent again', async () => {
	// Run 1 finished the Reel, but the answer was lost: the target was left unconfirmed at the finishing step.
	const { coopId, channel, target, done } = await publishNow('facebook-reel', { platform: 'facebook_page' })
	expect(done).toMatchObject({ state: 'published' })
	const reelId = done.platformId!
	await db().postTarget.update({
		where: { id: target.id },
		data: { state: 'unconfirmed', reason: 'unconfirmed', publishedAt: null, checkpoint: JSON.stringify({ platformId: reelId, stage: 'finishing', data: { uploadUrl: 'x' } }) },
	})
	const requests = platforms.requests.length

	expect(await retryTarget(db(), coopId, target.id)).toBe(true)
	// A person's retry starts a fresh count of runs: this is run 1 again.
	const retried = await settledRun(target.id, 1)
	expect(retried).toMatchObject({ state: 'published', platformId: reelId, runs: 1 })
	expect(platforms.reels.get(reelId)!.finished).toBe(1)
	const sent = platforms.requests.slice(requests)
	expect(sent.filter((r) => r.method !== 'GET')).toEqual([])
	expect(sent.filter((r) => r.path === `/v24.0/${reelId}`)).toHaveLength(1)
	expect(channel.id).toBeTruthy()
})

test('retrying an unconfirmed post that the platform does not know: failed, never posted blindly', async () => {
	const { coopId, target } = await publishNow('facebook-video', { platform: 'facebook_page' })
	await db().postTarget.update({
		where: { id: target.id },
		data: { state: 'unconfirmed', reason: 'unconfirmed', publishedAt: null, platformId: 'gone-1', checkpoint: JSON.stringify({ platformId: 'gone-1', stage: 'posting' }) },
	})
	const posts = platforms.pagePosts.length
	expect(await retryTarget(db(), coopId, target.id)).toBe(true)
	expect(await settledRun(target.id, 1)).toMatchObject({ state: 'failed', runs: 1 })
	expect(platforms.pagePosts.length).toBe(posts)
})

test('the Reels quota holds under concurrency: of 40 Reels of one Page sent at once, exactly 30 reach Facebook, the rest wait for a free slot', async () => {
	const { coopId } = await createCoopWithOwner()
	const channel = await createChannel(coopId, { platform: 'facebook_page', externalId: 'quota-page' })
	const { renderId } = await createReadyRender(coopId)
	const targets = []
	for (let i = 0; i < 40; i++) targets.push(await createPostTarget(coopId, channel, 'facebook-reel', { renderId, caption: `quota ${i}` }))
	// All due at one instant a little ahead: the 40 jobs become due together and run side by side.
	expect(await scheduleTargets(db(), coopId, targets.map((t) => t.id), new Date(Date.now() + 3000))).toBe(40)
	const queue = getQueue(QUEUES.publish)
	const deadline = Date.now() + 90_000
	for (;;) {
		// Settled: every target published or told to wait for the quota, and no job running.
		const rows = await db().postTarget.findMany({ where: { channelId: channel.id }, select: { state: true, reason: true } })
		const states = await Promise.all(targets.map(async (t) => (await queue.getJob(jobIds.publish(t.id, 1)))?.getState()))
		const settledRows = rows.every((r) => r.state !== 'publishing' && (r.state !== 'scheduled' || r.reason === 'rate_limit_reels'))
		if (settledRows && states.every((state) => state === 'completed' || state === 'delayed' || state === 'failed')) break
		if (Date.now() > deadline) throw new Error(`targets ${rows.map((r) => r.state).join(',')}; jobs ${states.join(',')}`)
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
	const rows = await db().postTarget.findMany({ where: { channelId: channel.id } })
	const reachedFacebook = [...platforms.reels.values()].slice(before.reels).filter((reel) => reel.description?.startsWith('quota '))
	expect(reachedFacebook.filter((reel) => reel.finished > 0)).toHaveLength(30)
	expect(rows.filter((r) => r.state === 'published')).toHaveLength(30)
	const waiting = rows.filter((r) => r.state === 'scheduled')
	expect(waiting).toHaveLength(10)
	for (const r of waiting) {
		expect(r).toMatchObject({ reason: 'rate_limit_reels', runs: 0 })
		expect(r.dueAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000)
	}
	await Promise.all(waiting.map(async (r) => (await queue.getJob(jobIds.publish(r.id, 1)))?.remove()))
}, 120_000)

test('a person retrying a target that used all its runs gets a fresh set: a transient failure is tried again later, not failed at once', async () => {
	const { coopId } = await createCoopWithOwner()
	const channel = await createChannel(coopId, { platform: 'facebook_page' })
	const target = await createPostTarget(coopId, channel, 'facebook-video', { state: 'failed' })
	await db().postTarget.update({ where: { id: target.id }, data: { runs: MAX_TARGET_RUNS, reason: 'transient', errorKind: 'transient' } })
	// Every try of this run meets a 500 (the engine's four tries in one run).
	platforms.mishap(/POST \/v24\.0\/1234\/videos/, { kind: 'server-error' }, { times: 4 })
	expect(await retryTarget(db(), coopId, target.id)).toBe(true)
	const deadline = Date.now() + 90_000
	let row = await db().postTarget.findUniqueOrThrow({ where: { id: target.id } })
	while ((row.state === 'scheduled' && row.reason === null) || row.state === 'publishing') {
		if (Date.now() > deadline) throw new Error(`still ${row.state}`)
		await new Promise((resolve) => setTimeout(resolve, 200))
		row = await db().postTarget.findUniqueOrThrow({ where: { id: target.id } })
	}
	expect(row).toMatchObject({ state: 'scheduled', runs: 1, reason: 'transient_retry', errorKind: 'transient' })
	expect(await attemptsOf(target.id)).toEqual([expect.objectContaining({ run: 1, status: 'failed', tries: 4 })])
	const next = await queuedJob(jobIds.publish(target.id, 2))
	expect(await next!.getState()).toBe('delayed')
	await next!.remove()
	expect(platforms.pagePosts.length - before.posts).toBe(0)
}, 120_000)
