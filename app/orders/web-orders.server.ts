import { clickCookieUpdate } from '~/links/attribution-cookie.ts'
import { findOrderablePage } from '~/products/public-product.server.ts'
import { notify } from '~/publishing/notifications.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { takeWebOrderAllowance } from './order-rate-limit.server.ts'
import { createOrder, productLines } from './orders.server.ts'
import { qrSvg } from '~/links/qr.server.ts'
import { orderLabel, orderTransferLabel } from './order-state.ts'
import { vietQrPayload } from './vietqr.ts'
import type { WebOrder } from './web-order-form.ts'

// Orders from the public product and batch pages (issue 12; docs/decisions/185):
// the page, the address's hourly allowance, the click ids from the cookie,
// then createOrder (source web) and an in-app notification for those who
// handle orders. createOrder itself announces `order.created` live.

export type PlaceWebOrderInput = {
	page: { product: string } | { batch: string }
	order: WebOrder
	/** The request's Cookie header (the click cookie is read from it). */
	cookieHeader: string | null
	clientAddress: string
}

export type PlaceWebOrderResult =
	| { outcome: 'placed'; orderId: string; number: number; productSlug: string }
	| { outcome: 'not_found' }
	| { outcome: 'limited' }
	| { outcome: 'no_bank' }

/** Only click ids this co-op's links really recorded are kept on the order. */
async function knownClicks(coopId: string, ids: { first: string; last: string } | null) {
	if (!ids) return { firstClickId: null, lastClickId: null }
	const rows = await getDb().click.findMany({ where: { coopId, clickId: { in: [ids.first, ids.last] } }, select: { clickId: true } })
	const known = new Set(rows.map((r) => r.clickId))
	return { firstClickId: known.has(ids.first) ? ids.first : null, lastClickId: known.has(ids.last) ? ids.last : null }
}

export async function placeWebOrder(input: PlaceWebOrderInput): Promise<PlaceWebOrderResult> {
	const page = await findOrderablePage(input.page)
	if (!page) return { outcome: 'not_found' }
	if (input.order.payment === 'bank-transfer' && !page.bank) return { outcome: 'no_bank' }
	if (!(await takeWebOrderAllowance(input.clientAddress, page.slug))) return { outcome: 'limited' }
	const { ids } = clickCookieUpdate(input.cookieHeader, null, { secure: false })
	const clicks = await knownClicks(page.coopId, ids)
	const lines = await productLines(page.coopId, [{ productId: page.productId, qty: input.order.qty }])
	const batchNote = page.batchCode ? `[Lô ${page.batchCode}]` : ''
	const order = await createOrder(page.coopId, {
		source: 'web',
		customerName: input.order.name,
		customerPhone: input.order.phone,
		address: input.order.address,
		note: [batchNote, input.order.note].filter(Boolean).join(' '),
		payment: input.order.payment,
		firstClickId: clicks.firstClickId,
		lastClickId: clicks.lastClickId ?? clicks.firstClickId,
		lines,
	})
	await notify(getDb(), {
		coopId: page.coopId,
		kind: 'order.created',
		params: { order: orderLabel(order.number), product: page.name, qty: input.order.qty, customer: input.order.name },
		href: `/orders/${order.id}`,
		to: 'publishers',
		dedupeKey: `order-${order.id}-created`,
	}).catch((error: unknown) => console.error('web order: the notification failed; the order is saved', error))
	return { outcome: 'placed', orderId: order.id, number: order.number, productSlug: page.slug }
}

export type WebOrderReceipt = {
	number: number
	totalVnd: number
	payment: string
	productName: string
	bank: { bin: string; account: string; accountName: string } | null
}

/** How long the thank-you page of a web order stays readable by its address. */
const RECEIPT_DAYS = 30

/**
 * The thank-you page's facts: the order number, amount and payment of a web
 * order of this page's product (no name, phone or address: the address of the
 * page is all it takes to read it). Null for anything else.
 */
export async function findWebOrderReceipt(productSlug: string, orderId: string, now = new Date()): Promise<WebOrderReceipt | null> {
	const page = await findOrderablePage({ product: productSlug })
	if (!page || !/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) return null
	const order = await getDb().order.findFirst({
		where: {
			id: orderId,
			coopId: page.coopId,
			source: 'web',
			createdAt: { gte: new Date(now.getTime() - RECEIPT_DAYS * 86_400_000) },
			lines: { some: { productId: page.productId } },
		},
		select: { number: true, totalVnd: true, payment: true },
	})
	if (!order) return null
	return { ...order, productName: page.name, bank: order.payment === 'bank-transfer' ? page.bank : null }
}

export type WebOrderThanks = {
	number: number
	totalVnd: number
	/** For a bank transfer: the VietQR payload (amount and order number filled in) and its SVG. */
	transfer: { payload: string; svg: string; account: string; accountName: string } | null
}

/** What the thank-you page shows, the VietQR code made here (offline, decision 181). */
export async function findWebOrderThanks(productSlug: string, orderId: string, now = new Date()): Promise<WebOrderThanks | null> {
	const receipt = await findWebOrderReceipt(productSlug, orderId, now)
	if (!receipt) return null
	if (!receipt.bank) return { number: receipt.number, totalVnd: receipt.totalVnd, transfer: null }
	const payload = vietQrPayload({
		bin: receipt.bank.bin,
		account: receipt.bank.account,
		amount: receipt.totalVnd,
		billNumber: orderTransferLabel(receipt.number),
		purpose: orderTransferLabel(receipt.number),
	})
	return {
		number: receipt.number,
		totalVnd: receipt.totalVnd,
		transfer: { payload, svg: await qrSvg(payload), account: receipt.bank.account, accountName: receipt.bank.accountName },
	}
}
