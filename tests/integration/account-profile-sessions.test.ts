import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import viAuth from '~/locales/vi/auth.json'
import enAuth from '~/locales/en/auth.json'
import { loader as rootLoader } from '~/root.tsx'
import { action as accountAction, loader as accountLoader } from '~/routes/account.tsx'
import { action as loginAction } from '~/routes/login.tsx'
import { checkCredentials, getUserId } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { SESSION_MAX_AGE_MS, SESSION_TTL_MS } from '~/utils/session-expiry.ts'
import { createUserWithCoop, DEFAULT_PASSWORD } from '../../prisma/factories.ts'
import { startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { ensureBuild, spawnedProcessEnv } from '#tests/support/server-env.ts'
import { callRoute, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'

const DAY = 24 * 60 * 60 * 1000

/** Puts the person's only session back in time: signed in and last extended that many days ago. */
async function ageSession(userId: string, days: { signedIn: number; lastExtended: number }) {
	const now = Date.now()
	const row = await getDb().session.findFirstOrThrow({ where: { userId } })
	return getDb().session.update({
		where: { id: row.id },
		data: {
			createdAt: new Date(now - days.signedIn * DAY),
			expiresAt: new Date(Math.min(now - days.lastExtended * DAY + SESSION_TTL_MS, now - days.signedIn * DAY + SESSION_MAX_AGE_MS)),
		},
	})
}

function sessionSetCookie(headers: Headers) {
	return headers.getSetCookie().find((c) => c.startsWith('cs_session=')) ?? null
}

function cookieExpiry(setCookie: string) {
	const expires = /;\s*Expires=([^;]+)/i.exec(setCookie)?.[1]
	if (!expires) throw new Error(`no Expires in ${setCookie}`)
	return new Date(expires)
}

/** Cookie dates have whole seconds. */
const toSecond = (date: Date) => Math.floor(date.getTime() / 1000) * 1000

async function openPage(cookie: string) {
	const answer = await callRoute(rootLoader, getRequest('/', cookie))
	const shell = (answer.data as { shell: { user: { name: string; email: string } | null } }).shell
	return { status: answer.status, setCookie: sessionSetCookie(answer.headers), user: shell.user }
}

describe('sliding sessions', () => {
	test('a session used again after more than a day lives 30 more days, and the browser is told', async () => {
		const { user } = await createUserWithCoop()
		const cookie = await sessionCookie(user.id)
		const before = await ageSession(user.id, { signedIn: 2, lastExtended: 2 })

		const page = await openPage(cookie)
		expect(page.user?.email).toBe(user.email)
		expect(page.setCookie).not.toBeNull()
		const after = await getDb().session.findUniqueOrThrow({ where: { id: before.id } })
		expect(after.expiresAt.getTime()).toBeGreaterThan(before.expiresAt.getTime() + 1.5 * DAY)
		expect(after.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + SESSION_TTL_MS)
		expect(cookieExpiry(page.setCookie!).getTime()).toBe(toSecond(after.expiresAt))
		// The renewed cookie still points at the same session.
		await expect(getUserId(getRequest('/', page.setCookie!.split(';')[0]))).resolves.toBe(user.id)
	})

	test('a session read twice within a day is written once; a fresh one is not written at all', async () => {
		const { user } = await createUserWithCoop()
		const cookie = await sessionCookie(user.id)
		const fresh = await getDb().session.findFirstOrThrow({ where: { userId: user.id } })
		expect((await openPage(cookie)).setCookie).toBeNull()
		await expect(getDb().session.findUniqueOrThrow({ where: { id: fresh.id } })).resolves.toEqual(fresh)

		await ageSession(user.id, { signedIn: 5, lastExtended: 3 })
		expect((await openPage(cookie)).setCookie).not.toBeNull()
		const extended = await getDb().session.findUniqueOrThrow({ where: { id: fresh.id } })
		const again = await openPage(cookie)
		expect(again.user?.email).toBe(user.email)
		expect(again.setCookie).toBeNull()
		await expect(getDb().session.findUniqueOrThrow({ where: { id: fresh.id } })).resolves.toEqual(extended)
	})

	test('no session outlives 180 days after sign-in, however often it is used', async () => {
		const { user } = await createUserWithCoop()
		const cookie = await sessionCookie(user.id)

		// Signed in 170 days ago: used today, it may only reach day 180, not 30 days from now.
		const nearLimit = await ageSession(user.id, { signedIn: 170, lastExtended: 22 })
		const extended = await openPage(cookie)
		const limit = new Date(nearLimit.createdAt.getTime() + SESSION_MAX_AGE_MS)
		await expect(getDb().session.findUniqueOrThrow({ where: { id: nearLimit.id } })).resolves.toMatchObject({ expiresAt: limit })
		expect(cookieExpiry(extended.setCookie!).getTime()).toBe(toSecond(limit))

		// At the limit: read again days later, it is not extended.
		const atLimit = await ageSession(user.id, { signedIn: 175, lastExtended: 25 })
		expect(atLimit.expiresAt).toEqual(new Date(atLimit.createdAt.getTime() + SESSION_MAX_AGE_MS))
		const notExtended = await openPage(cookie)
		expect(notExtended.user).not.toBeNull()
		expect(notExtended.setCookie).toBeNull()
		await expect(getDb().session.findUniqueOrThrow({ where: { id: atLimit.id } })).resolves.toEqual(atLimit)

		// Past it, the session has ended: signed out, sent to sign in, not brought back.
		const past = await ageSession(user.id, { signedIn: 181, lastExtended: 1 })
		const ended = await openPage(cookie)
		expect(ended.user).toBeNull()
		expect(ended.setCookie).toBeNull()
		await expect(getUserId(getRequest('/', cookie))).resolves.toBeNull()
		expect((await callRoute(accountLoader, getRequest('/account', cookie))).location).toBe('/login?redirectTo=%2Faccount')
		await expect(getDb().session.findUniqueOrThrow({ where: { id: past.id } })).resolves.toEqual(past)
	})
})

function saveProfile(cookie: string, fields: { name: string; email: string; currentPassword?: string }, context = {}) {
	return callRoute(accountAction, postRequest('/account', { intent: 'updateProfile', ...fields }, cookie), {}, context)
}

describe('name and email on the account page', () => {
	test('a new name is saved without a password, and the header shows it', async () => {
		const { user } = await createUserWithCoop()
		const cookie = await sessionCookie(user.id)
		// The same email, typed differently, is not a change: no password needed.
		const saved = await saveProfile(cookie, { name: '  Lò Văn Minh  ', email: ` ${user.email.toUpperCase()} ` })
		expect(saved.status).toBe(302)
		expect(saved.location).toBe('/account')
		await expect(getDb().user.findUniqueOrThrow({ where: { id: user.id } })).resolves.toMatchObject({
			name: 'Lò Văn Minh',
			email: user.email,
		})
		const toastCookie = saved.headers.getSetCookie().find((c) => c.startsWith('cs_toast='))!.split(';')[0]
		const page = await callRoute(rootLoader, getRequest('/account', `${cookie}; ${toastCookie}`))
		expect(page.data).toMatchObject({
			shell: { user: { name: 'Lò Văn Minh' } },
			toast: { kind: 'success', key: 'auth:account.profileSaved' },
		})

		const empty = await saveProfile(cookie, { name: '   ', email: user.email })
		expect(empty.status).toBe(400)
		expect(empty.data).toMatchObject({ intent: 'updateProfile', result: { error: { name: ['errors.nameRequired'] } } })
	})

	test('a new email needs the current password; a wrong one is refused', async () => {
		const { user } = await createUserWithCoop()
		const cookie = await sessionCookie(user.id)
		const newEmail = `minh.moi.${user.id}@example.vn`

		const withoutPassword = await saveProfile(cookie, { name: user.name, email: newEmail })
		expect(withoutPassword.status).toBe(400)
		expect(withoutPassword.data).toMatchObject({ result: { error: { currentPassword: ['errors.emailNeedsPassword'] } } })

		const wrong = await saveProfile(cookie, { name: 'Tên mới', email: newEmail, currentPassword: 'not-it-at-all' })
		expect(wrong.status).toBe(400)
		expect(wrong.data).toMatchObject({ result: { error: { currentPassword: ['errors.currentPasswordWrong'] } } })

		// Past the attempt limit even the right password waits.
		const limited = await saveProfile(cookie, { name: user.name, email: newEmail, currentPassword: DEFAULT_PASSWORD }, { tooManyAttempts: true })
		expect(limited.status).toBe(429)
		await expect(getDb().user.findUniqueOrThrow({ where: { id: user.id } })).resolves.toMatchObject({ name: user.name, email: user.email })
	})

	test('with the right password the new email is saved, and only it signs in', async () => {
		const { user } = await createUserWithCoop()
		const cookie = await sessionCookie(user.id)
		const newEmail = `minh.moi.${user.id}@example.vn`

		const saved = await saveProfile(cookie, { name: user.name, email: ` ${newEmail.toUpperCase()} `, currentPassword: DEFAULT_PASSWORD })
		expect(saved.status).toBe(302)
		await expect(getDb().user.findUniqueOrThrow({ where: { id: user.id } })).resolves.toMatchObject({ email: newEmail })
		// This device stays signed in.
		expect((await openPage(cookie)).user?.email).toBe(newEmail)

		await expect(checkCredentials(newEmail, DEFAULT_PASSWORD)).resolves.toBe(user.id)
		await expect(checkCredentials(user.email, DEFAULT_PASSWORD)).resolves.toBeNull()
		const oldLogin = await callRoute(loginAction, postRequest('/login', { email: user.email, password: DEFAULT_PASSWORD }))
		expect(oldLogin.status).toBe(400)
		const newLogin = await callRoute(loginAction, postRequest('/login', { email: newEmail, password: DEFAULT_PASSWORD }))
		expect(newLogin.status).toBe(302)
		expect(sessionSetCookie(newLogin.headers)).not.toBeNull()
	})

	test("another person's email is refused with a message saying what to do", async () => {
		const { user } = await createUserWithCoop()
		const other = await createUserWithCoop()
		const cookie = await sessionCookie(user.id)

		const taken = await saveProfile(cookie, { name: user.name, email: other.user.email.toUpperCase(), currentPassword: DEFAULT_PASSWORD })
		expect(taken.status).toBe(400)
		expect(taken.data).toMatchObject({ result: { error: { email: ['errors.emailTakenByOther'] } } })
		expect(viAuth.errors.emailTakenByOther).toContain('Hãy dùng email khác')
		expect(enAuth.errors.emailTakenByOther).toContain('Use another email')
		await expect(getDb().user.findUniqueOrThrow({ where: { id: user.id } })).resolves.toMatchObject({ email: user.email })
		await expect(getDb().user.findUniqueOrThrow({ where: { id: other.user.id } })).resolves.toMatchObject({ email: other.user.email })
	})
})

// The real web server (Express's attempt limiter in front of the built app),
// with two failed attempts allowed per 15 minutes.
describe('through the web server', () => {
	let web: RunningProcess
	let origin: string

	beforeAll(async () => {
		ensureBuild()
		const env = await spawnedProcessEnv({ LOGIN_RATE_LIMIT: '2' })
		web = startTsxProcess('server/index.ts', env)
		origin = `http://127.0.0.1:${env.PORT}`
		await waitForHealthy(`${origin}/healthz`, web)
	})

	afterAll(async () => {
		await web?.stop()
	})

	test('a page opened after more than a day sends the browser the renewed cookie', async () => {
		const { user } = await createUserWithCoop()
		const cookie = await sessionCookie(user.id)
		await ageSession(user.id, { signedIn: 3, lastExtended: 3 })
		const open = () => fetch(`${origin}/`, { headers: { cookie }, redirect: 'manual' })

		const first = await open()
		expect(first.status).toBe(200)
		const renewed = sessionSetCookie(first.headers)
		expect(renewed).not.toBeNull()
		const row = await getDb().session.findFirstOrThrow({ where: { userId: user.id } })
		expect(cookieExpiry(renewed!).getTime()).toBe(toSecond(row.expiresAt))

		const second = await open()
		expect(second.status).toBe(200)
		expect(sessionSetCookie(second.headers)).toBeNull()
	})

	test('a wrong password when changing the email counts as a failed attempt', async () => {
		const { user } = await createUserWithCoop()
		const cookie = await sessionCookie(user.id)
		const post = (currentPassword: string) =>
			fetch(`${origin}/account`, {
				method: 'POST',
				body: new URLSearchParams({ intent: 'updateProfile', name: user.name, email: `minh.moi.${user.id}@example.vn`, currentPassword }),
				headers: { cookie, origin },
				redirect: 'manual',
			})

		for (const attempt of [1, 2]) {
			const wrong = await post(`wrong-${attempt}`)
			expect(wrong.status).toBe(400)
			expect(await wrong.text()).toContain('Mật khẩu hiện tại không đúng')
		}
		const limited = await post(DEFAULT_PASSWORD)
		expect(limited.status).toBe(429)
		expect(await limited.text()).toContain('Bạn đã thử quá nhiều lần')
		await expect(getDb().user.findUniqueOrThrow({ where: { id: user.id } })).resolves.toMatchObject({ email: user.email })
	})
})
