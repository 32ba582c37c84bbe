// The order webhook for other shops and systems (docs/webhook.md,
// docs/decisions/188-order-webhook.md): a public id in the address, a secret
// per co-op (encrypted at rest, shown once when made), HMAC-signed bodies with
// a timestamp, idempotent on the sender's order id.

import crypto from 'node:crypto'
import { normaliseMobile } from '~/live/phones-in-text.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { decryptSecret, encryptSecret } from '~/utils/encryption.server.ts'
import { normalizeProductCode } from '~/products/codes.ts'
import { normalisePromoCode } from './promo-code.ts'
import { readWebhookBody } from './webhook-body.ts'
import { verifyWebhookSignature } from './webhook-signature.ts'
import { WindowLimit } from './window-limit.ts'
import { createOrder, type OrderLineInput } from './orders.server.ts'

/** Requests per webhook address per minute: a shop's busiest hour is far below; a loop or a flood is not. */
export const WEBHOOK_LIMIT_PER_MINUTE = 120
const limiter = new WindowLimit(WEBHOOK_LIMIT_PER_MINUTE, 60_000)

/** Whether the co-op has a webhook, and its address's id (the secret is never shown again). */
export async function webhookSettings(coopId: string, db: PrismaClient = getDb()) {
	const coop = await db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { webhookId: true, webhookSecret: true } })
	return { webhookId: coop.webhookSecret ? coop.webhookId : null }
}

/**
 * Makes a new secret (and, the first time, the public id): the old secret stops
 * working at once. The secret is returned this once and stored encrypted.
 */
export async function rotateWebhookSecret(coopId: string, db: PrismaClient = getDb()) {
	const secret = `whsec_${crypto.randomBytes(32).toString('base64url')}`
	const current = await db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { webhookId: true } })
	const webhookId = current.webhookId ?? `wh_${crypto.randomBytes(12).toString('base64url')}`
	await db.coop.update({ where: { id: coopId }, data: { webhookId, webhookSecret: encryptSecret(secret) } })
	return { webhookId, secret }
}

export type WebhookAnswer = { status: number; body: Record<string, unknown> }

const refuse = (status: number, error: string, extra: Record<string, unknown> = {}): WebhookAnswer => ({ status, body: { error, ...extra } })

/** One delivery: who sent it (the address), its signature headers and its raw body → the answer to send. */
export async function receiveWebhookOrder(
	webhookId: string,
	headers: { signature: string | null; timestamp: string | null },
	rawBody: string,
	now: Date = new Date(),
	db: PrismaClient = getDb(),
): Promise<WebhookAnswer> {
	if (!/^wh_[\w-]{1,40}$/.test(webhookId)) return refuse(404, 'unknown webhook')
	if (!limiter.take(webhookId, now.getTime())) return refuse(429, 'too many requests; wait a minute')
	const coop = await db.coop.findUnique({ where: { webhookId }, select: { id: true, webhookSecret: true } })
	if (!coop?.webhookSecret) return refuse(404, 'unknown webhook')
	const check = verifyWebhookSignature({ secret: decryptSecret(coop.webhookSecret), body: rawBody, ...headers, now })
	if (!check.ok) return refuse(401, `signature refused: ${check.reason}`)
	const reading = readWebhookBody(rawBody)
	if (!reading.ok) return refuse(400, 'invalid', { field: reading.field, message: reading.message })
	const order = reading.order

	const customerPhone = order.customer.phone ? normaliseMobile(order.customer.phone) : null
	if (order.customer.phone && !customerPhone) return refuse(400, 'invalid', { field: 'customer.phone', message: 'not a Vietnamese mobile number' })
	let promoCode: string | null = null
	if (order.promoCode) {
		const code = normalisePromoCode(order.promoCode)
		if (!code.ok) return refuse(400, 'invalid', { field: 'promoCode', message: code.problem })
		promoCode = code.code
	}
	const products = await db.product.findMany({ where: { coopId: coop.id }, select: { id: true, code: true, name: true, unit: true, priceVnd: true } })
	const byCode = new Map(products.map((p) => [normalizeProductCode(p.code), p]))
	const lines: OrderLineInput[] = []
	for (const [index, item] of order.items.entries()) {
		const product = byCode.get(normalizeProductCode(item.sku))
		if (!product && (item.name === undefined || item.price === undefined)) {
			return refuse(400, 'invalid', { field: `items.${index}.sku`, message: 'not a product code of this co-op; send name and price for other items' })
		}
		const priceVnd = item.price ?? product!.priceVnd
		lines.push({ productId: product?.id ?? null, code: product?.code ?? item.sku, name: item.name ?? product!.name, unit: product?.unit ?? '', priceVnd, qty: item.qty })
	}
	const created = await createOrder(
		coop.id,
		{
			source: 'webhook',
			externalId: order.orderId,
			customerName: order.customer.name,
			customerPhone,
			address: order.customer.address,
			note: order.note ?? '',
			totalVnd: order.total,
			placedAt: order.createdAt ? new Date(order.createdAt) : now,
			promoCode,
			lines,
		},
		db,
	)
	return { status: 200, body: { order: { id: created.id, number: created.number }, duplicate: !created.created } }
}
