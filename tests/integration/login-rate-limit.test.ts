import { afterAll, beforeAll, expect, test } from 'vitest'
import { createUserWithCoop, DEFAULT_PASSWORD } from '../../prisma/factories.ts'
import { startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { ensureBuild, spawnedProcessEnv } from '#tests/support/server-env.ts'

// The real web server (Express + the built Remix app) with a limit of three
// failed attempts per 15 minutes, on this test file's own SQLite copy.

let web: RunningProcess
let origin: string

beforeAll(async () => {
	ensureBuild()
	const env = await spawnedProcessEnv({ NODE_ENV: 'test', LOGIN_RATE_LIMIT: '3' })
	web = startTsxProcess('server/index.ts', env)
	origin = `http://127.0.0.1:${env.PORT}`
	await waitForHealthy(`${origin}/healthz`, web)
})

afterAll(async () => {
	await web?.stop()
})

function post(path: string, fields: Record<string, string>, cookie?: string) {
	return fetch(`${origin}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: cookie ? { cookie } : {},
		redirect: 'manual',
	})
}

// What the language switch stores: Remix's cookie encoding of the string "en".
const ENGLISH = `lng=${encodeURIComponent(Buffer.from(JSON.stringify('en')).toString('base64'))}`

test('the fourth failed sign-in is answered 429 with a friendly page in the person\'s language', async () => {
	const { user } = await createUserWithCoop()
	// A successful sign-in does not count against the limit.
	const ok = await post('/login', { email: user.email, password: DEFAULT_PASSWORD })
	expect(ok.status).toBe(302)

	for (let attempt = 1; attempt <= 3; attempt++) {
		const failed = await post('/login', { email: user.email, password: `wrong-${attempt}` })
		expect(failed.status).toBe(400)
		expect(await failed.text()).toContain('Email hoặc mật khẩu không đúng')
	}

	const limited = await post('/login', { email: user.email, password: 'wrong-4' })
	expect(limited.status).toBe(429)
	expect(limited.headers.get('content-type')).toContain('text/html')
	// Seconds left in the 15-minute window that the first failure opened.
	const retryAfter = Number(limited.headers.get('retry-after'))
	expect(retryAfter).toBeGreaterThan(0)
	expect(retryAfter).toBeLessThanOrEqual(900)
	const page = await limited.text()
	expect(page).toContain('Bạn đã thử quá nhiều lần. Hãy đợi 15 phút rồi thử lại.')
	expect(page).toContain('<html lang="vi"')
	// The page is the whole app page (header, language switch), not a bare error.
	expect(page).toContain('data-testid="language-switch"')

	// Even the right password waits now, and no session is started.
	const right = await post('/login', { email: user.email, password: DEFAULT_PASSWORD })
	expect(right.status).toBe(429)
	expect(right.headers.get('set-cookie') ?? '').not.toContain('cs_session=')

	const english = await post('/login', { email: user.email, password: 'wrong-5' }, ENGLISH)
	expect(english.status).toBe(429)
	expect(await english.text()).toContain('Too many attempts. Wait 15 minutes and try again.')

	// The same limit covers sign-up, and forms posted by JavaScript (Remix's `.data` requests).
	const signup = await post('/signup', { name: 'A', email: 'a@example.vn', password: 'mat-khau-du-dai', coopName: 'HTX', province: 'Yên Bái' })
	expect(signup.status).toBe(429)
	expect(await signup.text()).toContain('Bạn đã thử quá nhiều lần')
	const dataRequest = await post('/login.data', { email: user.email, password: 'wrong-6' })
	expect(dataRequest.status).toBe(429)

	// Pages that only read are never limited.
	const loginPage = await fetch(`${origin}/login`)
	expect(loginPage.status).toBe(200)
})
