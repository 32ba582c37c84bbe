// The known layouts of marketplace order exports, written from
// ../shared/reference/platforms.md ("Marketplace order exports"), and finding
// which one a file uses (docs/decisions/180-marketplace-order-exports.md).

import { foldHeader } from './export-cells.ts'

export type MarketplaceSource = 'shopee' | 'lazada' | 'tiktok-shop'

/** What an order reader takes from a row. */
export type ExportField =
	| 'orderId'
	| 'createdAt'
	| 'status'
	| 'sku'
	| 'name'
	| 'qty'
	| 'unitPrice'
	| 'lineAmount'
	| 'total'
	| 'voucher'
	| 'phone'
	| 'note'

export type ExportLayout = {
	id: string
	source: MarketplaceSource
	label: string
	/** Headers as printed; a field may have several columns (Lazada's two phones): the first filled one is read. */
	columns: Partial<Record<ExportField, string[]>>
	/** Fields the layout cannot be read without; the others may be missing from a file. */
	required: ExportField[]
	/** Headers read for nothing but telling this layout from its neighbours. */
	markers?: string[]
	/**
	 * One row per unit sold (Lazada): rows of the same product are added up,
	 * each row has its own status, and the order's value is the sum of its rows.
	 */
	rowPerUnit?: boolean
}

// Shopee's `Mã giảm giá của Shop` / `Mã giảm giá của Shopee` are voucher AMOUNTS
// in đồng, not codes: no Vietnamese Shopee layout gets a voucher column.
export const EXPORT_LAYOUTS: ExportLayout[] = [
	{
		id: 'shopee-vi-2026',
		source: 'shopee',
		label: 'Shopee (Vietnamese headers, 2026)',
		columns: {
			orderId: ['Mã đơn hàng'],
			createdAt: ['Ngày đặt hàng'],
			status: ['Trạng Thái Đơn Hàng'],
			sku: ['SKU sản phẩm'],
			name: ['Tên sản phẩm'],
			qty: ['Số lượng'],
			unitPrice: ['Giá ưu đãi'],
			total: ['Tổng giá trị đơn hàng (VND)'],
			phone: ['Số điện thoại'],
			note: ['Nhận xét từ Người mua'],
		},
		required: ['orderId', 'createdAt', 'status', 'sku', 'qty', 'unitPrice', 'total'],
	},
	{
		id: 'shopee-vi-58',
		source: 'shopee',
		label: 'Shopee (Vietnamese headers, 58 columns, with returned quantity)',
		columns: {
			orderId: ['Mã đơn hàng'],
			createdAt: ['Ngày đặt hàng'],
			status: ['Trạng Thái Đơn Hàng'],
			sku: ['SKU sản phẩm'],
			name: ['Tên sản phẩm'],
			qty: ['Số lượng'],
			lineAmount: ['Tổng giá bán (sản phẩm)'],
			total: ['Tổng giá trị đơn hàng (VND)'],
			phone: ['Số điện thoại'],
			note: ['Nhận xét từ Người mua'],
		},
		required: ['orderId', 'createdAt', 'status', 'sku', 'qty', 'lineAmount'],
		markers: ['Returned quantity'],
	},
	{
		id: 'shopee-vi-55',
		source: 'shopee',
		label: 'Shopee (Vietnamese headers, old 55-column export)',
		columns: {
			orderId: ['Mã đơn hàng'],
			createdAt: ['Ngày đặt hàng'],
			status: ['Tình trạng đơn hàng'],
			sku: ['SKU sản phẩm'],
			name: ['Tên sản phẩm'],
			qty: ['Số lượng'],
			lineAmount: ['Product Subtotal'],
			total: ['Tổng giá trị đơn hàng (VND)'],
			phone: ['Số điện thoại'],
			note: ['Nhận xét từ Người mua'],
		},
		required: ['orderId', 'createdAt', 'status', 'sku', 'qty', 'lineAmount'],
	},
	{
		id: 'shopee-en',
		source: 'shopee',
		label: 'Shopee (English headers)',
		columns: {
			orderId: ['Order ID'],
			createdAt: ['Order Creation Date'],
			status: ['Order Status'],
			sku: ['SKU Reference No.'],
			name: ['Product Name'],
			qty: ['Quantity'],
			unitPrice: ['Deal Price'],
			total: ['Grand Total'],
			voucher: ['Voucher Code'],
			phone: ['Phone Number'],
			note: ['Remark from buyer'],
		},
		required: ['orderId', 'createdAt', 'status', 'sku', 'qty', 'unitPrice', 'total'],
	},
	{
		id: 'lazada',
		source: 'lazada',
		label: 'Lazada',
		columns: {
			orderId: ['orderNumber'],
			createdAt: ['createTime'],
			status: ['status'],
			sku: ['sellerSku'],
			name: ['itemName'],
			lineAmount: ['paidPrice'],
			phone: ['shippingPhone', 'billingPhone'],
		},
		required: ['orderId', 'createdAt', 'status', 'sku', 'lineAmount'],
		markers: ['orderItemId', 'unitPrice'],
		rowPerUnit: true,
	},
	{
		id: 'tiktok-shop',
		source: 'tiktok-shop',
		label: 'TikTok Shop',
		columns: {
			orderId: ['Order ID'],
			createdAt: ['Created Time'],
			status: ['Order Status'],
			sku: ['Seller SKU'],
			name: ['Product Name'],
			qty: ['Quantity'],
			lineAmount: ['SKU Subtotal After Discount'],
			total: ['Order Amount'],
			phone: ['Phone #'],
			note: ['Buyer Message'],
		},
		required: ['orderId', 'createdAt', 'status', 'sku', 'qty', 'lineAmount', 'total'],
	},
]

/** Where each field of a layout sits in a header row (column indexes, in the layout's order). */
export type ColumnMap = Partial<Record<ExportField, number[]>>

export type LayoutMatch = { layout: ExportLayout; columns: ColumnMap }

/** The headers a layout needs and the row does not have, as printed. */
export function missingHeaders(layout: ExportLayout, headerRow: string[]): string[] {
	const present = new Set(headerRow.map(foldHeader))
	const needed = [...layout.required.map((f) => layout.columns[f]!), ...(layout.markers ?? []).map((m) => [m])]
	return needed.filter((spellings) => !spellings.some((s) => present.has(foldHeader(s)))).map((spellings) => spellings[0])
}

function columnMap(layout: ExportLayout, headerRow: string[]): ColumnMap {
	const folded = headerRow.map(foldHeader)
	const map: ColumnMap = {}
	for (const [field, spellings] of Object.entries(layout.columns) as [ExportField, string[]][]) {
		const indexes = spellings.map((s) => folded.indexOf(foldHeader(s))).filter((i) => i >= 0)
		if (indexes.length > 0) map[field] = indexes
	}
	return map
}

/**
 * The layout of a header row, or null. A newer export may keep an older one's
 * columns as well: the layouts are listed newest first, and the first that has
 * every column it needs is used.
 */
export function matchLayout(headerRow: string[]): LayoutMatch | null {
	const layout = EXPORT_LAYOUTS.find((candidate) => missingHeaders(candidate, headerRow).length === 0)
	return layout ? { layout, columns: columnMap(layout, headerRow) } : null
}

/**
 * The layout some header row comes closest to (fewest missing headers) and
 * what it lacks, for the error message; null when no row has any of them.
 */
export function closestLayout(headerRows: string[][]): { layout: ExportLayout; missing: string[] } | null {
	let closest: { layout: ExportLayout; missing: string[] } | null = null
	for (const row of headerRows) {
		for (const layout of EXPORT_LAYOUTS) {
			const missing = missingHeaders(layout, row)
			const needed = layout.required.length + (layout.markers?.length ?? 0)
			if (missing.length < needed && (!closest || missing.length < closest.missing.length)) closest = { layout, missing }
		}
	}
	return closest
}
