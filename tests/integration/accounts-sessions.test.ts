import { expect, test } from 'vitest'
import { removeMember } from '~/accounts/members.server.ts'
import { action as accountAction, loader as accountLoader } from '~/routes/account.tsx'
import { action as loginAction } from '~/routes/login.tsx'
import { action as logoutAction } from '~/routes/logout.ts'
import { checkCredentials, getUserId } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { getDb } from '~/utils/db.server.ts'
import { addMember, createUserWithCoop, DEFAULT_PASSWORD } from '../../prisma/factories.ts'
import { callRoute, cookieFromSetCookie, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'

const PHONE =
	'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'
const LAPTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'

async function signedIn(userAgent: string, userId: string) {
	const cookie = await sessionCookie(userId, { userAgent })
	return { cookie, ok: async () => (await getUserId(getRequest('/', cookie))) === userId }
}

test('the cookie holds only a session id; deleting the row signs the person out', async () => {
	const { user } = await createUserWithCoop()
	const login = await callRoute(loginAction, postRequest('/login', { email: user.email, password: DEFAULT_PASSWORD }))
	expect(login.status).toBe(302)
	const cookie = cookieFromSetCookie(login.headers)
	const row = await getDb().session.findFirstOrThrow({ where: { userId: user.id } })
	expect(cookie).not.toContain(user.id)
	await expect(getUserId(getRequest('/', cookie))).resolves.toBe(user.id)

	await getDb().session.delete({ where: { id: row.id } })
	await expect(getUserId(getRequest('/', cookie))).resolves.toBeNull()
	const page = await callRoute(accountLoader, getRequest('/account', cookie))
	expect(page.status).toBe(302)
	expect(page.location).toBe('/login?redirectTo=%2Faccount')
})

test('an expired session row no longer signs anyone in', async () => {
	const { user } = await createUserWithCoop()
	const cookie = await sessionCookie(user.id)
	await getDb().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
	await expect(getUserId(getRequest('/', cookie))).resolves.toBeNull()
})

test('signing out ends the session row, not just the cookie', async () => {
	const { user } = await createUserWithCoop()
	const cookie = await sessionCookie(user.id)
	const answer = await callRoute(logoutAction, postRequest('/logout', {}, cookie))
	expect(answer.status).toBe(302)
	await expect(getDb().session.count({ where: { userId: user.id } })).resolves.toBe(0)
	await expect(getUserId(getRequest('/', cookie))).resolves.toBeNull()
})

test('/account lists devices and signs out the other ones', async () => {
	const { user } = await createUserWithCoop()
	const phone = await signedIn(PHONE, user.id)
	const laptop = await signedIn(LAPTOP, user.id)
	const stranger = await createUserWithCoop()
	const strangerSession = await signedIn(PHONE, stranger.user.id)

	const page = await callRoute(accountLoader, getRequest('/account', phone.cookie))
	const sessions = (page.data as { sessions: { device: object; current: boolean }[] }).sessions
	expect(sessions).toHaveLength(2)
	expect(sessions).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ current: true, device: { browser: 'Chrome', system: 'Android' } }),
			expect.objectContaining({ current: false, device: { browser: 'Chrome', system: 'Windows' } }),
		]),
	)

	const answer = await callRoute(accountAction, postRequest('/account', { intent: 'signOutOthers' }, phone.cookie))
	expect(answer.status).toBe(302)
	expect(await phone.ok()).toBe(true)
	expect(await laptop.ok()).toBe(false)
	expect(await strangerSession.ok()).toBe(true)
})

test("/account reads the active co-op's time zone only while the person is still a member", async () => {
	const owner = await createUserWithCoop()
	await getDb().coop.update({ where: { id: owner.coop.id }, data: { timezone: 'America/Los_Angeles' } })
	const member = await addMember(owner.coop.id)
	const cookie = await sessionCookie(member.user.id, { activeCoopId: owner.coop.id })
	const { createdAt } = await getDb().session.findFirstOrThrow({ where: { userId: member.user.id } })
	const signedInText = async () => {
		const page = await callRoute(accountLoader, getRequest('/account', cookie))
		return (page.data as { sessions: { signedIn: string }[] }).sessions[0].signedIn
	}
	expect(await signedInText()).toBe(formatDateTime(createdAt, 'vi', 'America/Los_Angeles'))

	const membership = await getDb().membership.findFirstOrThrow({ where: { userId: member.user.id } })
	expect(await removeMember(owner.coop.id, membership.id)).toBe(true)
	// The session still names that co-op as active; the page must not read it any more.
	expect((await getDb().session.findFirstOrThrow({ where: { userId: member.user.id } })).activeCoopId).toBe(owner.coop.id)
	expect(await signedInText()).toBe(formatDateTime(createdAt, 'vi'))
})

test("one device can be signed out; another person's session id is not found", async () => {
	const { user } = await createUserWithCoop()
	const phone = await signedIn(PHONE, user.id)
	const laptop = await signedIn(LAPTOP, user.id)
	const stranger = await createUserWithCoop()
	await signedIn(PHONE, stranger.user.id)
	const strangerRow = await getDb().session.findFirstOrThrow({ where: { userId: stranger.user.id } })

	const foreign = await callRoute(accountAction, postRequest('/account', { intent: 'signOutOne', sessionId: strangerRow.id }, phone.cookie))
	expect(foreign.status).toBe(404)
	await expect(getDb().session.count({ where: { id: strangerRow.id } })).resolves.toBe(1)

	const laptopRow = await getDb().session.findFirstOrThrow({ where: { userId: user.id, userAgent: LAPTOP } })
	const own = await callRoute(accountAction, postRequest('/account', { intent: 'signOutOne', sessionId: laptopRow.id }, phone.cookie))
	expect(own.status).toBe(302)
	expect(await laptop.ok()).toBe(false)
	expect(await phone.ok()).toBe(true)
})

test('changing the password needs the old one and signs out every other device', async () => {
	const { user } = await createUserWithCoop()
	const phone = await signedIn(PHONE, user.id)
	const laptop = await signedIn(LAPTOP, user.id)
	const newPassword = 'mat-khau-moi-2025'

	const wrong = await callRoute(
		accountAction,
		postRequest(
			'/account',
			{ intent: 'changePassword', currentPassword: 'not-it-at-all', newPassword, confirmPassword: newPassword },
			phone.cookie,
		),
	)
	expect(wrong.status).toBe(400)
	expect(wrong.data).toMatchObject({ result: { error: { currentPassword: ['errors.currentPasswordWrong'] } } })
	expect(await laptop.ok()).toBe(true)

	const mismatch = await callRoute(
		accountAction,
		postRequest(
			'/account',
			{ intent: 'changePassword', currentPassword: DEFAULT_PASSWORD, newPassword, confirmPassword: 'something-else' },
			phone.cookie,
		),
	)
	expect(mismatch.status).toBe(400)
	expect(mismatch.data).toMatchObject({ result: { error: { confirmPassword: ['errors.passwordMismatch'] } } })

	const changed = await callRoute(
		accountAction,
		postRequest(
			'/account',
			{ intent: 'changePassword', currentPassword: DEFAULT_PASSWORD, newPassword, confirmPassword: newPassword },
			phone.cookie,
		),
	)
	expect(changed.status).toBe(302)
	expect(await phone.ok()).toBe(true)
	expect(await laptop.ok()).toBe(false)
	await expect(checkCredentials(user.email, DEFAULT_PASSWORD)).resolves.toBeNull()
	await expect(checkCredentials(user.email, newPassword)).resolves.toBe(user.id)
})

test('a wrong password on the sign-in page answers 400 without saying which part was wrong', async () => {
	const { user } = await createUserWithCoop()
	// Past the limit, the page itself answers 429 (the Express limiter marks the request).
	const limited = await callRoute(loginAction, postRequest('/login', { email: user.email, password: DEFAULT_PASSWORD }), {}, { tooManyAttempts: true })
	expect(limited.status).toBe(429)
	expect(limited.data).toEqual({ tooManyAttempts: 'tooManyAttempts' })
	await expect(getDb().session.count({ where: { userId: user.id } })).resolves.toBe(0)

	const fields = { email: user.email, password: 'wrong-password' }
	const wrongPassword = await callRoute(loginAction, postRequest('/login', fields))
	expect(wrongPassword.status).toBe(400)
	expect(wrongPassword.data).toMatchObject({ failed: true })
	// The same form once no account has that address: the answer must be the same, to the byte.
	await getDb().user.delete({ where: { id: user.id } })
	const noAccount = await callRoute(loginAction, postRequest('/login', fields))
	expect({ status: noAccount.status, data: noAccount.data }).toEqual({ status: wrongPassword.status, data: wrongPassword.data })
})
