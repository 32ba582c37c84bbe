import { redirect } from '@remix-run/node'
import { can, isRole, roleAtLeast, type Permission, type Role } from '~/accounts/permissions.ts'
import { requireSession } from './auth.server.ts'
import { getDb } from './db.server.ts'

export { can, isRole, roleAtLeast, ROLES, type Permission, type Role } from '~/accounts/permissions.ts'

export type CoopContext = {
	userId: string
	coopId: string
	role: Role
	sessionId: string
}

/**
 * The signed-in person's membership in the session's active co-op. When the
 * active co-op is unset or no longer theirs (removed, left), the oldest
 * membership becomes active; with none at all they are sent to create one.
 */
async function requireActiveMembership(request: Request): Promise<CoopContext> {
	const session = await requireSession(request)
	const db = getDb()
	const { userId } = session
	let membership = session.activeCoopId
		? await db.membership.findUnique({ where: { userId_coopId: { userId, coopId: session.activeCoopId } } })
		: null
	if (!membership) {
		membership = await db.membership.findFirst({ where: { userId }, orderBy: { createdAt: 'asc' } })
		if (!membership) throw redirect('/coops/new')
		await db.session.update({ where: { id: session.id }, data: { activeCoopId: membership.coopId } })
	}
	if (!isRole(membership.role)) throw forbidden()
	return { userId, coopId: membership.coopId, role: membership.role, sessionId: session.id }
}

function forbidden() {
	return new Response('Forbidden', { status: 403 })
}

/**
 * The guard every co-op route starts with: a signed-in member of the active
 * co-op with at least `needed`. Records are then looked up with
 * `where: { id, coopId }`, so another co-op's id answers 404, never 403.
 */
export async function requireCoopMember(request: Request, needed: Role = 'viewer'): Promise<CoopContext> {
	const context = await requireActiveMembership(request)
	if (!roleAtLeast(context.role, needed)) throw forbidden()
	return context
}

/** Like `requireCoopMember`, but asks for one `action:entity` permission (app/accounts/permissions.ts). */
export async function requireCoopPermission(request: Request, permission: Permission): Promise<CoopContext> {
	const context = await requireActiveMembership(request)
	if (!can(context.role, permission)) throw forbidden()
	return context
}
