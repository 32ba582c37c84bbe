import { hash, verify } from '@node-rs/argon2'
import { redirect } from '@remix-run/node'
import { describeDevice } from '~/accounts/device.ts'
import { can, isRole, roleAtLeast, type Permission, type Role } from '~/accounts/permissions.ts'
import { getDb } from './db.server.ts'
import { nextSessionExpiry, SESSION_TTL_MS } from './session-expiry.ts'
import { authSessionStorage, getAuthSession } from './session.server.ts'

// Everything about who is asking and what they may do lives here: passwords,
// the Session row behind the cookie (read, start, slide, end, list, revoke),
// and the guards routes start with (requireSession, requireUserId,
// requireCoopMember, requireCoopPermission). docs/decisions/110-route-shape.md

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

export type CoopContext = {
	userId: string
	coopId: string
	role: Role
	sessionId: string
}

/**
 * The signed-in person's membership in the session's active co-op. When the
 * active co-op is unset or no longer theirs (removed, left), the oldest
 * membership becomes active; with none at all they are sent to create one.
 */
async function requireActiveMembership(request: Request): Promise<CoopContext> {
	const session = await requireSession(request)
	const db = getDb()
	const { userId } = session
	let membership = session.activeCoopId
		? await db.membership.findUnique({ where: { userId_coopId: { userId, coopId: session.activeCoopId } } })
		: null
	if (!membership) {
		membership = await db.membership.findFirst({ where: { userId }, orderBy: { createdAt: 'asc' } })
		if (!membership) throw redirect('/coops/new')
		await db.session.update({ where: { id: session.id }, data: { activeCoopId: membership.coopId } })
	}
	if (!isRole(membership.role)) throw forbidden()
	return { userId, coopId: membership.coopId, role: membership.role, sessionId: session.id }
}

function forbidden() {
	return new Response('Forbidden', { status: 403 })
}

/**
 * The guard every co-op route starts with: a signed-in member of the active
 * co-op with at least `needed`. Records are then looked up with
 * `where: { id, coopId }`, so another co-op's id answers 404, never 403.
 */
export async function requireCoopMember(request: Request, needed: Role = 'viewer'): Promise<CoopContext> {
	const context = await requireActiveMembership(request)
	if (!roleAtLeast(context.role, needed)) throw forbidden()
	return context
}

/** Like `requireCoopMember`, but asks for one `action:entity` permission (app/accounts/permissions.ts). */
export async function requireCoopPermission(request: Request, permission: Permission): Promise<CoopContext> {
	const context = await requireActiveMembership(request)
	if (!can(context.role, permission)) throw forbidden()
	return context
}
