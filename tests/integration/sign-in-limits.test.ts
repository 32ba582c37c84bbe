import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ACCOUNT_ADDRESS_LIMIT, ACCOUNT_LIMIT } from '~/accounts/attempt-limit.server.ts'
import { createUserWithCoop, DEFAULT_PASSWORD } from '../../prisma/factories.ts'
import { startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { ensureBuild, spawnedProcessEnv } from '#tests/support/server-env.ts'

// The real web server, once as it ships (no proxy trusted) and once told that
// a proxy on loopback sets X-Forwarded-For (docs/decisions/126-sign-in-limits.md).

async function startWeb(overrides: Record<string, string>) {
	const env = await spawnedProcessEnv({ NODE_ENV: 'test', ...overrides })
	const web = startTsxProcess('server/index.ts', env)
	const origin = `http://127.0.0.1:${env.PORT}`
	await waitForHealthy(`${origin}/healthz`, web)
	return { web, origin }
}

function signIn(origin: string, fields: { email: string; password: string }, headers: Record<string, string> = {}) {
	return fetch(`${origin}/login`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: { origin, ...headers },
		redirect: 'manual',
	})
}

beforeAll(() => ensureBuild())

describe('as shipped: no proxy trusted, three failures per address', () => {
	let server: { web: RunningProcess; origin: string }
	beforeAll(async () => {
		server = await startWeb({ LOGIN_RATE_LIMIT: '3' })
	})
	afterAll(async () => {
		await server?.web.stop()
	})

	test('refused cross-site sign-ins never count, and a forged X-Forwarded-For gets no fresh allowance', async () => {
		const { origin } = server
		for (let attempt = 1; attempt <= 4; attempt++) {
			const crossSite = await signIn(origin, { email: `nobody.${attempt}@example.vn`, password: 'x' }, { origin: 'https://evil.example' })
			expect(crossSite.status).toBe(403)
		}
		for (let attempt = 1; attempt <= 3; attempt++) {
			const forged = await signIn(origin, { email: `nobody.${attempt}@example.vn`, password: 'x' }, { 'x-forwarded-for': `203.0.113.${attempt}` })
			expect(forged.status).toBe(400)
		}
		const fourth = await signIn(origin, { email: 'nobody.4@example.vn', password: 'x' }, { 'x-forwarded-for': '203.0.113.99' })
		expect(fourth.status).toBe(429)
	})
})

describe('behind a trusted proxy: limits per account as well as per address', () => {
	let server: { web: RunningProcess; origin: string }
	beforeAll(async () => {
		server = await startWeb({ TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT: '100' })
	})
	afterAll(async () => {
		await server?.web.stop()
	})

	test('one address gets a few tries at one account, without locking that account for other addresses', async () => {
		const { origin } = server
		const { user } = await createUserWithCoop()
		const { user: neighbour } = await createUserWithCoop()
		const shared = { 'x-forwarded-for': '198.51.100.7' }
		for (let attempt = 1; attempt <= ACCOUNT_ADDRESS_LIMIT; attempt++) {
			expect((await signIn(origin, { email: user.email, password: `wrong-${attempt}` }, shared)).status).toBe(400)
		}
		const locked = await signIn(origin, { email: user.email, password: DEFAULT_PASSWORD }, shared)
		expect(locked.status).toBe(429)
		expect(await locked.text()).toContain('Hãy đợi 15 phút')

		// The neighbour behind the same carrier address, and the person elsewhere, still sign in.
		expect((await signIn(origin, { email: neighbour.email, password: DEFAULT_PASSWORD }, shared)).status).toBe(302)
		expect((await signIn(origin, { email: user.email, password: DEFAULT_PASSWORD }, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(302)
	})

	test('guesses spread over many addresses hit the account cap, but not the phone the person already uses', async () => {
		const { origin } = server
		const { user } = await createUserWithCoop()
		const phone = { 'x-forwarded-for': '192.0.2.1' }
		const first = await signIn(origin, { email: user.email, password: DEFAULT_PASSWORD }, phone)
		expect(first.status).toBe(302)
		const knownDevice = first.headers.getSetCookie().find((c) => c.startsWith('cs_known='))
		expect(knownDevice).toBeDefined()

		for (let attempt = 1; attempt <= ACCOUNT_LIMIT; attempt++) {
			const guess = await signIn(origin, { email: user.email, password: `guess-${attempt}` }, { 'x-forwarded-for': `203.0.113.${attempt}` })
			expect(guess.status).toBe(400)
		}
		const stranger = await signIn(origin, { email: user.email, password: DEFAULT_PASSWORD }, { 'x-forwarded-for': '203.0.113.200' })
		expect(stranger.status).toBe(429)
		expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(15 * 60)
		expect(await stranger.text()).toContain('Tài khoản này đã bị thử sai mật khẩu quá nhiều lần')

		const again = await signIn(origin, { email: user.email, password: DEFAULT_PASSWORD }, { ...phone, cookie: knownDevice!.split(';')[0] })
		expect(again.status).toBe(302)
	})
})
