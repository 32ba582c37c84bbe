// Orders from every channel (issue 12): one way in (createOrder) for web,
// staff, webhook, live and marketplace imports, and one way to move an order
// (moveOrder), each kept in OrderEvent with who and when. Idempotent on
// (coop, source, externalId): the same marketplace order or webhook delivery
// twice adds nothing (docs/decisions/182-results-tables.md).

import { isUniqueViolation } from '~/accounts/prisma-errors.server.ts'
import { refreshOrderResults } from '~/results/rollups.server.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { publishCoopEvent } from '~/utils/events.server.ts'
import { normalizeText } from '~/utils/vietnamese.ts'
import { canMoveOrder, type OrderSource, type OrderState, type Payment } from './order-state.ts'

export type OrderLineInput = {
	productId?: string | null
	code: string
	name: string
	unit?: string
	priceVnd: number
	qty: number
	/** Defaults to priceVnd × qty; marketplace lines carry their own. */
	amountVnd?: number
}

export type NewOrder = {
	source: OrderSource
	via?: string | null
	externalId?: string | null
	state?: OrderState
	customerName?: string
	/** Already normalised to 0xxxxxxxxx (app/live/phones-in-text.ts normaliseMobile). */
	customerPhone?: string | null
	address?: string
	note?: string
	payment?: Payment
	/** Defaults to the sum of the lines. */
	totalVnd?: number
	placedAt?: Date
	firstClickId?: string | null
	lastClickId?: string | null
	promoCode?: string | null
	liveSessionId?: string | null
	sourcePostId?: string | null
	sourceTargetId?: string | null
	importId?: string | null
	createdById?: string | null
	lines: OrderLineInput[]
}

export type CreatedOrder = { id: string; number: number; created: boolean }

export class UnknownProductError extends Error {
	constructor(readonly productIds: string[]) {
		super(`Products not found in this co-op: ${productIds.join(', ')}`)
		this.name = 'UnknownProductError'
	}
}

/**
 * Order lines for products of this co-op, copying code, name, unit and price
 * as sold now. Throws UnknownProductError for a product that is not the
 * co-op's (archived products can still be sold from an open page or live).
 */
export async function productLines(
	coopId: string,
	wanted: Array<{ productId: string; qty: number; priceVnd?: number }>,
	db: PrismaClient = getDb(),
): Promise<OrderLineInput[]> {
	const ids = [...new Set(wanted.map((w) => w.productId))]
	const products = await db.product.findMany({
		where: { coopId, id: { in: ids } },
		select: { id: true, code: true, name: true, unit: true, priceVnd: true },
	})
	const byId = new Map(products.map((p) => [p.id, p]))
	const missing = ids.filter((id) => !byId.has(id))
	if (missing.length > 0) throw new UnknownProductError(missing)
	return wanted.map((w) => {
		const p = byId.get(w.productId)!
		const priceVnd = w.priceVnd ?? p.priceVnd
		return { productId: p.id, code: p.code, name: p.name, unit: p.unit, priceVnd, qty: w.qty, amountVnd: priceVnd * w.qty }
	})
}

/**
 * Creates an order with its lines and its first history entry, numbered per
 * co-op, and announces `order.created` (unless `quiet`: an import announces
 * `orders.imported` once for all its orders). With an externalId already known
 * for this source it returns that order with `created: false` and changes nothing.
 */
export async function createOrder(
	coopId: string,
	input: NewOrder,
	db: PrismaClient = getDb(),
	options: { quiet?: boolean } = {},
): Promise<CreatedOrder> {
	if (input.lines.length === 0) throw new Error('An order needs at least one line')
	for (const line of input.lines) {
		if (!Number.isInteger(line.qty) || line.qty <= 0) throw new Error(`Quantity must be a whole number above 0: ${line.qty}`)
		if (!Number.isInteger(line.priceVnd) || line.priceVnd < 0) throw new Error(`Price must be a whole number of đồng: ${line.priceVnd}`)
	}
	const externalId = input.externalId?.trim() || null
	if (externalId) {
		const known = await findBySourceId(db, coopId, input.source, externalId)
		if (known) return { ...known, created: false }
	}
	const lines = input.lines.map((line) => ({
		productId: line.productId ?? null,
		code: line.code,
		name: normalizeText(line.name),
		unit: line.unit ?? '',
		priceVnd: line.priceVnd,
		qty: line.qty,
		amountVnd: line.amountVnd ?? line.priceVnd * line.qty,
	}))
	const state = input.state ?? 'new'
	// One statement gives the number; a failed create below leaves a gap, never a repeat.
	const { orderSeq: number } = await db.coop.update({ where: { id: coopId }, data: { orderSeq: { increment: 1 } }, select: { orderSeq: true } })
	try {
		const order = await db.order.create({
			data: {
				coopId,
				number,
				source: input.source,
				via: input.via ?? null,
				externalId,
				state,
				customerName: normalizeText(input.customerName ?? ''),
				customerPhone: input.customerPhone ?? null,
				address: normalizeText(input.address ?? ''),
				note: (input.note ?? '').normalize('NFC').trim(),
				payment: input.payment ?? 'cod',
				totalVnd: input.totalVnd ?? lines.reduce((sum, l) => sum + l.amountVnd, 0),
				placedAt: input.placedAt ?? new Date(),
				firstClickId: input.firstClickId ?? null,
				lastClickId: input.lastClickId ?? input.firstClickId ?? null,
				promoCode: input.promoCode ? input.promoCode.trim().toUpperCase() : null,
				liveSessionId: input.liveSessionId ?? null,
				sourcePostId: input.sourcePostId ?? null,
				sourceTargetId: input.sourceTargetId ?? null,
				importId: input.importId ?? null,
				createdById: input.createdById ?? null,
				lines: { create: lines },
				events: { create: { fromState: null, toState: state, byUserId: input.createdById ?? null } },
			},
			select: { id: true, number: true },
		})
		await countInResults(db, order.id)
		if (!options.quiet) await announceOrderEvent(coopId, { type: 'order.created', orderId: order.id, number: order.number, source: input.source })
		return { ...order, created: true }
	} catch (error) {
		if (externalId && isUniqueViolation(error)) {
			const known = await findBySourceId(db, coopId, input.source, externalId)
			if (known) return { ...known, created: false }
		}
		throw error
	}
}

async function findBySourceId(db: PrismaClient, coopId: string, source: string, externalId: string) {
	return db.order.findUnique({
		where: { coopId_source_externalId: { coopId, source, externalId } },
		select: { id: true, number: true },
	})
}

export type MoveResult = { ok: true; state: OrderState } | { ok: false; reason: 'not_found' | 'not_allowed' | 'changed' }

/**
 * Moves an order to `to` when that move is allowed from the state it is in
 * now, recording who and when. Two people moving it at once: one wins, the
 * other gets `changed` (the update is conditional on the state it read).
 */
export async function moveOrder(
	coopId: string,
	orderId: string,
	to: OrderState,
	byUserId: string | null,
	db: PrismaClient = getDb(),
): Promise<MoveResult> {
	const order = await db.order.findFirst({ where: { id: orderId, coopId }, select: { state: true } })
	if (!order) return { ok: false, reason: 'not_found' }
	const from = order.state as OrderState
	if (!canMoveOrder(from, to)) return { ok: false, reason: 'not_allowed' }
	const moved = await db.order.updateMany({ where: { id: orderId, coopId, state: from }, data: { state: to } })
	if (moved.count !== 1) return { ok: false, reason: 'changed' }
	await db.orderEvent.create({ data: { orderId, fromState: from, toState: to, byUserId } })
	await countInResults(db, orderId)
	await announceOrderEvent(coopId, { type: 'order.updated', orderId, state: to })
	return { ok: true, state: to }
}

export async function announceOrderEvent(coopId: string, event: Parameters<typeof publishCoopEvent>[1]) {
	// A live hint only: the order is saved whether or not Redis hears it.
	await publishCoopEvent(coopId, event).catch(() => undefined)
}

/**
 * Keeps the results tables (docs/decisions/190) in step with the order. The
 * order is saved whatever happens here; a failure is logged and the next
 * `rebuildResults` (on a settings change, or `studio rebuild-results`) puts it right.
 */
export async function countInResults(db: PrismaClient, orderId: string) {
	await refreshOrderResults(db, orderId).catch((error: unknown) => console.error(`results: order ${orderId} not counted yet; rebuildResults will`, error))
}
