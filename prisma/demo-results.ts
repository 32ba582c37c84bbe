import crypto from 'node:crypto'
import { prepareCatalogue, parseComment } from '~/live/comment-parser.ts'
import { randomSlug } from '~/links/slug.ts'
import { createOrder, productLines } from '~/orders/orders.server.ts'
import { rebuildResults } from '~/results/rollups.server.ts'
import { getDb } from '~/utils/db.server.ts'

// The demo co-op's results and livestream (issues 12 and 13), so that every
// screen has something to show: a batch with its page, a tracked link per
// published target with two weeks of clicks, orders from the web (through
// those links), the phone, Zalo, Shopee (one cancelled) and a promo code,
// a few unattributed, and a past livestream with its lineup, comments,
// confirmed orders and leftovers to follow up. Times are relative to `now`.

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A deterministic pseudo-random sequence, so that the demo looks the same on every machine. */
function sequence(seed: number) {
	let state = seed
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
		return state / 2_147_483_648
	}
}

const hex = (n: number) => crypto.randomBytes(n).toString('hex')

const AGENTS = ['mobile', 'mobile', 'mobile', 'desktop', 'tablet'] as const

/** Adds the demo results and livestream once; returns false when the co-op already has orders. */
export async function seedResultsDemo({ coopId, userId, productIds, now = new Date() }: { coopId: string; userId: string; productIds: string[]; now?: Date }) {
	const db = getDb()
	if ((await db.order.count({ where: { coopId } })) > 0) return false
	const random = sequence(7)
	const [teaId, riceId, cinnamonId] = productIds
	if (!teaId) return false
	const tea = await db.product.findUniqueOrThrow({ where: { id: teaId } })

	// A batch of the tea, for the QR on the package.
	const batch = await db.productBatch.create({
		data: {
			coopId,
			productId: teaId,
			code: 'XUAN-2026',
			slug: randomSlug(6),
			harvestDate: new Date(now.getTime() - 200 * DAY),
			growingArea: tea.growingArea ?? 'Suối Giàng, Văn Chấn, Yên Bái',
			producerGroup: tea.producerGroup ?? 'Tổ hội phụ nữ thôn Giàng A',
			note: 'Hái một tôm hai lá, sao tay trong chảo gang.',
		},
	})

	// One tracked link per published target, plus a label and a Shopee listing link.
	const published = await db.postTarget.findMany({
		where: { coopId, state: 'published' },
		include: { post: { select: { id: true, productId: true, renderId: true } } },
		orderBy: { publishedAt: 'asc' },
	})
	const links: Array<{ id: string; targetId: string | null; postId: string | null; productId: string | null; publishedAt: Date }> = []
	for (const target of published) {
		const link = await db.trackedLink.create({
			data: {
				coopId,
				slug: randomSlug(6),
				kind: 'target',
				postTargetId: target.id,
				postId: target.postId,
				renderId: target.post.renderId,
				productId: target.post.productId,
				destination: 'product-page',
			},
		})
		links.push({ id: link.id, targetId: target.id, postId: target.postId, productId: target.post.productId, publishedAt: target.publishedAt ?? new Date(now.getTime() - 10 * DAY) })
	}
	const label = await db.trackedLink.create({
		data: { coopId, slug: randomSlug(6), kind: 'label', batchId: batch.id, productId: teaId, destination: 'batch-page', label: 'Tem lô Xuân 2026' },
	})
	links.push({ id: label.id, targetId: null, postId: null, productId: teaId, publishedAt: new Date(now.getTime() - 20 * DAY) })
	if (tea.shopeeUrl) {
		await db.trackedLink.create({
			data: {
				coopId, slug: randomSlug(6), kind: 'custom', productId: teaId, destination: 'shopee', label: 'Shopee: chè A1',
				utmSource: 'facebook', utmMedium: 'social', utmCampaign: 'che-xuan-2026',
			},
		})
	}

	// Clicks: most within two days of the post, a few repeats and bots that do not count.
	const clicksByLink = new Map<string, Array<{ clickId: string; at: Date }>>()
	for (const link of links) {
		const count = 25 + Math.floor(random() * 60)
		const rows = []
		for (let i = 0; i < count; i++) {
			const after = Math.min(now.getTime() - link.publishedAt.getTime(), 6 * DAY) * random() ** 2
			const at = new Date(link.publishedAt.getTime() + after)
			const bot = random() < 0.05
			const counted = !bot && random() > 0.08
			const clickId = hex(12)
			rows.push({
				linkId: link.id, coopId, clickId, at,
				referrer: random() < 0.6 ? 'https://m.facebook.com/' : random() < 0.5 ? 'https://zalo.me/' : null,
				device: bot ? 'unknown' : AGENTS[Math.floor(random() * AGENTS.length)]!,
				ipHash: hex(16), visitorHash: hex(16), bot, counted,
			})
			if (counted) clicksByLink.set(link.id, [...(clicksByLink.get(link.id) ?? []), { clickId, at }])
		}
		await db.click.createMany({ data: rows })
	}

	const customers = [
		['Chị Nguyễn Thu Hà', '0912345001', 'Số 12 ngõ 5 Láng Hạ, Đống Đa, Hà Nội'],
		['Anh Trần Văn Minh', '0987654002', '45 Phan Đình Phùng, TP Thái Nguyên'],
		['Chị Lê Thị Mai', '0904111003', 'Tổ 3, phường Yên Ninh, TP Yên Bái'],
		['Cô Phạm Thị Hồng', '0356222004', '88 Nguyễn Trãi, Thanh Xuân, Hà Nội'],
		['Anh Đỗ Quang Huy', '0868333005', 'Khu 4, thị trấn Chợ Mới, Bắc Kạn'],
		['Chị Vũ Thị Lan', '0779444006', '21 Trần Phú, TP Tuyên Quang'],
	] as const
	const customer = (i: number) => customers[i % customers.length]!
	const productCycle = [teaId, teaId, riceId ?? teaId, cinnamonId ?? teaId]

	// Web orders through the tracked links (the click cookie carries first and last click).
	let n = 0
	for (const link of links) {
		const clicks = clicksByLink.get(link.id) ?? []
		const orders = Math.min(clicks.length, 2 + Math.floor(random() * 4))
		for (let i = 0; i < orders; i++) {
			const click = clicks[Math.floor(random() * clicks.length)]!
			const placedAt = new Date(Math.min(click.at.getTime() + random() * 2 * DAY, now.getTime() - HOUR))
			const [name, phone, address] = customer(n++)
			const productId = link.productId ?? productCycle[n % productCycle.length]!
			const order = await createOrder(coopId, {
				source: 'web', customerName: name, customerPhone: phone, address,
				payment: random() < 0.3 ? 'bank-transfer' : 'cod', placedAt,
				firstClickId: click.clickId, lastClickId: click.clickId,
				lines: await productLines(coopId, [{ productId, qty: 1 + Math.floor(random() * 3) }]),
			})
			await advance(order.id, placedAt, random() < 0.7 ? 'done' : random() < 0.5 ? 'confirmed' : 'new', userId)
		}
	}

	// A promo code given to the first published post, and the phone orders that carried it.
	const firstPost = links.find((l) => l.postId)
	if (firstPost) {
		await db.promoCode.create({ data: { coopId, code: 'CHE10', postId: firstPost.postId, postTargetId: firstPost.targetId, note: 'Giảm 10% cho người xem video chè xuân' } })
	}
	for (let i = 0; i < 4; i++) {
		const [name, phone, address] = customer(n++)
		const placedAt = new Date(now.getTime() - (1 + i * 2) * DAY - 3 * HOUR)
		const order = await createOrder(coopId, {
			source: 'staff', via: i % 2 === 0 ? 'phone' : 'zalo', customerName: name, customerPhone: phone, address,
			promoCode: i < 2 && firstPost ? 'CHE10' : null,
			sourceTargetId: i === 2 ? (links[1]?.targetId ?? null) : null,
			sourcePostId: i === 2 ? (links[1]?.postId ?? null) : null,
			placedAt, createdById: userId,
			lines: await productLines(coopId, [{ productId: productCycle[i]!, qty: 2 }]),
		})
		await advance(order.id, placedAt, i === 3 ? 'new' : 'shipped', userId)
	}

	// Shopee orders from an export (one cancelled, kept out of revenue), and two with no source at all.
	const shopee = [
		{ id: '241120ABCD01', days: 9, qty: 2, state: 'done' as const },
		{ id: '241122ABCD02', days: 6, qty: 1, state: 'done' as const },
		{ id: '241125ABCD03', days: 3, qty: 3, state: 'cancelled' as const },
	]
	const shopeeImport = await db.orderImport.create({
		data: { coopId, source: 'shopee', fileName: 'Order.all.20261101_20261130.xlsx', fileSha256: hex(32), state: 'committed', preview: '{"orders":[],"problems":[]}', added: shopee.length, createdById: userId, committedAt: new Date(now.getTime() - 2 * DAY) },
	})
	for (const row of shopee) {
		const placedAt = new Date(now.getTime() - row.days * DAY)
		await createOrder(coopId, {
			source: 'shopee', externalId: row.id, payment: 'marketplace', placedAt, state: row.state, importId: shopeeImport.id,
			customerName: 'Người mua Shopee',
			lines: [{ productId: teaId, code: tea.code, name: tea.name, unit: tea.unit, priceVnd: 265_000, qty: row.qty }],
		})
	}
	for (let i = 0; i < 2; i++) {
		const [name, phone, address] = customer(n++)
		await createOrder(coopId, {
			source: 'staff', via: 'in-person', customerName: name, customerPhone: phone, address, createdById: userId,
			placedAt: new Date(now.getTime() - (4 + i) * DAY), state: 'done',
			lines: await productLines(coopId, [{ productId: riceId ?? teaId, qty: 5 }]),
		})
	}

	await seedPastLive({ coopId, userId, productIds, now, random })
	// The clicks went in as rows: count them, and every order, in the results tables.
	await rebuildResults(db, coopId)
	return true
}

async function advance(orderId: string, placedAt: Date, to: 'new' | 'confirmed' | 'shipped' | 'done', userId: string) {
	const path = ['confirmed', 'shipped', 'done'] as const
	const steps = to === 'new' ? [] : path.slice(0, path.indexOf(to) + 1)
	let from = 'new'
	let at = placedAt.getTime()
	for (const state of steps) {
		at += 5 * HOUR
		await getDb().orderEvent.create({ data: { orderId, fromState: from, toState: state, byUserId: userId, at: new Date(at) } })
		from = state
	}
	if (steps.length > 0) await getDb().order.update({ where: { id: orderId }, data: { state: to } })
}

/** A livestream three days ago: lineup, comments read by the parser, confirmed orders and leftovers. */
async function seedPastLive({ coopId, userId, productIds, now, random }: { coopId: string; userId: string; productIds: string[]; now: Date; random: () => number }) {
	const db = getDb()
	const products = await db.product.findMany({ where: { id: { in: productIds } } })
	const byId = new Map(products.map((p) => [p.id, p]))
	const lineup = productIds.map((id) => byId.get(id)).filter((p) => p !== undefined).slice(0, 3)
	const startedAt = new Date(now.getTime() - 3 * DAY - 6 * HOUR)
	const endedAt = new Date(startedAt.getTime() + HOUR)
	const session = await db.liveSession.create({
		data: {
			coopId, title: 'Live chè xuân: giá tại vườn', state: 'ended', platform: 'other',
			scheduledAt: startedAt, startedAt, endedAt, createdById: userId,
			replayUrl: 'https://www.tiktok.com/@htxchesuoigiang/live',
			checklist: JSON.stringify([
				{ id: 'light', label: 'Đèn', done: true },
				{ id: 'sound', label: 'Micro', done: true },
				{ id: 'prices', label: 'Bảng giá', done: true },
				{ id: 'payment-qr', label: 'Mã QR chuyển khoản', done: true },
			]),
			items: {
				create: lineup.map((p, position) => ({
					productId: p.id, position, code: p.code, name: p.name, priceVnd: p.priceVnd, stockOpened: 30,
					talkingPoints: `${p.name}: ${p.growingArea ?? 'vùng trồng của hợp tác xã'}. Giá live ${p.priceVnd.toLocaleString('vi-VN')}đ.`,
					segmentSeconds: 900, startedAt: new Date(startedAt.getTime() + position * 15 * 60_000),
				})),
			},
		},
		include: { items: true },
	})
	await db.trackedLink.create({ data: { coopId, slug: randomSlug(6), kind: 'live', liveSessionId: session.id, productId: lineup[0]?.id ?? null, destination: 'product-page', label: session.title } })
	await db.liveSession.update({ where: { id: session.id }, data: { onScreenItemId: session.items[0]?.id ?? null } })

	const catalogue = prepareCatalogue(lineup.map((p) => ({ code: p.code, name: p.name })))
	const viewers = ['Hà Nguyễn', 'Minh Trần', 'Mai Lê', 'Hồng Phạm', 'Huy Đỗ', 'Lan Vũ', 'Thảo Bùi', 'Tùng Hoàng']
	const phones = ['0912 345 101', '0987.654.102', '+84 904 111 103', '0356222104', '0868 333 105', '0779444106', '0911222107', '0933444108']
	const lines = [
		(code: string, i: number) => `chốt ${code} ${1 + (i % 3)} hộp ${phones[i % phones.length]}`,
		(code: string) => `${code} bao nhiêu tiền vậy shop`,
		(code: string, i: number) => `lấy ${code} x${1 + (i % 2)} sdt ${phones[i % phones.length]}`,
		() => 'ship về Hà Nội mất mấy ngày ạ',
		() => 'chè thơm quá ❤️',
	]
	let commentNo = 0
	const intents = new Map<string, { comments: string[]; items: Array<{ code: string; qty: number }>; phone: string | null; at: Date }>()
	for (let minute = 0; minute < 60; minute += 2) {
		const item = session.items[Math.min(Math.floor(minute / 15), session.items.length - 1)]!
		const count = 1 + Math.floor(random() * 3)
		for (let k = 0; k < count; k++) {
			const viewer = viewers[Math.floor(random() * viewers.length)]!
			const text = lines[Math.floor(random() * lines.length)]!(item.code, commentNo).normalize('NFC')
			const at = new Date(startedAt.getTime() + minute * 60_000 + k * 9_000)
			const parsed = parseComment(text, catalogue, item.code)
			const comment = await db.liveComment.create({
				data: { sessionId: session.id, coopId, externalId: `demo-${commentNo++}`, author: viewer, text, at, intent: parsed.intent, parsed: JSON.stringify(parsed) },
			})
			if (parsed.intent !== 'order' || parsed.items.length === 0) continue
			const pending = intents.get(viewer) ?? { comments: [], items: [], phone: null, at }
			pending.comments.push(comment.id)
			for (const it of parsed.items) {
				const same = pending.items.find((x) => x.code === it.code)
				if (same) same.qty += it.qty
				else pending.items.push({ ...it })
			}
			pending.phone = parsed.phone ?? pending.phone
			intents.set(viewer, pending)
		}
	}
	let index = 0
	for (const [viewer, intent] of intents) {
		const confirm = index++ < intents.size - 2
		const row = await db.liveOrderIntent.create({
			data: {
				sessionId: session.id, viewerKey: viewer, viewerName: viewer, commentIds: JSON.stringify(intent.comments),
				items: JSON.stringify(intent.items), phone: intent.phone, state: confirm ? 'confirmed' : 'pending',
				decidedById: confirm ? userId : null, decidedAt: confirm ? new Date(intent.at.getTime() + 60_000) : null,
			},
		})
		if (!confirm) continue
		const order = await createOrder(coopId, {
			source: 'live', externalId: row.id, liveSessionId: session.id, customerName: viewer, customerPhone: intent.phone,
			placedAt: new Date(intent.at.getTime() + 60_000), createdById: userId, state: 'confirmed',
			lines: intent.items.map((it) => {
				const item = session.items.find((x) => x.code === it.code)!
				return { productId: item.productId, code: item.code, name: item.name, priceVnd: item.priceVnd, qty: it.qty }
			}),
		})
		await db.liveOrderIntent.update({ where: { id: row.id }, data: { orderId: order.id } })
	}
}
