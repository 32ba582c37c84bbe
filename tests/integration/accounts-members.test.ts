import { expect, test } from 'vitest'
import { changeMemberRole, LastOwnerError, removeMember } from '~/accounts/members.server.ts'
import { action as membersAction, loader as membersLoader } from '~/routes/coop.members.tsx'
import { requireCoopMember, requireCoopPermission } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { callRoute, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'
import { addMember, createUserWithCoop } from '../../prisma/factories.ts'

function membershipOf(userId: string, coopId: string) {
	return getDb().membership.findUniqueOrThrow({ where: { userId_coopId: { userId, coopId } } })
}

test('the owner changes a viewer into an editor', async () => {
	const { user, coop } = await createUserWithCoop()
	const viewer = await addMember(coop.id, { role: 'viewer' })
	const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	const { id } = await membershipOf(viewer.user.id, coop.id)
	const answer = await callRoute(membersAction, postRequest('/coop/members', { intent: 'changeRole', membershipId: id, role: 'editor' }, cookie))
	expect(answer.status).toBe(302)
	await expect(membershipOf(viewer.user.id, coop.id)).resolves.toMatchObject({ role: 'editor' })
})

test('the last owner can be neither demoted nor removed, nor leave', async () => {
	const { user, coop } = await createUserWithCoop()
	const editor = await addMember(coop.id, { role: 'editor' })
	const own = await membershipOf(user.id, coop.id)
	await expect(changeMemberRole(coop.id, own.id, 'editor')).rejects.toBeInstanceOf(LastOwnerError)
	await expect(removeMember(coop.id, own.id)).rejects.toBeInstanceOf(LastOwnerError)
	await expect(membershipOf(user.id, coop.id)).resolves.toMatchObject({ role: 'owner' })

	const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	const attempts: Record<string, string>[] = [
		{ intent: 'changeRole', membershipId: own.id, role: 'viewer' },
		{ intent: 'remove', membershipId: own.id },
		{ intent: 'leave' },
	]
	for (const fields of attempts) {
		const answer = await callRoute(membersAction, postRequest('/coop/members', fields, cookie))
		expect(answer.status).toBe(400)
		expect(answer.data).toEqual({ error: 'errors.lastOwner' })
	}
	await expect(membershipOf(user.id, coop.id)).resolves.toMatchObject({ role: 'owner' })

	// With a second owner, the first may step down.
	const second = await membershipOf(editor.user.id, coop.id)
	await changeMemberRole(coop.id, second.id, 'owner')
	await changeMemberRole(coop.id, own.id, 'editor')
	await expect(membershipOf(user.id, coop.id)).resolves.toMatchObject({ role: 'editor' })
})

test('two owners demoting each other at once leave one owner', async () => {
	const { user, coop } = await createUserWithCoop()
	const other = await addMember(coop.id, { role: 'owner' })
	const [a, b] = await Promise.all([membershipOf(user.id, coop.id), membershipOf(other.user.id, coop.id)])
	const results = await Promise.allSettled([changeMemberRole(coop.id, a.id, 'viewer'), changeMemberRole(coop.id, b.id, 'viewer')])
	expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1)
	await expect(getDb().membership.count({ where: { coopId: coop.id, role: 'owner' } })).resolves.toBe(1)
})

test('editors and viewers see the members but cannot change them', async () => {
	const { user, coop } = await createUserWithCoop()
	const own = await membershipOf(user.id, coop.id)
	for (const role of ['viewer', 'editor'] as const) {
		const member = await addMember(coop.id, { role })
		const cookie = await sessionCookie(member.user.id, { activeCoopId: coop.id })
		const list = await callRoute(membersLoader, getRequest('/coop/members', cookie))
		expect(list.status).toBe(200)
		expect((list.data as { members: unknown[] }).members.length).toBeGreaterThanOrEqual(2)
		const change = await callRoute(membersAction, postRequest('/coop/members', { intent: 'changeRole', membershipId: own.id, role: 'viewer' }, cookie))
		expect(change.status).toBe(403)
		const remove = await callRoute(membersAction, postRequest('/coop/members', { intent: 'remove', membershipId: own.id }, cookie))
		expect(remove.status).toBe(403)
	}
	await expect(membershipOf(user.id, coop.id)).resolves.toMatchObject({ role: 'owner' })
})

test("a member of co-op A gets 404 for co-op B's records, never 403", async () => {
	const a = await createUserWithCoop()
	const b = await createUserWithCoop()
	const bViewer = await addMember(b.coop.id, { role: 'viewer' })
	const bViewerMembership = await membershipOf(bViewer.user.id, b.coop.id)
	const cookie = await sessionCookie(a.user.id, { activeCoopId: a.coop.id })
	const change = await callRoute(
		membersAction,
		postRequest('/coop/members', { intent: 'changeRole', membershipId: bViewerMembership.id, role: 'owner' }, cookie),
	)
	expect(change.status).toBe(404)
	const remove = await callRoute(membersAction, postRequest('/coop/members', { intent: 'remove', membershipId: bViewerMembership.id }, cookie))
	expect(remove.status).toBe(404)
	await expect(membershipOf(bViewer.user.id, b.coop.id)).resolves.toMatchObject({ role: 'viewer' })

	// Switching the active co-op to one that is not theirs is "not found" too.
	const { action: switchAction } = await import('~/routes/coops.switch.ts')
	const switched = await callRoute(switchAction, postRequest('/coops/switch', { coopId: b.coop.id }, cookie))
	expect(switched.status).toBe(404)
	// And the loader lists only co-op A's people.
	const list = await callRoute(membersLoader, getRequest('/coop/members', cookie))
	const emails = (list.data as { members: { user: { email: string } }[] }).members.map((m) => m.user.email)
	expect(emails).toEqual([a.user.email])
})

test('a removed member loses access at once, and a member can leave', async () => {
	const { user, coop } = await createUserWithCoop()
	const editor = await addMember(coop.id, { role: 'editor' })
	const editorCookie = await sessionCookie(editor.user.id, { activeCoopId: coop.id })
	await expect(requireCoopMember(getRequest('/', editorCookie))).resolves.toMatchObject({ coopId: coop.id, role: 'editor' })

	const ownerCookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	const { id } = await membershipOf(editor.user.id, coop.id)
	const removed = await callRoute(membersAction, postRequest('/coop/members', { intent: 'remove', membershipId: id }, ownerCookie))
	expect(removed.status).toBe(302)
	// With no co-op left, the guard sends them to create one.
	const after = await callRoute(() => requireCoopMember(getRequest('/library', editorCookie)), getRequest('/'))
	expect(after.status).toBe(302)
	expect(after.location).toBe('/coops/new')

	const viewer = await addMember(coop.id, { role: 'viewer' })
	const viewerCookie = await sessionCookie(viewer.user.id, { activeCoopId: coop.id })
	const left = await callRoute(membersAction, postRequest('/coop/members', { intent: 'leave' }, viewerCookie))
	expect(left.status).toBe(302)
	await expect(getDb().membership.count({ where: { userId: viewer.user.id } })).resolves.toBe(0)
})

test('the guards: signed-out people go to sign in, roles are checked by permission', async () => {
	const signedOut = await callRoute(() => requireCoopPermission(getRequest('/coop/members?x=1'), 'read:member'), getRequest('/'))
	expect(signedOut.status).toBe(302)
	expect(signedOut.location).toBe(`/login?redirectTo=${encodeURIComponent('/coop/members?x=1')}`)

	const { coop } = await createUserWithCoop()
	const viewer = await addMember(coop.id, { role: 'viewer' })
	const cookie = await sessionCookie(viewer.user.id)
	await expect(requireCoopPermission(getRequest('/', cookie), 'read:media')).resolves.toMatchObject({ role: 'viewer' })
	const denied = await callRoute(() => requireCoopPermission(getRequest('/', cookie), 'delete:media'), getRequest('/'))
	expect(denied.status).toBe(403)
})
