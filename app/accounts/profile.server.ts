import { normalizeEmail, verifyPassword, WrongPasswordError } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { isUniqueViolation } from './prisma-errors.server.ts'
import { EmailTakenError } from './signup.server.ts'

export class PasswordNeededError extends Error {
	constructor() {
		super('changing the email needs the current password')
	}
}

/** The person's name and email as they see them on their own pages. */
export function getProfile(userId: string) {
	return getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true } })
}

/**
 * Saves the person's name and email. The email is what they sign in with,
 * so a new one needs the current password (whoever picks up an unlocked
 * phone cannot take the account over) and must not belong to anyone else.
 * The password is checked before the email is looked up, so that without it
 * nobody learns which emails have accounts.
 */
export async function updateProfile(input: { userId: string; name: string; email: string; currentPassword?: string }) {
	const db = getDb()
	const email = normalizeEmail(input.email)
	const user = await db.user.findUniqueOrThrow({
		where: { id: input.userId },
		select: { email: true, password: { select: { hash: true } } },
	})
	const emailChanged = email !== user.email
	if (emailChanged) {
		if (!input.currentPassword) throw new PasswordNeededError()
		if (!user.password || !(await verifyPassword(user.password.hash, input.currentPassword))) throw new WrongPasswordError()
		if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError()
	}
	try {
		await db.user.update({ where: { id: input.userId }, data: { name: input.name, email } })
	} catch (error) {
		// Two people claiming one email at once: the check above passed for both, the unique index stops one.
		if (isUniqueViolation(error)) throw new EmailTakenError()
		throw error
	}
	return { emailChanged, email }
}
