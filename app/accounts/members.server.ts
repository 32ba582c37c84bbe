import type { PrismaClient } from '~/generated/prisma/client.ts'
import { getDb } from '~/utils/db.server.ts'
import type { Role } from './permissions.ts'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

/** The change would leave the co-op with nobody who can manage it. */
export class LastOwnerError extends Error {
	constructor() {
		super('a co-op needs at least one owner')
	}
}

export function listMembers(coopId: string) {
	return getDb().membership.findMany({
		where: { coopId },
		select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
		orderBy: { createdAt: 'asc' },
	})
}

/**
 * Writes first, then counts the owners left inside the same transaction and
 * rolls back when there are none: SQLite lets one writer in at a time, so two
 * owners demoting each other at once cannot both succeed.
 */
async function keepAnOwner(tx: Tx, coopId: string) {
	const owners = await tx.membership.count({ where: { coopId, role: 'owner' } })
	if (owners === 0) throw new LastOwnerError()
}

/** Changes a member's role; false when this co-op has no such membership. */
export async function changeMemberRole(coopId: string, membershipId: string, role: Role) {
	return getDb().$transaction(async (tx) => {
		const { count } = await tx.membership.updateMany({ where: { id: membershipId, coopId }, data: { role } })
		if (count === 0) return false
		await keepAnOwner(tx, coopId)
		return true
	})
}

/** Removes a member (or lets a person leave); false when this co-op has no such membership. */
export async function removeMember(coopId: string, membershipId: string) {
	return getDb().$transaction(async (tx) => {
		const { count } = await tx.membership.deleteMany({ where: { id: membershipId, coopId } })
		if (count === 0) return false
		await keepAnOwner(tx, coopId)
		return true
	})
}

/** A membership of this co-op with its person; null for another co-op's id, like one that does not exist. */
export function findMember(coopId: string, membershipId: string) {
	return getDb().membership.findFirst({
		where: { id: membershipId, coopId },
		select: { id: true, userId: true, user: { select: { name: true } } },
	})
}

export async function hasAnyMembership(userId: string) {
	return (await getDb().membership.count({ where: { userId } })) > 0
}

export async function isMember(userId: string, coopId: string) {
	return (await getDb().membership.count({ where: { userId, coopId } })) > 0
}

/** The person leaves the co-op; false when they were not in it. A last owner cannot leave (LastOwnerError). */
export async function leaveCoop(coopId: string, userId: string) {
	const own = await getDb().membership.findUnique({ where: { userId_coopId: { userId, coopId } }, select: { id: true } })
	return own ? removeMember(coopId, own.id) : false
}

/**
 * The time zone of a co-op the person belongs to, or null: a session's
 * active co-op may be one they were removed from since, and must then tell
 * them nothing about it.
 */
export async function memberCoopTimeZone(userId: string, coopId: string) {
	const membership = await getDb().membership.findUnique({
		where: { userId_coopId: { userId, coopId } },
		select: { coop: { select: { timezone: true } } },
	})
	return membership?.coop.timezone ?? null
}
