// The order webhook's signature (docs/webhook.md, docs/decisions/188):
//   X-CoopStudio-Timestamp: <unix seconds>
//   X-CoopStudio-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the co-op's secret>
// Signing the time with the body lets a receiver refuse a replayed old request.

import crypto from 'node:crypto'

/** How far the sender's clock may be from ours, either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60

export function webhookSignature(secret: string, timestamp: string, body: string): string {
	return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'bad-timestamp' | 'stale' | 'bad-signature' }

export function verifyWebhookSignature(input: {
	secret: string
	body: string
	signature: string | null
	timestamp: string | null
	now: Date
}): SignatureCheck {
	const { signature, timestamp } = input
	if (!signature || !timestamp) return { ok: false, reason: 'missing' }
	if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' }
	if (Math.abs(input.now.getTime() / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' }
	const expected = Buffer.from(webhookSignature(input.secret, timestamp, input.body))
	const given = Buffer.from(signature.trim().toLowerCase())
	// timingSafeEqual needs equal lengths; a length differs only for a malformed header.
	if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' }
	return { ok: true }
}
