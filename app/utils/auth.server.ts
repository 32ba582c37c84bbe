import { hash, verify } from '@node-rs/argon2'
import { redirect } from '@remix-run/node'
import { getDb } from './db.server.ts'
import { nextSessionExpiry, SESSION_TTL_MS } from './session-expiry.ts'
import { authSessionStorage, getAuthSession } from './session.server.ts'

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
	return (await readSession(request)).row
}

async function readSession(request: Request) {
	const cookieSession = await getAuthSession(request)
	const sessionId = cookieSession.get('sessionId')
	const row = sessionId ? await getDb().session.findUnique({ where: { id: sessionId } }) : null
	return { cookieSession, row: row && row.expiresAt >= new Date() ? row : null }
}

/**
 * Keeps a session in daily use alive: at most once a day, moves its expiry
 * 30 days ahead (never past 180 days after sign-in) and returns the
 * Set-Cookie header that tells the browser; null when nothing changed.
 * The root loader calls it, so the row and the cookie always move together
 * (docs/decisions/019-sliding-sessions.md).
 */
export async function extendSessionIfDue(request: Request): Promise<string | null> {
	const { cookieSession, row } = await readSession(request)
	if (!row) return null
	const expiresAt = nextSessionExpiry(row, new Date())
	if (!expiresAt) return null
	// Conditional on the expiry just read: of two requests at once only one
	// writes, and a row deleted meanwhile (signed out elsewhere) stays deleted.
	const { count } = await getDb().session.updateMany({
		where: { id: row.id, expiresAt: row.expiresAt },
		data: { expiresAt },
	})
	if (count === 0) return null
	return authSessionStorage().commitSession(cookieSession, { expires: expiresAt })
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
