import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { freePort } from './processes.ts'

/** The built app that spawned web processes serve; built once if missing. */
export function ensureBuild() {
	const buildDir = process.env.REMIX_BUILD_DIR ?? 'build'
	if (!fs.existsSync(path.join(buildDir, 'server/index.js'))) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'pipe' })
}

/**
 * Environment for a web or worker process spawned by an integration test:
 * the test file's own database, media folder and Redis prefix (set by
 * setup-integration.ts), fresh ports.
 */
export async function spawnedProcessEnv(overrides: Record<string, string | undefined> = {}) {
	return {
		NODE_ENV: 'test' as const,
		DATABASE_URL: process.env.DATABASE_URL,
		MEDIA_ROOT: process.env.MEDIA_ROOT,
		QUEUE_PREFIX: process.env.QUEUE_PREFIX,
		PORT: String(await freePort()),
		WORKER_HEALTH_PORT: String(await freePort()),
		WORKER_STALLED_INTERVAL_MS: '1000',
		...overrides,
	}
}
