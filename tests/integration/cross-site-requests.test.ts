import { afterAll, beforeAll, expect, test } from 'vitest'
import { createUserWithCoop, DEFAULT_PASSWORD } from '../../prisma/factories.ts'
import { getDb } from '~/utils/db.server.ts'
import { startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { ensureBuild, spawnedProcessEnv } from '#tests/support/server-env.ts'
import { cookieFromSetCookie, sessionCookie } from '#tests/support/session-requests.ts'

// The real web server answering requests that a page on another site makes
// the person's browser send: each carries the victim's cookie and the other
// site's Origin (or only a Referer), as a browser would.

let web: RunningProcess
let origin: string
const EVIL = 'https://evil.example'

beforeAll(async () => {
	ensureBuild()
	const env = await spawnedProcessEnv({ NODE_ENV: 'test' })
	web = startTsxProcess('server/index.ts', env)
	origin = `http://127.0.0.1:${env.PORT}`
	await waitForHealthy(`${origin}/healthz`, web)
})

afterAll(async () => {
	await web?.stop()
})

const ENGLISH = `lng=${encodeURIComponent(Buffer.from(JSON.stringify('en')).toString('base64'))}`

function post(path: string, fields: Record<string, string>, headers: Record<string, string>) {
	return fetch(`${origin}${path}`, { method: 'POST', body: new URLSearchParams(fields), headers, redirect: 'manual' })
}

async function signedIn(cookie: string) {
	const response = await fetch(`${origin}/account`, { headers: { cookie }, redirect: 'manual' })
	return response.status === 200
}

async function signedInPerson() {
	const { user, coop } = await createUserWithCoop()
	return { user, coop, cookie: await sessionCookie(user.id, { activeCoopId: coop.id }) }
}

test('another site cannot sign the person out: 403, a short page in their language, one log line, cookie kept', async () => {
	const { cookie } = await signedInPerson()
	const logBefore = web.output().length

	const refused = await post('/logout', {}, { cookie, origin: EVIL })
	expect(refused.status).toBe(403)
	expect(refused.headers.get('content-type')).toContain('text/html')
	expect(refused.headers.getSetCookie()).toEqual([])
	const page = await refused.text()
	expect(page).toContain('<html lang="vi"')
	expect(page).toContain('Yêu cầu bị từ chối')
	expect(await signedIn(cookie)).toBe(true)

	const english = await post('/logout', {}, { cookie: `${cookie}; ${ENGLISH}`, origin: EVIL })
	expect(english.status).toBe(403)
	expect(await english.text()).toContain('Request refused')

	const log = web.output().slice(logBefore).split('\n').filter(Boolean)
	expect(log).toEqual([
		`refused POST /logout: from evil.example, not ${new URL(origin).host}`,
		`refused POST /logout: from evil.example, not ${new URL(origin).host}`,
	])
	expect(await signedIn(cookie)).toBe(true)
})

test('sign-out works by POST from this origin only; GET /logout changes nothing', async () => {
	const { cookie } = await signedInPerson()
	const viaGet = await fetch(`${origin}/logout`, { headers: { cookie }, redirect: 'manual' })
	expect(viaGet.status).toBe(302)
	expect(viaGet.headers.getSetCookie()).toEqual([])
	expect(await signedIn(cookie)).toBe(true)

	const signedInCookie = cookie
	const same = await post('/logout', {}, { cookie, origin })
	expect(same.status).toBe(302)
	expect(same.headers.get('location')).toBe('/login')
	expect(await signedIn(signedInCookie)).toBe(false)
})

test('a Referer from another site is refused when there is no Origin, and so is a signed-in request with neither', async () => {
	const { user, coop, cookie } = await signedInPerson()
	const other = await getDb().coop.create({ data: { name: 'HTX Khác', province: 'Lào Cai' } })
	await getDb().membership.create({ data: { userId: user.id, coopId: other.id, role: 'owner' } })
	const activeCoop = async () =>
		(await getDb().session.findFirstOrThrow({ where: { userId: user.id }, select: { activeCoopId: true } })).activeCoopId

	const byReferer = await post('/coops/switch', { coopId: other.id }, { cookie, referer: `${EVIL}/trap` })
	expect(byReferer.status).toBe(403)
	const bare = await post('/coops/switch', { coopId: other.id }, { cookie })
	expect(bare.status).toBe(403)
	const nullOrigin = await post('/coops/switch', { coopId: other.id }, { cookie, origin: 'null' })
	expect(nullOrigin.status).toBe(403)
	expect(await activeCoop()).toBe(coop.id)

	const fromReferer = await post('/coops/switch', { coopId: other.id }, { cookie, referer: `${origin}/coop` })
	expect(fromReferer.status).toBe(302)
	expect(await activeCoop()).toBe(other.id)
})

test('every state-changing route is covered: language, data requests, uploads, PUT/PATCH/DELETE', async () => {
	const { cookie } = await signedInPerson()
	const language = await post('/language', { lng: 'en' }, { cookie, origin: EVIL })
	expect(language.status).toBe(403)
	expect(language.headers.getSetCookie()).toEqual([])
	// What Remix itself used to answer with a bare 500 (its own check in handleDocumentRequest).
	const remixForm = await post('/studio/new', {}, { cookie, origin: EVIL })
	expect(remixForm.status).toBe(403)
	const dataRequest = await post('/coop.data', {}, { cookie, origin: EVIL })
	expect(dataRequest.status).toBe(403)
	const upload = await fetch(`${origin}/uploads`, {
		method: 'POST',
		headers: { cookie, origin: EVIL, 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' },
	})
	expect(upload.status).toBe(403)
	for (const method of ['PUT', 'PATCH', 'DELETE']) {
		const response = await fetch(`${origin}/uploads/x`, { method, headers: { cookie, origin: EVIL } })
		expect(response.status).toBe(403)
	}
})

test('sign-in with a redirect that browsers read as another host lands on the app, and a line feed is no 500', async () => {
	const { user } = await createUserWithCoop()
	for (const redirectTo of ['/\t/evil.example', '/\\evil.example', '/.//evil.example', '/\n/evil.example']) {
		const response = await post('/login', { email: user.email, password: DEFAULT_PASSWORD, redirectTo }, { origin })
		expect(response.status).toBe(302)
		const location = response.headers.get('location') ?? ''
		expect(new URL(location, origin).origin).toBe(origin)
		expect(cookieFromSetCookie(response.headers)).toMatch(/^cs_session=/)
	}
})
