// In-app notifications: one row per person, a live event so that the bell
// updates, and a dedupe key so that one happening notifies a person once.
//
// OWNER: notifications (issue 11). The signature of `notify` is the contract
// the engine, the approval step and the channel refresh code against.
//
// The interface renders each kind from its params in the reader's language
// (app/locales/*/notifications.json `kind.*`), so params carry names, not
// sentences: `channel` (the channel's name) and `post` (the start of the
// caption) for target.*, `channel` and `reason` for channel.reconnect,
// `post`, `by` and `comment` for the approval kinds; `order`, `product`, `qty`
// and `customer` for order.created (a web order, linked to /orders/<id>).

import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'
import { announceNotification } from './publishing-events.server.ts'

export const NOTIFICATION_KINDS = [
	'target.published',
	'target.failed',
	'target.unconfirmed',
	'target.hand_off',
	'channel.reconnect',
	'post.approval_requested',
	'post.approved',
	'post.sent_back',
	'order.created',
] as const

export type NotificationKind =
	| 'target.published'
	| 'target.failed'
	| 'target.unconfirmed'
	| 'target.hand_off'
	| 'channel.reconnect'
	| 'post.approval_requested'
	| 'post.approved'
	| 'post.sent_back'
	| 'order.created'

export type NotifyInput = {
	coopId: string
	kind: NotificationKind
	params?: Record<string, string | number | null>
	href?: string | null
	/** Who hears of it: the co-op's owners, every member who may publish, or named people. */
	to: 'owners' | 'publishers' | { userIds: string[] }
	/** The same key never notifies the same person twice (e.g. `target-<id>-published`). */
	dedupeKey?: string | null
}

export async function notify(db: PrismaClient, input: NotifyInput): Promise<number> {
	if (input.to === 'owners' || input.to === 'publishers') return notifyRoles(db, input, input.to === 'owners' ? ['owner'] : ['owner', 'editor'])
	const userIds = input.to.userIds
	let created = 0
	for (const userId of userIds) {
		try {
			const row = await db.notification.create({
				data: {
					coopId: input.coopId,
					userId,
					kind: input.kind,
					params: JSON.stringify(input.params ?? {}),
					href: input.href ?? null,
					dedupeKey: input.dedupeKey ?? null,
				},
			})
			created++
			await announceNotification(input.coopId, userId, row.id)
		} catch (error) {
			// The unique (userId, dedupeKey) index: this person already heard of it.
			if ((error as { code?: string }).code !== 'P2002') throw error
		}
	}
	return created
}

/**
 * The co-op's members in `roles`, notified in one statement: the rows are
 * made straight from the memberships, and a person who already holds the
 * dedupe key is skipped by the unique index. The publishing engine notifies
 * on every target it settles, so this is one write where it was a read and
 * a write per person (docs/decisions/166-publishing-throughput.md).
 */
async function notifyRoles(db: PrismaClient, input: NotifyInput, roles: Array<'owner' | 'editor'>): Promise<number> {
	const rows = await db.$queryRawUnsafe<Array<{ id: string; userId: string }>>(
		`INSERT INTO "Notification" ("id", "coopId", "userId", "kind", "params", "href", "dedupeKey", "createdAt")
		 SELECT 'n' || lower(hex(randomblob(12))), m."coopId", m."userId", ?, ?, ?, ?, ?
		 FROM "Membership" m WHERE m."coopId" = ? AND m."role" IN (${roles.map(() => '?').join(', ')})
		 ON CONFLICT ("userId", "dedupeKey") DO NOTHING
		 RETURNING "id", "userId"`,
		input.kind,
		JSON.stringify(input.params ?? {}),
		input.href ?? null,
		input.dedupeKey ?? null,
		new Date().toISOString().replace('Z', '+00:00'),
		input.coopId,
		...roles,
	)
	for (const row of rows) await announceNotification(input.coopId, row.userId, row.id)
	return rows.length
}

export type NotificationView = {
	id: string
	kind: NotificationKind | 'unknown'
	params: Record<string, string>
	/** A path inside the app, checked again on the way out; null when there is nowhere to go. */
	href: string | null
	read: boolean
	createdAt: Date
}

const isKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind)

function readParams(stored: string): Record<string, string> {
	try {
		const parsed = JSON.parse(stored) as unknown
		if (!parsed || typeof parsed !== 'object') return {}
		return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)]))
	} catch {
		return {}
	}
}

// The reading side is called by the /notifications route and the shell, which
// never hold the database client themselves (routes-architecture test).

/** A person's notifications in one co-op, newest first (the latest `take`). */
export async function listNotifications(
	{ coopId, userId, take = 50 }: { coopId: string; userId: string; take?: number },
	db: PrismaClient = getDb(),
): Promise<NotificationView[]> {
	const rows = await db.notification.findMany({
		where: { coopId, userId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take,
	})
	return rows.map(toView)
}

function toView(row: { id: string; kind: string; params: string; href: string | null; readAt: Date | null; createdAt: Date }): NotificationView {
	return {
		id: row.id,
		kind: isKind(row.kind) ? row.kind : 'unknown',
		params: readParams(row.params),
		href: row.href ? safeRedirectPath(row.href, '') || null : null,
		read: row.readAt !== null,
		createdAt: row.createdAt,
	}
}

/** How many of a person's notifications in the co-op are unread (the bell's number). */
export function unreadCount({ coopId, userId }: { coopId: string; userId: string }, db: PrismaClient = getDb()): Promise<number> {
	return db.notification.count({ where: { coopId, userId, readAt: null } })
}

/**
 * Marks a person's notifications read: the ones named, or all of them in the
 * co-op. Someone else's id is ignored. Returns how many changed.
 */
export async function markRead(
	{ coopId, userId, ids }: { coopId: string; userId: string; ids?: string[] },
	{ db = getDb(), now = new Date() }: { db?: PrismaClient; now?: Date } = {},
): Promise<number> {
	const { count } = await db.notification.updateMany({
		where: { coopId, userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
		data: { readAt: now },
	})
	return count
}

/** One of a person's notifications, for opening it (marked read on the way). */
export async function openNotification(
	{ coopId, userId, id }: { coopId: string; userId: string; id: string },
	db: PrismaClient = getDb(),
): Promise<NotificationView | null> {
	const row = await db.notification.findFirst({ where: { id, coopId, userId } })
	if (!row) return null
	const readAt = new Date()
	await markRead({ coopId, userId, ids: [id] }, { db, now: readAt })
	return toView({ ...row, readAt: row.readAt ?? readAt })
}
