import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { deleteRedisKeys } from './redis.ts'
import { freePort, startTsxProcess, waitForHealthy } from './processes.ts'

/**
 * One built web server and one worker for the whole e2e run, on their own
 * SQLite file, media folder and Redis prefix. Tests isolate themselves by
 * signing up their own co-ops.
 */
export default async function setup(project: TestProject) {
	const buildDir = process.env.REMIX_BUILD_DIR ?? 'build'
	if (!fs.existsSync(path.join(buildDir, 'server/index.js'))) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' })
	const id = `e2e${process.pid}`
	const dbPath = path.resolve(`tmp/test-db/${id}.db`)
	fs.copyFileSync(project.getProvidedContext().baseDatabasePath, dbPath)
	const mediaRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-e2e-media-'))
	const [port, workerPort] = [await freePort(), await freePort()]
	const env = {
		NODE_ENV: 'test' as const,
		DATABASE_URL: `file:${dbPath}`,
		MEDIA_ROOT: mediaRoot,
		QUEUE_PREFIX: `test-${id}`,
		PORT: String(port),
		WORKER_HEALTH_PORT: String(workerPort),
		LOGIN_RATE_LIMIT: '1000',
		WORKER_STALLED_INTERVAL_MS: '2000',
	}
	const web = startTsxProcess('server/index.ts', env)
	const worker = startTsxProcess('workers/index.ts', env)
	await Promise.all([
		waitForHealthy(`http://127.0.0.1:${port}/healthz`, web),
		waitForHealthy(`http://127.0.0.1:${workerPort}/healthz`, worker),
	])
	project.provide('baseUrl', `http://127.0.0.1:${port}`)
	project.provide('e2eMediaRoot', mediaRoot)
	project.provide('e2eDatabasePath', dbPath)
	return async () => {
		await Promise.all([web.stop(), worker.stop()])
		await deleteRedisKeys(`test-${id}`)
		for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true })
		fs.rmSync(mediaRoot, { recursive: true, force: true })
	}
}

declare module 'vitest' {
	export interface ProvidedContext {
		e2eMediaRoot: string
		e2eDatabasePath: string
	}
}
