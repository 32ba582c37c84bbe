import { expect, test } from 'vitest'
import { EmailTakenError, signUpWithCoop } from '~/accounts/signup.server.ts'
import { action as signupAction, loader as signupLoader } from '~/routes/signup.tsx'
import { checkCredentials } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { callRoute, cookieFromSetCookie, getRequest, postRequest } from '#tests/support/session-requests.ts'

let n = 0
function person() {
	n += 1
	return {
		name: 'Lò Thị Mai',
		email: `mai.signup${n}.${Date.now()}@example.vn`,
		password: 'mat-khau-du-dai',
		coopName: 'HTX Chè Suối Giàng',
		province: 'Yên Bái',
	}
}

test('sign-up creates the person, the co-op and the owner membership together', async () => {
	const input = person()
	const { userId, coopId } = await signUpWithCoop({ ...input, email: `  ${input.email.toUpperCase()} ` })
	const db = getDb()
	const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { password: true, memberships: true } })
	expect(user.email).toBe(input.email)
	expect(user.memberships).toEqual([expect.objectContaining({ coopId, role: 'owner' })])
	// argon2id with the parameters of docs/decisions/004-auth.md, never the password itself.
	expect(user.password?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
	expect(user.password?.hash).not.toContain(input.password)
	await expect(db.coop.findUniqueOrThrow({ where: { id: coopId } })).resolves.toMatchObject({
		name: input.coopName,
		timezone: 'Asia/Ho_Chi_Minh',
	})
	await expect(checkCredentials(input.email, input.password)).resolves.toBe(userId)
	await expect(checkCredentials(input.email, 'wrong-password')).resolves.toBeNull()
})

test('a failure half-way leaves no person behind', async () => {
	const input = person()
	// A co-op without a province cannot be stored: the user created just before must go too.
	await expect(signUpWithCoop({ ...input, province: undefined as unknown as string })).rejects.toThrow()
	await expect(getDb().user.count({ where: { email: input.email } })).resolves.toBe(0)
})

test('an email has one account, even when two sign-ups race', async () => {
	const input = person()
	await signUpWithCoop(input)
	await expect(signUpWithCoop({ ...input, coopName: 'HTX khác' })).rejects.toBeInstanceOf(EmailTakenError)

	const racing = person()
	const results = await Promise.allSettled([signUpWithCoop(racing), signUpWithCoop(racing)])
	expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
	const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
	expect(failure.reason).toBeInstanceOf(EmailTakenError)
	await expect(getDb().user.count({ where: { email: racing.email } })).resolves.toBe(1)
	await expect(getDb().coop.count({ where: { memberships: { some: { user: { email: racing.email } } } } })).resolves.toBe(1)
})

test('the sign-up page answers 400 with field errors, and with the taken email named', async () => {
	const empty = await callRoute(signupAction, postRequest('/signup', { email: 'not-an-email', password: 'short' }))
	expect(empty.status).toBe(400)
	expect(empty.data).toMatchObject({
		result: {
			error: {
				name: ['errors.nameRequired'],
				email: ['errors.emailInvalid'],
				password: ['errors.passwordShort'],
				coopName: ['errors.coopNameRequired'],
			},
		},
	})

	const input = person()
	const first = await callRoute(signupAction, postRequest('/signup', input))
	expect(first.status).toBe(302)
	expect(first.headers.get('set-cookie')).toContain('cs_session=')
	const again = await callRoute(signupAction, postRequest('/signup', input))
	expect(again.status).toBe(400)
	expect(again.data).toMatchObject({ result: { error: { email: ['signup.emailTaken'] } } })
	expect(JSON.stringify(again.data)).not.toContain(input.password)
})

test('the sign-up page is for signed-out visitors only', async () => {
	const input = person()
	const first = await callRoute(signupAction, postRequest('/signup', input))
	const visit = await callRoute(signupLoader, getRequest('/signup', cookieFromSetCookie(first.headers)))
	expect(visit.status).toBe(302)
	expect(visit.location).toBe('/')
})
