import { expect, test } from 'vitest'
import { createOrder, moveOrder, productLines, UnknownProductError } from '~/orders/orders.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus, subscribeCoopEvents, type CoopEvent } from '~/utils/events.server.ts'
import { createUserWithCoop } from '../../prisma/factories.ts'

// The one way in for orders: numbered per co-op, lines kept as sold, the same
// source order twice adds nothing, and every state change kept with who.

async function product(coopId: string, code: string, priceVnd: number) {
	return getDb().product.create({ data: { coopId, name: `Chè ${code}`, code, priceVnd, unit: 'hộp' } })
}

test('orders are numbered per co-op and keep each line as sold even after the product changes', async () => {
	const { coop, user } = await createUserWithCoop()
	const other = await createUserWithCoop()
	const tea = await product(coop.id, 'A1', 120_000)
	const lines = await productLines(coop.id, [{ productId: tea.id, qty: 2 }])
	const events: CoopEvent[] = []
	const unsubscribe = await subscribeCoopEvents(coop.id, (event) => events.push(event))
	try {
		const first = await createOrder(coop.id, { source: 'staff', via: 'phone', customerName: ' Chị  Hoa ', customerPhone: '0912345678', lines, createdById: user.id })
		const second = await createOrder(coop.id, { source: 'web', lines })
		const elsewhere = await createOrder(other.coop.id, { source: 'web', lines: [{ code: 'X', name: 'X', priceVnd: 1000, qty: 1 }] })
		expect([first.number, second.number, elsewhere.number]).toEqual([1, 2, 1])
		expect(first.created).toBe(true)
		await expect.poll(() => events.length).toBe(2)
		expect(events[0]).toEqual({ type: 'order.created', orderId: first.id, number: 1, source: 'staff' })
	} finally {
		await unsubscribe()
		await closeEventBus()
	}
	await getDb().product.update({ where: { id: tea.id }, data: { priceVnd: 150_000, name: 'Chè mới' } })
	const saved = await getDb().order.findFirstOrThrow({ where: { coopId: coop.id, number: 1 }, include: { lines: true, events: true } })
	expect(saved).toMatchObject({ customerName: 'Chị Hoa', totalVnd: 240_000, state: 'new', via: 'phone' })
	expect(saved.lines).toMatchObject([{ productId: tea.id, code: 'A1', name: 'Chè A1', unit: 'hộp', priceVnd: 120_000, qty: 2, amountVnd: 240_000 }])
	expect(saved.events).toMatchObject([{ fromState: null, toState: 'new', byUserId: user.id }])
})

test('the same marketplace order twice, even at once, is one order', async () => {
	const { coop } = await createUserWithCoop()
	const input = { source: 'shopee' as const, externalId: '2412070001', totalVnd: 99_000, lines: [{ code: 'A1', name: 'Chè', priceVnd: 99_000, qty: 1 }] }
	const results = await Promise.all([createOrder(coop.id, input), createOrder(coop.id, input), createOrder(coop.id, input)])
	expect(new Set(results.map((r) => r.id)).size).toBe(1)
	expect(results.filter((r) => r.created)).toHaveLength(1)
	expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(1)
	// Another source may use the same id.
	expect((await createOrder(coop.id, { ...input, source: 'lazada' })).created).toBe(true)
})

test('refuses lines it cannot keep and products of another co-op', async () => {
	const { coop } = await createUserWithCoop()
	const other = await createUserWithCoop()
	const theirs = await product(other.coop.id, 'B2', 50_000)
	await expect(productLines(coop.id, [{ productId: theirs.id, qty: 1 }])).rejects.toBeInstanceOf(UnknownProductError)
	await expect(createOrder(coop.id, { source: 'web', lines: [] })).rejects.toThrow(/at least one line/)
	await expect(createOrder(coop.id, { source: 'web', lines: [{ code: 'A', name: 'A', priceVnd: 1, qty: 0 }] })).rejects.toThrow(/Quantity/)
	await expect(createOrder(coop.id, { source: 'web', lines: [{ code: 'A', name: 'A', priceVnd: 1.5, qty: 1 }] })).rejects.toThrow(/Price/)
	expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(0)
})

test('state moves follow the rules, keep who and when, and two at once give one move', async () => {
	const { coop, user } = await createUserWithCoop()
	const other = await createUserWithCoop()
	const { id } = await createOrder(coop.id, { source: 'staff', lines: [{ code: 'A1', name: 'Chè', priceVnd: 100, qty: 1 }] })
	expect(await moveOrder(coop.id, id, 'done', user.id)).toEqual({ ok: false, reason: 'not_allowed' })
	expect(await moveOrder(other.coop.id, id, 'confirmed', other.user.id)).toEqual({ ok: false, reason: 'not_found' })
	const both = await Promise.all([moveOrder(coop.id, id, 'confirmed', user.id), moveOrder(coop.id, id, 'confirmed', user.id)])
	expect(both.filter((r) => r.ok)).toHaveLength(1)
	expect(await moveOrder(coop.id, id, 'cancelled', user.id)).toEqual({ ok: true, state: 'cancelled' })
	const history = await getDb().orderEvent.findMany({ where: { orderId: id }, orderBy: { at: 'asc' } })
	expect(history.map((e) => [e.fromState, e.toState, e.byUserId])).toEqual([
		[null, 'new', null],
		['new', 'confirmed', user.id],
		['confirmed', 'cancelled', user.id],
	])
})
