// A marketplace export turned into orders of the co-op (issue 12; docs/decisions/187):
// the preview's figures, the state an imported order starts in, and its lines
// matched to the co-op's products. Pure: order-imports.server.ts stores and commits.

import { normalizeProductCode } from '~/products/codes.ts'
import { foldForMatching } from '~/utils/vietnamese.ts'
import type { MarketplaceOrder, MarketplaceOrderItem, RowProblem } from './marketplace-orders.ts'

export type ImportSummary = {
	/** Orders read from the file (cancelled included). */
	orders: number
	/** Of those, already in the co-op from an earlier import (same source and order id). */
	alreadyHere: number
	/** Of those, new: what a commit adds. */
	toAdd: number
	cancelled: number
	/** Value of the orders that count (not cancelled), in whole đồng. */
	valueVnd: number
	/** Value of the new orders that count. */
	toAddValueVnd: number
	/** First and last order time as the file states it (ISO 8601 with +07:00), or null with no orders. */
	from: string | null
	to: string | null
	badRows: number
}

export function summariseImport(orders: readonly MarketplaceOrder[], alreadyHere: ReadonlySet<string>, problems: readonly RowProblem[]): ImportSummary {
	const fresh = orders.filter((o) => !alreadyHere.has(o.orderId))
	const value = (list: readonly MarketplaceOrder[]) => list.reduce((sum, o) => sum + (o.cancelled ? 0 : o.total), 0)
	// Every time carries the same +07:00 offset, so the text sorts as the instants do.
	const times = orders.map((o) => o.createdAt).sort()
	return {
		orders: orders.length,
		alreadyHere: orders.length - fresh.length,
		toAdd: fresh.length,
		cancelled: orders.filter((o) => o.cancelled).length,
		valueVnd: value(orders),
		toAddValueVnd: value(fresh),
		from: times[0] ?? null,
		to: times.at(-1) ?? null,
		badRows: problems.length,
	}
}

/** Statuses meaning the buyer has the goods: Shopee `Hoàn thành`/`Đã giao`, `Completed`, Lazada `delivered`. */
export function isCompletedStatus(status: string): boolean {
	return /(?:^|\s)(?:hoan thanh|da giao|completed?|delivered)(?:\s|$)/.test(foldForMatching(status))
}

/** The state an imported order starts in: cancelled, done when delivered, else confirmed (the marketplace took it). */
export function importedOrderState(order: Pick<MarketplaceOrder, 'cancelled' | 'status'>): 'cancelled' | 'done' | 'confirmed' {
	if (order.cancelled) return 'cancelled'
	return isCompletedStatus(order.status) ? 'done' : 'confirmed'
}

export type CatalogueProduct = { id: string; code: string; unit: string }

export type ImportedLine = { productId: string | null; code: string; name: string; unit: string; priceVnd: number; qty: number; amountVnd: number }

/** The product codes of the co-op, keyed as a typed code is read ("a-01 " finds A1; app/products/codes.ts). */
export function productsByCode(products: readonly CatalogueProduct[]): Map<string, CatalogueProduct> {
	return new Map(products.map((p) => [normalizeProductCode(p.code), p]))
}

/**
 * One line as sold on the marketplace: the SKU kept as the code, the product
 * linked when the SKU is one of the co-op's codes, the unit price the line's
 * amount over its quantity (whole đồng).
 */
export function importedLine(item: MarketplaceOrderItem, products: ReadonlyMap<string, CatalogueProduct>): ImportedLine {
	const product = item.sku ? products.get(normalizeProductCode(item.sku)) : undefined
	return {
		productId: product?.id ?? null,
		code: product?.code ?? item.sku ?? '',
		name: item.name || item.sku || '',
		unit: product?.unit ?? '',
		priceVnd: Math.round(item.amount / item.qty),
		qty: item.qty,
		amountVnd: item.amount,
	}
}
