import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { expect, test } from 'vitest'
import { InvalidEnvironmentError, parseEnv } from '~/utils/env.server.ts'

// Tooling that may read the environment itself: it runs before the app's
// modules can (plain Node before `npm ci`), only passes the environment on to
// a child, or is the test and benchmark harness.
const MAY_READ_PROCESS_ENV = [
	/^app\/utils\/env\.server\.ts$/, // the schema
	/^app\/utils\/dotenv\.server\.ts$/, // loads .env into process.env before the schema reads it
	/^scripts\/.*\.(mjs|sh)$/, // run before dependencies are installed; pass the environment to children
	/^bin\/studio\.js$/, // starts tsx with the environment it was given
	/^remix\.config\.js$/, // the build's output folder (REMIX_BUILD_DIR), read by the build tool
	/^bench\//, // benchmark knobs (BENCH_RUNS…) and the environment of the processes they start
	/^tests\//, // the harness sets up each test file's environment
]

const READS_ENV = /process\s*\.\s*env\b|process\s*\[\s*['"]env['"]\s*\]/

test('no module of the product reads process.env except through env.server.ts', () => {
	const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
		.split('\n')
		.filter((file) => /\.(ts|tsx|js|mjs|cjs|mts|cts)$/.test(file) && !file.startsWith('app/generated/'))
		.filter((file) => fs.existsSync(file))
	expect(files).toContain('server/index.ts')
	const offenders = files.filter((file) => !MAY_READ_PROCESS_ENV.some((allowed) => allowed.test(file)) && READS_ENV.test(fs.readFileSync(file, 'utf8')))
	expect(offenders).toEqual([])
})

const hexKey = randomBytes(32).toString('hex')
const base = { NODE_ENV: 'development' } as const

function problemsOf(env: NodeJS.ProcessEnv): string {
	try {
		parseEnv(env)
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidEnvironmentError)
		return (error as Error).message
	}
	throw new Error('the environment was accepted')
}

test('ENCRYPTION_KEY is 32 bytes written as hex or base64, either way the same key', () => {
	const key = Buffer.from(hexKey, 'hex')
	expect(parseEnv({ ...base, ENCRYPTION_KEY: hexKey }).ENCRYPTION_KEY).toEqual(key)
	expect(parseEnv({ ...base, ENCRYPTION_KEY: key.toString('base64') }).ENCRYPTION_KEY).toEqual(key)
	expect(parseEnv({ ...base, ENCRYPTION_KEY: key.toString('base64url') }).ENCRYPTION_KEY).toEqual(key)
	expect(parseEnv({ ...base, ENCRYPTION_KEY: ` ${hexKey}\n` }).ENCRYPTION_KEY).toEqual(key)
})

test('a wrong ENCRYPTION_KEY stops the start with a message saying what a key is and how to make one', () => {
	for (const wrong of [hexKey.slice(2), randomBytes(16).toString('base64'), 'correct horse battery staple', `${hexKey.slice(1)}g`]) {
		const message = problemsOf({ ...base, ENCRYPTION_KEY: wrong })
		expect(message).toContain('ENCRYPTION_KEY phải là khoá 32 byte viết dạng hex (64 ký tự) hoặc base64 (44 ký tự)')
		expect(message).toContain('ENCRYPTION_KEY must be 32 bytes written as hex (64 characters) or base64 (44 characters)')
		expect(message).toContain('openssl rand -hex 32')
		expect(message).not.toContain(wrong)
	}
})

test('production refuses to start without a key; development and tests start, and say so only when a value is encrypted', () => {
	expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(64) })).toContain(
		'Thiếu ENCRYPTION_KEY: khi chạy production cần một khoá 32 byte',
	)
	expect(parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(64), ENCRYPTION_KEY: hexKey }).ENCRYPTION_KEY).toHaveLength(32)
	expect(parseEnv({ NODE_ENV: 'development' }).ENCRYPTION_KEY).toBeUndefined()
	expect(parseEnv({ NODE_ENV: 'test', ENCRYPTION_KEY: '' }).ENCRYPTION_KEY).toBeUndefined()
})

test('old keys for rotation are checked one by one and need a current key', () => {
	const old = randomBytes(32)
	const env = parseEnv({ ...base, ENCRYPTION_KEY: hexKey, ENCRYPTION_KEYS_OLD: ` ${old.toString('base64')} , ${hexKey}` })
	expect(env.ENCRYPTION_KEYS_OLD).toEqual([old, Buffer.from(hexKey, 'hex')])
	expect(problemsOf({ ...base, ENCRYPTION_KEY: hexKey, ENCRYPTION_KEYS_OLD: `${old.toString('hex')},short` })).toContain(
		'ENCRYPTION_KEYS_OLD[2] phải là khoá 32 byte',
	)
	expect(problemsOf({ ...base, ENCRYPTION_KEYS_OLD: old.toString('hex') })).toContain('ENCRYPTION_KEYS_OLD cần có ENCRYPTION_KEY')
})

test('the settings that used to bypass the schema are read and checked by it', () => {
	const env = parseEnv({
		...base,
		DATABASE_URL: 'file:/tmp/x.db',
		FFMPEG_PATH: '/usr/bin/ffmpeg',
		FFPROBE_PATH: '/usr/bin/ffprobe',
		EVENTS_HEARTBEAT_MS: '300',
		WORKER_STALLED_INTERVAL_MS: '1000',
		WORKER_LOCK_DURATION_MS: '60000',
	})
	expect(env).toMatchObject({
		DATABASE_URL: 'file:/tmp/x.db',
		FFMPEG_PATH: '/usr/bin/ffmpeg',
		FFPROBE_PATH: '/usr/bin/ffprobe',
		EVENTS_HEARTBEAT_MS: 300,
		WORKER_STALLED_INTERVAL_MS: 1000,
		WORKER_LOCK_DURATION_MS: 60_000,
	})
	expect(parseEnv(base)).toMatchObject({ DATABASE_URL: 'file:./prisma/data.db', EVENTS_HEARTBEAT_MS: 25_000, WORKER_LOCK_DURATION_MS: 30_000 })
	expect(problemsOf({ ...base, WORKER_LOCK_DURATION_MS: 'soon' })).toContain('WORKER_LOCK_DURATION_MS')
})
