import { expect, test } from 'vitest'
import { ATTEMPT_LIMITED_PATHS } from '~/accounts/attempt-limit.server.ts'
import { hashLinkToken } from '~/accounts/link-tokens.server.ts'
import { createPasswordResetLink, RESET_LINK_TTL_MS, resetPasswordWithLink } from '~/accounts/password-resets.server.ts'
import { action as membersAction } from '~/routes/coop.members.tsx'
import { action as resetAction, loader as resetLoader } from '~/routes/reset.$token.tsx'
import { checkCredentials, getUserId } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { addMember, createUserWithCoop, DEFAULT_PASSWORD } from '../../prisma/factories.ts'
import { callRoute, cookieFromSetCookie, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'

const NEW_PASSWORD = 'mat-khau-moi-cua-lan'

async function coopWithMember(memberRole: 'viewer' | 'editor' = 'editor') {
	const owner = await createUserWithCoop()
	const ownerCookie = await sessionCookie(owner.user.id, { activeCoopId: owner.coop.id })
	const email = `lan.${Date.now()}${Math.random().toString(36).slice(2, 6)}@gmail.com`
	const member = await addMember(owner.coop.id, { role: memberRole, name: 'Hà Thị Lan', email })
	const membership = await getDb().membership.findFirstOrThrow({ where: { userId: member.user.id, coopId: owner.coop.id } })
	return { owner, ownerCookie, member, membershipId: membership.id }
}

function makeLinkRequest(membershipId: string, cookie: string) {
	return postRequest('/coop/members', { intent: 'resetPassword', membershipId }, cookie)
}

function linkFor(coopId: string, userId: string, createdById: string, now?: Date) {
	return createPasswordResetLink({ coopId, userId, createdById, now })
}

function useLink(token: string, newPassword = NEW_PASSWORD) {
	return callRoute(resetAction, postRequest(`/reset/${token}`, { newPassword }), { token })
}

function openLink(token: string) {
	return callRoute(resetLoader, getRequest(`/reset/${token}`), { token })
}

test('an owner makes a link for a member; it is stored as a hash, works once, and ends every earlier session', async () => {
	const { owner, ownerCookie, member, membershipId } = await coopWithMember()
	const stolenPhone = await sessionCookie(member.user.id, { activeCoopId: owner.coop.id })
	const laptop = await sessionCookie(member.user.id)

	const made = await callRoute(membersAction, makeLinkRequest(membershipId, ownerCookie))
	expect(made.status).toBe(200)
	expect(made.headers.get('cache-control')).toBe('no-store')
	const { link, name } = (made.data as { resetLink: { link: string; name: string } }).resetLink
	expect(name).toBe('Hà Thị Lan')
	expect(link).toMatch(/^http:\/\/localhost\/reset\/[A-Za-z0-9_-]{43}$/)
	const token = new URL(link).pathname.split('/').pop()!
	const stored = await getDb().passwordReset.findFirstOrThrow({ where: { userId: member.user.id } })
	expect(stored).toMatchObject({ tokenHash: hashLinkToken(token), createdById: owner.user.id, coopId: owner.coop.id, usedAt: null })
	expect(JSON.stringify(stored)).not.toContain(token)
	expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(RESET_LINK_TTL_MS)

	const page = await openLink(token)
	expect(page.status).toBe(200)
	expect(page.data).toMatchObject({ view: 'form', name: 'Hà Thị Lan', email: 'l***@gmail.com' })
	expect(JSON.stringify(page.data)).not.toContain(member.user.email)

	const reset = await useLink(token)
	expect(reset.status).toBe(302)
	expect(reset.location).toBe('/')
	const newCookie = cookieFromSetCookie(reset.headers)
	await expect(getUserId(getRequest('/', newCookie))).resolves.toBe(member.user.id)
	await expect(getUserId(getRequest('/', stolenPhone))).resolves.toBeNull()
	await expect(getUserId(getRequest('/', laptop))).resolves.toBeNull()
	const sessions = await getDb().session.findMany({ where: { userId: member.user.id } })
	expect(sessions).toHaveLength(1)
	expect(sessions[0].activeCoopId).toBe(owner.coop.id)
	await expect(getDb().passwordReset.findUniqueOrThrow({ where: { id: stored.id } })).resolves.toMatchObject({ usedAt: expect.any(Date) })

	await expect(checkCredentials(member.user.email, DEFAULT_PASSWORD)).resolves.toBeNull()
	await expect(checkCredentials(member.user.email, NEW_PASSWORD)).resolves.toBe(member.user.id)
	const hash = await getDb().password.findUniqueOrThrow({ where: { userId: member.user.id } })
	expect(hash.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)

	// A second use is refused, and the page says so; the password stays as set.
	const again = await useLink(token, 'mat-khau-ke-gian')
	expect(again.status).toBe(410)
	expect(again.data).toEqual({ view: 'problem', problem: 'used' })
	expect(again.headers.get('set-cookie')).toBeNull()
	const reopened = await openLink(token)
	expect(reopened.status).toBe(410)
	expect(reopened.data).toEqual({ view: 'problem', problem: 'used' })
	await expect(checkCredentials(member.user.email, NEW_PASSWORD)).resolves.toBe(member.user.id)
})

test('an expired link is refused and says so; the password is unchanged', async () => {
	const { owner, member } = await coopWithMember('viewer')
	const yesterday = new Date(Date.now() - RESET_LINK_TTL_MS - 60_000)
	const { token } = await linkFor(owner.coop.id, member.user.id, owner.user.id, yesterday)
	const page = await openLink(token)
	expect(page.status).toBe(410)
	expect(page.data).toEqual({ view: 'problem', problem: 'expired' })
	const used = await useLink(token)
	expect(used.status).toBe(410)
	expect(used.data).toEqual({ view: 'problem', problem: 'expired' })
	await expect(checkCredentials(member.user.email, DEFAULT_PASSWORD)).resolves.toBe(member.user.id)
})

test('a newer link replaces the older one', async () => {
	const { owner, member } = await coopWithMember()
	const older = await linkFor(owner.coop.id, member.user.id, owner.user.id)
	const newer = await linkFor(owner.coop.id, member.user.id, owner.user.id)
	const page = await openLink(older.token)
	expect(page.status).toBe(410)
	expect(page.data).toEqual({ view: 'problem', problem: 'outdated' })
	await expect(useLink(older.token)).resolves.toMatchObject({ status: 410, data: { problem: 'outdated' } })
	await expect(checkCredentials(member.user.email, DEFAULT_PASSWORD)).resolves.toBe(member.user.id)
	await expect(useLink(newer.token)).resolves.toMatchObject({ status: 302, location: '/' })
})

test('two requests racing with one link: exactly one sets the password', async () => {
	const { owner, member } = await coopWithMember()
	const { token } = await linkFor(owner.coop.id, member.user.id, owner.user.id)
	const results = await Promise.allSettled([
		resetPasswordWithLink(token, 'mat-khau-thu-nhat'),
		resetPasswordWithLink(token, 'mat-khau-thu-hai'),
	])
	expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
	expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ problem: 'used' })
})

test('only an owner of the member\'s co-op makes links: an editor gets 403, another co-op\'s owner 404', async () => {
	const { owner, member, membershipId } = await coopWithMember('viewer')
	const editor = await addMember(owner.coop.id, { role: 'editor' })
	const editorCookie = await sessionCookie(editor.user.id, { activeCoopId: owner.coop.id })
	const byEditor = await callRoute(membersAction, makeLinkRequest(membershipId, editorCookie))
	expect(byEditor.status).toBe(403)

	const stranger = await createUserWithCoop()
	const strangerCookie = await sessionCookie(stranger.user.id, { activeCoopId: stranger.coop.id })
	const byStranger = await callRoute(membersAction, makeLinkRequest(membershipId, strangerCookie))
	expect(byStranger.status).toBe(404)

	// An owner of both co-ops, with the other one active, is a stranger here too.
	await getDb().membership.create({ data: { userId: stranger.user.id, coopId: owner.coop.id, role: 'owner' } })
	const wrongActiveCoop = await callRoute(membersAction, makeLinkRequest(membershipId, strangerCookie))
	expect(wrongActiveCoop.status).toBe(404)

	await expect(getDb().passwordReset.count({ where: { userId: member.user.id } })).resolves.toBe(0)
})

test('no link for an owner, for oneself, or for someone who also belongs to a co-op the maker does not own', async () => {
	const { owner, ownerCookie } = await coopWithMember()
	const coOwner = await addMember(owner.coop.id, { role: 'owner' })
	const coOwnerMembership = await getDb().membership.findFirstOrThrow({ where: { userId: coOwner.user.id } })
	const forOwner = await callRoute(membersAction, makeLinkRequest(coOwnerMembership.id, ownerCookie))
	expect(forOwner.status).toBe(403)
	expect(forOwner.data).toEqual({ error: 'errors.reset.owner' })

	const own = await getDb().membership.findFirstOrThrow({ where: { userId: owner.user.id, coopId: owner.coop.id } })
	const forSelf = await callRoute(membersAction, makeLinkRequest(own.id, ownerCookie))
	expect(forSelf.status).toBe(400)
	expect(forSelf.data).toEqual({ error: 'errors.reset.self' })

	// An editor here who owns a co-op of their own (everyone who signed up does).
	const founder = await createUserWithCoop()
	const founderHere = await getDb().membership.create({ data: { userId: founder.user.id, coopId: owner.coop.id, role: 'editor' } })
	const forFounder = await callRoute(membersAction, makeLinkRequest(founderHere.id, ownerCookie))
	expect(forFounder.status).toBe(403)
	expect(forFounder.data).toEqual({ error: 'errors.reset.otherCoop' })

	// A viewer here who is also an editor in a co-op this owner does not own.
	const neighbour = await createUserWithCoop()
	const shared = await addMember(neighbour.coop.id, { role: 'editor' })
	const sharedHere = await getDb().membership.create({ data: { userId: shared.user.id, coopId: owner.coop.id, role: 'viewer' } })
	const forShared = await callRoute(membersAction, makeLinkRequest(sharedHere.id, ownerCookie))
	expect(forShared.status).toBe(403)
	expect(forShared.data).toEqual({ error: 'errors.reset.otherCoop' })

	await expect(getDb().passwordReset.count({ where: { createdById: owner.user.id } })).resolves.toBe(0)
})

test('a link stops working when its maker is no longer an owner, or the person became one', async () => {
	const { owner, member, membershipId } = await coopWithMember()
	const coOwner = await addMember(owner.coop.id, { role: 'owner' })
	const { token } = await linkFor(owner.coop.id, member.user.id, owner.user.id)
	await getDb().membership.updateMany({ where: { userId: owner.user.id, coopId: owner.coop.id }, data: { role: 'editor' } })
	await expect(openLink(token)).resolves.toMatchObject({ status: 410, data: { problem: 'outdated' } })
	await expect(useLink(token)).resolves.toMatchObject({ status: 410, data: { problem: 'outdated' } })

	const second = await linkFor(owner.coop.id, member.user.id, coOwner.user.id)
	await getDb().membership.update({ where: { id: membershipId }, data: { role: 'owner' } })
	await expect(useLink(second.token)).resolves.toMatchObject({ status: 410, data: { problem: 'outdated' } })
	await expect(checkCredentials(member.user.email, DEFAULT_PASSWORD)).resolves.toBe(member.user.id)
})

test('an unknown or mangled link gets a 404 page; a short password is refused and keeps the link', async () => {
	for (const token of ['abc', 'A'.repeat(43)]) {
		await expect(openLink(token)).resolves.toMatchObject({ status: 404, data: { view: 'problem', problem: 'unknown' } })
		await expect(useLink(token)).resolves.toMatchObject({ status: 404, data: { view: 'problem', problem: 'unknown' } })
	}
	const { owner, member } = await coopWithMember()
	const { token, reset } = await linkFor(owner.coop.id, member.user.id, owner.user.id)
	const short = await useLink(token, '1234567')
	expect(short.status).toBe(400)
	expect(short.data).toMatchObject({ result: { error: { newPassword: ['errors.passwordShort'] } } })
	await expect(getDb().passwordReset.findUniqueOrThrow({ where: { id: reset.id } })).resolves.toMatchObject({ usedAt: null })
})

test('setting a password from a link counts against the failed-attempt limit', () => {
	for (const path of ['/reset/AbC_-1', '/reset/AbC_-1.data']) expect(ATTEMPT_LIMITED_PATHS.test(path)).toBe(true)
	expect(ATTEMPT_LIMITED_PATHS.test('/reset/a/b')).toBe(false)
})
