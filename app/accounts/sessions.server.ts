import { hashPassword, verifyPassword } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { describeDevice } from './device.ts'

export async function listActiveSessions(userId: string, now = new Date()) {
	const rows = await getDb().session.findMany({
		where: { userId, expiresAt: { gt: now } },
		select: { id: true, userAgent: true, createdAt: true },
		orderBy: { createdAt: 'desc' },
	})
	return rows.map(({ userAgent, ...row }) => ({ ...row, device: describeDevice(userAgent) }))
}

/** Signs the person out everywhere except the session they are using; returns how many were ended. */
export async function revokeOtherSessions(userId: string, keepSessionId: string) {
	const { count } = await getDb().session.deleteMany({ where: { userId, id: { not: keepSessionId } } })
	return count
}

/** Ends one of the person's own sessions; false when it is not theirs (or already gone). */
export async function revokeSession(userId: string, sessionId: string) {
	const { count } = await getDb().session.deleteMany({ where: { id: sessionId, userId } })
	return count === 1
}

export class WrongPasswordError extends Error {
	constructor() {
		super('the current password does not match')
	}
}

/**
 * Checks the current password, stores the new one and ends every other
 * session: someone who knew the old password is signed out at once.
 */
export async function changePassword(input: {
	userId: string
	keepSessionId: string
	currentPassword: string
	newPassword: string
}) {
	const db = getDb()
	const stored = await db.password.findUnique({ where: { userId: input.userId }, select: { hash: true } })
	if (!stored || !(await verifyPassword(stored.hash, input.currentPassword))) throw new WrongPasswordError()
	const hash = await hashPassword(input.newPassword)
	await db.$transaction([
		db.password.update({ where: { userId: input.userId }, data: { hash } }),
		db.session.deleteMany({ where: { userId: input.userId, id: { not: input.keepSessionId } } }),
	])
}

/** Makes `coopId` the session's active co-op; false when the person is not a member of it. */
export async function switchActiveCoop(input: { sessionId: string; userId: string; coopId: string }) {
	const db = getDb()
	const membership = await db.membership.findUnique({
		where: { userId_coopId: { userId: input.userId, coopId: input.coopId } },
		select: { id: true },
	})
	if (!membership) return false
	await db.session.update({ where: { id: input.sessionId }, data: { activeCoopId: input.coopId } })
	return true
}
