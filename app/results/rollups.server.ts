// The results rollups, kept on write (docs/decisions/190-results-rollups.md).
// Three hooks for the writers of clicks and orders:
//   - countClickInResults(db, click): the click recorder, after it stores a Click;
//   - refreshOrderResults(db, orderId): createOrder after the order is written,
//     moveOrder after a change of state, and anything else that edits an order;
//   - rebuildResults(db, coopId): after the co-op changes its window or time zone
//     (saveAttributionSettings calls it), or to repair.
// The dashboard only adds up these rows.

import { Prisma } from '~/generated/prisma/client.ts'
import { DEFAULT_TIME_ZONE, dayOfInstant } from '~/utils/coop-time.ts'
import type { PrismaClient } from '~/utils/db.server.ts'
import {
	ATTRIBUTION_MODELS,
	attribute,
	estimateShares,
	isMarketplace,
	source,
	type ClickFact,
	type CreditSource,
	type ListingClicks,
	type OrderFacts,
} from './attribution.ts'

type Db = PrismaClient | Prisma.TransactionClient

const DAY_MS = 86_400_000

type LinkRow = {
	id: string
	coopId: string
	kind: string
	destination: string
	postTargetId: string | null
	postId: string | null
	renderId: string | null
	liveSessionId: string | null
	productId: string | null
}

export type LinkSource = CreditSource & { productId: string | null; kind: string; destination: string }

/** What a tracked link points at, with the channel of its target and the post's video and product filled in. */
async function linkSources(db: Db, links: LinkRow[]): Promise<Map<string, LinkSource>> {
	const targetIds = [...new Set(links.map((link) => link.postTargetId).filter((id): id is string => Boolean(id)))]
	const targets = targetIds.length
		? await db.postTarget.findMany({ where: { id: { in: targetIds } }, select: { id: true, postId: true, channelId: true, post: { select: { renderId: true, productId: true } } } })
		: []
	const postIds = [...new Set(links.filter((link) => !link.postTargetId && link.postId).map((link) => link.postId!))]
	const posts = postIds.length ? await db.post.findMany({ where: { id: { in: postIds } }, select: { id: true, renderId: true, productId: true } }) : []
	const targetById = new Map(targets.map((target) => [target.id, target]))
	const postById = new Map(posts.map((post) => [post.id, post]))
	return new Map(
		links.map((link) => {
			const target = link.postTargetId ? targetById.get(link.postTargetId) : undefined
			const post = link.postId ? postById.get(link.postId) : undefined
			return [
				link.id,
				{
					...source({
						postId: target?.postId ?? link.postId,
						targetId: link.postTargetId,
						renderId: link.renderId ?? target?.post.renderId ?? post?.renderId ?? null,
						channelId: target?.channelId ?? null,
						liveSessionId: link.liveSessionId,
						linkId: link.id,
					}),
					productId: link.productId ?? target?.post.productId ?? post?.productId ?? null,
					kind: link.kind,
					destination: link.destination,
				},
			]
		}),
	)
}

const LINK_SELECT = { id: true, coopId: true, kind: true, destination: true, postTargetId: true, postId: true, renderId: true, liveSessionId: true, productId: true } as const

async function coopSettings(db: Db, coopId: string) {
	const coop = await db.coop.findUnique({ where: { id: coopId }, select: { timezone: true, attributionWindowDays: true } })
	return { timeZone: coop?.timezone ?? DEFAULT_TIME_ZONE, windowDays: coop?.attributionWindowDays ?? 7 }
}

/** Adds `count` counted clicks of a link on a day, creating the day's row when it is the first. */
async function addClicks(db: Db, coopId: string, link: LinkSource, day: string, count: number) {
	await db.$executeRaw`
		INSERT INTO "ResultClickDay" ("linkId", "day", "coopId", "clicks", "kind", "destination", "postId", "targetId", "renderId", "channelId", "productId", "liveSessionId")
		VALUES (${link.linkId}, ${day}, ${coopId}, ${count}, ${link.kind}, ${link.destination}, ${link.postId}, ${link.targetId}, ${link.renderId}, ${link.channelId}, ${link.productId}, ${link.liveSessionId})
		ON CONFLICT ("linkId", "day") DO UPDATE SET "clicks" = "ResultClickDay"."clicks" + ${count}`
}

/**
 * Hook for the click recorder: call it once after storing a click. Counts the
 * click on its day (in the co-op's zone) when it is counted and not a bot.
 */
export async function countClickInResults(db: Db, click: { linkId: string; coopId: string; at: Date; counted: boolean; bot: boolean }) {
	if (!click.counted || click.bot) return
	const link = await db.trackedLink.findFirst({ where: { id: click.linkId, coopId: click.coopId }, select: LINK_SELECT })
	if (!link) return
	const [sources, { timeZone }] = await Promise.all([linkSources(db, [link]), coopSettings(db, click.coopId)])
	await addClicks(db, click.coopId, sources.get(link.id)!, dayOfInstant(click.at, timeZone), 1)
}

/**
 * The same for a batch of stored clicks (the click recorder's flush): one
 * lookup of the links and of each co-op's zone, one upsert per link and day.
 */
export async function countClicksInResults(db: Db, clicks: Array<{ linkId: string; coopId: string; at: Date; counted: boolean; bot: boolean }>) {
	const kept = clicks.filter((click) => click.counted && !click.bot)
	if (kept.length === 0) return
	const links = await db.trackedLink.findMany({ where: { id: { in: [...new Set(kept.map((c) => c.linkId))] } }, select: LINK_SELECT })
	const sources = await linkSources(db, links)
	const zones = new Map<string, string>()
	for (const coopId of new Set(links.map((l) => l.coopId))) zones.set(coopId, (await coopSettings(db, coopId)).timeZone)
	const counts = new Map<string, { coopId: string; linkId: string; day: string; count: number }>()
	for (const click of kept) {
		const link = links.find((l) => l.id === click.linkId)
		if (!link || link.coopId !== click.coopId) continue
		const day = dayOfInstant(click.at, zones.get(link.coopId) ?? DEFAULT_TIME_ZONE)
		const key = `${link.id}|${day}`
		const entry = counts.get(key) ?? { coopId: link.coopId, linkId: link.id, day, count: 0 }
		entry.count++
		counts.set(key, entry)
	}
	for (const { coopId, linkId, day, count } of counts.values()) await addClicks(db, coopId, sources.get(linkId)!, day, count)
}

/** A click an order remembers, found by the id passed to the product page or by its row id. */
async function clickFact(db: Db, coopId: string, clickId: string | null): Promise<ClickFact | null> {
	if (!clickId) return null
	const click = await db.click.findFirst({ where: { coopId, OR: [{ clickId }, { id: clickId }] }, select: { at: true, link: { select: LINK_SELECT } } })
	if (!click) return null
	const sources = await linkSources(db, [click.link])
	const { productId: _p, kind: _k, destination: _d, ...credit } = sources.get(click.link.id)!
	return { at: click.at, source: credit }
}

async function promoSource(db: Db, coopId: string, code: string | null): Promise<CreditSource | null> {
	if (!code) return null
	const promo = await db.promoCode.findFirst({ where: { coopId, code: code.trim().toUpperCase() }, select: { postId: true, postTargetId: true, renderId: true, liveSessionId: true } })
	if (!promo) return null
	return pointedSource(db, coopId, { postId: promo.postId, targetId: promo.postTargetId, renderId: promo.renderId, liveSessionId: promo.liveSessionId })
}

/** A post, target, video or livestream someone named, with the target's channel and the post's video filled in. */
async function pointedSource(db: Db, coopId: string, named: { postId: string | null; targetId: string | null; renderId?: string | null; liveSessionId?: string | null }): Promise<CreditSource | null> {
	const target = named.targetId
		? await db.postTarget.findFirst({ where: { id: named.targetId, coopId }, select: { id: true, postId: true, channelId: true, post: { select: { renderId: true } } } })
		: null
	const postId = target?.postId ?? named.postId
	const post = !target && postId ? await db.post.findFirst({ where: { id: postId, coopId }, select: { renderId: true } }) : null
	const credit = source({
		postId: target || post ? postId : null,
		targetId: target?.id ?? null,
		channelId: target?.channelId ?? null,
		renderId: named.renderId ?? target?.post.renderId ?? post?.renderId ?? null,
		liveSessionId: named.liveSessionId ?? null,
	})
	return credit.postId || credit.renderId || credit.liveSessionId ? credit : null
}

/** For each product, the links to its listing on `marketplace` and their counted clicks between `from` and `to`. */
async function listingClicks(db: Db, coopId: string, marketplace: string, productIds: string[], from: Date, to: Date): Promise<Map<string, ListingClicks[]>> {
	const byProduct = new Map<string, ListingClicks[]>()
	if (productIds.length === 0) return byProduct
	const links = await db.trackedLink.findMany({ where: { coopId, destination: marketplace, productId: { in: productIds } }, select: LINK_SELECT })
	if (links.length === 0) return byProduct
	const counts = await db.click.groupBy({
		by: ['linkId'],
		where: { coopId, linkId: { in: links.map((link) => link.id) }, counted: true, bot: false, at: { gte: from, lte: to } },
		_count: { _all: true },
	})
	const sources = await linkSources(db, links)
	const countByLink = new Map(counts.map((row) => [row.linkId, row._count._all]))
	for (const link of links) {
		const clicks = countByLink.get(link.id) ?? 0
		if (clicks === 0) continue
		const { productId, kind: _k, destination: _d, ...credit } = sources.get(link.id)!
		const list = byProduct.get(productId!) ?? []
		list.push({ source: credit, clicks })
		byProduct.set(productId!, list)
	}
	return byProduct
}

/**
 * Hook for createOrder, moveOrder and any edit of an order: decides the
 * order's credit under each model with the co-op's window and stores it, with
 * the estimated shares of a marketplace order that has no exact credit.
 * Idempotent; an order that is gone (or another co-op's) is removed.
 */
export async function refreshOrderResults(db: Db, orderId: string, settings?: { timeZone: string; windowDays: number }) {
	const order = await db.order.findUnique({
		where: { id: orderId },
		select: {
			id: true,
			coopId: true,
			source: true,
			state: true,
			totalVnd: true,
			placedAt: true,
			updatedAt: true,
			firstClickId: true,
			lastClickId: true,
			promoCode: true,
			liveSessionId: true,
			sourcePostId: true,
			sourceTargetId: true,
			lines: { select: { productId: true, amountVnd: true } },
		},
	})
	await db.resultOrder.deleteMany({ where: { orderId } })
	await db.resultEstimate.deleteMany({ where: { orderId } })
	if (!order) return
	const { timeZone, windowDays } = settings ?? (await coopSettings(db, order.coopId))
	const [firstClick, lastClick, promo, staff] = await Promise.all([
		clickFact(db, order.coopId, order.firstClickId),
		clickFact(db, order.coopId, order.lastClickId),
		promoSource(db, order.coopId, order.promoCode),
		order.sourceTargetId || order.sourcePostId ? pointedSource(db, order.coopId, { postId: order.sourcePostId, targetId: order.sourceTargetId }) : null,
	])
	const facts: OrderFacts = { placedAt: order.placedAt, liveSessionId: order.liveSessionId, promo, staff, firstClick, lastClick }
	const day = dayOfInstant(order.placedAt, timeZone)
	const counted = order.state !== 'cancelled'
	let listings: Map<string, ListingClicks[]> | null = null
	for (const model of ATTRIBUTION_MODELS) {
		const credit = attribute(facts, model, windowDays)
		await db.resultOrder.create({
			data: { orderId, model, coopId: order.coopId, day, placedAt: order.placedAt, counted, totalVnd: order.totalVnd, source: order.source, credit: credit.kind, ...credit.source, orderUpdatedAt: order.updatedAt },
		})
		if (credit.kind !== 'none' || !isMarketplace(order.source)) continue
		const productIds = [...new Set(order.lines.map((line) => line.productId).filter((id): id is string => Boolean(id)))]
		listings ??= await listingClicks(db, order.coopId, order.source, productIds, new Date(order.placedAt.getTime() - windowDays * DAY_MS), order.placedAt)
		const shares = estimateShares({ totalVnd: order.totalVnd, lines: order.lines }, listings)
		if (shares.length === 0) continue
		await db.resultEstimate.createMany({
			data: shares.map((share) => ({
				orderId,
				model,
				coopId: order.coopId,
				day,
				counted,
				productId: share.productId,
				postId: share.source.postId,
				targetId: share.source.targetId,
				renderId: share.source.renderId,
				channelId: share.source.channelId,
				orderShare: share.orderShare,
				revenueVnd: share.revenueVnd,
			})),
		})
	}
}

const REBUILD_BATCH = 5000

/**
 * Recomputes every rollup of a co-op from its clicks and orders: after the
 * co-op changes its window or its time zone, or to repair rows a writer did
 * not keep. Clicks are read in batches and counted per link and day.
 */
export async function rebuildResults(db: PrismaClient, coopId: string) {
	const { timeZone, windowDays } = await coopSettings(db, coopId)
	await db.resultClickDay.deleteMany({ where: { coopId } })
	const links = await db.trackedLink.findMany({ where: { coopId }, select: LINK_SELECT })
	const sources = await linkSources(db, links)
	const counts = new Map<string, number>()
	let cursor: string | undefined
	for (;;) {
		const clicks = await db.click.findMany({
			where: { coopId, counted: true, bot: false },
			select: { id: true, linkId: true, at: true },
			orderBy: { id: 'asc' },
			take: REBUILD_BATCH,
			...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
		})
		for (const click of clicks) {
			const key = `${click.linkId}\n${dayOfInstant(click.at, timeZone)}`
			counts.set(key, (counts.get(key) ?? 0) + 1)
		}
		if (clicks.length < REBUILD_BATCH) break
		cursor = clicks[clicks.length - 1]!.id
	}
	for (const [key, count] of counts) {
		const [linkId, day] = key.split('\n') as [string, string]
		const link = sources.get(linkId)
		if (link) await addClicks(db, coopId, link, day, count)
	}
	await rebuildOrderResults(db, coopId, { timeZone, windowDays })
}

/** Recomputes the credit of every order of a co-op (the window or the zone changed). */
export async function rebuildOrderResults(db: PrismaClient, coopId: string, settings?: { timeZone: string; windowDays: number }) {
	const resolved = settings ?? (await coopSettings(db, coopId))
	await db.resultOrder.deleteMany({ where: { coopId } })
	await db.resultEstimate.deleteMany({ where: { coopId } })
	const orders = await db.order.findMany({ where: { coopId }, select: { id: true } })
	for (const order of orders) await refreshOrderResults(db, order.id, resolved)
}
