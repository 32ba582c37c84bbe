import { hashPassword, normalizeEmail } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { isUniqueViolation } from './prisma-errors.server.ts'

export class EmailTakenError extends Error {}

/** Creates the person, their co-op and their owner membership together, or nothing. */
export async function signUpWithCoop(input: {
	name: string
	email: string
	password: string
	coopName: string
	province: string
}) {
	const db = getDb()
	const email = normalizeEmail(input.email)
	if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError()
	const hash = await hashPassword(input.password)
	try {
		return await db.$transaction(async (tx) => {
			const user = await tx.user.create({
				data: { email, name: input.name, password: { create: { hash } } },
			})
			const coop = await tx.coop.create({ data: { name: input.coopName, province: input.province } })
			await tx.membership.create({ data: { userId: user.id, coopId: coop.id, role: 'owner' } })
			return { userId: user.id, coopId: coop.id }
		})
	} catch (error) {
		// Two sign-ups with one email at once: the check above passed for both, the unique index stops one.
		if (isUniqueViolation(error)) throw new EmailTakenError()
		throw error
	}
}

export async function createCoopForUser(userId: string, input: { coopName: string; province: string }) {
	return getDb().$transaction(async (tx) => {
		const coop = await tx.coop.create({ data: { name: input.coopName, province: input.province } })
		await tx.membership.create({ data: { userId, coopId: coop.id, role: 'owner' } })
		return coop
	})
}
