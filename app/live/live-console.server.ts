import { createOrder, UnknownProductError } from '~/orders/orders.server.ts'
import { tokenSettings } from '~/publishing/oauth.server.ts'
import { hideFacebookComment, privateReplyToComment } from '~/publishing/platform/facebook-comments.ts'
import { PlatformError } from '~/publishing/platform/errors.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { decryptSecret } from '~/utils/encryption.server.ts'
import { publishCoopEvent } from '~/utils/events.server.ts'
import { normalizeText } from '~/utils/vietnamese.ts'
import { normaliseMobile } from './phones-in-text.ts'
import {
	decideOnIntent,
	linesAtLineupPrice,
	mergeItems,
	parseIntentItems,
	stockLines,
	wouldOversell,
	type ConfirmDecision,
	type IntentItem,
	type LineupItem,
} from './intent-decisions.ts'
import { importPasted } from './console-input.server.ts'
import { LiveNotFound } from './sessions.server.ts'

// The staff console's domain (issue 13): the feed, the pending orders per
// viewer, and the one-tap decisions. Every decision is guarded by the
// intent's version (an optimistic lock: `updateMany where {id, version,
// state: 'pending'}`), so two staff on two phones never decide one intent
// twice; the loser is told who won. Each change is announced on the co-op's
// event bus so every console and the overlay follow.

async function requireSession(db: PrismaClient, coopId: string, sessionId: string) {
	const session = await db.liveSession.findFirst({ where: { id: sessionId, coopId, archivedAt: null } })
	if (!session) throw new LiveNotFound(sessionId)
	return session
}

async function lineupOf(db: PrismaClient, sessionId: string): Promise<LineupItem[]> {
	return db.liveItem.findMany({
		where: { sessionId },
		orderBy: { position: 'asc' },
		select: { id: true, code: true, name: true, priceVnd: true, productId: true, stockOpened: true },
	})
}

/** Quantity sold per code in this live: lines of the orders it created. */
async function soldByCode(db: PrismaClient, coopId: string, sessionId: string) {
	const lines = await db.orderLine.findMany({
		where: { order: { coopId, liveSessionId: sessionId, state: { not: 'cancelled' } } },
		select: { code: true, qty: true },
	})
	const sold = new Map<string, number>()
	for (const line of lines) sold.set(line.code, (sold.get(line.code) ?? 0) + line.qty)
	return sold
}

const FEED_SIZE = 150

export async function loadConsole(coopId: string, sessionId: string, db: PrismaClient = getDb()) {
	const session = await requireSession(db, coopId, sessionId)
	const [lineup, sold, comments, intents, units] = await Promise.all([
		db.liveItem.findMany({ where: { sessionId }, orderBy: { position: 'asc' } }),
		soldByCode(db, coopId, sessionId),
		db.liveComment.findMany({
			where: { sessionId },
			orderBy: { at: 'desc' },
			take: FEED_SIZE,
			select: { id: true, author: true, text: true, at: true, intent: true, hidden: true, repliedAt: true, externalId: true },
		}),
		db.liveOrderIntent.findMany({ where: { sessionId }, orderBy: { createdAt: 'asc' } }),
		db.product.findMany({ where: { coopId }, select: { id: true, unit: true } }),
	])
	const unitOf = new Map(units.map((p) => [p.id, p.unit]))
	const deciders = await db.user.findMany({
		where: { id: { in: [...new Set(intents.map((i) => i.decidedById).filter((id): id is string => Boolean(id)))] } },
		select: { id: true, name: true },
	})
	const nameOf = new Map(deciders.map((u) => [u.id, u.name]))
	const orders = await db.order.findMany({
		where: { coopId, id: { in: intents.map((i) => i.orderId).filter((id): id is string => Boolean(id)) } },
		select: { id: true, number: true, totalVnd: true },
	})
	const orderOf = new Map(orders.map((o) => [o.id, o]))
	const views = intents.map((intent) => ({
		id: intent.id,
		viewerKey: intent.viewerKey,
		viewerName: intent.viewerName,
		items: parseIntentItems(intent.items),
		phone: intent.phone,
		state: intent.state,
		version: intent.version,
		decidedBy: intent.decidedById ? (nameOf.get(intent.decidedById) ?? null) : null,
		order: intent.orderId ? (orderOf.get(intent.orderId) ?? null) : null,
		createdAt: intent.createdAt,
	}))
	// Pending orders grouped per viewer, the viewer who waited longest first.
	const groups = new Map<string, typeof views>()
	for (const view of views.filter((v) => v.state === 'pending')) groups.set(view.viewerKey, [...(groups.get(view.viewerKey) ?? []), view])
	return {
		session: {
			id: session.id,
			title: session.title,
			state: session.state,
			platform: session.platform,
			onScreenItemId: session.onScreenItemId,
			startedAt: session.startedAt,
		},
		lineup: lineup.map((item) => ({ ...item, unit: unitOf.get(item.productId) ?? '' })),
		stock: stockLines(lineup, sold),
		comments,
		pending: [...groups].map(([viewerKey, intents]) => ({ viewerKey, viewerName: intents[0]!.viewerName, intents })),
		decided: views.filter((v) => v.state !== 'pending').reverse().slice(0, 30),
	}
}

export type DecisionResult =
	| { ok: true; orderId?: string; orderNumber?: number; oversold?: string[] }
	| { ok: false; reason: 'already_confirmed' | 'already_decided' | 'changed'; by?: string | null; state?: string }
	| { ok: false; reason: 'unknown_codes'; codes: string[] }
	| { ok: false; reason: 'empty' | 'bad_phone' | 'not_same_viewer' }

async function snapshotOf(db: PrismaClient, sessionId: string, intentId: string) {
	const intent = await db.liveOrderIntent.findFirst({ where: { id: intentId, sessionId } })
	if (!intent) return null
	const by = intent.decidedById ? await db.user.findUnique({ where: { id: intent.decidedById }, select: { name: true } }) : null
	return { intent, snapshot: { state: intent.state, version: intent.version, decidedByName: by?.name ?? null } }
}

function refused(decision: Exclude<ConfirmDecision, { go: true }>): DecisionResult {
	if (decision.reason === 'already_confirmed') return { ok: false, reason: 'already_confirmed', by: decision.by }
	if (decision.reason === 'already_decided') return { ok: false, reason: 'already_decided', by: decision.by, state: decision.state }
	return { ok: false, reason: 'changed' }
}

/** Claims a pending intent at the version the staff saw; null when someone else got there first. */
async function claim(db: PrismaClient, intentId: string, seenVersion: number, data: { state: string; items?: string; decidedById?: string | null; decidedAt?: Date | null }) {
	const claimed = await db.liveOrderIntent.updateMany({
		where: { id: intentId, version: seenVersion, state: 'pending' },
		data: { ...data, version: { increment: 1 } },
	})
	return claimed.count === 1
}

async function refusalAfterLostRace(db: PrismaClient, sessionId: string, intentId: string, seenVersion: number): Promise<DecisionResult> {
	const again = await snapshotOf(db, sessionId, intentId)
	const decision = decideOnIntent(again?.snapshot ?? null, seenVersion)
	return decision.go ? { ok: false, reason: 'changed' } : refused(decision)
}

async function announce(coopId: string, sessionId: string, intentId: string, state: string) {
	await publishCoopEvent(coopId, { type: 'live.intent.updated', sessionId, intentId, state }).catch(() => undefined)
}

/**
 * Confirm: the intent becomes a real order (source `live`, this session, the
 * lineup's prices, externalId = the intent's id so it can never be created
 * twice). Exactly one of two staff confirming at once gets the order.
 */
export async function confirmIntent(coopId: string, sessionId: string, intentId: string, seenVersion: number, userId: string, db: PrismaClient = getDb()): Promise<DecisionResult> {
	await requireSession(db, coopId, sessionId)
	const found = await snapshotOf(db, sessionId, intentId)
	const decision = decideOnIntent(found?.snapshot ?? null, seenVersion)
	if (!decision.go) return refused(decision)
	const intent = found!.intent
	const items = parseIntentItems(intent.items)
	if (items.length === 0) return { ok: false, reason: 'empty' }
	const lineup = await lineupOf(db, sessionId)
	const { lines, unknown } = linesAtLineupPrice(items, lineup)
	if (unknown.length > 0) return { ok: false, reason: 'unknown_codes', codes: unknown }
	const oversold = wouldOversell(items, stockLines(lineup, await soldByCode(db, coopId, sessionId)))

	const now = new Date()
	if (!(await claim(db, intentId, seenVersion, { state: 'confirmed', decidedById: userId, decidedAt: now }))) {
		return refusalAfterLostRace(db, sessionId, intentId, seenVersion)
	}
	try {
		const units = await db.product.findMany({ where: { coopId, id: { in: lines.map((l) => l.productId) } }, select: { id: true, unit: true } })
		const unitOf = new Map(units.map((u) => [u.id, u.unit]))
		const order = await createOrder(
			coopId,
			{
				source: 'live',
				externalId: intent.id,
				liveSessionId: sessionId,
				customerName: intent.viewerName,
				customerPhone: intent.phone,
				createdById: userId,
				lines: lines.map((line) => ({ ...line, unit: unitOf.get(line.productId) ?? '' })),
			},
			db,
		)
		await db.liveOrderIntent.update({ where: { id: intentId }, data: { orderId: order.id } })
		await announce(coopId, sessionId, intentId, 'confirmed')
		return { ok: true, orderId: order.id, orderNumber: order.number, oversold }
	} catch (error) {
		// The order could not be made (a product left the co-op): the intent waits again for staff.
		await db.liveOrderIntent.update({ where: { id: intentId }, data: { state: 'pending', decidedById: null, decidedAt: null, version: { increment: 1 } } })
		if (error instanceof UnknownProductError) return { ok: false, reason: 'changed' }
		throw error
	}
}

export async function rejectIntent(coopId: string, sessionId: string, intentId: string, seenVersion: number, userId: string, db: PrismaClient = getDb()): Promise<DecisionResult> {
	await requireSession(db, coopId, sessionId)
	const found = await snapshotOf(db, sessionId, intentId)
	const decision = decideOnIntent(found?.snapshot ?? null, seenVersion)
	if (!decision.go) return refused(decision)
	if (!(await claim(db, intentId, seenVersion, { state: 'rejected', decidedById: userId, decidedAt: new Date() }))) {
		return refusalAfterLostRace(db, sessionId, intentId, seenVersion)
	}
	await announce(coopId, sessionId, intentId, 'rejected')
	return { ok: true }
}

/**
 * Merge two pending intents of one viewer: `keep` gets the items of both (and
 * the other's phone when it had none), `other` becomes `merged`. Both versions
 * must still be what the staff saw.
 */
export async function mergeIntents(
	coopId: string,
	sessionId: string,
	keep: { id: string; version: number },
	other: { id: string; version: number },
	userId: string,
	db: PrismaClient = getDb(),
): Promise<DecisionResult> {
	await requireSession(db, coopId, sessionId)
	if (keep.id === other.id) return { ok: false, reason: 'not_same_viewer' }
	const [a, b] = await Promise.all([snapshotOf(db, sessionId, keep.id), snapshotOf(db, sessionId, other.id)])
	for (const [found, seen] of [[a, keep.version], [b, other.version]] as const) {
		const decision = decideOnIntent(found?.snapshot ?? null, seen)
		if (!decision.go) return refused(decision)
	}
	if (a!.intent.viewerKey !== b!.intent.viewerKey) return { ok: false, reason: 'not_same_viewer' }
	const items = mergeItems(parseIntentItems(a!.intent.items), parseIntentItems(b!.intent.items))
	const commentIds = [...new Set([...parseIds(a!.intent.commentIds), ...parseIds(b!.intent.commentIds)])]
	const merged = await db.$transaction(async (tx) => {
		const first = await tx.liveOrderIntent.updateMany({ where: { id: other.id, version: other.version, state: 'pending' }, data: { state: 'merged', decidedById: userId, decidedAt: new Date(), version: { increment: 1 } } })
		if (first.count !== 1) return false
		const second = await tx.liveOrderIntent.updateMany({
			where: { id: keep.id, version: keep.version, state: 'pending' },
			data: { items: JSON.stringify(items), commentIds: JSON.stringify(commentIds), phone: a!.intent.phone ?? b!.intent.phone, version: { increment: 1 } },
		})
		if (second.count !== 1) throw new LostRace()
		return true
	}).catch((error) => {
		if (error instanceof LostRace) return false
		throw error
	})
	if (!merged) return { ok: false, reason: 'changed' }
	await announce(coopId, sessionId, other.id, 'merged')
	await announce(coopId, sessionId, keep.id, 'pending')
	return { ok: true }
}

class LostRace extends Error {}

function parseIds(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json)
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
	} catch {
		return []
	}
}

export type IntentEdit = { items: IntentItem[]; phone: string; name: string }

/** Edit items, quantities, phone and name of a pending intent (codes must be in the lineup). */
export async function editIntent(coopId: string, sessionId: string, intentId: string, seenVersion: number, edit: IntentEdit, db: PrismaClient = getDb()): Promise<DecisionResult> {
	await requireSession(db, coopId, sessionId)
	if (edit.items.length === 0) return { ok: false, reason: 'empty' }
	const phone = edit.phone.trim() ? normaliseMobile(edit.phone) : null
	if (edit.phone.trim() && !phone) return { ok: false, reason: 'bad_phone' }
	const { unknown } = linesAtLineupPrice(edit.items, await lineupOf(db, sessionId))
	if (unknown.length > 0) return { ok: false, reason: 'unknown_codes', codes: unknown }
	const found = await snapshotOf(db, sessionId, intentId)
	const decision = decideOnIntent(found?.snapshot ?? null, seenVersion)
	if (!decision.go) return refused(decision)
	const updated = await db.liveOrderIntent.updateMany({
		where: { id: intentId, version: seenVersion, state: 'pending' },
		data: { items: JSON.stringify(mergeItems(edit.items, [])), phone, viewerName: normalizeText(edit.name), version: { increment: 1 } },
	})
	if (updated.count !== 1) return refusalAfterLostRace(db, sessionId, intentId, seenVersion)
	await announce(coopId, sessionId, intentId, 'pending')
	return { ok: true }
}

/** Puts one lineup item on screen (the overlay follows) and starts its segment clock. */
export async function setOnScreen(coopId: string, sessionId: string, itemId: string, db: PrismaClient = getDb(), now = new Date()) {
	const session = await requireSession(db, coopId, sessionId)
	const item = await db.liveItem.findFirst({ where: { id: itemId, sessionId }, select: { id: true } })
	if (!item) throw new LiveNotFound(itemId)
	if (session.onScreenItemId !== itemId) {
		await db.$transaction([
			db.liveItem.update({ where: { id: itemId }, data: { startedAt: now } }),
			db.liveSession.update({ where: { id: sessionId }, data: { onScreenItemId: itemId } }),
		])
	}
	await publishCoopEvent(coopId, { type: 'live.session.updated', sessionId, onScreenItemId: itemId, state: session.state }).catch(() => undefined)
}

export type CommentAction = { ok: true } | { ok: false; reason: 'already_replied' | 'not_possible' | 'platform'; detail?: string }

async function pageTokenOf(db: PrismaClient, coopId: string, channelId: string | null) {
	if (!channelId) return null
	const channel = await db.channel.findFirst({ where: { id: channelId, coopId, platform: 'facebook_page', archivedAt: null }, select: { externalId: true, accessToken: true } })
	if (!channel?.accessToken || !channel.externalId) return null
	return { pageId: channel.externalId, token: decryptSecret(channel.accessToken) }
}

/** A Facebook comment id (what the Graph API gave), as opposed to the hash a pasted comment gets. */
function isGraphCommentId(externalId: string) {
	return /^\d+(_\d+)?$/.test(externalId)
}

/**
 * Hides a comment that shows a phone number: on Facebook through the Graph
 * API (the commenter still sees it), for pasted comments only here.
 */
export async function hideComment(coopId: string, sessionId: string, commentId: string, db: PrismaClient = getDb()): Promise<CommentAction> {
	const session = await requireSession(db, coopId, sessionId)
	const comment = await db.liveComment.findFirst({ where: { id: commentId, sessionId } })
	if (!comment) throw new LiveNotFound(commentId)
	if (session.platform === 'facebook' && isGraphCommentId(comment.externalId)) {
		const page = await pageTokenOf(db, coopId, session.channelId)
		if (!page) return { ok: false, reason: 'not_possible' }
		try {
			await hideFacebookComment(tokenSettings(), page.token, comment.externalId)
		} catch (error) {
			if (error instanceof PlatformError) return { ok: false, reason: 'platform', detail: error.message }
			throw error
		}
	}
	await db.liveComment.update({ where: { id: commentId }, data: { hidden: true } })
	await publishCoopEvent(coopId, { type: 'live.comment', sessionId, commentId, intent: comment.intent }).catch(() => undefined)
	return { ok: true }
}

/** The one private reply a Page may send to a comment; recorded so it is never sent twice. */
export async function replyPrivately(coopId: string, sessionId: string, commentId: string, message: string, db: PrismaClient = getDb()): Promise<CommentAction> {
	const session = await requireSession(db, coopId, sessionId)
	const comment = await db.liveComment.findFirst({ where: { id: commentId, sessionId } })
	if (!comment) throw new LiveNotFound(commentId)
	if (comment.repliedAt) return { ok: false, reason: 'already_replied' }
	if (session.platform !== 'facebook' || !isGraphCommentId(comment.externalId)) return { ok: false, reason: 'not_possible' }
	const page = await pageTokenOf(db, coopId, session.channelId)
	if (!page) return { ok: false, reason: 'not_possible' }
	// Claim first: two staff tapping at once send one reply.
	const claimed = await db.liveComment.updateMany({ where: { id: commentId, repliedAt: null }, data: { repliedAt: new Date() } })
	if (claimed.count !== 1) return { ok: false, reason: 'already_replied' }
	try {
		await privateReplyToComment(tokenSettings(), page.token, page.pageId, comment.externalId, message.normalize('NFC').trim().slice(0, 2000))
	} catch (error) {
		if (error instanceof PlatformError && !error.ambiguous) {
			await db.liveComment.update({ where: { id: commentId }, data: { repliedAt: null } })
			return { ok: false, reason: 'platform', detail: error.message }
		}
		throw error
	}
	await publishCoopEvent(coopId, { type: 'live.comment', sessionId, commentId, intent: comment.intent }).catch(() => undefined)
	return { ok: true }
}

/** The paste box: comments typed or copied from another stream, through comment capture's importer. */
export async function pasteComments(coopId: string, sessionId: string, text: string, db: PrismaClient = getDb()) {
	await requireSession(db, coopId, sessionId)
	return importPasted(sessionId, text)
}
