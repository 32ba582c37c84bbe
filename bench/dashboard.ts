// Results dashboard benchmark (npm run bench:dashboard; issue 12,
// docs/decisions/190-results-rollups.md). Seeds a fresh SQLite file with one
// co-op: 500 videos (one post each, on two channels: 1,000 targets, plus a
// Shopee link per post), 1,000,000 clicks over 180 days, 200,000 engagement
// snapshots and 50,000 orders (web orders with clicks, staff-picked, promo
// codes, livestream, Shopee orders shared by estimate, some cancelled), with
// raw batched INSERTs in transactions. The rollups are written the way the
// write hooks write them (the same pure attribute/estimateShares functions).
// Then the whole loader, resultsDashboard, runs many times with varied
// filters. Baseline, in the same run on the same file: SELECT COUNT(*) FROM Click.
// The last line is one JSON object:
//   p95_ms       95th percentile of one whole dashboard load (goal < 100)
//   clicks, snapshots, orders, videos   the seed
//   baseline_ms  95th percentile of SELECT COUNT(*) FROM "Click"
//   ratio        p95_ms / baseline_ms
// BENCH_RUNS changes the number of measured loads (default 70).

import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'

const VIDEOS = 500
const CLICKS = 1_000_000
const SNAPSHOTS = 200_000
const ORDERS = 50_000
const DAYS = 180
const RUNS = Number(process.env.BENCH_RUNS ?? 70)
const DAY_MS = 86_400_000
const ZONE_OFFSET_MS = 7 * 3_600_000 // Asia/Ho_Chi_Minh has no clock changes

// BENCH_KEEP=<dir> seeds into (or reuses a seed already in) that folder, for profiling.
const keep = process.env.BENCH_KEEP
const work = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-dashboard-'))
fs.mkdirSync(work, { recursive: true })
const file = path.join(work, 'bench.db')
const seedFile = path.join(work, 'seed.json')
Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: `file:${file}`, MEDIA_ROOT: path.join(work, 'media'), ENCRYPTION_KEY: crypto.randomBytes(32).toString('hex') })

const log = (message: string) => console.error(`bench:dashboard ${message}`)

// A small deterministic generator, so every run seeds the same data.
let state = 12345
const random = () => {
	state = (state * 1103515245 + 12345) % 2147483648
	return state / 2147483648
}
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')
const localDay = (ms: number) => new Date(ms + ZONE_OFFSET_MS).toISOString().slice(0, 10)
let counter = 0
const newId = (prefix: string) => `${prefix}${(counter++).toString(36).padStart(8, '0')}`

function p95(samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b)
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!
}

type Seed = { coopId: string; now: number; channelIds: string[]; productIds: string[]; renderIds: string[] }

async function main() {
	const seed: Seed = keep && fs.existsSync(seedFile) ? JSON.parse(fs.readFileSync(seedFile, 'utf8')) : await seedDatabase()
	await measure(seed)
}

async function seedDatabase(): Promise<Seed> {
	fs.rmSync(file, { force: true })
	execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: process.env, stdio: 'pipe' })
	const { attribute, estimateShares, source } = await import('~/results/attribution.ts')
	const sqlite = new Database(file)
	sqlite.pragma('journal_mode = WAL')
	const now = Date.parse('2026-12-07T05:00:00Z')
	const start = now - DAYS * DAY_MS
	const coopId = newId('coop')
	const insert = (table: string, columns: string[]) => sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
	const batched = <T>(rows: Iterable<T>, write: (row: T) => void) => {
		let batch: T[] = []
		const flush = sqlite.transaction((items: T[]) => items.forEach(write))
		for (const row of rows) {
			batch.push(row)
			if (batch.length === 20_000) {
				flush(batch)
				batch = []
			}
		}
		flush(batch)
	}
	const seedStarted = Date.now()
	const created = iso(start)

	insert('Coop', ['id', 'name', 'province', 'createdAt', 'updatedAt']).run(coopId, 'HTX Bench', 'Yên Bái', created, created)
	const channels = ['facebook_page', 'tiktok', 'zalo_oa', 'manual'].map((platform, i) => ({ id: newId('ch'), platform, name: `Kênh ${i}` }))
	const channelInsert = insert('Channel', ['id', 'coopId', 'platform', 'name', 'createdAt', 'updatedAt'])
	for (const channel of channels) channelInsert.run(channel.id, coopId, channel.platform, channel.name, created, created)
	const products = Array.from({ length: 20 }, (_, i) => ({ id: newId('pr'), code: `SP${i}`, name: `Sản phẩm ${i}`, price: 50_000 + i * 10_000 }))
	const productInsert = insert('Product', ['id', 'coopId', 'name', 'code', 'priceVnd', 'unit', 'publicSlug', 'createdAt', 'updatedAt'])
	for (const product of products) productInsert.run(product.id, coopId, product.name, product.code, product.price, 'kg', `slug-${product.id}`, created, created)

	type Video = { renderId: string; postId: string; productId: string; targets: Array<{ id: string; channelId: string; linkId: string; publishedAt: number }>; shopeeLinkId: string }
	const videos: Video[] = []
	const editInsert = insert('Edit', ['id', 'coopId', 'title', 'spec', 'createdAt', 'updatedAt'])
	const renderInsert = insert('Render', ['id', 'editId', 'coopId', 'format', 'quality', 'status', 'spec', 'cacheKey', 'createdAt', 'updatedAt'])
	const postInsert = insert('Post', ['id', 'coopId', 'renderId', 'productId', 'caption', 'createdAt', 'updatedAt'])
	const targetInsert = insert('PostTarget', ['id', 'postId', 'coopId', 'channelId', 'kind', 'state', 'publishedAt', 'createdAt', 'updatedAt'])
	const linkInsert = insert('TrackedLink', ['id', 'coopId', 'slug', 'kind', 'postTargetId', 'postId', 'renderId', 'productId', 'destination', 'createdAt'])
	sqlite.transaction(() => {
		for (let v = 0; v < VIDEOS; v++) {
			const editId = newId('ed')
			const renderId = newId('re')
			const postId = newId('po')
			const product = products[v % products.length]!
			editInsert.run(editId, coopId, `Video ${v}`, '{}', created, created)
			renderInsert.run(renderId, editId, coopId, 'vertical', 'final', 'ready', '{}', newId('ck'), created, created)
			postInsert.run(postId, coopId, renderId, product.id, `Video ${v}: ${product.name}`, created, created)
			const publishedAt = start + Math.floor(random() * (DAYS - 10)) * DAY_MS + Math.floor(random() * 24) * 3_600_000
			const targets = [channels[v % 4]!, channels[(v + 1) % 4]!].map((channel) => {
				const id = newId('ta')
				const linkId = newId('li')
				targetInsert.run(id, postId, coopId, channel.id, 'facebook-reel', 'published', iso(publishedAt), created, created)
				linkInsert.run(linkId, coopId, linkId, 'target', id, postId, renderId, product.id, 'product-page', created)
				return { id, channelId: channel.id, linkId, publishedAt }
			})
			const shopeeLinkId = newId('li')
			linkInsert.run(shopeeLinkId, coopId, shopeeLinkId, 'product', null, postId, renderId, product.id, 'shopee', created)
			videos.push({ renderId, postId, productId: product.id, targets, shopeeLinkId })
		}
	})()

	log('seeding clicks')
	type ClickRow = { id: string; clickId: string; linkId: string; at: number; counted: boolean }
	const clickDays = new Map<string, number>()
	const linkInfo = new Map<string, { video: Video; target: Video['targets'][number] | null }>()
	for (const video of videos) {
		for (const target of video.targets) linkInfo.set(target.linkId, { video, target })
		linkInfo.set(video.shopeeLinkId, { video, target: null })
	}
	const webClicks: ClickRow[] = []
	const shopeeClicks = new Map<string, number[]>()
	const clickInsert = insert('Click', ['id', 'linkId', 'coopId', 'clickId', 'at', 'device', 'ipHash', 'visitorHash', 'bot', 'counted'])
	function* clicks(): Generator<ClickRow> {
		for (let i = 0; i < CLICKS; i++) {
			const video = videos[Math.floor(random() ** 2 * VIDEOS)]!
			const shopee = random() < 0.2
			const target = shopee ? null : pick(video.targets)
			const linkId = shopee ? video.shopeeLinkId : target!.linkId
			const from = target?.publishedAt ?? start
			const at = from + Math.floor(random() * (now - from))
			const bot = random() < 0.03
			const counted = !bot && random() < 0.9
			const row = { id: newId('cl'), clickId: newId('ci'), linkId, at, counted, bot } as ClickRow & { bot: boolean }
			if (counted) {
				const key = `${linkId}\n${localDay(at)}`
				clickDays.set(key, (clickDays.get(key) ?? 0) + 1)
				if (shopee) {
					const list = shopeeClicks.get(linkId) ?? []
					list.push(at)
					shopeeClicks.set(linkId, list)
				} else if (webClicks.length < 200_000 && random() < 0.25) webClicks.push(row)
			}
			yield row
		}
	}
	batched(clicks(), (row) => clickInsert.run(row.id, row.linkId, coopId, row.clickId, iso(row.at), 'mobile', 'h', 'v', (row as ClickRow & { bot: boolean }).bot ? 1 : 0, row.counted ? 1 : 0))
	for (const list of shopeeClicks.values()) list.sort((a, b) => a - b)
	const clickDayInsert = insert('ResultClickDay', ['linkId', 'day', 'coopId', 'clicks', 'kind', 'destination', 'postId', 'targetId', 'renderId', 'channelId', 'productId', 'liveSessionId'])
	batched(clickDays.entries(), ([key, count]) => {
		const [linkId, day] = key.split('\n') as [string, string]
		const { video, target } = linkInfo.get(linkId)!
		clickDayInsert.run(linkId, day, coopId, count, target ? 'target' : 'product', target ? 'product-page' : 'shopee', video.postId, target?.id ?? null, video.renderId, target?.channelId ?? null, video.productId, null)
	})

	log('seeding snapshots')
	const snapshotInsert = insert('EngagementSnapshot', ['id', 'targetId', 'coopId', 'takenAt', 'views', 'likes', 'comments', 'shares', 'source', 'createdAt'])
	const allTargets = videos.flatMap((video) => video.targets)
	const perTarget = SNAPSHOTS / allTargets.length
	function* snapshots() {
		for (const target of allTargets) {
			let views = 0
			for (let i = 0; i < perTarget; i++) {
				views += Math.floor(random() * 200)
				const at = target.publishedAt + i * 6 * 3_600_000
				yield { id: newId('sn'), targetId: target.id, at, views }
			}
		}
	}
	batched(snapshots(), (row) => snapshotInsert.run(row.id, row.targetId, coopId, iso(row.at), row.views, 0, 0, 0, 'api', iso(row.at)))

	log('seeding orders')
	const liveId = newId('lv')
	insert('LiveSession', ['id', 'coopId', 'title', 'overlayToken', 'createdAt', 'updatedAt']).run(liveId, coopId, 'Live chè', newId('tok'), created, created)
	const promoVideo = videos[7]!
	insert('PromoCode', ['id', 'coopId', 'code', 'postId', 'renderId', 'createdAt']).run(newId('pc'), coopId, 'CHE10', promoVideo.postId, promoVideo.renderId, created)
	const orderInsert = insert('Order', ['id', 'coopId', 'number', 'source', 'state', 'totalVnd', 'placedAt', 'firstClickId', 'lastClickId', 'promoCode', 'liveSessionId', 'sourcePostId', 'sourceTargetId', 'createdAt', 'updatedAt'])
	const lineInsert = insert('OrderLine', ['id', 'orderId', 'productId', 'code', 'name', 'priceVnd', 'qty', 'amountVnd'])
	const resultInsert = insert('ResultOrder', ['orderId', 'model', 'coopId', 'day', 'placedAt', 'counted', 'totalVnd', 'source', 'credit', 'postId', 'targetId', 'renderId', 'channelId', 'liveSessionId', 'linkId', 'orderUpdatedAt'])
	const estimateInsert = insert('ResultEstimate', ['id', 'orderId', 'model', 'coopId', 'day', 'counted', 'productId', 'postId', 'targetId', 'renderId', 'channelId', 'orderShare', 'revenueVnd'])
	const clickSource = (linkId: string) => {
		const { video, target } = linkInfo.get(linkId)!
		return source({ postId: video.postId, targetId: target?.id ?? null, renderId: video.renderId, channelId: target?.channelId ?? null, linkId })
	}
	const postsByProduct = new Map<string, Video[]>()
	for (const video of videos) postsByProduct.set(video.productId, [...(postsByProduct.get(video.productId) ?? []), video])
	const countBetween = (times: number[], from: number, to: number) => {
		const lower = (value: number) => {
			let lo = 0
			let hi = times.length
			while (lo < hi) {
				const mid = (lo + hi) >> 1
				if (times[mid]! < value) lo = mid + 1
				else hi = mid
			}
			return lo
		}
		return lower(to + 1) - lower(from)
	}
	function* orders() {
		for (let n = 1; n <= ORDERS; n++) {
			const kind = random()
			const video = pick(videos)
			const product = products.find((p) => p.id === video.productId)!
			const qty = 1 + Math.floor(random() * 3)
			const total = product.price * qty
			let placedAt = start + Math.floor(random() * (now - start))
			let source = 'web'
			let first: ClickRow | null = null
			let last: ClickRow | null = null
			let promoCode: string | null = null
			let live: string | null = null
			let staffPost: string | null = null
			let staffTarget: string | null = null
			if (kind < 0.55) {
				last = pick(webClicks)
				first = random() < 0.3 ? pick(webClicks) : last
				placedAt = last.at + Math.floor(random() * 10 * DAY_MS)
				if (first.at > last.at) [first, last] = [last, first]
			} else if (kind < 0.65) {
				source = 'staff'
				staffPost = video.postId
				staffTarget = video.targets[0]!.id
			} else if (kind < 0.7) {
				source = 'shopee'
				promoCode = 'CHE10'
			} else if (kind < 0.75) {
				source = 'live'
				live = liveId
			} else if (kind < 0.92) source = 'shopee'
			const state = random() < 0.05 ? 'cancelled' : 'done'
			yield { id: newId('or'), number: n, source, state, total, placedAt, first, last, promoCode, live, staffPost, staffTarget, product, qty, video }
		}
	}
	batched(orders(), (order) => {
		orderInsert.run(order.id, coopId, order.number, order.source, order.state, order.total, iso(order.placedAt), order.first?.clickId ?? null, order.last?.clickId ?? null, order.promoCode, order.live, order.staffPost, order.staffTarget, iso(order.placedAt), iso(order.placedAt))
		lineInsert.run(newId('ol'), order.id, order.product.id, order.product.code, order.product.name, order.product.price, order.qty, order.total)
		const facts = {
			placedAt: new Date(order.placedAt),
			liveSessionId: order.live,
			promo: order.promoCode ? source({ postId: promoVideo.postId, renderId: promoVideo.renderId }) : null,
			staff: order.staffTarget ? source({ postId: order.video.postId, targetId: order.staffTarget, renderId: order.video.renderId, channelId: order.video.targets[0]!.channelId }) : null,
			firstClick: order.first ? { at: new Date(order.first.at), source: clickSource(order.first.linkId) } : null,
			lastClick: order.last ? { at: new Date(order.last.at), source: clickSource(order.last.linkId) } : null,
		}
		const day = localDay(order.placedAt)
		const counted = order.state !== 'cancelled' ? 1 : 0
		for (const model of ['last', 'first'] as const) {
			const credit = attribute(facts, model, 7)
			const s = credit.source
			resultInsert.run(order.id, model, coopId, day, iso(order.placedAt), counted, order.total, order.source, credit.kind, s.postId, s.targetId, s.renderId, s.channelId, s.liveSessionId, s.linkId, iso(order.placedAt))
			if (credit.kind !== 'none' || order.source !== 'shopee') continue
			const listings = (postsByProduct.get(order.product.id) ?? [])
				.map((video) => ({ source: clickSource(video.shopeeLinkId), clicks: countBetween(shopeeClicks.get(video.shopeeLinkId) ?? [], order.placedAt - 7 * DAY_MS, order.placedAt) }))
				.filter((listing) => listing.clicks > 0)
			for (const share of estimateShares({ totalVnd: order.total, lines: [{ productId: order.product.id, amountVnd: order.total }] }, new Map([[order.product.id, listings]]))) {
				estimateInsert.run(newId('es'), order.id, model, coopId, day, counted, share.productId, share.source.postId, share.source.targetId, share.source.renderId, share.source.channelId, share.orderShare, share.revenueVnd)
			}
		}
	})
	sqlite.exec('ANALYZE')
	sqlite.close()
	log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`)
	const seed = { coopId, now, channelIds: channels.map((c) => c.id), productIds: products.map((p) => p.id), renderIds: videos.map((v) => v.renderId) }
	fs.writeFileSync(seedFile, JSON.stringify(seed))
	return seed
}

async function measure({ coopId, now, channelIds, productIds, renderIds }: Seed) {
	const { getDb, configureSqlite, disconnectDb } = await import('~/utils/db.server.ts')
	const { resultsDashboard } = await import('~/results/dashboard.server.ts')
	const db = getDb()
	await configureSqlite(db)
	const today = localDay(now)
	const shift = (days: number) => localDay(now - days * DAY_MS)
	const variants = [
		{ from: shift(29), to: today, channelId: null, productId: null, renderId: null, model: null },
		{ from: shift(179), to: today, channelId: null, productId: null, renderId: null, model: null },
		{ from: shift(6), to: today, channelId: null, productId: null, renderId: null, model: 'first' as const },
		{ from: shift(89), to: today, channelId: channelIds[1]!, productId: null, renderId: null, model: null },
		{ from: shift(179), to: today, channelId: null, productId: productIds[3]!, renderId: null, model: null },
		{ from: shift(179), to: today, channelId: null, productId: null, renderId: renderIds[42]!, model: 'first' as const },
		{ from: shift(60), to: shift(30), channelId: channelIds[0]!, productId: productIds[5]!, renderId: null, model: null },
	]
	const samples: number[] = []
	let rows = 0
	for (let run = -7; run < RUNS; run++) {
		const filters = variants[(run + 7) % variants.length]!
		const started = performance.now()
		const dashboard = await resultsDashboard({ coopId, filters, limit: 50 })
		const elapsed = performance.now() - started
		rows = Math.max(rows, dashboard.rows.length)
		if (run >= 0) samples.push(elapsed)
	}
	const baseline: number[] = []
	for (let run = -3; run < RUNS; run++) {
		const started = performance.now()
		await db.$queryRaw`SELECT COUNT(*) AS "n" FROM "Click"`
		const elapsed = performance.now() - started
		if (run >= 0) baseline.push(elapsed)
	}
	await disconnectDb()
	if (!keep) fs.rmSync(work, { recursive: true, force: true })
	const p95Ms = p95(samples)
	const baselineMs = p95(baseline)
	log(`${samples.length} loads, up to ${rows} rows shown; median ${[...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!.toFixed(1)} ms`)
	console.log(
		JSON.stringify({
			p95_ms: Math.round(p95Ms * 10) / 10,
			clicks: CLICKS,
			snapshots: SNAPSHOTS,
			orders: ORDERS,
			videos: VIDEOS,
			baseline_ms: Math.round(baselineMs * 10) / 10,
			ratio: Math.round((p95Ms / baselineMs) * 100) / 100,
		}),
	)
}

main().catch((error) => {
	console.error(error)
	if (!keep) fs.rmSync(work, { recursive: true, force: true })
	process.exit(1)
})
