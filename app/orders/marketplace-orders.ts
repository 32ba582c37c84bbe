// Orders out of a marketplace export (Shopee, Lazada, TikTok Shop): find the
// header row and its layout, read each row as one order line, group the lines
// into orders, and report each row that cannot be read with its line number
// (docs/decisions/180-marketplace-order-exports.md). Pure: the file reader
// (read-export.server.ts) hands over the rows as text.

import { cleanCell, isCancelledStatus, readLocalDateTime, readPhone, readQuantity, readVnd } from './export-cells.ts'
import { closestLayout, matchLayout, type ColumnMap, type ExportField, type ExportLayout, type MarketplaceSource } from './export-layouts.ts'

/** A row of the file: its line number as the spreadsheet shows it, and its cells as text. */
export type ExportRow = { line: number; cells: string[] }

export type MarketplaceOrderItem = { sku: string | null; name: string; qty: number; amount: number }

export type MarketplaceOrder = {
	source: MarketplaceSource
	orderId: string
	/** ISO 8601 with the marketplace's +07:00 offset. */
	createdAt: string
	status: string
	/** Kept, so that a later import sees it, but never counted as revenue. */
	cancelled: boolean
	items: MarketplaceOrderItem[]
	/** The order's value in whole đồng as the export states it (Lazada: the sum of its rows). */
	total: number
	/** The shop's own promo code, only where the export has a code column. */
	voucher: string | null
	phone: string | null
	/** The buyer's note, where a promo code may be written (attribution reads it). */
	note: string | null
}

export type RowProblemReason =
	| 'missing-order-id'
	| 'bad-date'
	| 'missing-status'
	| 'missing-product'
	| 'bad-quantity'
	| 'bad-amount'
	| 'bad-total'

/** A row that could not be read; its whole order is left out so that no order is imported half. */
export type RowProblem = { line: number; orderId: string | null; reason: RowProblemReason; value: string }

export type ExportReading =
	| { ok: true; layout: ExportLayout; headerLine: number; orders: MarketplaceOrder[]; problems: RowProblem[] }
	| { ok: false; reason: 'empty' }
	| { ok: false; reason: 'unknown-layout'; closest: { label: string; missing: string[] } | null }

/** How far down the header row may sit (title rows above it are skipped). */
export const HEADER_SEARCH_ROWS = 10

type Line = {
	line: number
	orderId: string
	createdAt: string
	status: string
	cancelled: boolean
	item: MarketplaceOrderItem
	total: number | null
	voucher: string | null
	phone: string | null
	note: string | null
}

function cell(row: ExportRow, columns: ColumnMap, field: ExportField): string {
	const values = (columns[field] ?? []).map((index) => cleanCell(row.cells[index] ?? ''))
	return values.find((value) => value !== '') ?? ''
}

function readLine(row: ExportRow, layout: ExportLayout, columns: ColumnMap): Line | RowProblem {
	const get = (field: ExportField) => cell(row, columns, field)
	const orderId = get('orderId')
	const problem = (reason: RowProblemReason, value: string): RowProblem => ({ line: row.line, orderId: orderId || null, reason, value })
	if (!orderId) return problem('missing-order-id', '')
	const createdAt = readLocalDateTime(get('createdAt'))
	if (!createdAt) return problem('bad-date', get('createdAt'))
	const status = get('status')
	if (!status) return problem('missing-status', '')
	const sku = get('sku') || null
	const name = get('name')
	if (!sku && !name) return problem('missing-product', '')
	const qty = layout.rowPerUnit ? 1 : readQuantity(get('qty'))
	if (qty === null) return problem('bad-quantity', get('qty'))
	const priced = columns.lineAmount === undefined ? 'unitPrice' : 'lineAmount'
	const price = readVnd(get(priced))
	if (price === null || price < 0) return problem('bad-amount', get(priced))
	let total: number | null = null
	if (columns.total !== undefined) {
		total = readVnd(get('total'))
		if (total === null || total < 0) return problem('bad-total', get('total'))
	}
	return {
		line: row.line,
		orderId,
		createdAt,
		status,
		cancelled: isCancelledStatus(status),
		item: { sku, name, qty, amount: priced === 'unitPrice' ? price * qty : price },
		total,
		voucher: get('voucher') || null,
		phone: readPhone(get('phone')),
		note: get('note') || null,
	}
}

/** Rows of one product in a row-per-unit export become one item. */
function mergeUnits(items: MarketplaceOrderItem[]): MarketplaceOrderItem[] {
	const merged = new Map<string, MarketplaceOrderItem>()
	for (const item of items) {
		const key = JSON.stringify([item.sku, item.name])
		const seen = merged.get(key)
		if (seen) {
			seen.qty += item.qty
			seen.amount += item.amount
		} else merged.set(key, { ...item })
	}
	return [...merged.values()]
}

function toOrder(source: MarketplaceSource, layout: ExportLayout, lines: Line[]): MarketplaceOrder {
	const [first] = lines
	// Lazada gives each unit its own status: a cancelled unit in an order that
	// went through is not part of what was sold, and the order is cancelled only when all are.
	const kept = layout.rowPerUnit && lines.some((l) => !l.cancelled) ? lines.filter((l) => !l.cancelled) : lines
	const items = layout.rowPerUnit ? mergeUnits(kept.map((l) => l.item)) : kept.map((l) => l.item)
	return {
		source,
		orderId: first.orderId,
		createdAt: first.createdAt,
		status: kept[0].status,
		cancelled: kept.every((l) => l.cancelled),
		items,
		total: first.total ?? items.reduce((sum, item) => sum + item.amount, 0),
		voucher: lines.find((l) => l.voucher)?.voucher ?? null,
		phone: lines.find((l) => l.phone)?.phone ?? null,
		note: first.note,
	}
}

const isBlank = (row: ExportRow) => row.cells.every((c) => cleanCell(c) === '')

/** Reads the orders of an export whose rows are already text. */
export function readMarketplaceExport(rows: ExportRow[]): ExportReading {
	const filled = rows.filter((row) => !isBlank(row))
	if (filled.length === 0) return { ok: false, reason: 'empty' }
	const candidates = filled.slice(0, HEADER_SEARCH_ROWS)
	const headerIndex = candidates.findIndex((row) => matchLayout(row.cells) !== null)
	if (headerIndex < 0) {
		const closest = closestLayout(candidates.map((row) => row.cells))
		return { ok: false, reason: 'unknown-layout', closest: closest && { label: closest.layout.label, missing: closest.missing } }
	}
	const { layout, columns } = matchLayout(filled[headerIndex].cells)!
	let body = filled.slice(headerIndex + 1)
	// TikTok Shop's second row describes each column ("Platform unique order ID."):
	// an order id never has spaces in it.
	if (body.length > 0 && /\s/.test(cell(body[0], columns, 'orderId'))) body = body.slice(1)

	const byOrder = new Map<string, Line[]>()
	const problems: RowProblem[] = []
	for (const row of body) {
		const read = readLine(row, layout, columns)
		if ('reason' in read) {
			problems.push(read)
			continue
		}
		const lines = byOrder.get(read.orderId)
		if (lines) lines.push(read)
		else byOrder.set(read.orderId, [read])
	}
	const broken = new Set(problems.map((p) => p.orderId))
	const orders = [...byOrder.entries()].filter(([id]) => !broken.has(id)).map(([, lines]) => toOrder(layout.source, layout, lines))
	return { ok: true, layout, headerLine: filled[headerIndex].line, orders, problems }
}

const REASONS: Record<RowProblemReason, string> = {
	'missing-order-id': 'the order id is empty',
	'bad-date': 'the order date is not a date and time',
	'missing-status': 'the order status is empty',
	'missing-product': 'the product has neither SKU nor name',
	'bad-quantity': 'the quantity is not a whole number above 0',
	'bad-amount': 'the price is not an amount in đồng',
	'bad-total': 'the order total is not an amount in đồng',
}

/** One problem in a sentence, for the command line and the logs. */
export function describeRowProblem(problem: RowProblem): string {
	const value = problem.value ? ` ("${problem.value}")` : ''
	const order = problem.orderId ? `; order ${problem.orderId} is left out` : ''
	return `line ${problem.line}: ${REASONS[problem.reason]}${value}${order}`
}
