// What another shop sends to the order webhook (docs/webhook.md), checked
// field by field so that a refusal names the field to fix. Pure.

import { z } from 'zod'

const text = (max: number) => z.string().max(max)

export const webhookOrderSchema = z.object({
	orderId: z.union([z.string(), z.number().int().nonnegative()]).transform((id) => String(id).trim()).pipe(z.string().min(1).max(100)),
	createdAt: z.string().datetime({ offset: true }).optional(),
	customer: z.object({
		name: text(200).optional().default(''),
		phone: text(40).nullish(),
		address: text(500).optional().default(''),
	}),
	items: z
		.array(
			z.object({
				sku: text(64).min(1),
				name: text(200).optional(),
				qty: z.number().int().positive().max(100_000),
				price: z.number().int().nonnegative().max(1_000_000_000).optional(),
			}),
		)
		.min(1)
		.max(200),
	total: z.number().int().nonnegative().max(10_000_000_000).optional(),
	note: text(2000).optional(),
	promoCode: text(40).nullish(),
})

export type WebhookOrder = z.infer<typeof webhookOrderSchema>

export type WebhookBodyReading = { ok: true; order: WebhookOrder } | { ok: false; field: string; message: string }

/** The body as text → the order, or the first field that is wrong ("items.0.qty") and why. */
export function readWebhookBody(body: string): WebhookBodyReading {
	let json: unknown
	try {
		json = JSON.parse(body)
	} catch {
		return { ok: false, field: '(body)', message: 'the body is not JSON' }
	}
	const parsed = webhookOrderSchema.safeParse(json)
	if (parsed.success) return { ok: true, order: parsed.data }
	const [issue] = parsed.error.issues
	return { ok: false, field: issue.path.join('.') || '(body)', message: issue.message }
}
