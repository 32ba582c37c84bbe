import { expect, test } from 'vitest'
import { verifyWebhookSignature, webhookSignature, WEBHOOK_TOLERANCE_SECONDS } from '~/orders/webhook-signature.ts'

// Vectors computed independently: printf '%s' '1767225600.{"orderId":"A1"}' | openssl dgst -sha256 -hmac whsec_test
const secret = 'whsec_test'
const body = '{"orderId":"A1"}'
const timestamp = '1767225600'
const expected = 'sha256=cc812b794d75e987dba5fe49afddaef50ad1b2127c6da9db8a1fcbc2f7fcea94'
const at = (seconds: number) => new Date(seconds * 1000)

test('the signature is the hex HMAC-SHA256 of "timestamp.body"', () => {
	expect(webhookSignature(secret, timestamp, body)).toBe(expected)
})

test('a good signature within five minutes either way is accepted', () => {
	expect(WEBHOOK_TOLERANCE_SECONDS).toBe(300)
	for (const now of [1767225600, 1767225600 + 300, 1767225600 - 300]) {
		expect(verifyWebhookSignature({ secret, body, signature: expected, timestamp, now: at(now) })).toEqual({ ok: true })
	}
	expect(verifyWebhookSignature({ secret, body, signature: ` ${expected.toUpperCase().replace('SHA256', 'sha256')} `, timestamp, now: at(1767225600) })).toEqual({ ok: true })
})

test('a stale or future timestamp is refused even with a good signature', () => {
	expect(verifyWebhookSignature({ secret, body, signature: expected, timestamp, now: at(1767225600 + 301) })).toEqual({ ok: false, reason: 'stale' })
	expect(verifyWebhookSignature({ secret, body, signature: expected, timestamp, now: at(1767225600 - 301) })).toEqual({ ok: false, reason: 'stale' })
})

test('a changed body, another secret, another timestamp or a malformed header is refused', () => {
	const now = at(1767225600)
	expect(verifyWebhookSignature({ secret, body: '{"orderId":"A2"}', signature: expected, timestamp, now })).toEqual({ ok: false, reason: 'bad-signature' })
	expect(verifyWebhookSignature({ secret: 'whsec_other', body, signature: expected, timestamp, now })).toEqual({ ok: false, reason: 'bad-signature' })
	expect(verifyWebhookSignature({ secret, body, signature: expected, timestamp: '1767225601', now })).toEqual({ ok: false, reason: 'bad-signature' })
	expect(verifyWebhookSignature({ secret, body, signature: expected.slice(7), timestamp, now })).toEqual({ ok: false, reason: 'bad-signature' })
	expect(verifyWebhookSignature({ secret, body, signature: 'sha256=00', timestamp, now })).toEqual({ ok: false, reason: 'bad-signature' })
})

test('missing headers and a timestamp that is not seconds are refused', () => {
	const now = at(1767225600)
	expect(verifyWebhookSignature({ secret, body, signature: null, timestamp, now })).toEqual({ ok: false, reason: 'missing' })
	expect(verifyWebhookSignature({ secret, body, signature: expected, timestamp: null, now })).toEqual({ ok: false, reason: 'missing' })
	expect(verifyWebhookSignature({ secret, body, signature: expected, timestamp: '', now })).toEqual({ ok: false, reason: 'missing' })
	expect(verifyWebhookSignature({ secret, body, signature: expected, timestamp: '2026-01-01T00:00:00Z', now })).toEqual({ ok: false, reason: 'bad-timestamp' })
	expect(verifyWebhookSignature({ secret, body, signature: expected, timestamp: '1767225600.5', now })).toEqual({ ok: false, reason: 'bad-timestamp' })
	expect(verifyWebhookSignature({ secret, body, signature: expected, timestamp: '1'.repeat(13), now })).toEqual({ ok: false, reason: 'bad-timestamp' })
})
