// "Video nào mang lại đơn hàng?" — the results dashboard's numbers (issue 12;
// docs/decisions/191-results-dashboard.md). Everything is added up in SQL over
// the rollups (rollups.server.ts) and the latest engagement snapshot of each
// target; JavaScript only joins the grouped rows (one per target at most) and
// names them. The SQL is plain (no SQLite-only functions) so that it runs on
// PostgreSQL too (issue 14).

import { Prisma } from '~/generated/prisma/client.ts'
import { DEFAULT_TIME_ZONE, dayStart, shiftDay, today as todayIn, weekRange, dayOfInstant, type Day } from '~/utils/coop-time.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { isAttributionModel, isWindowDays, type AttributionModel } from './attribution.ts'
import { fillDays, funnelSteps, rates, readFilters, type FunnelStep, type Rates, type ResultsFilters, type TrendDay } from './metrics.ts'
import { toCsv, type CsvCell } from './csv.ts'
import { rebuildOrderResults } from './rollups.server.ts'

export type Figures = Rates & {
	views: number | null
	clicks: number
	orders: number
	revenueVnd: number
	estimatedOrders: number
	estimatedRevenueVnd: number
}

export type ChannelFigures = Figures & { targetId: string | null; channelId: string | null; channelName: string; platform: string }

export type SourceKind = 'post' | 'video' | 'live' | 'link'

export type SourceRow = Figures & {
	key: string
	kind: SourceKind
	id: string
	title: string
	postId: string | null
	renderId: string | null
	channels: ChannelFigures[]
}

export type Dashboard = {
	filters: ResultsFilters
	model: AttributionModel
	savedModel: AttributionModel
	windowDays: number
	timeZone: string
	rows: SourceRow[]
	totals: Figures
	unattributed: { orders: number; revenueVnd: number }
	funnel: FunnelStep[]
	trend: TrendDay[]
	choices: {
		channels: Array<{ id: string; name: string; platform: string }>
		products: Array<{ id: string; name: string }>
		videos: Array<{ id: string; title: string }>
	}
}

type GroupRow = {
	postId: string | null
	targetId: string | null
	channelId: string | null
	renderId: string | null
	liveSessionId: string | null
	linkId: string | null
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value))

/** The filter conditions on a rollup table, by its alias (product on the column named `productColumn`, when given). */
function conditions(alias: string, coopId: string, filters: ResultsFilters, productColumn: string | null) {
	const a = Prisma.raw(`"${alias}"`)
	const parts = [Prisma.sql`${a}."coopId" = ${coopId}`, Prisma.sql`${a}."day" >= ${filters.from}`, Prisma.sql`${a}."day" <= ${filters.to}`]
	if (filters.channelId) parts.push(Prisma.sql`${a}."channelId" = ${filters.channelId}`)
	if (filters.renderId) parts.push(Prisma.sql`${a}."renderId" = ${filters.renderId}`)
	if (filters.productId && productColumn) parts.push(Prisma.sql`${Prisma.raw(productColumn)} = ${filters.productId}`)
	return Prisma.join(parts, ' AND ')
}

/**
 * The grouping of every rollup: what a row points at, in the order of
 * ResultOrder_sources_idx so that SQLite groups while it reads the index.
 * A link's own id only matters when nothing else is named (sourceKey).
 */
function groupColumns(alias: string) {
	const a = `"${alias}"`
	return Prisma.raw(
		`${a}."postId" AS "postId", ${a}."targetId" AS "targetId", ${a}."channelId" AS "channelId", ${a}."renderId" AS "renderId", ${a}."liveSessionId" AS "liveSessionId", ${a}."linkId" AS "linkId"`,
	)
}

function groupBy(alias: string) {
	const a = `"${alias}"`
	return Prisma.raw(`${a}."postId", ${a}."targetId", ${a}."channelId", ${a}."renderId", ${a}."liveSessionId", ${a}."linkId"`)
}

async function exactOrders(db: PrismaClient, coopId: string, model: AttributionModel, filters: ResultsFilters) {
	if (filters.productId) {
		// Orders holding the product; their revenue is that product's lines.
		return db.$queryRaw<Array<GroupRow & { orders: unknown; revenue: unknown }>>`
			SELECT ${groupColumns('r')}, COUNT(DISTINCT "r"."orderId") AS "orders", SUM("l"."amountVnd") AS "revenue"
			FROM "ResultOrder" "r" JOIN "OrderLine" "l" ON "l"."orderId" = "r"."orderId"
			WHERE ${conditions('r', coopId, filters, '"l"."productId"')} AND "r"."model" = ${model} AND "r"."counted" = TRUE
			GROUP BY ${groupBy('r')}`
	}
	return db.$queryRaw<Array<GroupRow & { orders: unknown; revenue: unknown }>>`
		SELECT ${groupColumns('r')}, COUNT(*) AS "orders", SUM("r"."totalVnd") AS "revenue"
		FROM "ResultOrder" "r"
		WHERE ${conditions('r', coopId, filters, null)} AND "r"."model" = ${model} AND "r"."counted" = TRUE
		GROUP BY ${groupBy('r')}`
}

async function estimatedOrders(db: PrismaClient, coopId: string, model: AttributionModel, filters: ResultsFilters) {
	return db.$queryRaw<Array<GroupRow & { orders: unknown; revenue: unknown }>>`
		SELECT "e"."postId" AS "postId", "e"."targetId" AS "targetId", "e"."channelId" AS "channelId", "e"."renderId" AS "renderId",
			NULL AS "liveSessionId", NULL AS "linkId", SUM("e"."orderShare") AS "orders", SUM("e"."revenueVnd") AS "revenue"
		FROM "ResultEstimate" "e"
		WHERE ${conditions('e', coopId, filters, '"e"."productId"')} AND "e"."model" = ${model} AND "e"."counted" = TRUE
		GROUP BY "e"."postId", "e"."targetId", "e"."channelId", "e"."renderId"`
}

async function clicksByGroup(db: PrismaClient, coopId: string, filters: ResultsFilters) {
	return db.$queryRaw<Array<GroupRow & { clicks: unknown }>>`
		SELECT ${groupColumns('c')}, SUM("c"."clicks") AS "clicks"
		FROM "ResultClickDay" "c"
		WHERE ${conditions('c', coopId, filters, '"c"."productId"')}
		GROUP BY ${groupBy('c')}`
}

/** Each published target's views: its latest snapshot with a view count (targets published after the range are left out). */
async function viewsByTarget(db: PrismaClient, coopId: string, filters: ResultsFilters, before: Date) {
	const parts = [Prisma.sql`"t"."coopId" = ${coopId}`, Prisma.sql`"t"."state" = 'published'`, Prisma.sql`"t"."publishedAt" < ${before}`, Prisma.sql`"p"."archivedAt" IS NULL`]
	if (filters.channelId) parts.push(Prisma.sql`"t"."channelId" = ${filters.channelId}`)
	if (filters.renderId) parts.push(Prisma.sql`"p"."renderId" = ${filters.renderId}`)
	if (filters.productId) parts.push(Prisma.sql`"p"."productId" = ${filters.productId}`)
	return db.$queryRaw<Array<{ targetId: string; postId: string; channelId: string; renderId: string | null; views: unknown }>>`
		SELECT "t"."id" AS "targetId", "t"."postId" AS "postId", "t"."channelId" AS "channelId", "p"."renderId" AS "renderId",
			(SELECT "s"."views" FROM "EngagementSnapshot" "s" WHERE "s"."targetId" = "t"."id" AND "s"."views" IS NOT NULL ORDER BY "s"."takenAt" DESC LIMIT 1) AS "views"
		FROM "PostTarget" "t" JOIN "Post" "p" ON "p"."id" = "t"."postId"
		WHERE ${Prisma.join(parts, ' AND ')}`
}

async function trendRows(db: PrismaClient, coopId: string, model: AttributionModel, filters: ResultsFilters) {
	const orders = filters.productId
		? db.$queryRaw<Array<{ day: string; orders: unknown; revenue: unknown }>>`
			SELECT "r"."day" AS "day", COUNT(DISTINCT "r"."orderId") AS "orders", SUM("l"."amountVnd") AS "revenue"
			FROM "ResultOrder" "r" JOIN "OrderLine" "l" ON "l"."orderId" = "r"."orderId"
			WHERE ${conditions('r', coopId, filters, '"l"."productId"')} AND "r"."model" = ${model} AND "r"."counted" = TRUE AND "r"."credit" <> 'none'
			GROUP BY "r"."day"`
		: db.$queryRaw<Array<{ day: string; orders: unknown; revenue: unknown }>>`
			SELECT "r"."day" AS "day", COUNT(*) AS "orders", SUM("r"."totalVnd") AS "revenue"
			FROM "ResultOrder" "r"
			WHERE ${conditions('r', coopId, filters, null)} AND "r"."model" = ${model} AND "r"."counted" = TRUE AND "r"."credit" <> 'none'
			GROUP BY "r"."day"`
	const clicks = db.$queryRaw<Array<{ day: string; clicks: unknown }>>`
		SELECT "c"."day" AS "day", SUM("c"."clicks") AS "clicks" FROM "ResultClickDay" "c"
		WHERE ${conditions('c', coopId, filters, '"c"."productId"')} GROUP BY "c"."day"`
	const [orderRows, clickRows] = await Promise.all([orders, clicks])
	return fillDays(filters.from, filters.to, [
		...orderRows.map((row) => ({ day: row.day, orders: num(row.orders), revenueVnd: num(row.revenue) })),
		...clickRows.map((row) => ({ day: row.day, clicks: num(row.clicks) })),
	])
}

function sourceKey(group: GroupRow): { kind: SourceKind; id: string } | null {
	if (group.postId) return { kind: 'post', id: group.postId }
	if (group.renderId) return { kind: 'video', id: group.renderId }
	if (group.liveSessionId) return { kind: 'live', id: group.liveSessionId }
	if (group.linkId) return { kind: 'link', id: group.linkId }
	return null
}

type Sums = { views: number | null; clicks: number; orders: number; revenueVnd: number; estimatedOrders: number; estimatedRevenueVnd: number }
const emptySums = (): Sums => ({ views: null, clicks: 0, orders: 0, revenueVnd: 0, estimatedOrders: 0, estimatedRevenueVnd: 0 })
const withRates = <T extends Sums>(sums: T): T & Rates => ({ ...sums, ...rates(sums) })
const addViews = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0))

/** Rounds shares of estimated orders to two decimals for reading. */
const twoDecimals = (value: number) => Math.round(value * 100) / 100

/** The rows shown on the page; the CSV has them all. */
export const PAGE_ROWS = 50

/**
 * The whole dashboard for a co-op under `filters`: sources ranked by exact
 * orders and revenue, each with its channels side by side, the estimated
 * shares in their own columns, the unattributed orders, the funnel and the
 * trend per day. `limit` caps the rows (the CSV asks for all).
 */
export async function resultsDashboard(input: { coopId: string; filters: ResultsFilters; limit?: number }, db: PrismaClient = getDb()): Promise<Dashboard> {
	const { coopId, filters } = input
	const coop = await db.coop.findUnique({ where: { id: coopId }, select: { timezone: true, attributionModel: true, attributionWindowDays: true } })
	const timeZone = coop?.timezone ?? DEFAULT_TIME_ZONE
	const savedModel: AttributionModel = isAttributionModel(coop?.attributionModel) ? coop.attributionModel : 'last'
	const model = filters.model ?? savedModel
	const end = dayStart(shiftDay(filters.to, 1), timeZone)!
	const [orders, estimates, clicks, views, trend] = await Promise.all([
		exactOrders(db, coopId, model, filters),
		estimatedOrders(db, coopId, model, filters),
		clicksByGroup(db, coopId, filters),
		viewsByTarget(db, coopId, filters, end),
		trendRows(db, coopId, model, filters),
	])

	// One cell per target (or per post, video, livestream or link named without one).
	const sources = new Map<string, { kind: SourceKind; id: string; postId: string | null; renderId: string | null; cells: Map<string, Sums & { targetId: string | null; channelId: string | null }> }>()
	const unattributed = { orders: 0, revenueVnd: 0 }
	const cellOf = (group: GroupRow) => {
		const key = sourceKey(group)
		if (!key) return null
		const sourceId = `${key.kind}:${key.id}`
		let entry = sources.get(sourceId)
		if (!entry) {
			entry = { ...key, postId: group.postId, renderId: group.renderId, cells: new Map() }
			sources.set(sourceId, entry)
		}
		entry.renderId ??= group.renderId
		const cellKey = group.targetId ?? group.channelId ?? ''
		let cell = entry.cells.get(cellKey)
		if (!cell) {
			cell = { ...emptySums(), targetId: group.targetId, channelId: group.channelId }
			entry.cells.set(cellKey, cell)
		}
		return cell
	}
	for (const row of orders) {
		const cell = cellOf(row)
		if (!cell) {
			unattributed.orders += num(row.orders)
			unattributed.revenueVnd += num(row.revenue)
			continue
		}
		cell.orders += num(row.orders)
		cell.revenueVnd += num(row.revenue)
	}
	for (const row of estimates) {
		const cell = cellOf(row)
		if (!cell) continue
		cell.estimatedOrders += Number(row.orders ?? 0)
		cell.estimatedRevenueVnd += num(row.revenue)
	}
	for (const row of clicks) {
		const cell = cellOf(row)
		if (cell) cell.clicks += num(row.clicks)
	}
	// Every published target shows, also one with no reading, click or order yet (views unknown).
	for (const row of views) {
		const cell = cellOf({ postId: row.postId, targetId: row.targetId, channelId: row.channelId, renderId: row.renderId, liveSessionId: null, linkId: null })!
		if (row.views !== null) cell.views = addViews(cell.views, num(row.views))
	}

	const names = await sourceNames(db, coopId, [...sources.values()])
	const rows: SourceRow[] = [...sources.entries()].map(([key, entry]) => {
		const channels = [...entry.cells.values()].map((cell) => {
			const channel = cell.channelId ? names.channels.get(cell.channelId) : undefined
			return withRates({ ...cell, estimatedOrders: twoDecimals(cell.estimatedOrders), channelName: channel?.name ?? '', platform: channel?.platform ?? '' })
		})
		channels.sort((a, b) => a.channelName.localeCompare(b.channelName, 'vi'))
		const sums = channels.reduce<Sums>(
			(total, cell) => ({
				views: addViews(total.views, cell.views),
				clicks: total.clicks + cell.clicks,
				orders: total.orders + cell.orders,
				revenueVnd: total.revenueVnd + cell.revenueVnd,
				estimatedOrders: total.estimatedOrders + cell.estimatedOrders,
				estimatedRevenueVnd: total.estimatedRevenueVnd + cell.estimatedRevenueVnd,
			}),
			emptySums(),
		)
		return { ...withRates({ ...sums, estimatedOrders: twoDecimals(sums.estimatedOrders) }), key, kind: entry.kind, id: entry.id, postId: entry.postId, renderId: entry.renderId, title: names.title(entry), channels }
	})
	rows.sort(
		(a, b) =>
			b.orders - a.orders ||
			b.revenueVnd - a.revenueVnd ||
			b.estimatedOrders - a.estimatedOrders ||
			b.clicks - a.clicks ||
			(b.views ?? 0) - (a.views ?? 0) ||
			a.key.localeCompare(b.key),
	)
	const totalSums = rows.reduce<Sums>(
		(total, row) => ({
			views: addViews(total.views, row.views),
			clicks: total.clicks + row.clicks,
			orders: total.orders + row.orders,
			revenueVnd: total.revenueVnd + row.revenueVnd,
			estimatedOrders: total.estimatedOrders + row.estimatedOrders,
			estimatedRevenueVnd: total.estimatedRevenueVnd + row.estimatedRevenueVnd,
		}),
		emptySums(),
	)
	const totals = withRates({ ...totalSums, estimatedOrders: twoDecimals(totalSums.estimatedOrders) })
	return {
		filters,
		model,
		savedModel,
		windowDays: coop?.attributionWindowDays ?? 7,
		timeZone,
		rows: input.limit === undefined ? rows : rows.slice(0, input.limit),
		totals,
		unattributed,
		funnel: funnelSteps(totals),
		trend,
		choices: await filterChoices(db, coopId),
	}
}

async function sourceNames(db: PrismaClient, coopId: string, entries: Array<{ kind: SourceKind; id: string; postId: string | null; renderId: string | null; cells: Map<string, { channelId: string | null }> }>) {
	const ids = (kind: SourceKind) => entries.filter((entry) => entry.kind === kind).map((entry) => entry.id)
	const channelIds = [...new Set(entries.flatMap((entry) => [...entry.cells.values()].map((cell) => cell.channelId)).filter((id): id is string => Boolean(id)))]
	const [posts, renders, lives, links, channels] = await Promise.all([
		db.post.findMany({ where: { coopId, id: { in: ids('post') } }, select: { id: true, caption: true } }),
		db.render.findMany({ where: { coopId, id: { in: ids('video') } }, select: { id: true, edit: { select: { title: true } } } }),
		db.liveSession.findMany({ where: { coopId, id: { in: ids('live') } }, select: { id: true, title: true } }),
		db.trackedLink.findMany({ where: { coopId, id: { in: ids('link') } }, select: { id: true, label: true, slug: true } }),
		db.channel.findMany({ where: { coopId, id: { in: channelIds } }, select: { id: true, name: true, platform: true } }),
	])
	const byId = new Map<string, string>([
		...posts.map((post) => [`post:${post.id}`, snippet(post.caption)] as const),
		...renders.map((render) => [`video:${render.id}`, render.edit.title] as const),
		...lives.map((live) => [`live:${live.id}`, live.title] as const),
		...links.map((link) => [`link:${link.id}`, link.label || `/l/${link.slug}`] as const),
	])
	return {
		channels: new Map(channels.map((channel) => [channel.id, channel])),
		title: (entry: { kind: SourceKind; id: string }) => byId.get(`${entry.kind}:${entry.id}`) ?? '',
	}
}

function snippet(caption: string) {
	const flat = caption.replace(/\s+/g, ' ').trim()
	return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat
}

async function filterChoices(db: PrismaClient, coopId: string) {
	const [channels, products, renders] = await Promise.all([
		db.channel.findMany({ where: { coopId, archivedAt: null }, select: { id: true, name: true, platform: true }, orderBy: { name: 'asc' } }),
		db.product.findMany({ where: { coopId, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
		db.render.findMany({ where: { coopId, posts: { some: {} } }, select: { id: true, edit: { select: { title: true } } }, orderBy: { createdAt: 'desc' }, take: 200 }),
	])
	return { channels, products, videos: renders.map((render) => ({ id: render.id, title: render.edit.title })) }
}

/** The filters from a request's address, with days in the co-op's zone. */
export async function resultsFilters(coopId: string, url: URL, now = new Date(), db: PrismaClient = getDb()): Promise<ResultsFilters> {
	const coop = await db.coop.findUnique({ where: { id: coopId }, select: { timezone: true } })
	return readFilters(url.searchParams, todayIn(coop?.timezone ?? DEFAULT_TIME_ZONE, now))
}

export class AttributionSettingsError extends Error {
	constructor() {
		super('The model is last or first, the window 1 to 90 days')
		this.name = 'AttributionSettingsError'
	}
}

/** An owner saves the co-op's model and window; a new window recomputes every order's credit. */
export async function saveAttributionSettings(coopId: string, settings: { model: string; windowDays: number }, db: PrismaClient = getDb()) {
	if (!isAttributionModel(settings.model) || !isWindowDays(settings.windowDays)) throw new AttributionSettingsError()
	const before = await db.coop.findUnique({ where: { id: coopId }, select: { attributionWindowDays: true } })
	await db.coop.update({ where: { id: coopId }, data: { attributionModel: settings.model, attributionWindowDays: settings.windowDays } })
	if (before?.attributionWindowDays !== settings.windowDays) await rebuildOrderResults(db, coopId)
}

export type HomeSummary = { orders: number; revenueVnd: number; topVideo: { title: string; orders: number; revenueVnd: number } | null; week: { from: Day; to: Day } }

/**
 * This week at a glance for the home page (Monday to Sunday in the co-op's
 * zone): every order that is not cancelled and its revenue, and the source
 * with the most exactly attributed orders under the co-op's model.
 */
export async function homeSummary(coopId: string, now = new Date(), db: PrismaClient = getDb()): Promise<HomeSummary> {
	const coop = await db.coop.findUnique({ where: { id: coopId }, select: { timezone: true, attributionModel: true } })
	const timeZone = coop?.timezone ?? DEFAULT_TIME_ZONE
	const week = weekRange(now, timeZone)
	const from = dayOfInstant(week.start, timeZone)
	const to = shiftDay(from, 6)
	const totals = await db.order.aggregate({ where: { coopId, state: { not: 'cancelled' }, placedAt: { gte: week.start, lt: week.end } }, _count: { _all: true }, _sum: { totalVnd: true } })
	const dashboard = await resultsDashboard({ coopId, filters: { from, to, channelId: null, productId: null, renderId: null, model: null }, limit: 1 }, db)
	const top = dashboard.rows[0]
	return {
		orders: totals._count._all,
		revenueVnd: totals._sum.totalVnd ?? 0,
		topVideo: top && top.orders > 0 ? { title: top.title, orders: top.orders, revenueVnd: top.revenueVnd } : null,
		week: { from, to },
	}
}

/** The page's data for a request: the filters from its address, the first PAGE_ROWS sources, and whether there are more. */
export async function loadResults(coopId: string, url: URL, now = new Date(), db: PrismaClient = getDb()) {
	const filters = await resultsFilters(coopId, url, now, db)
	const dashboard = await resultsDashboard({ coopId, filters, limit: PAGE_ROWS + 1 }, db)
	return { ...dashboard, rows: dashboard.rows.slice(0, PAGE_ROWS), more: dashboard.rows.length > PAGE_ROWS }
}

type Translate = (key: string) => string

/**
 * Every source under the request's filters as CSV, one line per source and
 * one per channel of it, exact and estimated figures in their own columns,
 * unattributed orders last. Safe to open in a spreadsheet (csv.ts).
 */
export async function resultsCsv(coopId: string, url: URL, t: Translate, now = new Date(), db: PrismaClient = getDb()): Promise<{ csv: string; fileName: string }> {
	const filters = await resultsFilters(coopId, url, now, db)
	const dashboard = await resultsDashboard({ coopId, filters }, db)
	const header = [
		t('results:csv.kind'),
		t('results:csv.source'),
		t('results:csv.channel'),
		...(['views', 'clicks', 'clickThrough', 'orders', 'conversion', 'revenue', 'perThousand', 'estimatedOrders', 'estimatedRevenue'] as const).map((c) => t(`results:columns.${c}`)),
	]
	const line = (kind: string, title: string, channel: string, f: Figures): CsvCell[] => [
		kind,
		title,
		channel,
		f.views,
		f.clicks,
		f.clickThrough === null ? null : Math.round(f.clickThrough * 10_000) / 10_000,
		f.orders,
		f.conversion === null ? null : Math.round(f.conversion * 10_000) / 10_000,
		f.revenueVnd,
		f.revenuePerThousandViews,
		f.estimatedOrders,
		f.estimatedRevenueVnd,
	]
	const rows: CsvCell[][] = [header]
	for (const row of dashboard.rows) {
		const kind = t(`results:kind.${row.kind}`)
		rows.push(line(kind, row.title, '', row))
		if (row.channels.length > 1 || row.channels[0]?.channelName) {
			for (const channel of row.channels) rows.push(line(kind, row.title, channel.channelName || t('results:noChannel'), channel))
		}
	}
	rows.push([t('results:totals.unattributed'), '', '', null, null, null, dashboard.unattributed.orders, null, dashboard.unattributed.revenueVnd, null, null, null])
	return { csv: toCsv(rows), fileName: `ket-qua-${filters.from}-${filters.to}.csv` }
}
