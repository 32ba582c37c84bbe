import { describe, expect, test } from 'vitest'
import { closestLayout, EXPORT_LAYOUTS, matchLayout, missingHeaders } from '~/orders/export-layouts.ts'
import { describeRowProblem, readMarketplaceExport, type ExportReading, type ExportRow } from '~/orders/marketplace-orders.ts'

// Each layout written from ../shared/reference/platforms.md ("Marketplace
// order exports"), with the rows a real export holds: order fields repeated
// on each line, cancelled orders, cells with tabs, rows that cannot be read.

/** Rows numbered from 1, as a spreadsheet shows them. */
function sheet(...rows: (string | number)[][]): ExportRow[] {
	return rows.map((cells, i) => ({ line: i + 1, cells: cells.map(String) }))
}

function ok(reading: ExportReading) {
	if (!reading.ok) throw new Error(`not read: ${JSON.stringify(reading)}`)
	return reading
}

const SHOPEE_VI_2026 = [
	'Mã đơn hàng', 'Ngày đặt hàng', 'Trạng Thái Đơn Hàng', 'SKU sản phẩm', 'Tên sản phẩm', 'Số lượng', 'Giá ưu đãi',
	'Tổng giá trị đơn hàng (VND)', 'Mã giảm giá của Shop', 'Tổng số tiền người mua thanh toán', 'Số điện thoại', 'Tỉnh/Thành phố', 'Nhận xét từ Người mua',
]

describe('Shopee, Vietnamese headers (2026)', () => {
	const reading = () =>
		ok(
			readMarketplaceExport(
				sheet(
					SHOPEE_VI_2026,
					['2603140A1B2C3D', '2026-03-14 09:21', 'Hoàn thành', 'CHE-100', 'Chè Shan tuyết 100g', '2', '120.000', '290.000', '10.000', '285.000', '84912345678', 'Hà Giang', 'giao giờ hành chính'],
					['2603140A1B2C3D', '2026-03-14 09:21', 'Hoàn thành', 'MIEN-500', 'Miến dong 500g', '1', '50.000', '290.000', '10.000', '285.000', '84912345678', 'Hà Giang', 'giao giờ hành chính'],
					['2603150XYZ', '2026-03-15 20:05:10', 'Đã hủy', 'CHE-100', 'Chè Shan tuyết 100g', '1', '120.000', '120.000', '0', '0', '******678', 'Hà Nội', ''],
				),
			),
		)

	test('lines grouped into orders; amounts are deal price × quantity; total as stated; the phone normalised', () => {
		const { layout, orders, problems, headerLine } = reading()
		expect(layout.id).toBe('shopee-vi-2026')
		expect(headerLine).toBe(1)
		expect(problems).toEqual([])
		expect(orders[0]).toEqual({
			source: 'shopee',
			orderId: '2603140A1B2C3D',
			createdAt: '2026-03-14T09:21:00+07:00',
			status: 'Hoàn thành',
			cancelled: false,
			items: [
				{ sku: 'CHE-100', name: 'Chè Shan tuyết 100g', qty: 2, amount: 240000 },
				{ sku: 'MIEN-500', name: 'Miến dong 500g', qty: 1, amount: 50000 },
			],
			total: 290000,
			voucher: null,
			phone: '0912345678',
			note: 'giao giờ hành chính',
		})
	})

	test('a cancelled order is kept, marked, with its total; a masked phone is null', () => {
		expect(reading().orders[1]).toMatchObject({ orderId: '2603150XYZ', status: 'Đã hủy', cancelled: true, total: 120000, phone: null, note: null })
	})

	test('"Mã giảm giá của Shop" is an amount (10.000), never read as a voucher code', () => {
		expect(reading().orders.map((o) => o.voucher)).toEqual([null, null])
	})
})

describe('Shopee, English headers', () => {
	const header = ['Order ID', 'Order Status', 'Order Creation Date', 'SKU Reference No.', 'Product Name', 'Quantity', 'Deal Price', 'Voucher Code', 'Grand Total', 'Phone Number']
	test('the shop voucher code is read where the export carries one, from whichever line has it', () => {
		const { layout, orders } = ok(
			readMarketplaceExport(
				sheet(
					header,
					['260301AAA', 'Completed', '2026-03-01 08:00', 'GAO-5', 'Gạo ST25 5kg', '1', '180000', '', '175000', '0987654321'],
					['260301AAA', 'Completed', '2026-03-01 08:00', 'GAO-2', 'Gạo ST25 2kg', '3', '80000', 'COOPTET', '175000', '0987654321'],
					['260302BBB', 'Cancelled', '2026-03-02 08:00', 'GAO-5', 'Gạo ST25 5kg', '1', '180000', '', '180000', ''],
				),
			),
		)
		expect(layout.id).toBe('shopee-en')
		expect(orders[0]).toMatchObject({ voucher: 'COOPTET', total: 175000, items: [{ amount: 180000 }, { qty: 3, amount: 240000 }] })
		expect(orders[1]).toMatchObject({ voucher: null, cancelled: true, status: 'Cancelled', phone: null })
	})
})

describe('Shopee, older Vietnamese generations', () => {
	test('58 columns (with Returned quantity): the line amount is "Tổng giá bán (sản phẩm)"', () => {
		const header = ['Mã đơn hàng', 'Ngày đặt hàng', 'Trạng Thái Đơn Hàng', 'Returned quantity', 'SKU sản phẩm', 'Tên sản phẩm', 'Số lượng', 'Tổng giá bán (sản phẩm)', 'Tổng giá trị đơn hàng (VND)']
		const { layout, orders } = ok(readMarketplaceExport(sheet(header, ['2401A', '2024-01-05 10:00', 'Đang giao', '0', 'MAT-1', 'Mật ong', '2', '300.000', '300.000'])))
		expect(layout.id).toBe('shopee-vi-58')
		expect(orders[0]).toMatchObject({ status: 'Đang giao', cancelled: false, items: [{ sku: 'MAT-1', qty: 2, amount: 300000 }], total: 300000 })
	})

	test('55 columns ("Tình trạng đơn hàng", "Product Subtotal"), saved from .xls, with no order total: the lines add up', () => {
		const header = ['Mã đơn hàng', 'Ngày đặt hàng', 'Tình trạng đơn hàng', 'SKU sản phẩm', 'Tên sản phẩm', 'Số lượng', 'Product Subtotal']
		const { layout, orders } = ok(
			readMarketplaceExport(sheet(header, ['2201A', '10/01/2022 10:00:00', 'Hoàn thành', 'A', 'Chè', '1', '100.000'], ['2201A', '10/01/2022 10:00:00', 'Hoàn thành', 'B', 'Miến', '2', '60.000'])),
		)
		expect(layout.id).toBe('shopee-vi-55')
		expect(orders[0]).toMatchObject({ createdAt: '2022-01-10T10:00:00+07:00', total: 160000, items: [{ sku: 'A' }, { sku: 'B', qty: 2, amount: 60000 }] })
	})

	test('when a newer export keeps an older one\'s columns too, the newest layout is used', () => {
		const both = [...SHOPEE_VI_2026, 'Returned quantity', 'Tổng giá bán (sản phẩm)', 'Tình trạng đơn hàng', 'Product Subtotal']
		expect(matchLayout(both)!.layout.id).toBe('shopee-vi-2026')
		expect(matchLayout(both.filter((h) => h !== 'Giá ưu đãi'))!.layout.id).toBe('shopee-vi-58')
		expect(matchLayout(both.filter((h) => h !== 'Giá ưu đãi' && h !== 'Returned quantity'))!.layout.id).toBe('shopee-vi-55')
	})
})

describe('Lazada: one row per unit, status per row, no quantity and no order total', () => {
	const header = ['orderItemId', 'orderNumber', 'sellerSku', 'itemName', 'createTime', 'unitPrice', 'sellerDiscountTotal', 'paidPrice', 'shippingPhone', 'billingPhone', 'status']
	const rows = sheet(
		header,
		['1', '400100', 'CHE-100', 'Chè Shan tuyết', '14 Mar 2026 09:21', '120000.00', '-10000.00', '110000.00', '', '912345678', 'delivered'],
		['2', '400100', 'CHE-100', 'Chè Shan tuyết', '14 Mar 2026 09:21', '120000.00', '-10000.00', '110000.00', '', '912345678', 'delivered'],
		['3', '400100', 'MIEN-500', 'Miến dong', '14 Mar 2026 09:21', '50000.00', '0.00', '50000.00', '', '912345678', 'canceled'],
		['4', '400200', 'MIEN-500', 'Miến dong', '15 Mar 2026 10:00', '50000.00', '0.00', '50000.00', '0388 123 456', '', 'canceled'],
		['5', '400200', 'MIEN-500', 'Miến dong', '15 Mar 2026 10:00', '50000.00', '0.00', '50000.00', '0388 123 456', '', 'canceled'],
	)

	test('units of one product become one item; the value is the sum of paidPrice; a numeric phone gets its 0 back', () => {
		const { layout, orders } = ok(readMarketplaceExport(rows))
		expect(layout.id).toBe('lazada')
		expect(orders[0]).toEqual({
			source: 'lazada',
			orderId: '400100',
			createdAt: '2026-03-14T09:21:00+07:00',
			status: 'delivered',
			cancelled: false,
			// The cancelled unit of an order that went through was not sold.
			items: [{ sku: 'CHE-100', name: 'Chè Shan tuyết', qty: 2, amount: 220000 }],
			total: 220000,
			voucher: null,
			phone: '0912345678',
			note: null,
		})
	})

	test('units of different products stay apart', () => {
		const order = ok(
			readMarketplaceExport(
				sheet(
					header,
					['1', '400300', 'CHE-100', 'Chè', '14 Mar 2026 09:21', '1', '0', '100', '', '', 'delivered'],
					['2', '400300', 'MIEN-500', 'Miến', '14 Mar 2026 09:21', '1', '0', '50', '', '', 'delivered'],
					['3', '400300', 'CHE-100', 'Chè', '14 Mar 2026 09:21', '1', '0', '100', '', '', 'delivered'],
				),
			),
		).orders[0]
		expect(order.items).toEqual([
			{ sku: 'CHE-100', name: 'Chè', qty: 2, amount: 200 },
			{ sku: 'MIEN-500', name: 'Miến', qty: 1, amount: 50 },
		])
		expect(order.total).toBe(250)
	})

	test('an order whose every unit is cancelled is kept as cancelled, with its value', () => {
		expect(ok(readMarketplaceExport(rows)).orders[1]).toMatchObject({
			cancelled: true,
			status: 'canceled',
			items: [{ sku: 'MIEN-500', qty: 2, amount: 100000 }],
			total: 100000,
			phone: '0388123456',
		})
	})
})

describe('TikTok Shop', () => {
	const header = ['Order ID', 'Order Status', 'Seller SKU', 'Product Name', 'Quantity', 'SKU Subtotal After Discount', 'Order Amount', 'Created Time', 'Buyer Message', 'Phone #']
	const description = ['Platform unique order ID.', 'Order status.', 'SKU ID set by the seller.', 'Product name.', 'Quantity.', 'Subtotal after discount.', 'Order amount.', 'Order creation time.', 'Message from buyer.', 'Phone number.']

	test('the description row under the header is skipped, tabs are cut from ids and values', () => {
		const reading = ok(
			readMarketplaceExport(
				sheet(
					header,
					description,
					['576111222333444555\t', 'Completed\t', 'GAO-5\t', 'Gạo\tST25', '2\t', '360000\t', '370000\t', '14/03/2026 09:21:05\t', 'mã MUA5 nhé', '(+84)912345678\t'],
					['576111222333444666\t', 'Cancelled', 'GAO-5', 'Gạo ST25', '1', '180000', '180000', '15/03/2026 10:00:00', '', ''],
				),
			),
		)
		expect(reading.layout.id).toBe('tiktok-shop')
		expect(reading.problems).toEqual([])
		expect(reading.orders).toEqual([
			{
				source: 'tiktok-shop',
				orderId: '576111222333444555',
				createdAt: '2026-03-14T09:21:05+07:00',
				status: 'Completed',
				cancelled: false,
				items: [{ sku: 'GAO-5', name: 'Gạo ST25', qty: 2, amount: 360000 }],
				total: 370000,
				voucher: null,
				phone: '0912345678',
				note: 'mã MUA5 nhé',
			},
			expect.objectContaining({ orderId: '576111222333444666', cancelled: true, total: 180000 }),
		])
	})

	test('without the description row the first order is not lost', () => {
		const { orders } = ok(readMarketplaceExport(sheet(header, ['576111', 'Completed', 'GAO-5', 'Gạo', '1', '1000', '1000', '14/03/2026 09:21:05', '', ''])))
		expect(orders.map((o) => o.orderId)).toEqual(['576111'])
	})
})

describe('where the header is', () => {
	test('title and blank rows above the header are skipped; line numbers stay the file\'s', () => {
		const rows: ExportRow[] = [
			{ line: 1, cells: ['Báo cáo đơn hàng Shopee'] },
			{ line: 2, cells: ['', '', ''] },
			{ line: 3, cells: SHOPEE_VI_2026 },
			{ line: 4, cells: ['A1', '2026-03-14 09:21', 'Hoàn thành', 'X', 'X', 'x', '1', '1', '', '', '', '', ''] },
		]
		const reading = ok(readMarketplaceExport(rows))
		expect(reading.headerLine).toBe(3)
		expect(reading.problems).toEqual([{ line: 4, orderId: 'A1', reason: 'bad-quantity', value: 'x' }])
	})

	test('headers in another spelling: no accents, other case, extra spaces', () => {
		const header = SHOPEE_VI_2026.map((h) => h.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toUpperCase().replace(' ', '  '))
		expect(matchLayout(header)?.layout.id).toBe('shopee-vi-2026')
	})

	test('a header further down than the first ten filled rows is not looked for', () => {
		const rows = sheet(...Array.from({ length: 10 }, (_, i) => [`tiêu đề ${i}`]), SHOPEE_VI_2026)
		expect(readMarketplaceExport(rows)).toMatchObject({ ok: false, reason: 'unknown-layout' })
		expect(ok(readMarketplaceExport(rows.slice(1))).headerLine).toBe(11)
	})
})

describe('files that are not an export', () => {
	test('no rows, or only blank ones', () => {
		expect(readMarketplaceExport([])).toEqual({ ok: false, reason: 'empty' })
		expect(readMarketplaceExport(sheet(['', ' \t'], []))).toEqual({ ok: false, reason: 'empty' })
	})

	test('a known layout with a column missing names the layout and the column', () => {
		const header = SHOPEE_VI_2026.filter((h) => h !== 'Số lượng')
		expect(readMarketplaceExport(sheet(['Shopee'], header))).toEqual({
			ok: false,
			reason: 'unknown-layout',
			closest: { label: 'Shopee (Vietnamese headers, 2026)', missing: ['Số lượng'] },
		})
	})

	test('columns of no marketplace at all', () => {
		expect(readMarketplaceExport(sheet(['name', 'price'], ['a', '1']))).toEqual({ ok: false, reason: 'unknown-layout', closest: null })
	})

	test('closest layout: the one with the fewest missing columns over all rows, and markers count', () => {
		expect(closestLayout([['orderNumber', 'createTime', 'status', 'sellerSku', 'paidPrice', 'unitPrice']])).toEqual({
			layout: EXPORT_LAYOUTS.find((l) => l.id === 'lazada'),
			missing: ['orderItemId'],
		})
		expect(closestLayout([['x'], ['Order ID', 'Created Time']])?.layout.id).toBe('tiktok-shop')
		expect(closestLayout([])).toBeNull()
	})

	test('on a tie the layout listed first is the closest', () => {
		expect(closestLayout([['Order ID', 'Order Status']])?.layout.id).toBe('shopee-en')
	})

	test('a row with only the columns that tell a layout apart is close to it too', () => {
		expect(closestLayout([['orderItemId', 'unitPrice']])).toMatchObject({ layout: { id: 'lazada' }, missing: ['orderNumber', 'createTime', 'status', 'sellerSku', 'paidPrice'] })
	})

	test('a field spelled several ways is there when any one of them is', () => {
		const layout = { id: 'x', source: 'lazada' as const, label: 'X', columns: { phone: ['shippingPhone', 'billingPhone'] }, required: ['phone' as const] }
		expect(missingHeaders(layout, ['billingPhone'])).toEqual([])
		expect(missingHeaders(layout, ['shippingPhone'])).toEqual([])
		expect(missingHeaders(layout, ['phone'])).toEqual(['shippingPhone'])
	})

	test('missing headers are named as the marketplace prints them', () => {
		const lazada = EXPORT_LAYOUTS.find((l) => l.id === 'lazada')!
		expect(missingHeaders(lazada, ['ORDER NUMBER', 'create time'])).toEqual(['status', 'sellerSku', 'paidPrice', 'orderItemId', 'unitPrice'])
	})
})

describe('rows that cannot be read', () => {
	const header = ['Order ID', 'Order Status', 'Seller SKU', 'Product Name', 'Quantity', 'SKU Subtotal After Discount', 'Order Amount', 'Created Time']
	const good = (id: string) => [id, 'Completed', 'S', 'Sản phẩm', '1', '1000', '2000', '14/03/2026 09:21:05']

	test('each bad row is reported with its line and reason, and its whole order is left out', () => {
		const reading = ok(
			readMarketplaceExport(
				sheet(
					header,
					good('1'),
					['', 'Completed', 'S', 'N', '1', '1000', '1000', '14/03/2026 09:21:05'],
					['2', 'Completed', 'S', 'N', '1', '1000', '1000', 'hôm qua'],
					['3', '', 'S', 'N', '1', '1000', '1000', '14/03/2026 09:21:05'],
					['4', 'Completed', '', '', '1', '1000', '1000', '14/03/2026 09:21:05'],
					['5', 'Completed', 'S', 'N', '0', '1000', '1000', '14/03/2026 09:21:05'],
					['6', 'Completed', 'S', 'N', '1', 'miễn phí', '1000', '14/03/2026 09:21:05'],
					['7', 'Completed', 'S', 'N', '1', '-1000', '1000', '14/03/2026 09:21:05'],
					['8', 'Completed', 'S', 'N', '1', '1000', '', '14/03/2026 09:21:05'],
					['9', 'Completed', 'S', 'N', '1', '1000', '-1', '14/03/2026 09:21:05'],
					good('1'),
					good('10'),
					['10', 'Completed', 'S', 'N', 'hai', '1000', '2000', '14/03/2026 09:21:05'],
					[],
				),
			),
		)
		expect(reading.problems).toEqual([
			{ line: 3, orderId: null, reason: 'missing-order-id', value: '' },
			{ line: 4, orderId: '2', reason: 'bad-date', value: 'hôm qua' },
			{ line: 5, orderId: '3', reason: 'missing-status', value: '' },
			{ line: 6, orderId: '4', reason: 'missing-product', value: '' },
			{ line: 7, orderId: '5', reason: 'bad-quantity', value: '0' },
			{ line: 8, orderId: '6', reason: 'bad-amount', value: 'miễn phí' },
			{ line: 9, orderId: '7', reason: 'bad-amount', value: '-1000' },
			{ line: 10, orderId: '8', reason: 'bad-total', value: '' },
			{ line: 11, orderId: '9', reason: 'bad-total', value: '-1' },
			{ line: 14, orderId: '10', reason: 'bad-quantity', value: 'hai' },
		])
		expect(reading.orders.map((o) => [o.orderId, o.items.length])).toEqual([['1', 2]])
	})

	test('a free gift line (price 0) and an order paid in full by vouchers (total 0) are read', () => {
		const row = good('1')
		row[5] = '0'
		row[6] = '0'
		expect(ok(readMarketplaceExport(sheet(header, row))).orders[0]).toMatchObject({ items: [{ amount: 0 }], total: 0 })
	})

	test('lines that disagree on the status: the order is cancelled only when every line says so', () => {
		const cancelled = good('1')
		cancelled[1] = 'Cancelled'
		expect(ok(readMarketplaceExport(sheet(header, good('1'), cancelled))).orders[0]).toMatchObject({ status: 'Completed', cancelled: false })
		expect(ok(readMarketplaceExport(sheet(header, cancelled, cancelled))).orders[0]).toMatchObject({ status: 'Cancelled', cancelled: true })
	})

	test('a product with a name and no SKU is read, its sku null', () => {
		const row = good('1')
		row[2] = ''
		expect(ok(readMarketplaceExport(sheet(header, row))).orders[0].items).toEqual([{ sku: null, name: 'Sản phẩm', qty: 1, amount: 1000 }])
	})

	test('a problem in a sentence', () => {
		expect(describeRowProblem({ line: 7, orderId: '5', reason: 'bad-quantity', value: '0' })).toBe(
			'line 7: the quantity is not a whole number above 0 ("0"); order 5 is left out',
		)
		expect(describeRowProblem({ line: 3, orderId: null, reason: 'missing-order-id', value: '' })).toBe('line 3: the order id is empty')
		expect(describeRowProblem({ line: 4, orderId: '2', reason: 'bad-date', value: 'x' })).toBe('line 4: the order date is not a date and time ("x"); order 2 is left out')
	})
})
