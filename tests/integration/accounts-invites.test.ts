import { expect, test } from 'vitest'
import { INVITE_TTL_MS } from '~/accounts/invite-tokens.server.ts'
import { hashLinkToken } from '~/accounts/link-tokens.server.ts'
import {
	acceptInvite,
	AlreadyMemberError,
	createInvite,
	InviteUnavailableError,
	signUpWithInvite,
} from '~/accounts/invites.server.ts'
import { EmailTakenError } from '~/accounts/signup.server.ts'
import { action as invitesAction, loader as invitesLoader } from '~/routes/coop.invites.tsx'
import { action as acceptAction, loader as acceptLoader } from '~/routes/invite.$token.tsx'
import { getDb } from '~/utils/db.server.ts'
import { addMember, createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, cookieFromSetCookie, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'

let n = 0
const newcomer = () => ({ name: 'Hà Thị Lan', email: `lan.invite${++n}.${Date.now()}@example.vn`, password: 'mat-khau-du-dai' })

async function ownerWithCookie() {
	const owner = await createUserWithCoop()
	return { ...owner, cookie: await sessionCookie(owner.user.id, { activeCoopId: owner.coop.id }) }
}

function tokenOf(link: string) {
	return new URL(link).pathname.split('/').pop()!
}

test('an owner creates a link that is shown once and stored only as a hash', async () => {
	const owner = await ownerWithCookie()
	const created = await callRoute(invitesAction, postRequest('/coop/invites', { intent: 'create', role: 'viewer' }, owner.cookie))
	expect(created.status).toBe(200)
	const { link, role } = (created.data as { created: { link: string; role: string } }).created
	expect(role).toBe('viewer')
	expect(link).toMatch(/^http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}$/)
	const token = tokenOf(link)
	const stored = await getDb().invite.findFirstOrThrow({ where: { coopId: owner.coop.id } })
	expect(stored.tokenHash).toBe(hashLinkToken(token))
	expect(JSON.stringify(stored)).not.toContain(token)
	expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(INVITE_TTL_MS)

	const page = await callRoute(invitesLoader, getRequest('/coop/invites', owner.cookie))
	expect(JSON.stringify(page.data)).not.toContain(token)
	expect(page.data).toMatchObject({ invites: [{ id: stored.id, role: 'viewer' }] })
})

test('a newcomer signs up from the link and lands in the co-op; the link then stops working', async () => {
	const owner = await ownerWithCookie()
	const { token } = await createInvite({ coopId: owner.coop.id, role: 'viewer', createdById: owner.user.id })

	const before = await callRoute(acceptLoader, getRequest(`/invite/${token}`), { token })
	expect(before.data).toMatchObject({ view: 'signup', role: 'viewer', coop: { name: owner.coop.name } })

	const person = newcomer()
	const joined = await callRoute(acceptAction, postRequest(`/invite/${token}`, { intent: 'signup', ...person }), { token })
	expect(joined.status).toBe(302)
	expect(joined.location).toBe('/')
	const cookie = cookieFromSetCookie(joined.headers)
	const user = await getDb().user.findUniqueOrThrow({ where: { email: person.email }, include: { memberships: true, sessions: true } })
	expect(user.memberships).toEqual([expect.objectContaining({ coopId: owner.coop.id, role: 'viewer' })])
	expect(user.sessions[0].activeCoopId).toBe(owner.coop.id)

	// The newcomer opening the link again is told they are in; anyone else that it was used.
	const again = await callRoute(acceptLoader, getRequest(`/invite/${token}`, cookie), { token })
	expect(again.data).toMatchObject({ view: 'member', coop: { id: owner.coop.id } })
	const stranger = await callRoute(acceptLoader, getRequest(`/invite/${token}`), { token })
	expect(stranger.status).toBe(410)
	expect(stranger.data).toEqual({ view: 'problem', problem: 'used' })

	const second = newcomer()
	const reused = await callRoute(acceptAction, postRequest(`/invite/${token}`, { intent: 'signup', ...second }), { token })
	expect(reused.status).toBe(302)
	expect(reused.location).toBe(`/invite/${token}`)
	await expect(getDb().user.count({ where: { email: second.email } })).resolves.toBe(0)
	await expect(getDb().membership.count({ where: { coopId: owner.coop.id } })).resolves.toBe(2)
})

test('two people racing for one link: exactly one gets in', async () => {
	const owner = await ownerWithCookie()
	const { token } = await createInvite({ coopId: owner.coop.id, role: 'editor', createdById: owner.user.id })
	const [a, b] = await Promise.all([createUserWithCoop(), createUserWithCoop()])
	const results = await Promise.allSettled([acceptInvite(token, a.user.id), acceptInvite(token, b.user.id)])
	expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
	const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
	expect(failure.reason).toBeInstanceOf(InviteUnavailableError)
	expect(failure.reason.problem).toBe('used')
	await expect(getDb().membership.count({ where: { coopId: owner.coop.id, role: 'editor' } })).resolves.toBe(1)
})

test('an expired link is refused and says so', async () => {
	const owner = await ownerWithCookie()
	const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000)
	const { token } = await createInvite({ coopId: owner.coop.id, role: 'viewer', createdById: owner.user.id, now: eightDaysAgo })
	const someone = await createUserWithCoop()
	await expect(acceptInvite(token, someone.user.id)).rejects.toMatchObject({ problem: 'expired' })
	const page = await callRoute(acceptLoader, getRequest(`/invite/${token}`), { token })
	expect(page.status).toBe(410)
	expect(page.data).toEqual({ view: 'problem', problem: 'expired' })
	const person = newcomer()
	await expect(signUpWithInvite({ token, ...person })).rejects.toMatchObject({ problem: 'expired' })
	// The account is not created either: sign-up and joining are one step.
	await expect(getDb().user.count({ where: { email: person.email } })).resolves.toBe(0)
})

test('a revoked link is refused; only this co-op\'s owner can revoke, others get 404 or 403', async () => {
	const owner = await ownerWithCookie()
	const { token, invite } = await createInvite({ coopId: owner.coop.id, role: 'viewer', createdById: owner.user.id })

	const otherOwner = await ownerWithCookie()
	const foreign = await callRoute(invitesAction, postRequest('/coop/invites', { intent: 'revoke', inviteId: invite.id }, otherOwner.cookie))
	expect(foreign.status).toBe(404)

	const editor = await addMember(owner.coop.id, { role: 'editor' })
	const editorCookie = await sessionCookie(editor.user.id, { activeCoopId: owner.coop.id })
	const notAllowed = await callRoute(invitesAction, postRequest('/coop/invites', { intent: 'revoke', inviteId: invite.id }, editorCookie))
	expect(notAllowed.status).toBe(403)
	const cannotCreate = await callRoute(invitesAction, postRequest('/coop/invites', { intent: 'create', role: 'owner' }, editorCookie))
	expect(cannotCreate.status).toBe(403)
	await expect(getDb().invite.findUniqueOrThrow({ where: { id: invite.id } })).resolves.toMatchObject({ revokedAt: null })

	const revoked = await callRoute(invitesAction, postRequest('/coop/invites', { intent: 'revoke', inviteId: invite.id }, owner.cookie))
	expect(revoked.status).toBe(302)
	const someone = await createUserWithCoop()
	await expect(acceptInvite(token, someone.user.id)).rejects.toMatchObject({ problem: 'revoked' })
	const page = await callRoute(acceptLoader, getRequest(`/invite/${token}`), { token })
	expect(page.data).toEqual({ view: 'problem', problem: 'revoked' })
	const pending = await callRoute(invitesLoader, getRequest('/coop/invites', owner.cookie))
	expect(pending.data).toEqual({ invites: [] })
})

test('an unknown or mangled link gets a 404 page that says what to do', async () => {
	for (const token of ['abc', 'A'.repeat(43)]) {
		const page = await callRoute(acceptLoader, getRequest(`/invite/${token}`), { token })
		expect(page.status).toBe(404)
		expect(page.data).toEqual({ view: 'problem', problem: 'unknown' })
	}
	const someone = await createUserWithCoop()
	await expect(acceptInvite('A'.repeat(43), someone.user.id)).rejects.toMatchObject({ problem: 'unknown' })
})

test('a member opening a link to their own co-op is told so, and the link stays unused', async () => {
	const owner = await ownerWithCookie()
	const { token, invite } = await createInvite({ coopId: owner.coop.id, role: 'editor', createdById: owner.user.id })
	await expect(acceptInvite(token, owner.user.id)).rejects.toBeInstanceOf(AlreadyMemberError)
	const page = await callRoute(acceptLoader, getRequest(`/invite/${token}`, owner.cookie), { token })
	expect(page.data).toMatchObject({ view: 'member' })
	await expect(getDb().invite.findUniqueOrThrow({ where: { id: invite.id } })).resolves.toMatchObject({ acceptedAt: null })
	await expect(getDb().membership.findFirstOrThrow({ where: { userId: owner.user.id, coopId: owner.coop.id } })).resolves.toMatchObject({
		role: 'owner',
	})
})

test('a signed-in person from another co-op confirms and joins; their active co-op becomes the new one', async () => {
	const owner = await ownerWithCookie()
	const { token } = await createInvite({ coopId: owner.coop.id, role: 'editor', createdById: owner.user.id })
	const guest = await createUserWithCoop()
	const cookie = await sessionCookie(guest.user.id, { activeCoopId: guest.coop.id })
	const page = await callRoute(acceptLoader, getRequest(`/invite/${token}`, cookie), { token })
	expect(page.data).toMatchObject({ view: 'join', person: { email: guest.user.email } })
	const joined = await callRoute(acceptAction, postRequest(`/invite/${token}`, { intent: 'join' }, cookie), { token })
	expect(joined.status).toBe(302)
	const memberships = await getDb().membership.findMany({ where: { userId: guest.user.id }, orderBy: { createdAt: 'asc' } })
	expect(memberships.map((m) => [m.coopId, m.role])).toEqual([
		[guest.coop.id, 'owner'],
		[owner.coop.id, 'editor'],
	])
	const sessions = await getDb().session.findMany({ where: { userId: guest.user.id } })
	expect(sessions.map((s) => s.activeCoopId)).toEqual([owner.coop.id])
})

test('signing up from a link with an email that has an account points to signing in, and keeps the link', async () => {
	const owner = await ownerWithCookie()
	const { token, invite } = await createInvite({ coopId: owner.coop.id, role: 'viewer', createdById: owner.user.id })
	const existing = await createUserWithCoop()
	const answer = await callRoute(
		acceptAction,
		postRequest(`/invite/${token}`, { intent: 'signup', name: 'Ai đó', email: existing.user.email, password: 'mat-khau-khac-1' }),
		{ token },
	)
	expect(answer.status).toBe(400)
	expect(answer.data).toMatchObject({ result: { error: { email: ['invite.emailTaken'] } } })
	await expect(signUpWithInvite({ token, name: 'Ai đó', email: existing.user.email, password: 'x'.repeat(8) })).rejects.toBeInstanceOf(
		EmailTakenError,
	)
	await expect(getDb().invite.findUniqueOrThrow({ where: { id: invite.id } })).resolves.toMatchObject({ acceptedAt: null })

	const invalid = await callRoute(acceptAction, postRequest(`/invite/${token}`, { intent: 'signup', name: '', email: 'x', password: '1' }), { token })
	expect(invalid.status).toBe(400)
	expect(invalid.data).toMatchObject({
		result: { error: { name: ['errors.nameRequired'], email: ['errors.emailInvalid'], password: ['errors.passwordShort'] } },
	})
})
