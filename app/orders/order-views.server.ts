// What the orders screens read (the list with its totals, one order with its
// history and attribution facts) and the customer edit. Everything is scoped
// by coopId: another co-op's order is "not found".

import { dayStart, shiftDay } from '~/utils/coop-time.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { foldForMatching, normalizeText } from '~/utils/vietnamese.ts'
import { readOrderSearch, type OrderFilters } from './order-filters.ts'
import { countsInRevenue, type OrderState } from './order-state.ts'
import { announceOrderEvent } from './orders.server.ts'

export const ORDER_LIST_PAGE = 100
/** How many orders a name search reads to fold their names (SQLite cannot match accent-insensitively). */
const NAME_SEARCH_SCAN = 20_000

type Where = NonNullable<Parameters<PrismaClient['order']['findMany']>[0]>['where']

async function orderWhere(db: PrismaClient, coopId: string, filters: OrderFilters, timeZone: string): Promise<Where> {
	const where: NonNullable<Where> = { coopId }
	if (filters.state) where.state = filters.state
	if (filters.source) where.source = filters.source
	const from = filters.from ? dayStart(filters.from, timeZone) : null
	const to = filters.to ? dayStart(shiftDay(filters.to, 1), timeZone) : null
	if (from || to) where.placedAt = { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) }
	if (filters.q) {
		const search = readOrderSearch(filters.q)
		const folded = foldForMatching(search.text)
		const byName = await db.order.findMany({
			where: { ...where },
			select: { id: true, customerName: true },
			orderBy: { placedAt: 'desc' },
			take: NAME_SEARCH_SCAN,
		})
		const ids = byName.filter((o) => foldForMatching(o.customerName).includes(folded)).map((o) => o.id)
		where.OR = [
			{ id: { in: ids } },
			...(search.number !== null ? [{ number: search.number }] : []),
			...(search.phone ? [{ customerPhone: search.phone }] : []),
			{ externalId: search.text },
		]
	}
	return where
}

export type OrderListItem = Awaited<ReturnType<typeof listOrders>>['orders'][number]

export async function listOrders(coopId: string, filters: OrderFilters, timeZone: string, db: PrismaClient = getDb()) {
	const where = await orderWhere(db, coopId, filters, timeZone)
	const [orders, byState] = await Promise.all([
		db.order.findMany({
			where,
			orderBy: [{ placedAt: 'desc' }, { number: 'desc' }],
			take: ORDER_LIST_PAGE,
			select: {
				id: true,
				number: true,
				source: true,
				state: true,
				customerName: true,
				customerPhone: true,
				totalVnd: true,
				placedAt: true,
				promoCode: true,
				lines: { select: { name: true, qty: true }, take: 3 },
			},
		}),
		db.order.groupBy({ where, by: ['state'], _count: { _all: true }, _sum: { totalVnd: true } }),
	])
	let count = 0
	let revenueVnd = 0
	let cancelled = 0
	for (const group of byState) {
		if (countsInRevenue(group.state)) {
			count += group._count._all
			revenueVnd += group._sum.totalVnd ?? 0
		} else cancelled += group._count._all
	}
	return { orders, totals: { count, revenueVnd, cancelled, shown: orders.length, all: count + cancelled } }
}

export type AttributionFacts = {
	promoCode: { code: string; known: boolean; caption: string | null } | null
	click: { slug: string; kind: string; caption: string | null } | null
	live: { id: string; title: string } | null
	staffPick: { caption: string | null; channel: string | null } | null
	importFile: string | null
}

const captionStart = (caption: string | null | undefined) => {
	if (!caption) return null
	const text = normalizeText(caption)
	return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

export async function getOrder(coopId: string, orderId: string, db: PrismaClient = getDb()) {
	const order = await db.order.findFirst({
		where: { id: orderId, coopId },
		include: { lines: true, events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
	})
	if (!order) return null
	const userIds = [...new Set([order.createdById, ...order.events.map((e) => e.byUserId)].filter((id): id is string => Boolean(id)))]
	const [users, attribution] = await Promise.all([
		db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
		attributionFacts(db, coopId, order),
	])
	const names = new Map(users.map((u) => [u.id, u.name]))
	return {
		...order,
		state: order.state as OrderState,
		attribution,
		history: order.events.map((e) => ({
			id: e.id,
			from: e.fromState,
			to: e.toState,
			at: e.at,
			by: e.byUserId ? (names.get(e.byUserId) ?? null) : null,
			edited: readEdited(e.detail),
		})),
	}
}

function readEdited(detail: string | null): string[] {
	if (!detail) return []
	try {
		const parsed = JSON.parse(detail) as { edited?: unknown }
		return Array.isArray(parsed.edited) ? parsed.edited.filter((f): f is string => typeof f === 'string') : []
	} catch {
		return []
	}
}

async function postCaption(db: PrismaClient, coopId: string, postId: string | null | undefined) {
	if (!postId) return null
	const post = await db.post.findFirst({ where: { id: postId, coopId }, select: { caption: true } })
	return captionStart(post?.caption)
}

async function attributionFacts(
	db: PrismaClient,
	coopId: string,
	order: { promoCode: string | null; lastClickId: string | null; liveSessionId: string | null; sourcePostId: string | null; sourceTargetId: string | null; importId: string | null },
): Promise<AttributionFacts> {
	const facts: AttributionFacts = { promoCode: null, click: null, live: null, staffPick: null, importFile: null }
	if (order.promoCode) {
		const promo = await db.promoCode.findUnique({ where: { coopId_code: { coopId, code: order.promoCode } } })
		let caption = await postCaption(db, coopId, promo?.postId)
		if (!caption && promo?.postTargetId) {
			const target = await db.postTarget.findFirst({ where: { id: promo.postTargetId, coopId }, select: { postId: true } })
			caption = await postCaption(db, coopId, target?.postId)
		}
		facts.promoCode = { code: order.promoCode, known: Boolean(promo), caption }
	}
	if (order.lastClickId) {
		const click = await db.click.findFirst({
			where: { clickId: order.lastClickId, coopId },
			select: { link: { select: { slug: true, kind: true, postId: true } } },
		})
		if (click) facts.click = { slug: click.link.slug, kind: click.link.kind, caption: await postCaption(db, coopId, click.link.postId) }
	}
	if (order.liveSessionId) {
		const live = await db.liveSession.findFirst({ where: { id: order.liveSessionId, coopId }, select: { id: true, title: true } })
		if (live) facts.live = live
	}
	if (order.sourceTargetId || order.sourcePostId) {
		const target = order.sourceTargetId
			? await db.postTarget.findFirst({ where: { id: order.sourceTargetId, coopId }, select: { postId: true, caption: true, channel: { select: { name: true } } } })
			: null
		const postCaptionText = await postCaption(db, coopId, target?.postId ?? order.sourcePostId)
		facts.staffPick = { caption: captionStart(target?.caption) ?? postCaptionText, channel: target?.channel.name ?? null }
	}
	if (order.importId) {
		const found = await db.orderImport.findFirst({ where: { id: order.importId, coopId }, select: { fileName: true } })
		facts.importFile = found?.fileName ?? null
	}
	return facts
}

export type CustomerFields = { customerName: string; customerPhone: string | null; address: string; note: string }

/**
 * Saves the customer's fields and records which changed in the order's history
 * (an event whose state does not move, with `{"edited": [...]}`). Nothing
 * changed: nothing recorded. Null when the order is not this co-op's.
 */
export async function editOrderCustomer(coopId: string, orderId: string, fields: CustomerFields, byUserId: string, db: PrismaClient = getDb()) {
	const order = await db.order.findFirst({ where: { id: orderId, coopId }, select: { state: true, customerName: true, customerPhone: true, address: true, note: true } })
	if (!order) return null
	const next: CustomerFields = {
		customerName: normalizeText(fields.customerName),
		customerPhone: fields.customerPhone,
		address: normalizeText(fields.address),
		note: fields.note.normalize('NFC').trim(),
	}
	const edited = (Object.keys(next) as (keyof CustomerFields)[]).filter((key) => next[key] !== order[key])
	if (edited.length === 0) return { edited }
	await db.$transaction([
		db.order.update({ where: { id: orderId }, data: next }),
		db.orderEvent.create({ data: { orderId, fromState: order.state, toState: order.state, byUserId, detail: JSON.stringify({ edited }) } }),
	])
	await announceOrderEvent(coopId, { type: 'order.updated', orderId, state: order.state })
	return { edited }
}
