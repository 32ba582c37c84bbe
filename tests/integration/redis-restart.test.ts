import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { nanoid } from 'nanoid'
import { afterAll, expect, test } from 'vitest'
import { makePhoto } from '#tests/support/media-fixtures.ts'
import { createCoopMember, waitForMediaSettled } from '#tests/support/media-world.ts'
import { freePort, startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { spawnedProcessEnv } from '#tests/support/server-env.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { mediaKeys, resolveMediaPath } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'

// A Redis of this test's own, so that restarting it disturbs nobody else.
const redisPort = await freePort()
process.env.REDIS_URL = `redis://127.0.0.1:${redisPort}`
const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-redis-restart-'))
let redis: ChildProcess | undefined
let worker: RunningProcess | undefined

async function startRedis() {
	redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
	for (let i = 0; i < 100; i++) {
		const answered = await fetch(`http://127.0.0.1:${redisPort}`).then(
			() => true,
			(error: { cause?: { code?: string } }) => error.cause?.code !== 'ECONNREFUSED',
		)
		if (answered) return
		await new Promise((r) => setTimeout(r, 100))
	}
	throw new Error('redis-server did not start')
}

async function killRedis() {
	const exited = new Promise((resolve) => redis?.once('exit', resolve))
	redis?.kill('SIGKILL')
	await exited
}

afterAll(async () => {
	await worker?.stop('SIGKILL')
	// The shared test cleanup that runs next talks to the usual Redis; this one's keys die with it.
	process.env.REDIS_URL = 'redis://127.0.0.1:6379'
	await killRedis()
	fs.rmSync(fixtures, { recursive: true, force: true })
})

test('after Redis restarts empty, the worker declares its schedules again and finishes the work the database still owes', async () => {
	await startRedis()
	const env = await spawnedProcessEnv({ REDIS_URL: process.env.REDIS_URL, SCHEDULE_CHECK_INTERVAL_MS: '500' })
	worker = startTsxProcess('workers/index.ts', env)
	await waitForHealthy(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/healthz`, worker)

	await killRedis()
	// A photo whose job was lost with Redis: the row says `processing`, no job exists.
	const member = await createCoopMember('editor')
	const mediaId = nanoid(12).toLowerCase().replace(/[^a-z0-9]/g, 'x')
	const keys = mediaKeys(member.coopId, mediaId, 'jpg')
	fs.mkdirSync(path.dirname(resolveMediaPath(keys.original)), { recursive: true })
	await makePhoto(resolveMediaPath(keys.original), { width: 800, height: 600 })
	await getDb().media.create({
		data: {
			id: mediaId,
			coopId: member.coopId,
			kind: 'photo',
			status: 'processing',
			displayName: 'doi-che.jpg',
			mimeType: 'image/jpeg',
			sizeBytes: BigInt(fs.statSync(resolveMediaPath(keys.original)).size),
			storageKey: keys.original,
		},
	})
	await startRedis()

	const media = await waitForMediaSettled(mediaId, 60_000).catch((error: Error) => {
		throw new Error(`${error.message}\nworker output:\n${worker?.output()}`)
	})
	expect(media.status).toBe('ready')
	expect(media.width).toBe(800)
	expect(await getQueue('maintenance').getJobScheduler('reconcile')).toBeDefined()
	expect(worker.output()).toContain('maintenance schedules are gone')
})
