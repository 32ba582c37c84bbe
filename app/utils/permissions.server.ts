import { redirect } from '@remix-run/node'
import { readSessionRow, requireUserId } from './auth.server.ts'
import { getDb } from './db.server.ts'

export const ROLES = ['viewer', 'editor', 'owner'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** True when `role` may do what `needed` may do (owner ⊃ editor ⊃ viewer). */
export function roleAtLeast(role: string, needed: Role): boolean {
	return isRole(role) && ROLES.indexOf(role) >= ROLES.indexOf(needed)
}

export type CoopContext = {
	userId: string
	coopId: string
	role: Role
	sessionId: string
}

/**
 * The guard every co-op route starts with: a signed-in user who is a member of
 * the session's active co-op with at least `needed`. Records are then looked up
 * with `where: { coopId }`, so another co-op's id answers 404.
 */
export async function requireCoopMember(request: Request, needed: Role = 'viewer'): Promise<CoopContext> {
	const userId = await requireUserId(request)
	const session = await readSessionRow(request)
	if (!session) throw redirect('/login')
	const db = getDb()
	let membership = session.activeCoopId
		? await db.membership.findUnique({ where: { userId_coopId: { userId, coopId: session.activeCoopId } } })
		: null
	if (!membership) {
		membership = await db.membership.findFirst({ where: { userId }, orderBy: { createdAt: 'asc' } })
		if (!membership) throw redirect('/coops/new')
		await db.session.update({ where: { id: session.id }, data: { activeCoopId: membership.coopId } })
	}
	if (!isRole(membership.role) || !roleAtLeast(membership.role, needed)) {
		throw new Response('Forbidden', { status: 403 })
	}
	return { userId, coopId: membership.coopId, role: membership.role, sessionId: session.id }
}
