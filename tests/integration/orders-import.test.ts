import ExcelJS from 'exceljs'
import { afterAll, expect, test } from 'vitest'
import * as previewRoute from '~/routes/orders.import_.$importId.tsx'
import * as importRoute from '~/routes/orders.import.tsx'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus, subscribeCoopEvents, type CoopEvent } from '~/utils/events.server.ts'
import { createPost, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, getRequest, sessionCookie } from '../support/session-requests.ts'

// The import screen as Remix calls it: a real upload (multipart, an .xlsx made
// with ExcelJS or a CSV), its preview, then the commit; the orders land through
// createOrder and a second import of the same orders adds nothing.

afterAll(() => closeEventBus())

type Cell = string | number | Date | null
async function workbook(sheets: Record<string, Cell[][]>): Promise<Buffer> {
	const book = new ExcelJS.Workbook()
	for (const [name, rows] of Object.entries(sheets)) {
		const sheet = book.addWorksheet(name)
		for (const row of rows) sheet.addRow(row)
	}
	return Buffer.from(await book.xlsx.writeBuffer())
}
const wallClock = (text: string) => new Date(`${text}Z`)

const shopeeHeader = ['Order ID', 'Order Status', 'Order Creation Date', 'SKU Reference No.', 'Product Name', 'Quantity', 'Deal Price', 'Voucher Code', 'Grand Total', 'Phone Number', 'Remark from buyer']
type ShopeeRow = [string, string, string, string, string, number | string, number, string, number, string, string]
const shopeeRows: Record<string, ShopeeRow[]> = {
	A: [
		['2603140AAA', 'Completed', '2026-03-14 09:21', 'c-01', 'Chè Shan tuyết 100g', 2, 120000, '', 290000, '84912345678', 'giao sáng'],
		['2603140AAA', 'Completed', '2026-03-14 09:21', 'MIEN-500', 'Miến dong 500g', 1, 50000, '', 290000, '84912345678', 'giao sáng'],
	],
	B: [['2603150BBB', 'Cancelled', '2026-03-15 20:05', 'C1', 'Chè Shan tuyết 100g', 1, 120000, '', 120000, '', '']],
	C: [['2603160CCC', 'To ship', '2026-03-16 08:00', 'C1', 'Chè Shan tuyết 100g', 1, 120000, 'sale5', 115000, '0388 123 456', 'mã che10 nhé']],
	D: [['2603170DDD', 'Shipping', '2026-03-17 10:30', 'C1', 'Chè Shan tuyết 100g', 3, 110000, '', 330000, '', 'mã CHE10 nhé']],
}
const shopeeFile = (...orders: (keyof typeof shopeeRows)[]) => workbook({ orders: [shopeeHeader, ...orders.flatMap((o) => shopeeRows[o])] })

function uploadRequest(cookie: string, file: { name: string; bytes: Buffer | string }) {
	const body = new FormData()
	body.set('file', new File([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], file.name))
	return new Request('http://localhost/orders/import', { method: 'POST', body, headers: { cookie, origin: 'http://localhost' } })
}

function commitRequest(cookie: string, importId: string) {
	const body = new FormData()
	body.set('intent', 'commit')
	return new Request(`http://localhost/orders/import/${importId}`, { method: 'POST', body, headers: { cookie, origin: 'http://localhost' } })
}

async function setUp() {
	const { user, coop } = await createUserWithCoop()
	const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	const tea = await createTestProduct(coop.id, { code: 'C1', name: 'Chè Shan tuyết 100g', unit: 'gói', priceVnd: 120000 })
	const post = await createPost(coop.id)
	await getDb().promoCode.create({ data: { coopId: coop.id, code: 'CHE10', postId: post.id } })
	return { user, coop, cookie, tea }
}

async function upload(cookie: string, name: string, bytes: Buffer | string) {
	const answer = await callRoute(importRoute.action, uploadRequest(cookie, { name, bytes }))
	return answer
}

async function previewOf(cookie: string, importId: string) {
	const answer = await callRoute(previewRoute.loader, getRequest(`/orders/import/${importId}`, cookie), { importId })
	expect(answer.status).toBe(200)
	return answer.data as Awaited<ReturnType<typeof previewRoute.loader>>
}

async function importFile(cookie: string, name: string, bytes: Buffer | string) {
	const uploaded = await upload(cookie, name, bytes)
	expect(uploaded.status).toBe(302)
	const importId = uploaded.location!.split('/').pop()!
	return { importId, preview: await previewOf(cookie, importId) }
}

test('a Shopee file shows its preview, then the commit creates its orders as sold, once', async () => {
	const { coop, cookie, tea } = await setUp()
	const { importId, preview } = await importFile(cookie, '../../etc/passwd.xlsx', await shopeeFile('A', 'B', 'C'))
	// Only a shown name (the browser sends no folders); the bytes are never written to disk.
	expect(preview.fileName).toBe('passwd.xlsx')
	expect(preview.source).toBe('shopee')
	expect(preview.summary).toEqual({
		orders: 3,
		alreadyHere: 0,
		toAdd: 3,
		cancelled: 1,
		valueVnd: 405000,
		toAddValueVnd: 405000,
		from: '2026-03-14T09:21:00+07:00',
		to: '2026-03-16T08:00:00+07:00',
		badRows: 0,
	})
	// Nothing is created before the commit.
	expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(0)

	const events: CoopEvent[] = []
	const stop = await subscribeCoopEvents(coop.id, (event) => events.push(event))
	const committed = await callRoute(previewRoute.action, commitRequest(cookie, importId), { importId })
	expect(committed.status).toBe(302)
	const orders = await getDb().order.findMany({ where: { coopId: coop.id }, include: { lines: true }, orderBy: { externalId: 'asc' } })
	expect(orders.map((o) => [o.externalId, o.source, o.state, o.totalVnd, o.customerPhone, o.promoCode, o.payment, o.importId])).toEqual([
		['2603140AAA', 'shopee', 'done', 290000, '0912345678', null, 'marketplace', importId],
		['2603150BBB', 'shopee', 'cancelled', 120000, null, null, 'marketplace', importId],
		// The export's own voucher code wins over a code in the note.
		['2603160CCC', 'shopee', 'confirmed', 115000, '0388123456', 'SALE5', 'marketplace', importId],
	])
	expect(orders[0].placedAt.toISOString()).toBe('2026-03-14T02:21:00.000Z')
	expect(orders[0].lines.map((l) => [l.productId, l.code, l.name, l.unit, l.priceVnd, l.qty, l.amountVnd])).toEqual([
		[tea.id, 'C1', 'Chè Shan tuyết 100g', 'gói', 120000, 2, 240000],
		[null, 'MIEN-500', 'Miến dong 500g', '', 50000, 1, 50000],
	])
	const after = await previewOf(cookie, importId)
	expect(after.state).toBe('committed')
	expect([after.added, after.skipped]).toEqual([3, 0])

	// One announcement for the import, none per order.
	await expect.poll(() => events.filter((e) => e.type === 'orders.imported').length).toBe(1)
	expect(events.filter((e) => e.type === 'order.created')).toEqual([])
	expect(events.find((e) => e.type === 'orders.imported')).toEqual({ type: 'orders.imported', importId, added: 3 })
	await stop()

	// A second click on the same preview adds nothing.
	const again = await callRoute(previewRoute.action, commitRequest(cookie, importId), { importId })
	expect(again.status).toBe(302)
	expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(3)
})

test('the same file again adds nothing; an overlapping file adds only its new orders; a promo code in the note is found', async () => {
	const { coop, cookie } = await setUp()
	const first = await importFile(cookie, 'march.xlsx', await shopeeFile('A', 'B'))
	await callRoute(previewRoute.action, commitRequest(cookie, first.importId), { importId: first.importId })

	const same = await importFile(cookie, 'march.xlsx', await shopeeFile('A', 'B'))
	expect(same.preview.summary).toMatchObject({ orders: 2, alreadyHere: 2, toAdd: 0 })
	expect(same.preview.orders.every((o) => o.alreadyHere)).toBe(true)
	await callRoute(previewRoute.action, commitRequest(cookie, same.importId), { importId: same.importId })
	expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(2)
	expect((await previewOf(cookie, same.importId)).added).toBe(0)

	const overlap = await importFile(cookie, 'march-later.xlsx', await shopeeFile('B', 'D'))
	expect(overlap.preview.summary).toMatchObject({ orders: 2, alreadyHere: 1, toAdd: 1, toAddValueVnd: 330000 })
	await callRoute(previewRoute.action, commitRequest(cookie, overlap.importId), { importId: overlap.importId })
	const orders = await getDb().order.findMany({ where: { coopId: coop.id }, orderBy: { number: 'asc' }, select: { externalId: true, promoCode: true, number: true } })
	expect(orders.map((o) => [o.externalId, o.promoCode])).toEqual([
		['2603140AAA', null],
		['2603150BBB', null],
		['2603170DDD', 'CHE10'],
	])
	expect(orders.map((o) => o.number)).toEqual([1, 2, 3])
})

test('bad rows are reported with their line numbers and reasons, and their orders left out', async () => {
	const { coop, cookie } = await setUp()
	const csv = [
		shopeeHeader.join(','),
		'2603140AAA,Completed,2026-03-14 09:21,C1,Chè,2,120000,,240000,,',
		'2603180EEE,Completed,2026-03-18 09:00,C1,Chè,hai,120000,,240000,,',
		'2603180EEE,Completed,2026-03-18 09:00,MIEN-500,Miến,1,50000,,240000,,',
		'2603190FFF,Completed,not a date,C1,Chè,1,120000,,120000,,',
		'',
	].join('\n')
	const { importId, preview } = await importFile(cookie, 'shopee.csv', csv)
	expect(preview.problems).toEqual([
		{ line: 3, orderId: '2603180EEE', reason: 'bad-quantity', value: 'hai' },
		{ line: 5, orderId: '2603190FFF', reason: 'bad-date', value: 'not a date' },
	])
	expect(preview.summary).toMatchObject({ orders: 1, toAdd: 1, badRows: 2 })
	await callRoute(previewRoute.action, commitRequest(cookie, importId), { importId })
	expect((await getDb().order.findMany({ where: { coopId: coop.id }, select: { externalId: true } })).map((o) => o.externalId)).toEqual(['2603140AAA'])
})

test('a TikTok Shop file with its description row and tabs in cells is read', async () => {
	const { coop, cookie } = await setUp()
	const bytes = await workbook({
		OrderSKUList: [
			['Order ID', 'Order Status', 'Seller SKU', 'Product Name', 'Quantity', 'SKU Subtotal After Discount', 'Order Amount', 'Created Time', 'Buyer Message', 'Phone #'],
			['Platform unique order ID.', 'Order status.', 'SKU ID set by the seller.', 'Product name.', 'Quantity.', 'Subtotal after discount.', 'Order amount.', 'Order creation time.', 'Message.', 'Phone.'],
			['576111222333444555\t', 'Completed\t', 'C1\t', 'Chè\tShan tuyết', '2\t', '230000\t', '240000\t', '14/03/2026 09:21:05\t', 'mã che10', '(+84)912345678\t'],
			['576111222333444666\t', 'Cancelled', 'GAO-5', 'Gạo ST25 5kg', '1', '180000', '180000', '15/03/2026 10:00:00', '', ''],
		],
	})
	const { importId, preview } = await importFile(cookie, 'tiktok.xlsx', bytes)
	expect(preview.source).toBe('tiktok-shop')
	expect(preview.problems).toEqual([])
	expect(preview.summary).toMatchObject({ orders: 2, cancelled: 1, valueVnd: 240000 })
	await callRoute(previewRoute.action, commitRequest(cookie, importId), { importId })
	const order = await getDb().order.findFirstOrThrow({ where: { coopId: coop.id, externalId: '576111222333444555' }, include: { lines: true } })
	expect([order.source, order.state, order.promoCode, order.customerPhone, order.totalVnd]).toEqual(['tiktok-shop', 'done', 'CHE10', '0912345678', 240000])
	expect(order.lines.map((l) => [l.code, l.name, l.qty, l.amountVnd, l.priceVnd])).toEqual([['C1', 'Chè Shan tuyết', 2, 230000, 115000]])
	const cancelled = await getDb().order.findFirstOrThrow({ where: { coopId: coop.id, externalId: '576111222333444666' } })
	expect(cancelled.state).toBe('cancelled')
})

test('a file of unknown layout, an old .xls, an empty upload and another co-op’s preview are refused clearly', async () => {
	const { cookie } = await setUp()
	const unknown = await upload(cookie, 'x.csv', 'Order ID,Order Status,Order Creation Date\n1,Completed,2026-03-14 09:21\n')
	expect(unknown.status).toBe(422)
	expect(unknown.data).toMatchObject({ problem: 'unknown-layout', layout: expect.any(String), missing: expect.arrayContaining(['SKU Reference No.']) })
	const noHeader = await upload(cookie, 'x.csv', 'hello,world\n1,2\n')
	expect(noHeader.data).toEqual({ problem: 'no-header' })
	const xls = await upload(cookie, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))
	expect(xls).toMatchObject({ status: 422, data: { problem: 'xls' } })
	const empty = await upload(cookie, 'empty.csv', '')
	expect(empty).toMatchObject({ status: 400, data: { problem: 'missing' } })

	const other = await setUp()
	const theirs = await importFile(other.cookie, 'theirs.xlsx', await shopeeFile('A'))
	const peek = await callRoute(previewRoute.loader, getRequest(`/orders/import/${theirs.importId}`, cookie), { importId: theirs.importId })
	expect(peek.status).toBe(404)
	const commit = await callRoute(previewRoute.action, commitRequest(cookie, theirs.importId), { importId: theirs.importId })
	expect(commit.status).toBe(404)
	expect(await getDb().order.count({ where: { coopId: other.coop.id } })).toBe(0)
})
