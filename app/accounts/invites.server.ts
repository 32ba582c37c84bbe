import type { PrismaClient } from '~/generated/prisma/client.ts'
import { getDb } from '~/utils/db.server.ts'
import { inviteExpiry, inviteState, type InviteState } from './invite-tokens.server.ts'
import { generateLinkToken, hashLinkToken, looksLikeLinkToken } from './link-tokens.server.ts'
import type { Role } from './permissions.ts'
import { isUniqueViolation } from './prisma-errors.server.ts'
import { createAccount } from './signup.server.ts'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

export type InviteProblem = Exclude<InviteState, 'pending'> | 'unknown'

/** The link cannot be used; `problem` says why, so the page can say what to do. */
export class InviteUnavailableError extends Error {
	constructor(readonly problem: InviteProblem) {
		super(`invite ${problem}`)
	}
}

/** The person is already in the invite's co-op; the invite stays unused for someone else. */
export class AlreadyMemberError extends Error {
	constructor(readonly coopId: string) {
		super('already a member')
	}
}

/** Creates a single-use invite and returns the token, which is never stored and so is shown only now. */
export async function createInvite(input: { coopId: string; role: Role; createdById: string; now?: Date }) {
	const token = generateLinkToken()
	const createdAt = input.now ?? new Date()
	const invite = await getDb().invite.create({
		data: {
			coopId: input.coopId,
			role: input.role,
			createdById: input.createdById,
			tokenHash: hashLinkToken(token),
			createdAt,
			expiresAt: inviteExpiry(createdAt),
		},
	})
	return { token, invite }
}

export function listPendingInvites(coopId: string, now = new Date()) {
	return getDb().invite.findMany({
		where: { coopId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
		select: { id: true, role: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
		orderBy: { createdAt: 'desc' },
	})
}

/** Revokes a pending invite of this co-op; false when there is none with that id (another co-op's, used, gone). */
export async function revokeInvite(coopId: string, inviteId: string, now = new Date()) {
	const { count } = await getDb().invite.updateMany({
		where: { id: inviteId, coopId, acceptedAt: null, revokedAt: null },
		data: { revokedAt: now },
	})
	return count === 1
}

/** The invite behind a link with its co-op's name and state, or null for a token that matches nothing. */
export async function findInviteByToken(token: string, now = new Date()) {
	if (!looksLikeLinkToken(token)) return null
	const invite = await getDb().invite.findUnique({
		where: { tokenHash: hashLinkToken(token) },
		select: {
			id: true,
			role: true,
			expiresAt: true,
			acceptedAt: true,
			revokedAt: true,
			coop: { select: { id: true, name: true, timezone: true } },
		},
	})
	return invite ? { ...invite, state: inviteState(invite, now) } : null
}

/**
 * Uses the invite for `userId` inside `tx`: the conditional update is what
 * makes the link single-use, since only one of two racing requests can move
 * it from unused to used.
 */
async function consumeInvite(tx: Tx, token: string, userId: string, now: Date) {
	const invite = looksLikeLinkToken(token)
		? await tx.invite.findUnique({ where: { tokenHash: hashLinkToken(token) } })
		: null
	if (!invite) throw new InviteUnavailableError('unknown')
	const state = inviteState(invite, now)
	if (state !== 'pending') throw new InviteUnavailableError(state)
	const existing = await tx.membership.findUnique({ where: { userId_coopId: { userId, coopId: invite.coopId } } })
	if (existing) throw new AlreadyMemberError(invite.coopId)
	const { count } = await tx.invite.updateMany({
		where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
		data: { acceptedAt: now, acceptedById: userId },
	})
	if (count !== 1) throw new InviteUnavailableError('used')
	await tx.membership.create({ data: { userId, coopId: invite.coopId, role: invite.role } })
	return { coopId: invite.coopId, role: invite.role }
}

/** A signed-in person joins the invite's co-op with the invite's role. */
export async function acceptInvite(token: string, userId: string, now = new Date()) {
	try {
		return await getDb().$transaction((tx) => consumeInvite(tx, token, userId, now))
	} catch (error) {
		// The only unique value written here is the membership: a parallel request made them a member first.
		if (!isUniqueViolation(error)) throw error
		const invite = await findInviteByToken(token, now)
		throw invite ? new AlreadyMemberError(invite.coop.id) : error
	}
}

/** Creates the person's account and their membership together, or neither (a bad link leaves no orphan account). */
export function signUpWithInvite(input: { token: string; name: string; email: string; password: string }, now = new Date()) {
	return createAccount(input, (tx, userId) => consumeInvite(tx, input.token, userId, now))
}
