import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'
import { startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { createChannel, createCoopWithOwner, createPostTarget, createReadyRender, usePlatforms } from '#tests/support/publish-engine-world.ts'
import { spawnedProcessEnv } from '#tests/support/server-env.ts'
import { jobIds, QUEUES } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { scheduleTargets } from '~/publishing/targets.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'

// The real worker process killed with SIGKILL in the middle of a Reel upload:
// BullMQ does not run the job again, the next worker's reconciler asks
// Facebook, and the same Reel is finished once.

let platforms: FakePlatforms
const started: RunningProcess[] = []

beforeAll(async () => {
	platforms = await startFakePlatforms()
	usePlatforms(platforms.url)
})
afterEach(async () => {
	await Promise.all(started.splice(0).map((p) => p.stop('SIGKILL')))
})
afterAll(async () => {
	await platforms.close()
	await closeEventBus()
})

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const value = await read()
		if (done(value)) return value
		if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}\n${started.map((p) => p.output()).join('\n')}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

test('SIGKILL mid-upload: the stalled job is failed, not re-run; the check resumes the same Reel, published once', async () => {
	const env = await spawnedProcessEnv({
		FACEBOOK_GRAPH_URL: platforms.url,
		ZALO_OPENAPI_URL: platforms.url,
		TIKTOK_API_URL: platforms.url,
		PLATFORM_POLL_INTERVAL_MS: '20',
		PLATFORM_REQUEST_TIMEOUT_MS: '60000',
		ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
		// Short locks so that the next worker notices the dead one within seconds.
		WORKER_LOCK_DURATION_MS: '3000',
		WORKER_STALLED_INTERVAL_MS: '1000',
	})
	const startWorker = async () => {
		const worker = startTsxProcess('workers/index.ts', env)
		started.push(worker)
		await waitForHealthy(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/healthz`, worker)
		return worker
	}
	const db = getDb()
	const { coopId } = await createCoopWithOwner()
	const channel = await createChannel(coopId, { platform: 'facebook_page' })
	const { renderId, content } = await createReadyRender(coopId, 1_500_000)
	const target = await createPostTarget(coopId, channel, 'facebook-reel', { renderId })
	// Facebook takes the bytes and the answer never comes: the worker is waiting in the middle of the upload.
	platforms.mishap(/POST \/rupload\//, { kind: 'accept-then-hang' })

	const first = await startWorker()
	await scheduleTargets(db, coopId, [target.id], new Date())
	await until(async () => platforms.requests.filter((r) => r.path.startsWith('/rupload/')).length, (n) => n === 1)
	const midway = await db.postTarget.findUniqueOrThrow({ where: { id: target.id } })
	expect(midway).toMatchObject({ state: 'publishing', runs: 1 })
	// The video id was in the database before the upload began.
	expect(midway.platformId).toBe([...platforms.reels.keys()].at(-1))
	await first.stop('SIGKILL')

	await startWorker()
	const job = (await getQueue(QUEUES.publish).getJob(jobIds.publish(target.id, 1)))!
	const failed = await until(async () => ({ state: await job.getState(), reason: (await getQueue(QUEUES.publish).getJob(job.id!))?.failedReason }), (j) => j.state === 'failed')
	expect(failed.reason).toBe('job stalled more than allowable limit')

	// The new worker checks it itself (at once when it fails the stalled job, else on its minute's pass): nothing from here.
	const done = await until(() => db.postTarget.findUniqueOrThrow({ where: { id: target.id } }), (t) => t.state === 'published')
	expect(done).toMatchObject({ runs: 2, platformId: midway.platformId })
	const reels = [...platforms.reels.values()].filter((reel) => reel.id === midway.platformId)
	expect(platforms.reels.size).toBe(1)
	expect(reels[0]!.finished).toBe(1)
	expect(reels[0]!.bytes.equals(content)).toBe(true)
	// The bytes Facebook already held were not sent again.
	expect(platforms.requests.filter((r) => r.path.startsWith('/rupload/'))).toHaveLength(1)
	const attempts = await db.publishAttempt.findMany({ where: { targetId: target.id }, orderBy: { run: 'asc' } })
	expect(attempts.map((a) => [a.run, a.status, a.answer])).toEqual([
		[1, 'checked', 'status check: not-started'],
		[2, 'published', null],
	])
})
