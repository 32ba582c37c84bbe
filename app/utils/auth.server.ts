import { hash, verify } from '@node-rs/argon2'
import { redirect } from '@remix-run/node'
import { getDb } from './db.server.ts'
import { authSessionStorage, getAuthSession } from './session.server.ts'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

// OWASP's recommended argon2id parameters (19 MiB, 2 passes).
const argonOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string) {
	return hash(password, argonOptions)
}

export function verifyPassword(hashed: string, password: string) {
	return verify(hashed, password).catch(() => false)
}

export function normalizeEmail(email: string) {
	return email.trim().toLowerCase().normalize('NFC')
}

/** Returns the user id, or null, after checking the session row still exists and has not expired. */
export async function getUserId(request: Request): Promise<string | null> {
	const session = await readSessionRow(request)
	return session?.userId ?? null
}

export async function readSessionRow(request: Request) {
	const cookieSession = await getAuthSession(request)
	const sessionId = cookieSession.get('sessionId')
	if (!sessionId) return null
	const row = await getDb().session.findUnique({ where: { id: sessionId } })
	if (!row || row.expiresAt < new Date()) return null
	return row
}

/** The signed-in person's session row; anyone else is sent to sign in and brought back here afterwards. */
export async function requireSession(request: Request) {
	const session = await readSessionRow(request)
	if (!session) {
		const url = new URL(request.url)
		const redirectTo = `${url.pathname}${url.search}`
		throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`)
	}
	return session
}

export async function requireUserId(request: Request): Promise<string> {
	return (await requireSession(request)).userId
}

export async function requireAnonymous(request: Request) {
	if (await getUserId(request)) throw redirect('/')
}

/** Checks a password login; returns the user id or null without saying which part was wrong. */
export async function checkCredentials(email: string, password: string): Promise<string | null> {
	const user = await getDb().user.findUnique({
		where: { email: normalizeEmail(email) },
		select: { id: true, password: { select: { hash: true } } },
	})
	if (!user?.password) {
		// Spend the same time as a real check so that timing does not reveal which emails exist.
		await hashPassword(password)
		return null
	}
	return (await verifyPassword(user.password.hash, password)) ? user.id : null
}

/** Creates a session row and returns the Set-Cookie header that carries its id. */
export async function startSession(request: Request, userId: string, activeCoopId?: string | null) {
	const db = getDb()
	// Expired rows are useless; a sign-in is a cheap moment to drop this person's.
	await db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } })
	const row = await db.session.create({
		data: {
			userId,
			activeCoopId: activeCoopId ?? null,
			expiresAt: new Date(Date.now() + SESSION_TTL_MS),
			userAgent: request.headers.get('user-agent')?.slice(0, 200) ?? null,
		},
	})
	const cookieSession = await getAuthSession(request)
	cookieSession.set('sessionId', row.id)
	return authSessionStorage().commitSession(cookieSession, { expires: row.expiresAt })
}

export async function endSession(request: Request) {
	const cookieSession = await getAuthSession(request)
	const sessionId = cookieSession.get('sessionId')
	if (sessionId) await getDb().session.deleteMany({ where: { id: sessionId } })
	return authSessionStorage().destroySession(cookieSession)
}
