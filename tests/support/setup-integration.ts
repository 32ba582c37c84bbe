import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { nanoid } from 'nanoid'
import { afterAll, inject } from 'vitest'
import './setup-unit.ts'

// Each integration test file gets its own SQLite file, media folder and Redis
// key prefix, so files can run in parallel and runs never see each other.
const id = nanoid(8).replace(/[^a-zA-Z0-9]/g, 'x')
const dbPath = path.resolve(`tmp/test-db/file-${id}.db`)
fs.copyFileSync(inject('baseDatabasePath'), dbPath)
const mediaRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-media-'))

process.env.DATABASE_URL = `file:${dbPath}`
process.env.MEDIA_ROOT = mediaRoot
process.env.QUEUE_PREFIX = `test-${id}`
process.env.NODE_ENV = 'test'
process.env.WORKER_STALLED_INTERVAL_MS ??= '1000'

afterAll(async () => {
	const [{ closeQueues }, { disconnectDb }, { deleteRedisKeys }] = await Promise.all([
		import('~/jobs/queues.server.ts'),
		import('~/utils/db.server.ts'),
		import('./redis.ts'),
	])
	await closeQueues()
	await disconnectDb()
	await deleteRedisKeys(`test-${id}`)
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true })
	fs.rmSync(mediaRoot, { recursive: true, force: true })
})
