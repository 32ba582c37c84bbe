import type { PrismaClient } from '~/generated/prisma/client.ts'
import { hashPassword } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { generateLinkToken, hashLinkToken, looksLikeLinkToken } from './link-tokens.server.ts'

// There is no email service, so a person who forgot their password asks an
// owner of their co-op, who makes a link and sends it over Zalo
// (docs/decisions/018-password-reset-links.md).

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

export const RESET_LINK_TTL_MS = 24 * 60 * 60 * 1000

/**
 * Why an owner may not make a link for this person. Whoever holds a link can
 * take over the account, so a link must never carry owner powers nor reach
 * past its maker's co-ops: the person owns no co-op (`owner` when they own
 * this one), and every co-op they belong to is one the maker owns.
 */
export type ResetRefusal = 'self' | 'notMember' | 'owner' | 'otherCoop'

export class ResetNotAllowedError extends Error {
	constructor(readonly reason: ResetRefusal) {
		super(`password reset not allowed: ${reason}`)
	}
}

/** `outdated`: a newer link replaced it, or its maker may no longer reset this person. */
export type ResetLinkProblem = 'unknown' | 'used' | 'expired' | 'outdated'

export class ResetLinkUnavailableError extends Error {
	constructor(readonly problem: ResetLinkProblem) {
		super(`password reset link ${problem}`)
	}
}

/** `l***@gmail.com`: enough for the person to recognise their account, little for anyone the link was forwarded to. */
export function maskEmail(email: string) {
	const at = email.lastIndexOf('@')
	if (at < 1) return '***'
	return `${email[0]}***${email.slice(at)}`
}

async function refusalFor(db: Tx, link: { coopId: string; createdById: string; userId: string }): Promise<ResetRefusal | null> {
	if (link.createdById === link.userId) return 'self'
	const memberships = await db.membership.findMany({ where: { userId: link.userId }, select: { coopId: true, role: true } })
	const here = memberships.find((m) => m.coopId === link.coopId)
	if (!here) return 'notMember'
	if (here.role === 'owner') return 'owner'
	if (memberships.some((m) => m.role === 'owner')) return 'otherCoop'
	const ownedByMaker = await db.membership.count({
		where: { userId: link.createdById, role: 'owner', coopId: { in: memberships.map((m) => m.coopId) } },
	})
	return ownedByMaker === memberships.length ? null : 'otherCoop'
}

/**
 * Makes a single-use link for `userId` and returns its token, which is never
 * stored and so is shown only now. The person's earlier links stop working:
 * only the newest one sent can be the right one.
 */
export async function createPasswordResetLink(input: { coopId: string; userId: string; createdById: string; now?: Date }) {
	const token = generateLinkToken()
	const now = input.now ?? new Date()
	const reset = await getDb().$transaction(async (tx) => {
		const refusal = await refusalFor(tx, input)
		if (refusal) throw new ResetNotAllowedError(refusal)
		await tx.passwordReset.updateMany({
			where: { userId: input.userId, usedAt: null, replacedAt: null },
			data: { replacedAt: now },
		})
		return tx.passwordReset.create({
			data: {
				userId: input.userId,
				coopId: input.coopId,
				createdById: input.createdById,
				tokenHash: hashLinkToken(token),
				createdAt: now,
				expiresAt: new Date(now.getTime() + RESET_LINK_TTL_MS),
			},
		})
	})
	return { token, reset }
}

type StoredLink = { coopId: string; createdById: string; userId: string; usedAt: Date | null; replacedAt: Date | null; expiresAt: Date }

/** What a person opening the link should be told; null when it can be used. */
async function problemWith(db: Tx, link: StoredLink, now: Date): Promise<ResetLinkProblem | null> {
	if (link.usedAt) return 'used'
	if (link.replacedAt) return 'outdated'
	if (link.expiresAt.getTime() <= now.getTime()) return 'expired'
	// Roles may have changed since the link was made (the maker demoted, the person now in another co-op).
	return (await refusalFor(db, link)) ? 'outdated' : null
}

function findStoredLink(db: Tx, token: string) {
	if (!looksLikeLinkToken(token)) return null
	return db.passwordReset.findUnique({
		where: { tokenHash: hashLinkToken(token) },
		include: {
			user: { select: { name: true, email: true } },
			coop: { select: { timezone: true } },
		},
	})
}

/** Who the link is for (email masked) and whether it can be used, or null for a token that matches nothing. */
export async function findPasswordResetByToken(token: string, now = new Date()) {
	const db = getDb()
	const link = await findStoredLink(db, token)
	if (!link) return null
	return {
		name: link.user.name,
		maskedEmail: maskEmail(link.user.email),
		expiresAt: link.expiresAt,
		timezone: link.coop.timezone,
		problem: await problemWith(db, link, now),
	}
}

/**
 * Sets the new password and ends every session of the person, so that a
 * stolen phone stays signed out. The conditional update is what makes the
 * link single-use: only one of two racing requests moves it to used.
 */
export async function resetPasswordWithLink(token: string, newPassword: string, now = new Date()) {
	const db = getDb()
	const link = await findStoredLink(db, token)
	if (!link) throw new ResetLinkUnavailableError('unknown')
	const problem = await problemWith(db, link, now)
	if (problem) throw new ResetLinkUnavailableError(problem)
	const hash = await hashPassword(newPassword)
	await db.$transaction(async (tx) => {
		if (await refusalFor(tx, link)) throw new ResetLinkUnavailableError('outdated')
		const { count } = await tx.passwordReset.updateMany({
			where: { id: link.id, usedAt: null, replacedAt: null, expiresAt: { gt: now } },
			data: { usedAt: now },
		})
		if (count !== 1) throw new ResetLinkUnavailableError('used')
		await tx.password.upsert({ where: { userId: link.userId }, create: { userId: link.userId, hash }, update: { hash } })
		await tx.session.deleteMany({ where: { userId: link.userId } })
	})
	return { userId: link.userId, coopId: link.coopId }
}
