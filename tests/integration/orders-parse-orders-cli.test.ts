import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, test } from 'vitest'

// `studio parse-orders` on export files made the way the marketplaces make
// them: real .xlsx workbooks (written with ExcelJS, with date and number
// cells), a UTF-8 CSV with a byte-order mark and quoted line breaks, and files
// that are not exports at all.

const studio = path.resolve('bin/studio.js')
let dir: string

type Cell = string | number | Date | null
async function writeWorkbook(file: string, sheets: Record<string, Cell[][]>) {
	const workbook = new ExcelJS.Workbook()
	for (const [name, rows] of Object.entries(sheets)) {
		const sheet = workbook.addWorksheet(name)
		for (const row of rows) sheet.addRow(row)
	}
	await workbook.xlsx.writeFile(path.join(dir, file))
}

// Excel keeps a wall-clock time with no zone; ExcelJS writes a Date's UTC fields.
const wallClock = (text: string) => new Date(`${text}Z`)

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parse-orders-'))
	const shopeeHeader = [
		'Mã đơn hàng', 'Ngày đặt hàng', 'Trạng Thái Đơn Hàng', 'SKU sản phẩm', 'Tên sản phẩm', 'Số lượng', 'Giá ưu đãi',
		'Tổng giá trị đơn hàng (VND)', 'Mã giảm giá của Shop', 'Tổng số tiền người mua thanh toán', 'Số điện thoại', 'Tỉnh/Thành phố', 'Nhận xét từ Người mua',
	]
	await writeWorkbook('shopee.xlsx', {
		orders: [
			shopeeHeader,
			['2603140A1B2C3D', wallClock('2026-03-14T09:21:00'), 'Hoàn thành', 'CHE-100', 'Chè Shan tuyết 100g', 2, 120000, 290000, 10000, 285000, 84912345678, 'Hà Giang', 'giao giờ hành chính'],
			['2603140A1B2C3D', wallClock('2026-03-14T09:21:00'), 'Hoàn thành', 'MIEN-500', 'Miến dong 500g', 1, 50000, 290000, 10000, 285000, 84912345678, 'Hà Giang', 'giao giờ hành chính'],
			['2603150XYZ', '2026-03-15 20:05', 'Đã hủy', 'CHE-100', 'Chè Shan tuyết 100g', 1, 120000, 120000, 0, 0, '******678', 'Hà Nội', null],
		],
	})
	await writeWorkbook('lazada.xlsx', {
		Summary: [['Lazada Seller Center'], ['Orders', 3]],
		sheet1: [
			['orderItemId', 'orderNumber', 'sellerSku', 'itemName', 'createTime', 'unitPrice', 'sellerDiscountTotal', 'paidPrice', 'shippingPhone', 'status'],
			[1001, 400100, 'CHE-100', 'Chè Shan tuyết', '14 Mar 2026 09:21', 120000, -10000, 110000, 912345678, 'delivered'],
			[1002, 400100, 'CHE-100', 'Chè Shan tuyết', '14 Mar 2026 09:21', 120000, -10000, 110000, 912345678, 'delivered'],
			[1003, 400200, 'MIEN-500', 'Miến dong', '15 Mar 2026 10:00', 50000, 0, 50000, 84388123456, 'canceled'],
		],
	})
	await writeWorkbook('tiktok.xlsx', {
		OrderSKUList: [
			['Order ID', 'Order Status', 'Seller SKU', 'Product Name', 'Quantity', 'SKU Subtotal After Discount', 'Order Amount', 'Created Time', 'Buyer Message', 'Phone #'],
			['Platform unique order ID.', 'Order status.', 'SKU ID set by the seller.', 'Product name.', 'Quantity.', 'Subtotal after discount.', 'Order amount.', 'Order creation time.', 'Message.', 'Phone.'],
			['576111222333444555\t', 'Completed\t', 'GAO-5\t', 'Gạo ST25\t5kg', '2\t', '360000\t', '370000\t', '14/03/2026 09:21:05\t', 'mã MUA5', '(+84)912345678\t'],
			['576111222333444666\t', 'Cancelled', 'GAO-5', 'Gạo ST25 5kg', '1', '180000', '180000', '15/03/2026 10:00:00', '', ''],
		],
	})
	await fs.writeFile(
		path.join(dir, 'tiktok.csv'),
		'\ufeffOrder ID,Order Status,Seller SKU,Product Name,Quantity,SKU Subtotal After Discount,Order Amount,Created Time,Buyer Message\n' +
			'Platform unique order ID.,Order status.,Seller SKU.,Product name.,Quantity.,Subtotal.,Amount.,Created time.,Message.\n' +
			'"576000000000000001\t",Completed,MAT-ONG,"Mật ong, rừng",1,"250,000","250,000",14/03/2026 09:21:05,"giao trước 5h\nnhé"\n' +
			'576000000000000002\t,Completed,MAT-ONG,Mật ong,hai,"250,000","250,000",14/03/2026 09:30:00,\n' +
			'576000000000000003\t,Completed,MAT-ONG,Mật ong,1,"250,000","250,000",ngày mai,\n',
	)
	// A spreadsheet set to Vietnamese writes CSV with semicolons (the comma is its decimal mark).
	await fs.writeFile(
		path.join(dir, 'shopee-en.csv'),
		'Order ID;Order Status;Order Creation Date;SKU Reference No.;Product Name;Quantity;Deal Price;Voucher Code;Grand Total;Phone Number\r\n' +
			'260301AAA;Completed;2026-03-01 08:00;GAO-5;Gạo ST25 5kg;1;180.000;;415.000;0987.654.321\r\n' +
			'260301AAA;Completed;2026-03-01 08:00;GAO-2;Gạo ST25 2kg;3;80.000;COOPTET;415.000;0987.654.321\r\n',
	)
	await writeWorkbook('unknown.xlsx', { Sheet1: [['Tên khách', 'Số tiền'], ['Lan', 100000]] })
	const missingQuantity = shopeeHeader.filter((h) => h !== 'Số lượng')
	await writeWorkbook('shopee-missing-column.xlsx', { orders: [missingQuantity, ['X', '2026-03-14 09:21']] })
	await writeWorkbook('empty.xlsx', { orders: [] })
	await fs.writeFile(path.join(dir, 'old.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]))
	await fs.writeFile(path.join(dir, 'broken.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('not really a zip')]))
	await fs.writeFile(path.join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]))
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

function run(args: string[]) {
	return new Promise<{ code: number; lines: unknown[]; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [studio, 'parse-orders', ...args], { cwd: dir })
		let stdout = ''
		let stderr = ''
		child.stdout.on('data', (chunk) => (stdout += chunk))
		child.stderr.on('data', (chunk) => (stderr += chunk))
		child.on('close', (code) => resolve({ code: code ?? 1, lines: stdout.trim() ? stdout.trim().split('\n').map((l) => JSON.parse(l)) : [], stderr }))
	})
}

test('Shopee .xlsx (Vietnamese headers): the contract\'s fields in its order, date cells in +07:00, the voucher amount not taken for a code', async () => {
	const result = await run(['shopee.xlsx'])
	expect(result.stderr).toBe('')
	expect(result.code).toBe(0)
	expect(result.lines).toEqual([
		{
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
		},
		{
			source: 'shopee',
			orderId: '2603150XYZ',
			createdAt: '2026-03-15T20:05:00+07:00',
			status: 'Đã hủy',
			cancelled: true,
			items: [{ sku: 'CHE-100', name: 'Chè Shan tuyết 100g', qty: 1, amount: 120000 }],
			total: 120000,
			voucher: null,
			phone: null,
		},
	])
	expect(Object.keys(result.lines[0] as object)).toEqual(['source', 'orderId', 'createdAt', 'status', 'cancelled', 'items', 'total', 'voucher', 'phone'])
})

test('Lazada .xlsx: the orders sheet is found after a summary sheet; units added up; numeric phones get their 0', async () => {
	const result = await run(['lazada.xlsx'])
	expect(result.code).toBe(0)
	expect(result.lines).toEqual([
		{
			source: 'lazada',
			orderId: '400100',
			createdAt: '2026-03-14T09:21:00+07:00',
			status: 'delivered',
			cancelled: false,
			items: [{ sku: 'CHE-100', name: 'Chè Shan tuyết', qty: 2, amount: 220000 }],
			total: 220000,
			voucher: null,
			phone: '0912345678',
		},
		{
			source: 'lazada',
			orderId: '400200',
			createdAt: '2026-03-15T10:00:00+07:00',
			status: 'canceled',
			cancelled: true,
			items: [{ sku: 'MIEN-500', name: 'Miến dong', qty: 1, amount: 50000 }],
			total: 50000,
			voucher: null,
			phone: '0388123456',
		},
	])
})

test('TikTok Shop .xlsx: the second header row (descriptions) skipped, tabs cut from the cells', async () => {
	const result = await run(['tiktok.xlsx'])
	expect(result.code).toBe(0)
	expect(result.lines).toEqual([
		{
			source: 'tiktok-shop',
			orderId: '576111222333444555',
			createdAt: '2026-03-14T09:21:05+07:00',
			status: 'Completed',
			cancelled: false,
			items: [{ sku: 'GAO-5', name: 'Gạo ST25 5kg', qty: 2, amount: 360000 }],
			total: 370000,
			voucher: null,
			phone: '0912345678',
		},
		expect.objectContaining({ orderId: '576111222333444666', status: 'Cancelled', cancelled: true, total: 180000, phone: null }),
	])
})

test('TikTok Shop .csv: the good order printed; each bad row named on stderr with the line the file shows it on; exit 0 (the file was read)', async () => {
	const result = await run(['tiktok.csv'])
	expect(result.code).toBe(0)
	expect(result.lines).toEqual([
		{
			source: 'tiktok-shop',
			orderId: '576000000000000001',
			createdAt: '2026-03-14T09:21:05+07:00',
			status: 'Completed',
			cancelled: false,
			items: [{ sku: 'MAT-ONG', name: 'Mật ong, rừng', qty: 1, amount: 250000 }],
			total: 250000,
			voucher: null,
			phone: null,
		},
	])
	// The first order's note spans lines 3 and 4, so the next rows start on 5 and 6.
	expect(result.stderr.trim().split('\n')).toEqual([
		'tiktok.csv: line 5: the quantity is not a whole number above 0 ("hai"); order 576000000000000002 is left out',
		'tiktok.csv: line 6: the order date is not a date and time ("ngày mai"); order 576000000000000003 is left out',
	])
})

test('Shopee .csv (English headers, semicolons): the shop\'s voucher code where the export carries one', async () => {
	const result = await run(['shopee-en.csv'])
	expect(result.stderr).toBe('')
	expect(result.code).toBe(0)
	expect(result.lines).toEqual([
		{
			source: 'shopee',
			orderId: '260301AAA',
			createdAt: '2026-03-01T08:00:00+07:00',
			status: 'Completed',
			cancelled: false,
			items: [
				{ sku: 'GAO-5', name: 'Gạo ST25 5kg', qty: 1, amount: 180000 },
				{ sku: 'GAO-2', name: 'Gạo ST25 2kg', qty: 3, amount: 240000 },
			],
			total: 415000,
			voucher: 'COOPTET',
			phone: '0987654321',
		},
	])
})

test.each([
	['unknown.xlsx', 'unknown layout: no row among the first 10 has the column names of a Shopee, Lazada or TikTok Shop order export'],
	['shopee-missing-column.xlsx', 'unknown layout: the columns look like Shopee (Vietnamese headers, 2026) but "Số lượng" is missing'],
	['empty.xlsx', 'the file has no rows'],
	['old.xls', 'old Excel 97–2003 (.xls) file; open it in Excel or LibreOffice, save it as .xlsx or .csv'],
	['broken.xlsx', 'it is not a readable .xlsx workbook'],
	['photo.jpg', 'it is neither an .xlsx nor a .csv file'],
	['nothing-here.csv', 'the file does not exist'],
])('%s: a message naming the problem, nothing on stdout, exit 1', async (file, message) => {
	const result = await run([file])
	expect(result.code).toBe(1)
	expect(result.lines).toEqual([])
	expect(result.stderr).toContain(`${file}: cannot read the orders: `)
	expect(result.stderr).toContain(message)
})

test('without exactly one file: the usage and exit 2', async () => {
	for (const args of [[], ['a.csv', 'b.csv'], ['--sheet', 'x']]) {
		const result = await run(args)
		expect(result.code).toBe(2)
		expect(result.stderr).toContain('Usage: studio parse-orders <export.xlsx|export.csv>')
	}
})
