import crypto from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { engagementByPlatform } from '~/publishing/calendar.server.ts'
import { homeSummary, resultsCsv, resultsDashboard, saveAttributionSettings, type Dashboard } from '~/results/dashboard.server.ts'
import { readFilters } from '~/results/metrics.ts'
import { countClickInResults, rebuildResults, refreshOrderResults } from '~/results/rollups.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { createChannel, createPost, createTarget, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'

// Dashboard figures on a small seeded data set against numbers worked out by
// hand (below each expectation), with filters, the co-op's day edges
// (Asia/Ho_Chi_Minh, UTC+7) and another co-op's data that must never count.

beforeAll(() => {
	process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('hex')
	resetEnvForTests()
})

const at = (iso: string) => new Date(iso)
let slugs = 0

async function seedCoop() {
	const db = getDb()
	const { coop } = await createUserWithCoop()
	const page = await createChannel(coop.id, { platform: 'facebook_page', name: 'Trang HTX' })
	const tiktok = await createChannel(coop.id, { platform: 'tiktok', name: 'TikTok HTX' })
	const tea = await createTestProduct(coop.id, { name: 'Chè búp', code: 'A1', priceVnd: 100_000 })
	const honey = await createTestProduct(coop.id, { name: 'Mật ong', code: 'B1', priceVnd: 100_000 })
	const edit = await db.edit.create({ data: { coopId: coop.id, title: 'Video chè', spec: '{}' } })
	const render = await db.render.create({ data: { editId: edit.id, coopId: coop.id, format: 'vertical', quality: 'final', status: 'ready', spec: '{}', cacheKey: crypto.randomUUID() } })
	const postA = await createPost(coop.id, { caption: 'Chè Suối Giàng', renderId: render.id, productId: tea.id })
	const postB = await createPost(coop.id, { caption: '=Mật ong rừng', productId: honey.id })
	const published = { state: 'published' as const, publishedAt: at('2026-11-20T03:00:00Z') }
	const aPage = await createTarget(postA, page, { kind: 'facebook-reel', platformId: `a-${coop.id}`, ...published })
	const aTiktok = await createTarget(postA, tiktok, { kind: 'tiktok-video', platformId: `t-${coop.id}`, ...published })
	const bPage = await createTarget(postB, page, { kind: 'facebook-reel', platformId: `b-${coop.id}`, ...published })
	const snapshot = (targetId: string, takenAt: string, views: number | null) => db.engagementSnapshot.create({ data: { targetId, coopId: coop.id, takenAt: at(takenAt), views } })
	await snapshot(aPage.id, '2026-11-25T00:00:00Z', 500)
	await snapshot(aPage.id, '2026-12-05T00:00:00Z', 1000)
	await snapshot(aTiktok.id, '2026-12-05T00:00:00Z', 3000)
	await snapshot(bPage.id, '2026-12-01T00:00:00Z', 200)
	await snapshot(bPage.id, '2026-12-06T00:00:00Z', null)

	const link = (data: { kind: string; destination: string; postTargetId?: string; postId?: string; productId?: string }) =>
		db.trackedLink.create({ data: { coopId: coop.id, slug: `s${++slugs}${crypto.randomUUID().slice(0, 6)}`, ...data } })
	const la1 = await link({ kind: 'target', destination: 'product-page', postTargetId: aPage.id, postId: postA.id })
	const la2 = await link({ kind: 'target', destination: 'product-page', postTargetId: aTiktok.id, postId: postA.id })
	const lb = await link({ kind: 'target', destination: 'product-page', postTargetId: bPage.id, postId: postB.id })
	const shopeeA = await link({ kind: 'product', destination: 'shopee', postId: postA.id, productId: tea.id })
	const shopeeB = await link({ kind: 'product', destination: 'shopee', postId: postB.id, productId: tea.id })
	const click = async (linkId: string, when: string, flags: { bot?: boolean; counted?: boolean } = {}) => {
		const row = await db.click.create({
			data: { linkId, coopId: coop.id, clickId: crypto.randomUUID(), at: at(when), device: 'mobile', ipHash: 'h', visitorHash: crypto.randomUUID(), bot: flags.bot ?? false, counted: flags.counted ?? !flags.bot },
		})
		await countClickInResults(db, row)
		return row
	}
	const c1 = await click(la1.id, '2026-12-01T03:00:00Z')
	const c2 = await click(la1.id, '2026-12-02T03:00:00Z')
	await click(la1.id, '2026-12-02T04:00:00Z', { bot: true })
	await click(la1.id, '2026-12-02T05:00:00Z', { counted: false })
	const c5 = await click(la2.id, '2026-12-01T16:59:59Z') // 23:59:59 on 1 Dec in Hà Nội
	await click(la2.id, '2026-12-01T17:00:00Z') // midnight, 2 Dec in Hà Nội
	const c7 = await click(lb.id, '2026-12-03T03:00:00Z')
	await click(shopeeA.id, '2026-12-04T03:00:00Z')
	await click(shopeeA.id, '2026-12-04T04:00:00Z')
	await click(shopeeB.id, '2026-12-04T05:00:00Z')
	const live = await db.liveSession.create({ data: { coopId: coop.id, title: 'Live chè tối thứ Sáu' } })
	await db.promoCode.create({ data: { coopId: coop.id, code: 'CHE10', postId: postA.id } })

	let number = 0
	const order = async (data: {
		source: string
		total: number
		placedAt: string
		productId: string
		state?: string
		firstClickId?: string
		lastClickId?: string
		promoCode?: string
		liveSessionId?: string
	}) => {
		const { total, productId, placedAt, ...rest } = data
		const row = await db.order.create({
			data: { coopId: coop.id, number: ++number, totalVnd: total, placedAt: at(placedAt), ...rest, lines: { create: [{ productId, code: 'X', name: 'X', priceVnd: total, qty: 1, amountVnd: total }] } },
		})
		await refreshOrderResults(db, row.id)
		return row
	}
	// o1: first click on TikTok (1 Dec 23:59:59), last on the Page (2 Dec): last → Page, first → TikTok.
	await order({ source: 'web', total: 200_000, placedAt: '2026-12-03T03:00:00Z', productId: tea.id, firstClickId: c5.clickId, lastClickId: c2.clickId })
	// o2: post B's click.
	await order({ source: 'web', total: 100_000, placedAt: '2026-12-03T05:00:00Z', productId: honey.id, firstClickId: c7.clickId, lastClickId: c7.clickId })
	// o3: its only click is 8 days old (the cookie outlived the window): unattributed.
	await order({ source: 'web', total: 50_000, placedAt: '2026-12-09T03:00:01Z', productId: tea.id, firstClickId: c1.clickId, lastClickId: c1.clickId })
	// o4: promo code of post A beats post B's click.
	await order({ source: 'staff', total: 80_000, placedAt: '2026-12-04T03:00:00Z', productId: tea.id, promoCode: 'che10', lastClickId: c7.clickId })
	// o5: taken during the livestream.
	await order({ source: 'live', total: 70_000, placedAt: '2026-12-05T03:00:00Z', productId: tea.id, liveSessionId: live.id })
	// o6: cancelled: out of orders and revenue.
	await order({ source: 'web', total: 999_000, placedAt: '2026-12-03T06:00:00Z', productId: tea.id, state: 'cancelled', lastClickId: c2.clickId })
	// o7: Shopee, no code: estimated 2 : 1 between post A's and post B's clicks to the tea listing.
	await order({ source: 'shopee', total: 90_000, placedAt: '2026-12-05T03:00:00Z', productId: tea.id })
	return { coop, page, tiktok, tea, honey, render, postA, postB, live, aPage, aTiktok }
}

type Seeded = Awaited<ReturnType<typeof seedCoop>>

const filters = (query: string) => readFilters(new URLSearchParams(query), '2026-12-09')

function summary(dashboard: Dashboard) {
	return dashboard.rows.map((row) => ({
		key: row.key,
		title: row.title,
		views: row.views,
		clicks: row.clicks,
		orders: row.orders,
		revenueVnd: row.revenueVnd,
		estimatedOrders: row.estimatedOrders,
		estimatedRevenueVnd: row.estimatedRevenueVnd,
	}))
}

describe('the results dashboard on a seeded co-op', () => {
	let s: Seeded
	beforeAll(async () => {
		s = await seedCoop()
		// Another co-op with the same shape: none of it may show in the first one's figures.
		await seedCoop()
	})

	test('sources ranked by exact orders and revenue, with views, clicks, estimates and the unattributed apart', async () => {
		const dashboard = await resultsDashboard({ coopId: s.coop.id, filters: filters('from=2026-12-01&to=2026-12-09') })
		expect(dashboard.model).toBe('last')
		expect(summary(dashboard)).toEqual([
			// A: o1 (200,000) + o4 promo (80,000); views 1,000 + 3,000; clicks 2 Page + 2 TikTok + 2 Shopee; Shopee order 2/3 of 90,000.
			{ key: `post:${s.postA.id}`, title: 'Chè Suối Giàng', views: 4000, clicks: 6, orders: 2, revenueVnd: 280_000, estimatedOrders: 0.67, estimatedRevenueVnd: 60_000 },
			// B: o2; views: the latest snapshot with a number (200); clicks 1 Page + 1 Shopee; 1/3 of 90,000.
			{ key: `post:${s.postB.id}`, title: '=Mật ong rừng', views: 200, clicks: 2, orders: 1, revenueVnd: 100_000, estimatedOrders: 0.33, estimatedRevenueVnd: 30_000 },
			{ key: `live:${s.live.id}`, title: 'Live chè tối thứ Sáu', views: null, clicks: 0, orders: 1, revenueVnd: 70_000, estimatedOrders: 0, estimatedRevenueVnd: 0 },
		])
		// o3 (50,000, click too old) and o7 (90,000, Shopee without a code); the cancelled o6 nowhere.
		expect(dashboard.unattributed).toEqual({ orders: 2, revenueVnd: 140_000 })
		expect(dashboard.totals).toMatchObject({ views: 4200, clicks: 8, orders: 4, revenueVnd: 450_000, clickThrough: 8 / 4200, conversion: 0.5, revenuePerThousandViews: 107_143 })
		const a = dashboard.rows[0]!
		expect(a).toMatchObject({ clickThrough: 6 / 4000, conversion: 2 / 6, revenuePerThousandViews: 70_000 })
		expect(a.channels.map((c) => [c.channelName, c.views, c.clicks, c.orders, c.revenueVnd])).toEqual([
			['', null, 2, 1, 80_000], // the promo code and the Shopee link name no channel
			['TikTok HTX', 3000, 2, 0, 0],
			['Trang HTX', 1000, 2, 1, 200_000],
		])
		expect(dashboard.funnel.map((step) => [step.key, step.value])).toEqual([
			['views', 4200],
			['clicks', 8],
			['orders', 4],
		])
		expect(dashboard.trend.map((d) => [d.day, d.clicks, d.orders, d.revenueVnd])).toEqual([
			['2026-12-01', 2, 0, 0],
			['2026-12-02', 2, 0, 0],
			['2026-12-03', 1, 2, 300_000],
			['2026-12-04', 3, 1, 80_000],
			['2026-12-05', 0, 1, 70_000],
			['2026-12-06', 0, 0, 0],
			['2026-12-07', 0, 0, 0],
			['2026-12-08', 0, 0, 0],
			['2026-12-09', 0, 0, 0],
		])
	})

	test('the first-click model moves o1 from the Page to TikTok; the totals stay', async () => {
		const dashboard = await resultsDashboard({ coopId: s.coop.id, filters: filters('from=2026-12-01&to=2026-12-09&model=first') })
		expect(dashboard.model).toBe('first')
		expect(dashboard.rows[0]!.channels.map((c) => [c.channelName, c.orders, c.revenueVnd])).toEqual([
			['', 1, 80_000],
			['TikTok HTX', 1, 200_000],
			['Trang HTX', 0, 0],
		])
		expect(dashboard.totals).toMatchObject({ orders: 4, revenueVnd: 450_000 })
	})

	test('days are the co-op’s: 2 Dec in Hà Nội holds the midnight click and not the one a second before it', async () => {
		const dashboard = await resultsDashboard({ coopId: s.coop.id, filters: filters('from=2026-12-02&to=2026-12-02') })
		// c2 (10:00 on 2 Dec) and the TikTok click at 00:00:00 on 2 Dec; not the one at 23:59:59 on 1 Dec.
		expect(dashboard.totals.clicks).toBe(2)
		expect(dashboard.rows[0]!.channels.map((c) => [c.channelName, c.clicks])).toEqual([
			['TikTok HTX', 1],
			['Trang HTX', 1],
		])
		expect(dashboard.totals.orders).toBe(0)
		// o3 is placed at 10:00:01 on 9 Dec in Hà Nội: in a range ending on the 9th, not in one ending on the 8th.
		expect((await resultsDashboard({ coopId: s.coop.id, filters: filters('from=2026-12-01&to=2026-12-08') })).unattributed).toEqual({ orders: 1, revenueVnd: 90_000 })
	})

	test('filters: channel, product, video', async () => {
		const byChannel = await resultsDashboard({ coopId: s.coop.id, filters: filters(`from=2026-12-01&to=2026-12-09&channel=${s.tiktok.id}`) })
		expect(summary(byChannel)).toEqual([{ key: `post:${s.postA.id}`, title: 'Chè Suối Giàng', views: 3000, clicks: 2, orders: 0, revenueVnd: 0, estimatedOrders: 0, estimatedRevenueVnd: 0 }])
		expect(byChannel.unattributed).toEqual({ orders: 0, revenueVnd: 0 })

		const byProduct = await resultsDashboard({ coopId: s.coop.id, filters: filters(`from=2026-12-01&to=2026-12-09&product=${s.honey.id}`) })
		expect(summary(byProduct)).toEqual([{ key: `post:${s.postB.id}`, title: '=Mật ong rừng', views: 200, clicks: 1, orders: 1, revenueVnd: 100_000, estimatedOrders: 0, estimatedRevenueVnd: 0 }])

		const byVideo = await resultsDashboard({ coopId: s.coop.id, filters: filters(`from=2026-12-01&to=2026-12-09&video=${s.render.id}`) })
		expect(summary(byVideo).map((row) => [row.key, row.orders, row.revenueVnd, row.clicks])).toEqual([[`post:${s.postA.id}`, 2, 280_000, 6]])
	})

	test('the CSV has every source and channel, the unattributed line, and the formula-looking title made harmless', async () => {
		const t = (key: string) => key.split('.').pop()!
		const { csv, fileName } = await resultsCsv(s.coop.id, new URL('http://x/results.csv?from=2026-12-01&to=2026-12-09'), t, at('2026-12-09T05:00:00Z'))
		expect(fileName).toBe('ket-qua-2026-12-01-2026-12-09.csv')
		const lines = csv.slice(1).split('\r\n')
		expect(lines[0]).toBe('kind,source,channel,views,clicks,clickThrough,orders,conversion,revenue,perThousand,estimatedOrders,estimatedRevenue')
		expect(lines[1]).toBe('post,Chè Suối Giàng,,4000,6,0.0015,2,0.3333,280000,70000,0.67,60000')
		expect(lines).toContain("post,'=Mật ong rừng,,200,2,0.01,1,0.5,100000,500000,0.33,30000")
		expect(lines).toContain('post,Chè Suối Giàng,Trang HTX,1000,2,0.002,1,0.5,200000,200000,0,0')
		expect(lines.at(-2)).toBe('unattributed,,,,,,2,,140000,,,')
	})

	test('the calendar’s suggested times read each published target’s credited orders beside its views', async () => {
		const byPlatform = await engagementByPlatform(s.coop.id, at('2026-12-09T05:00:00Z'))
		const rows = (list: typeof byPlatform.tiktok) => list.map((post) => [post.views, post.orders]).sort((a, b) => a[0]! - b[0]!)
		// Page: post B's target (200 views, o2) and post A's (1,000 views, o1 under the last click); TikTok: no order.
		expect(rows(byPlatform.facebook_page)).toEqual([
			[200, 1],
			[1000, 1],
		])
		expect(rows(byPlatform.tiktok)).toEqual([[3000, 0]])
	})

	test('the home page: this week’s orders and revenue (Monday to Sunday in Hà Nội) and the top video', async () => {
		// Thursday 3 Dec: the week is 30 Nov – 6 Dec; o1, o2, o4, o5, o7 (o6 cancelled, o3 the next week).
		expect(await homeSummary(s.coop.id, at('2026-12-03T10:00:00Z'))).toEqual({
			orders: 5,
			revenueVnd: 540_000,
			topVideo: { title: 'Chè Suối Giàng', orders: 2, revenueVnd: 280_000 },
			week: { from: '2026-11-30', to: '2026-12-06' },
		})
	})
})

test('a new window recomputes every order, and a rebuild gives the same rollups as the hooks', async () => {
	const s = await seedCoop()
	const range = filters('from=2026-12-01&to=2026-12-09')
	const before = await resultsDashboard({ coopId: s.coop.id, filters: range })
	await rebuildResults(getDb(), s.coop.id)
	expect(await resultsDashboard({ coopId: s.coop.id, filters: range })).toEqual(before)
	// With 9 days o3's click counts again (for post A, on the Page).
	await saveAttributionSettings(s.coop.id, { model: 'first', windowDays: 9 })
	const after = await resultsDashboard({ coopId: s.coop.id, filters: range })
	expect(after.model).toBe('first')
	expect(after.windowDays).toBe(9)
	expect(after.unattributed).toEqual({ orders: 1, revenueVnd: 90_000 })
	expect(after.rows[0]!.orders).toBe(3)
	await expect(saveAttributionSettings(s.coop.id, { model: 'linear', windowDays: 8 })).rejects.toThrow()
	await expect(saveAttributionSettings(s.coop.id, { model: 'last', windowDays: 0 })).rejects.toThrow()
})
