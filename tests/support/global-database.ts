import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

/**
 * Migrates one base SQLite file per run; each test file then copies it
 * (setup-integration.ts), which is much faster than migrating per file.
 */
export default function setup(project: TestProject) {
	const dir = path.resolve('tmp/test-db')
	fs.mkdirSync(dir, { recursive: true })
	const base = path.join(dir, `base-${process.pid}.db`)
	fs.rmSync(base, { force: true })
	execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
		env: { ...process.env, DATABASE_URL: `file:${base}` },
		stdio: 'pipe',
	})
	project.provide('baseDatabasePath', base)
	return () => {
		for (const suffix of ['', '-wal', '-shm']) fs.rmSync(base + suffix, { force: true })
	}
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseDatabasePath: string
		baseUrl: string
	}
}
