import type { Worker } from 'bullmq'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'
import { createChannel, createCoopWithOwner, createPostTarget, createReadyRender, usePlatforms } from '#tests/support/publish-engine-world.ts'
import { deleteRedisKeys } from '#tests/support/redis.ts'
import { reconcilePublishing } from '#workers/publish/reconcile.ts'
import { startPublishWorker } from '#workers/publish/worker.ts'
import { jobIds, QUEUES } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { confirmUnconfirmed, postNow, rescheduleTarget, retryTarget, scheduleTargets } from '~/publishing/targets.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'

// The database is the record: whatever the queue lost, the reconciler puts
// back, and a target caught mid-publish is checked with the platform before
// anything is sent again.

let platforms: FakePlatforms
const db = () => getDb()
const queue = () => getQueue(QUEUES.publish)

beforeAll(async () => {
	platforms = await startFakePlatforms()
	usePlatforms(platforms.url)
})
afterAll(async () => {
	await platforms.close()
	await closeEventBus()
})

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const value = await read()
		if (done(value)) return value
		if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}
const targetRow = (id: string) => db().postTarget.findUniqueOrThrow({ where: { id } })

test('Redis flushed between scheduling and due time: the reconciler queues it again for its time; published once, not before', async () => {
	const { coopId } = await createCoopWithOwner()
	const channel = await createChannel(coopId, { platform: 'facebook_page' })
	const target = await createPostTarget(coopId, channel, 'facebook-video')
	const dueAt = new Date(Date.now() + 3000)
	await scheduleTargets(db(), coopId, [target.id], dueAt)
	expect(await (await queue().getJob(jobIds.publish(target.id, 1)))!.getState()).toBe('delayed')

	await deleteRedisKeys(process.env.QUEUE_PREFIX!)
	expect(await queue().getJob(jobIds.publish(target.id, 1))).toBeUndefined()

	expect(await reconcilePublishing()).toBeGreaterThanOrEqual(1)
	const again = (await queue().getJob(jobIds.publish(target.id, 1)))!
	expect(await again.getState()).toBe('delayed')
	// A second pass finds the job waiting and adds nothing.
	await reconcilePublishing()
	expect(await queue().getJobCountByTypes('delayed', 'waiting')).toBe(1)

	const posts = platforms.pagePosts.length
	const worker = startPublishWorker()
	try {
		const done = await until(() => targetRow(target.id), (t) => t.state === 'published')
		expect(done.publishedAt!.getTime()).toBeGreaterThanOrEqual(dueAt.getTime())
		expect(platforms.pagePosts.length - posts).toBe(1)
	} finally {
		await worker.close()
	}
})

/** A target left in "publishing" by a worker that is gone, as the database would hold it. */
async function strandedTarget(kind: string, checkpoint: Record<string, unknown>) {
	const { coopId } = await createCoopWithOwner()
	const channel = await createChannel(coopId, { platform: 'facebook_page' })
	const { renderId, content } = await createReadyRender(coopId)
	const target = await createPostTarget(coopId, channel, kind, { renderId })
	await db().postTarget.update({
		where: { id: target.id },
		data: { state: 'publishing', runs: 1, dueAt: new Date(), checkpoint: JSON.stringify(checkpoint), platformId: (checkpoint.platformId as string) ?? null },
	})
	return { coopId, target, content }
}

/** Starts a Reel at the fake the way the client does, and uploads `bytes` of it. */
async function reelAtFake(bytes: Buffer, upload: 'all' | 'none', finish: boolean) {
	const form = (params: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams({ ...params, access_token: 'page-token' }) })
	const started = (await (await fetch(`${platforms.url}/v24.0/1234/video_reels`, form({ upload_phase: 'start' }))).json()) as { video_id: string; upload_url: string }
	if (upload === 'all') {
		await fetch(started.upload_url, { method: 'POST', headers: { authorization: 'OAuth page-token', offset: '0', file_size: String(bytes.length) }, body: new Uint8Array(bytes) })
	}
	if (finish) await fetch(`${platforms.url}/v24.0/1234/video_reels`, form({ upload_phase: 'finish', video_id: started.video_id, video_state: 'PUBLISHED', description: 'x' }))
	return started
}

test('stuck in publishing, its job gone, the Reel published at Facebook: the status call makes it published, nothing is sent', async () => {
	const { coopId, target, content } = await strandedTarget('facebook-reel', {})
	const reel = await reelAtFake(content, 'all', true)
	// The fake reports "in progress" once, then complete.
	platforms.reels.get(reel.video_id)!.pollsUntilPublished = 0
	await db().postTarget.update({ where: { id: target.id }, data: { platformId: reel.video_id, checkpoint: JSON.stringify({ platformId: reel.video_id, stage: 'finished', data: { uploadUrl: reel.upload_url } }) } })
	const requests = platforms.requests.length

	await reconcilePublishing()
	expect(await targetRow(target.id)).toMatchObject({ state: 'published', platformId: reel.video_id, publishedAt: expect.any(Date) })
	expect(platforms.requests.slice(requests).map((r) => r.method)).toEqual(['GET'])
	expect((await db().notification.findMany({ where: { coopId } })).map((n) => n.kind)).toContain('target.published')
})

test('stuck in publishing mid-upload: Facebook says it never started publishing, so it runs again from the checkpoint and the same Reel is finished once', async () => {
	const { target, content } = await strandedTarget('facebook-reel', {})
	const reel = await reelAtFake(content, 'all', false)
	await db().postTarget.update({ where: { id: target.id }, data: { platformId: reel.video_id, checkpoint: JSON.stringify({ platformId: reel.video_id, stage: 'started', data: { uploadUrl: reel.upload_url } }) } })
	const reels = platforms.reels.size

	await reconcilePublishing()
	const again = await targetRow(target.id)
	expect(again).toMatchObject({ state: 'scheduled', runs: 1, platformId: reel.video_id })
	expect(await (await queue().getJob(jobIds.publish(target.id, 2)))!.getState()).toMatch(/waiting|delayed/)

	const worker = startPublishWorker()
	try {
		const done = await until(() => targetRow(target.id), (t) => t.state === 'published')
		expect(done).toMatchObject({ runs: 2, platformId: reel.video_id })
	} finally {
		await worker.close()
	}
	expect(platforms.reels.size).toBe(reels)
	expect(platforms.reels.get(reel.video_id)!.finished).toBe(1)
	expect(platforms.reels.get(reel.video_id)!.bytes.equals(content)).toBe(true)
})

test('stuck in publishing before anything that publishes was sent (no stage saved): sent again, published once', async () => {
	const { target } = await strandedTarget('facebook-video', {})
	const posts = platforms.pagePosts.length
	await reconcilePublishing()
	expect(await targetRow(target.id)).toMatchObject({ state: 'scheduled', runs: 1 })
	const worker = startPublishWorker()
	try {
		expect(await until(() => targetRow(target.id), (t) => t.state === 'published')).toMatchObject({ runs: 2 })
	} finally {
		await worker.close()
	}
	expect(platforms.pagePosts.length - posts).toBe(1)
})

test('stuck in publishing with no platform id: unconfirmed, telling the person where to look and for what; their answer settles it', async () => {
	const { coopId, target } = await strandedTarget('facebook-video', { stage: 'posting' })
	await reconcilePublishing()
	const stuck = await targetRow(target.id)
	expect(stuck).toMatchObject({ state: 'unconfirmed', reason: 'unconfirmed' })
	expect(JSON.parse(stuck.reasonParams!)).toEqual({ place: 'facebook_posts', hint: 'Chè Shan tuyết Suối Giàng, hái tay 🍃…' })
	expect((await db().notification.findMany({ where: { coopId } })).map((n) => n.kind)).toEqual(['target.unconfirmed'])
	// Nothing is queued for it: it waits for a person.
	expect(await queue().getJob(jobIds.publish(target.id, 2))).toBeUndefined()

	expect(await confirmUnconfirmed(db(), coopId, target.id, { found: true, url: 'https://facebook.com/1234/posts/9' })).toBe(true)
	expect(await targetRow(target.id)).toMatchObject({ state: 'published', postUrl: 'https://facebook.com/1234/posts/9' })
	expect(await confirmUnconfirmed(db(), coopId, target.id, { found: false })).toBe(false)
})

test('"not there, post again" starts afresh now; retry, post now and reschedule touch only what may move', async () => {
	const { coopId, target } = await strandedTarget('facebook-video', { stage: 'posting' })
	await reconcilePublishing()
	expect(await confirmUnconfirmed(db(), coopId, target.id, { found: false })).toBe(true)
	expect(await targetRow(target.id)).toMatchObject({ state: 'scheduled', checkpoint: '{}', platformId: null, reason: null })
	expect(await (await queue().getJob(jobIds.publish(target.id, 2)))!.getState()).toMatch(/waiting|delayed/)
	// Scheduled is not retryable; a failed one is, from scratch.
	expect(await retryTarget(db(), coopId, target.id)).toBe(false)
	await db().postTarget.update({ where: { id: target.id }, data: { state: 'failed', checkpoint: '{"stage":"posting"}', reason: 'refused', errorKind: 'invalid' } })
	expect(await retryTarget(db(), coopId, target.id)).toBe(true)
	// A person's retry starts a fresh count of runs: run 1's job is owed, the old count's waiting job is gone.
	expect(await targetRow(target.id)).toMatchObject({ state: 'scheduled', checkpoint: '{}', reason: null, errorKind: null, runs: 0 })
	expect(await queue().getJob(jobIds.publish(target.id, 2))).toBeUndefined()
	expect(await (await queue().getJob(jobIds.publish(target.id, 1)))!.getState()).toMatch(/waiting|delayed/)

	// Rescheduling far ahead takes the waiting job away; the reconciler brings it back when the time nears.
	const later = new Date(Date.now() + 3 * 3600_000)
	expect(await rescheduleTarget(db(), coopId, target.id, later)).toBe(true)
	expect(await queue().getJob(jobIds.publish(target.id, 1))).toBeUndefined()
	expect(await targetRow(target.id)).toMatchObject({ state: 'scheduled', dueAt: later })
	expect(await rescheduleTarget(db(), 'another-coop', target.id, new Date())).toBe(false)

	// Post now: every channel of the post that has not gone.
	expect(await postNow(db(), coopId, target.postId)).toBe(1)
	const now = await queue().getJob(jobIds.publish(target.id, 1))
	expect(now!.delay).toBe(0)
	await db().postTarget.update({ where: { id: target.id }, data: { state: 'published' } })
	expect(await postNow(db(), coopId, target.postId)).toBe(0)
	expect(await rescheduleTarget(db(), coopId, target.id, later)).toBe(false)
	await now!.remove()
})
