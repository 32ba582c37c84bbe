import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createOrder, moveOrder } from '~/orders/orders.server.ts'
import * as orderRoute from '~/routes/orders.$orderId.tsx'
import * as listRoute from '~/routes/orders._index.tsx'
import * as newRoute from '~/routes/orders.new.tsx'
import * as promoRoute from '~/routes/orders.promo-codes.tsx'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { addMember, createChannel, createPost, createTarget, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, getRequest, sessionCookie } from '../support/session-requests.ts'

// Channels keep their tokens encrypted; the factory needs a key.
const saved = { ...process.env }
beforeAll(() => {
	process.env.ENCRYPTION_KEY = randomBytes(32).toString('hex')
	resetEnvForTests()
})
afterAll(() => {
	process.env = saved
	resetEnvForTests()
})

function post(path: string, cookie: string, fields: Record<string, string | string[]>) {
	const body = new FormData()
	for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item)
	return new Request(`http://localhost${path}`, { method: 'POST', body, headers: { cookie, origin: 'http://localhost' } })
}

async function world() {
	const { user, coop } = await createUserWithCoop({ name: 'Lò Thị Mai' })
	const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	const tea = await createTestProduct(coop.id, { code: 'A1', name: 'Chè Shan tuyết', unit: 'gói', priceVnd: 120000 })
	const rice = await createTestProduct(coop.id, { code: 'B1', name: 'Gạo nếp', unit: 'kg', priceVnd: 40000 })
	return { user, coop, cookie, tea, rice }
}

const staffFields = (productId: string) => ({ productId, qty: '2', price: '', customerName: ' Hoàng  Văn Lâm ', phone: '+84 912.345.678', address: 'Bản Lác, Mai Châu', note: 'gọi trước', via: 'zalo', payment: 'cod', source: '', promoCode: '' })

test('staff enter a Zalo order with the post they saw it in; the order keeps lines as sold and the source', async () => {
	const { user, coop, cookie, tea, rice } = await world()
	const channel = await createChannel(coop.id, { name: 'Trang HTX Mai Châu' })
	const published = await createPost(coop.id, { caption: 'Chè Shan tuyết Suối Giàng, búp non hái sáng sớm' })
	const target = await createTarget(published, channel, { state: 'published', publishedAt: new Date() })

	const form = await callRoute(newRoute.loader, getRequest('/orders/new', cookie))
	const choices = form.data as Awaited<ReturnType<typeof newRoute.loader>>
	expect(choices.sources.map((s) => [s.value, s.channel])).toEqual([[`target:${target.id}`, 'Trang HTX Mai Châu']])

	const answer = await callRoute(newRoute.action, post('/orders/new', cookie, { ...staffFields(tea.id), productId: [tea.id, rice.id], qty: ['2', '3'], price: ['', '35k'], source: `target:${target.id}` }))
	expect(answer.status).toBe(302)
	const order = await getDb().order.findFirstOrThrow({ where: { coopId: coop.id }, include: { lines: true, events: true } })
	expect(answer.location).toBe(`/orders/${order.id}`)
	expect([order.source, order.via, order.customerName, order.customerPhone, order.payment, order.totalVnd, order.sourceTargetId, order.sourcePostId, order.createdById]).toEqual([
		'staff', 'zalo', 'Hoàng Văn Lâm', '0912345678', 'cod', 345000, target.id, published.id, user.id,
	])
	expect(order.lines.map((l) => [l.code, l.name, l.unit, l.priceVnd, l.qty, l.amountVnd])).toEqual([
		['A1', 'Chè Shan tuyết', 'gói', 120000, 2, 240000],
		['B1', 'Gạo nếp', 'kg', 35000, 3, 105000],
	])

	const page = (await callRoute(orderRoute.loader, getRequest(`/orders/${order.id}`, cookie), { orderId: order.id })).data as Awaited<ReturnType<typeof orderRoute.loader>>
	expect(page.order.attribution.staffPick).toEqual({ caption: 'Chè Shan tuyết Suối Giàng, búp non hái sáng sớm', channel: 'Trang HTX Mai Châu' })
	expect(page.order.history).toEqual([expect.objectContaining({ from: null, to: 'new', by: 'Lò Thị Mai' })])
})

test('staff entry refuses a bad phone, a missing product, an unknown code and a source of another co-op, saving nothing', async () => {
	const { coop, cookie, tea } = await world()
	const bad = await callRoute(newRoute.action, post('/orders/new', cookie, { ...staffFields(tea.id), phone: '12345', productId: '', qty: '0' }))
	expect(bad.status).toBe(400)
	expect(bad.data).toEqual({ errors: { phone: 'errors.phoneInvalid', 'lines.0.productId': 'errors.productMissing', 'lines.0.qty': 'errors.qtyInvalid' } })
	const code = await callRoute(newRoute.action, post('/orders/new', cookie, { ...staffFields(tea.id), promoCode: 'KHONGCO' }))
	expect(code.data).toEqual({ errors: { promoCode: 'errors.unknownCode' } })
	const other = await createUserWithCoop()
	const theirs = await createTarget(await createPost(other.coop.id), await createChannel(other.coop.id), { state: 'published' })
	const source = await callRoute(newRoute.action, post('/orders/new', cookie, { ...staffFields(tea.id), source: `target:${theirs.id}` }))
	expect(source.data).toEqual({ errors: { source: 'errors.sourceUnknown' } })
	expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(0)
})

test('a promo code is made for a post, refused when taken, counted on the orders that carry it', async () => {
	const { coop, cookie, tea } = await world()
	const clip = await createPost(coop.id)
	const made = await callRoute(promoRoute.action, post('/orders/promo-codes', cookie, { intent: 'create', code: 'chè 10', for: `post:${clip.id}` }))
	expect(made.status).toBe(302)
	const taken = await callRoute(promoRoute.action, post('/orders/promo-codes', cookie, { intent: 'create', code: 'CHE10', for: `post:${clip.id}` }))
	expect(taken).toMatchObject({ status: 400, data: { field: 'code', problem: 'taken' } })
	const answer = await callRoute(newRoute.action, post('/orders/new', cookie, { ...staffFields(tea.id), promoCode: 'che10' }))
	expect(answer.status).toBe(302)
	const list = (await callRoute(promoRoute.loader, getRequest('/orders/promo-codes', cookie))).data as Awaited<ReturnType<typeof promoRoute.loader>>
	expect(list.codes.map((c) => [c.code, c.orders])).toEqual([['CHE10', 1]])
})

test('moves follow the allowed states and keep who and when; of two moves at once one wins', async () => {
	const { user, coop, cookie, tea } = await world()
	const { id } = await createOrder(coop.id, { source: 'staff', customerName: 'Lan', lines: [{ productId: tea.id, code: 'A1', name: 'Chè', priceVnd: 120000, qty: 1 }] })
	const move = (to: string) => callRoute(orderRoute.action, post(`/orders/${id}`, cookie, { intent: 'move', to }), { orderId: id })
	expect((await move('confirmed')).status).toBe(302)
	const refused = await move('done')
	expect(refused.status).toBe(302)
	expect((await getDb().order.findUniqueOrThrow({ where: { id } })).state).toBe('confirmed')

	const results = await Promise.all([moveOrder(coop.id, id, 'shipped', user.id), moveOrder(coop.id, id, 'cancelled', user.id)])
	expect(results.filter((r) => r.ok)).toHaveLength(1)
	expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'changed' }])
	const events = await getDb().orderEvent.findMany({ where: { orderId: id }, orderBy: { at: 'asc' } })
	expect(events.map((e) => [e.fromState, e.toState])).toEqual([[null, 'new'], ['new', 'confirmed'], ['confirmed', (await getDb().order.findUniqueOrThrow({ where: { id } })).state]])
	expect(events.slice(1).every((e) => e.byUserId === user.id)).toBe(true)
})

test('a customer edit is recorded with the fields that changed; a bad phone is refused', async () => {
	const { coop, cookie, tea } = await world()
	const { id } = await createOrder(coop.id, { source: 'staff', customerName: 'Lan', customerPhone: '0912345678', lines: [{ productId: tea.id, code: 'A1', name: 'Chè', priceVnd: 120000, qty: 1 }] })
	const edit = (fields: Record<string, string>) =>
		callRoute(orderRoute.action, post(`/orders/${id}`, cookie, { intent: 'customer', customerName: 'Lan', customerPhone: '0912345678', address: '', note: '', ...fields }), { orderId: id })
	expect(await edit({ customerPhone: '123' })).toMatchObject({ status: 400, data: { phoneError: 'errors.phoneInvalid' } })
	expect((await edit({ address: 'Bản Lác', customerPhone: '0912 345 678' })).status).toBe(302)
	const page = (await callRoute(orderRoute.loader, getRequest(`/orders/${id}`, cookie), { orderId: id })).data as Awaited<ReturnType<typeof orderRoute.loader>>
	expect(page.order.address).toBe('Bản Lác')
	expect(page.order.history.map((h) => h.edited)).toEqual([[], ['address']])
})

test("another co-op's member gets 404 on an order; a viewer reads but cannot move", async () => {
	const { coop, tea } = await world()
	const { id } = await createOrder(coop.id, { source: 'staff', lines: [{ productId: tea.id, code: 'A1', name: 'Chè', priceVnd: 120000, qty: 1 }] })
	const other = await createUserWithCoop()
	const otherCookie = await sessionCookie(other.user.id, { activeCoopId: other.coop.id })
	expect((await callRoute(orderRoute.loader, getRequest(`/orders/${id}`, otherCookie), { orderId: id })).status).toBe(404)
	expect((await callRoute(orderRoute.action, post(`/orders/${id}`, otherCookie, { intent: 'move', to: 'confirmed' }), { orderId: id })).status).toBe(404)
	const viewer = await addMember(coop.id, { role: 'viewer' })
	const viewerCookie = await sessionCookie(viewer.user.id, { activeCoopId: coop.id })
	expect((await callRoute(orderRoute.loader, getRequest(`/orders/${id}`, viewerCookie), { orderId: id })).status).toBe(200)
	expect((await callRoute(orderRoute.action, post(`/orders/${id}`, viewerCookie, { intent: 'move', to: 'confirmed' }), { orderId: id })).status).toBe(403)
	expect((await getDb().order.findUniqueOrThrow({ where: { id } })).state).toBe('new')
})

test('the list filters by state, source, days in the co-op zone and search, and leaves cancelled orders out of revenue', async () => {
	const { coop, cookie, tea } = await world()
	const line = [{ productId: tea.id, code: 'A1', name: 'Chè', priceVnd: 100000, qty: 1 }]
	// 23:30 on 14 March in Vietnam is still 14 March there (16:30 UTC).
	await createOrder(coop.id, { source: 'staff', customerName: 'Nguyễn Thị Hoà', customerPhone: '0912345678', placedAt: new Date('2026-03-14T16:30:00Z'), lines: line })
	await createOrder(coop.id, { source: 'shopee', externalId: 'S1', state: 'cancelled', placedAt: new Date('2026-03-15T03:00:00Z'), lines: line, totalVnd: 70000 })
	await createOrder(coop.id, { source: 'shopee', externalId: 'S2', state: 'done', placedAt: new Date('2026-03-14T17:30:00Z'), lines: line, totalVnd: 250000 })
	const list = async (query: string) => (await callRoute(listRoute.loader, getRequest(`/orders${query}`, cookie))).data as Awaited<ReturnType<typeof listRoute.loader>>
	const all = await list('')
	expect(all.totals).toEqual({ count: 2, revenueVnd: 350000, cancelled: 1, shown: 3, all: 3 })
	expect((await list('?from=2026-03-14&to=2026-03-14')).orders.map((o) => o.number)).toEqual([1])
	expect((await list('?source=shopee')).totals).toMatchObject({ count: 1, revenueVnd: 250000, cancelled: 1 })
	expect((await list('?state=cancelled')).orders.map((o) => o.number)).toEqual([2])
	expect((await list('?q=hoa')).orders.map((o) => o.number)).toEqual([1])
	expect((await list('?q=0912.345.678')).orders.map((o) => o.number)).toEqual([1])
	expect((await list('?q=%C4%90H-0003')).orders.map((o) => o.number)).toEqual([3])
})
