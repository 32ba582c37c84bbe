// Promo codes of a co-op (issue 12): one per video, post, target or live,
// unique per co-op, counted by the orders that carry them.

import { isUniqueViolation } from '~/accounts/prisma-errors.server.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { normalizeText } from '~/utils/vietnamese.ts'
import { normalisePromoCode, type PromoCodeProblem } from './promo-code.ts'

export type PromoTarget = { kind: 'post' | 'target' | 'render' | 'live'; id: string }

export class PromoCodeError extends Error {
	constructor(readonly problem: PromoCodeProblem | 'taken' | 'unknown-target') {
		super(`Promo code refused: ${problem}`)
		this.name = 'PromoCodeError'
	}
}

async function checkTarget(db: PrismaClient, coopId: string, target: PromoTarget) {
	const where = { id: target.id, coopId }
	const found =
		target.kind === 'post'
			? await db.post.findFirst({ where, select: { id: true } })
			: target.kind === 'target'
				? await db.postTarget.findFirst({ where, select: { postId: true } })
				: target.kind === 'render'
					? await db.render.findFirst({ where, select: { id: true } })
					: await db.liveSession.findFirst({ where, select: { id: true } })
	if (!found) throw new PromoCodeError('unknown-target')
	return found
}

/** Creates a code for one post, target, render or live; throws PromoCodeError with what to fix. */
export async function createPromoCode(coopId: string, input: { code: string; target: PromoTarget; note?: string }, db: PrismaClient = getDb()) {
	const reading = normalisePromoCode(input.code)
	if (!reading.ok) throw new PromoCodeError(reading.problem)
	const found = await checkTarget(db, coopId, input.target)
	const { kind, id } = input.target
	try {
		return await db.promoCode.create({
			data: {
				coopId,
				code: reading.code,
				postId: kind === 'post' ? id : kind === 'target' && 'postId' in found ? found.postId : null,
				postTargetId: kind === 'target' ? id : null,
				renderId: kind === 'render' ? id : null,
				liveSessionId: kind === 'live' ? id : null,
				note: normalizeText(input.note ?? ''),
			},
			select: { id: true, code: true },
		})
	} catch (error) {
		if (isUniqueViolation(error)) throw new PromoCodeError('taken')
		throw error
	}
}

/** The co-op's live codes (stored form), for matching in buyers' notes. */
export async function knownPromoCodes(coopId: string, db: PrismaClient = getDb()): Promise<string[]> {
	const rows = await db.promoCode.findMany({ where: { coopId, archivedAt: null }, select: { code: true } })
	return rows.map((r) => r.code)
}

/** Whether `code` (stored form) is one of the co-op's codes. */
export async function isKnownPromoCode(coopId: string, code: string, db: PrismaClient = getDb()) {
	return (await db.promoCode.count({ where: { coopId, code, archivedAt: null } })) === 1
}

/** Every code with what it was made for and how many orders carry it (cancelled ones apart). */
export async function listPromoCodes(coopId: string, db: PrismaClient = getDb()) {
	const [codes, counts] = await Promise.all([
		db.promoCode.findMany({ where: { coopId, archivedAt: null }, orderBy: { createdAt: 'desc' } }),
		db.order.groupBy({ where: { coopId, promoCode: { not: null }, state: { not: 'cancelled' } }, by: ['promoCode'], _count: { _all: true } }),
	])
	const orders = new Map(counts.map((c) => [c.promoCode, c._count._all]))
	const postIds = codes.map((c) => c.postId).filter((id): id is string => Boolean(id))
	const liveIds = codes.map((c) => c.liveSessionId).filter((id): id is string => Boolean(id))
	const [posts, lives] = await Promise.all([
		db.post.findMany({ where: { coopId, id: { in: postIds } }, select: { id: true, caption: true } }),
		db.liveSession.findMany({ where: { coopId, id: { in: liveIds } }, select: { id: true, title: true } }),
	])
	const captions = new Map(posts.map((p) => [p.id, normalizeText(p.caption).slice(0, 60)]))
	const titles = new Map(lives.map((l) => [l.id, l.title]))
	return codes.map((c) => ({
		id: c.id,
		code: c.code,
		note: c.note,
		forPost: c.postId ? (captions.get(c.postId) ?? '') : null,
		forLive: c.liveSessionId ? (titles.get(c.liveSessionId) ?? '') : null,
		forRender: c.renderId,
		orders: orders.get(c.code) ?? 0,
	}))
}

/** What a code can be made for: recent posts and livestreams of the co-op. */
export async function promoCodeChoices(coopId: string, db: PrismaClient = getDb()) {
	const [posts, lives] = await Promise.all([
		db.post.findMany({ where: { coopId, archivedAt: null }, orderBy: { createdAt: 'desc' }, take: 30, select: { id: true, caption: true } }),
		db.liveSession.findMany({ where: { coopId, archivedAt: null }, orderBy: { createdAt: 'desc' }, take: 10, select: { id: true, title: true } }),
	])
	return [
		...posts.map((p) => ({ value: `post:${p.id}`, kind: 'post' as const, label: normalizeText(p.caption).slice(0, 60) })),
		...lives.map((l) => ({ value: `live:${l.id}`, kind: 'live' as const, label: l.title })),
	]
}
