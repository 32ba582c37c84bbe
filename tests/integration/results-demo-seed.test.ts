import crypto from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { seedPublishingDemo } from '../../prisma/demo-publishing.ts'
import { seedResultsDemo } from '../../prisma/demo-results.ts'
import { createDemoProducts, createUserWithCoop } from '../../prisma/factories.ts'

// The demo co-op's results and livestream (prisma/seed.ts): links with clicks,
// orders from every source with real attribution facts, a past live; once only.

beforeAll(() => {
	process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('hex')
	resetEnvForTests()
})

test('the demo has links with clicks, orders from every source pointing at real rows, and a past livestream, added once', async () => {
	const { coop, user } = await createUserWithCoop()
	const productIds = await createDemoProducts(coop.id)
	const now = new Date('2026-12-07T03:00:00Z')
	await seedPublishingDemo({ coopId: coop.id, userId: user.id, productIds, now })
	expect(await seedResultsDemo({ coopId: coop.id, userId: user.id, productIds, now })).toBe(true)
	expect(await seedResultsDemo({ coopId: coop.id, userId: user.id, productIds, now })).toBe(false)
	const db = getDb()

	const published = await db.postTarget.count({ where: { coopId: coop.id, state: 'published' } })
	const links = await db.trackedLink.findMany({ where: { coopId: coop.id } })
	expect(links.filter((l) => l.kind === 'target')).toHaveLength(published)
	expect(links.map((l) => l.kind)).toEqual(expect.arrayContaining(['target', 'label', 'live']))
	expect(await db.click.count({ where: { coopId: coop.id, counted: true } })).toBeGreaterThan(published * 20)

	const orders = await db.order.findMany({ where: { coopId: coop.id }, include: { lines: true } })
	expect(new Set(orders.map((o) => o.source))).toEqual(new Set(['web', 'staff', 'shopee', 'live']))
	expect(orders.map((o) => o.number).sort((a, b) => a - b)).toEqual(orders.map((_, i) => i + 1))
	expect(orders.filter((o) => o.state === 'cancelled')).toHaveLength(1)
	expect(orders.every((o) => o.placedAt <= now && o.lines.length > 0)).toBe(true)
	// Every web order's click is a real click of this co-op, made before the order.
	for (const order of orders.filter((o) => o.source === 'web')) {
		const click = await db.click.findUniqueOrThrow({ where: { clickId: order.lastClickId! } })
		expect(click.coopId).toBe(coop.id)
		expect(click.at.getTime()).toBeLessThanOrEqual(order.placedAt.getTime())
	}
	expect(orders.filter((o) => o.promoCode === 'CHE10')).toHaveLength(2)
	expect(orders.some((o) => o.source === 'staff' && !o.promoCode && !o.sourceTargetId)).toBe(true)

	const [live] = await db.liveSession.findMany({ where: { coopId: coop.id }, include: { items: true, comments: true, intents: true } })
	expect(live).toMatchObject({ state: 'ended' })
	expect(live!.items.length).toBeGreaterThan(0)
	expect(live!.comments.some((c) => c.intent === 'order')).toBe(true)
	const confirmed = live!.intents.filter((i) => i.state === 'confirmed')
	expect(confirmed.length).toBeGreaterThan(0)
	expect(live!.intents.some((i) => i.state === 'pending')).toBe(true)
	const liveOrders = orders.filter((o) => o.source === 'live')
	expect(liveOrders.map((o) => o.id).sort()).toEqual(confirmed.map((i) => i.orderId).sort())
	expect(liveOrders.every((o) => o.liveSessionId === live!.id)).toBe(true)
})
