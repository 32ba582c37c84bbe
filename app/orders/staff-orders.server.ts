// Staff entry (issue 12): an order taken on the phone, on Zalo or in person,
// with where the customer saw the co-op (a published post on a channel, a
// live) or the promo code they said. Created through createOrder, source `staff`.

import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { normalizeText } from '~/utils/vietnamese.ts'
import { normalisePromoCode } from './promo-code.ts'
import { isKnownPromoCode } from './promo-codes.server.ts'
import { readPickedSource, type StaffOrderForm } from './staff-order-schema.ts'
import { createOrder, productLines, UnknownProductError } from './orders.server.ts'

const RECENT_SOURCES = 30

/** What the entry form offers: the co-op's products and the places a customer may have seen it. */
export async function staffOrderChoices(coopId: string, db: PrismaClient = getDb()) {
	const [products, targets, lives] = await Promise.all([
		db.product.findMany({ where: { coopId, archivedAt: null }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, unit: true, priceVnd: true } }),
		db.postTarget.findMany({
			where: { coopId, state: 'published' },
			orderBy: { publishedAt: 'desc' },
			take: RECENT_SOURCES,
			select: { id: true, caption: true, publishedAt: true, channel: { select: { name: true, platform: true } }, post: { select: { caption: true } } },
		}),
		db.liveSession.findMany({
			where: { coopId, archivedAt: null },
			orderBy: { createdAt: 'desc' },
			take: 10,
			select: { id: true, title: true, state: true, startedAt: true },
		}),
	])
	return {
		products,
		sources: [
			...lives.map((l) => ({ value: `live:${l.id}`, kind: 'live' as const, channel: null, label: l.title })),
			...targets.map((t) => ({
				value: `target:${t.id}`,
				kind: 'target' as const,
				channel: t.channel.name,
				label: normalizeText(t.caption ?? t.post.caption).slice(0, 60),
			})),
		],
	}
}

export type StaffOrderRefusal = 'unknown-product' | 'unknown-source' | 'unknown-code'

export class StaffOrderError extends Error {
	constructor(readonly reason: StaffOrderRefusal) {
		super(`Staff order refused: ${reason}`)
		this.name = 'StaffOrderError'
	}
}

export async function createStaffOrder(coopId: string, userId: string, form: StaffOrderForm, db: PrismaClient = getDb()) {
	const lines = await productLines(
		coopId,
		form.lines.map((l) => ({ productId: l.productId, qty: l.qty, priceVnd: l.price })),
		db,
	).catch((error: unknown) => {
		if (error instanceof UnknownProductError) throw new StaffOrderError('unknown-product')
		throw error
	})
	const picked = readPickedSource(form.source)
	let sourceTargetId: string | null = null
	let sourcePostId: string | null = null
	let liveSessionId: string | null = null
	if (picked?.kind === 'target') {
		const target = await db.postTarget.findFirst({ where: { id: picked.id, coopId }, select: { id: true, postId: true } })
		if (!target) throw new StaffOrderError('unknown-source')
		sourceTargetId = target.id
		sourcePostId = target.postId
	} else if (picked?.kind === 'live') {
		const live = await db.liveSession.findFirst({ where: { id: picked.id, coopId }, select: { id: true } })
		if (!live) throw new StaffOrderError('unknown-source')
		liveSessionId = live.id
	}
	let promoCode: string | null = null
	if (form.promoCode) {
		const reading = normalisePromoCode(form.promoCode)
		if (!reading.ok || !(await isKnownPromoCode(coopId, reading.code, db))) throw new StaffOrderError('unknown-code')
		promoCode = reading.code
	}
	return createOrder(
		coopId,
		{
			source: 'staff',
			via: form.via,
			customerName: form.customerName,
			customerPhone: form.phone,
			address: form.address,
			note: form.note,
			payment: form.payment,
			sourceTargetId,
			sourcePostId,
			liveSessionId,
			promoCode,
			createdById: userId,
			lines,
		},
		db,
	)
}
