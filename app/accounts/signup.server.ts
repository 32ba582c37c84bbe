import type { Prisma } from '~/generated/prisma/client.ts'
import { hashPassword, normalizeEmail } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { isUniqueViolation } from './prisma-errors.server.ts'

export class EmailTakenError extends Error {}

type NewAccount = { name: string; email: string; password: string }

/**
 * The one sign-up transaction: creates the person and, inside the same
 * transaction, whatever they sign up into (`join`: their own new co-op, or
 * the co-op of an invite). Either both exist afterwards or neither does, so
 * a bad invite link leaves no orphan account.
 */
export async function createAccount<Joined extends object>(
	input: NewAccount,
	join: (tx: Prisma.TransactionClient, userId: string) => Promise<Joined>,
): Promise<{ userId: string } & Joined> {
	const db = getDb()
	const email = normalizeEmail(input.email)
	if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError()
	const hash = await hashPassword(input.password)
	try {
		return await db.$transaction(async (tx) => {
			const user = await tx.user.create({ data: { email, name: input.name, password: { create: { hash } } } })
			return { userId: user.id, ...(await join(tx, user.id)) }
		})
	} catch (error) {
		// Two sign-ups with one email at once: the check above passed for both, the unique index stops one.
		if (isUniqueViolation(error)) throw new EmailTakenError()
		throw error
	}
}

type NewCoop = { coopName: string; province: string }

function createOwnedCoop(tx: Prisma.TransactionClient, userId: string, input: NewCoop) {
	return tx.coop.create({
		data: { name: input.coopName, province: input.province, memberships: { create: { userId, role: 'owner' } } },
	})
}

/** Creates the person, their co-op and their owner membership together, or nothing. */
export function signUpWithCoop(input: NewAccount & NewCoop) {
	return createAccount(input, async (tx, userId) => ({ coopId: (await createOwnedCoop(tx, userId, input)).id }))
}

export function createCoopForUser(userId: string, input: NewCoop) {
	return getDb().$transaction((tx) => createOwnedCoop(tx, userId, input))
}
