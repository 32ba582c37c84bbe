import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { webhookSignature } from '~/orders/webhook-signature.ts'
import * as webhookRoute from '~/routes/api.orders.webhook.$webhookId.ts'
import * as settingsRoute from '~/routes/coop.webhook.tsx'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { addMember, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, getRequest, sessionCookie } from '../support/session-requests.ts'

// Another shop posting orders: the owner makes the secret (shown once), the
// shop signs "timestamp.body" with it, and the route answers as docs/webhook.md says.

const saved = { ...process.env }
beforeAll(() => {
	process.env.ENCRYPTION_KEY = randomBytes(32).toString('hex')
	resetEnvForTests()
})
afterAll(() => {
	process.env = saved
	resetEnvForTests()
})

async function shop() {
	const { user, coop } = await createUserWithCoop()
	const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	const tea = await createTestProduct(coop.id, { code: 'A1', name: 'Chè Shan tuyết', unit: 'gói', priceVnd: 120000 })
	const body = new FormData()
	body.set('intent', 'rotate')
	const made = await callRoute(settingsRoute.action, new Request('http://localhost/coop/webhook', { method: 'POST', body, headers: { cookie, origin: 'http://localhost' } }))
	const { webhookId, secret } = made.data as { webhookId: string; secret: string }
	return { coop, cookie, tea, webhookId, secret }
}

const order = {
	orderId: 'WEB-1001',
	createdAt: '2026-03-14T09:21:00+07:00',
	customer: { name: 'Trần Văn Bình', phone: '+84 912 345 678', address: 'Hà Nội' },
	items: [{ sku: 'a-01', qty: 2 }, { sku: 'TUI-VAI', name: 'Túi vải', qty: 1, price: 15000 }],
	note: 'giao chiều',
	promoCode: 'che10',
}

function deliver(webhookId: string, secret: string, body: string, options: { at?: number; signature?: string } = {}) {
	const timestamp = String(options.at ?? Math.floor(Date.now() / 1000))
	return callRoute(
		webhookRoute.action,
		new Request(`http://localhost/api/orders/webhook/${webhookId}`, {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/json', 'x-coopstudio-timestamp': timestamp, 'x-coopstudio-signature': options.signature ?? webhookSignature(secret, timestamp, body) },
		}),
		{ webhookId },
	)
}

test('a signed order is created once; the same order id again answers the same order as a duplicate', async () => {
	const { coop, tea, webhookId, secret } = await shop()
	const stored = await getDb().coop.findUniqueOrThrow({ where: { id: coop.id } })
	expect(stored.webhookSecret).not.toContain(secret)
	const body = JSON.stringify(order)
	const first = await deliver(webhookId, secret, body)
	expect(first.status).toBe(200)
	const created = await getDb().order.findFirstOrThrow({ where: { coopId: coop.id }, include: { lines: true } })
	expect(JSON.parse(first.data as string)).toEqual({ order: { id: created.id, number: created.number }, duplicate: false })
	expect([created.source, created.externalId, created.customerName, created.customerPhone, created.promoCode, created.totalVnd, created.placedAt.toISOString()]).toEqual([
		'webhook', 'WEB-1001', 'Trần Văn Bình', '0912345678', 'CHE10', 255000, '2026-03-14T02:21:00.000Z',
	])
	expect(created.lines.map((l) => [l.productId, l.code, l.name, l.priceVnd, l.qty])).toEqual([
		[tea.id, 'A1', 'Chè Shan tuyết', 120000, 2],
		[null, 'TUI-VAI', 'Túi vải', 15000, 1],
	])
	const again = await deliver(webhookId, secret, body)
	expect(JSON.parse(again.data as string)).toEqual({ order: { id: created.id, number: created.number }, duplicate: true })
	expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(1)
})

test('a bad signature, an old secret, a stale timestamp and an unknown address are refused', async () => {
	const { coop, cookie, webhookId, secret } = await shop()
	const body = JSON.stringify(order)
	expect((await deliver(webhookId, secret, body, { signature: webhookSignature('whsec_wrong', '1', body) })).status).toBe(401)
	const stale = await deliver(webhookId, secret, body, { at: Math.floor(Date.now() / 1000) - 301 })
	expect(stale.status).toBe(401)
	expect(JSON.parse(stale.data as string)).toEqual({ error: 'signature refused: stale' })
	expect((await deliver('wh_nobodyhere', secret, body)).status).toBe(404)

	// Rotating: the old secret stops at once, the address stays.
	const rotate = new FormData()
	rotate.set('intent', 'rotate')
	const rotated = (await callRoute(settingsRoute.action, new Request('http://localhost/coop/webhook', { method: 'POST', body: rotate, headers: { cookie, origin: 'http://localhost' } }))).data as { webhookId: string; secret: string }
	expect(rotated.webhookId).toBe(webhookId)
	expect((await deliver(webhookId, secret, body)).status).toBe(401)
	expect((await deliver(webhookId, rotated.secret, body)).status).toBe(200)
	expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(1)
	// The settings page shows the address, never the secret.
	const page = await callRoute(settingsRoute.loader, getRequest('/coop/webhook', cookie))
	expect(JSON.stringify(page.data)).not.toContain(rotated.secret)
	expect(page.data).toMatchObject({ webhookId })
})

test('bad input answers 400 naming the field', async () => {
	const { coop, webhookId, secret } = await shop()
	const field = async (body: unknown) => {
		const answer = await deliver(webhookId, secret, JSON.stringify(body))
		expect(answer.status).toBe(400)
		return (JSON.parse(answer.data as string) as { field: string }).field
	}
	expect(await field({ ...order, items: [{ sku: 'A1', qty: 0 }] })).toBe('items.0.qty')
	expect(await field({ ...order, customer: { ...order.customer, phone: '12345' } })).toBe('customer.phone')
	expect(await field({ ...order, items: [{ sku: 'A1', qty: 1 }, { sku: 'KHONGCO', qty: 1 }] })).toBe('items.1.sku')
	expect(await field({ ...order, promoCode: '!' })).toBe('promoCode')
	expect(await field({ ...order, orderId: '' })).toBe('orderId')
	expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(0)
})

test('only owners make the secret', async () => {
	const { coop } = await shop()
	const editor = await addMember(coop.id, { role: 'editor' })
	const cookie = await sessionCookie(editor.user.id, { activeCoopId: coop.id })
	expect((await callRoute(settingsRoute.loader, getRequest('/coop/webhook', cookie))).status).toBe(403)
})
