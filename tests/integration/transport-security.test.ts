import { randomBytes } from 'node:crypto'
import { afterEach, beforeAll, expect, test } from 'vitest'
import { startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { ensureBuild, spawnedProcessEnv } from '#tests/support/server-env.ts'

// The real web server: HSTS only when the public address is https (never over
// plain http), includeSubDomains only when asked; production over plain http
// refuses to start unless told to (server/transport-security.ts).

const started: RunningProcess[] = []
afterEach(async () => {
	await Promise.all(started.splice(0).map((p) => p.stop('SIGKILL')))
})
beforeAll(() => ensureBuild())

// Production also requires an encryption key (docs/decisions/118): a fresh one, so that only the transport rule is tested.
const encryptionKey = randomBytes(32).toString('hex')

async function startWeb(overrides: Record<string, string>) {
	const env = await spawnedProcessEnv({ ENCRYPTION_KEY: encryptionKey, ...overrides })
	const web = startTsxProcess('server/index.ts', env)
	started.push(web)
	return { web, origin: `http://127.0.0.1:${env.PORT}` }
}

async function hstsOf(overrides: Record<string, string>) {
	const { web, origin } = await startWeb(overrides)
	await waitForHealthy(`${origin}/healthz`, web)
	return (await fetch(`${origin}/login`)).headers.get('strict-transport-security')
}

test('no HSTS over plain http; with an https public address, includeSubDomains only when set', async () => {
	expect(await hstsOf({})).toBeNull()
	expect(await hstsOf({ PUBLIC_URL: 'https://studio.example.vn' })).toBe('max-age=31536000')
	expect(await hstsOf({ PUBLIC_URL: 'https://studio.example.vn', HSTS_INCLUDE_SUBDOMAINS: '1' })).toBe('max-age=31536000; includeSubDomains')
})

test('production over plain http refuses to start, unless loopback or ALLOW_INSECURE_HTTP=1', async () => {
	const { web } = await startWeb({ NODE_ENV: 'production', PUBLIC_URL: 'http://studio.example.vn' })
	const code = await new Promise<number | null>((resolve) => web.child.once('exit', resolve))
	expect(code).toBe(1)
	expect(web.output()).toContain('ALLOW_INSECURE_HTTP=1')

	const allowedCases: Record<string, string>[] = [
		{ NODE_ENV: 'production', PUBLIC_URL: 'http://studio.example.vn', ALLOW_INSECURE_HTTP: '1' },
		{ NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' },
	]
	for (const overrides of allowedCases) {
		const { web: allowed, origin } = await startWeb(overrides)
		await waitForHealthy(`${origin}/healthz`, allowed)
	}
})
