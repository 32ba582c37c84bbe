import { expect, test } from 'vitest'
import { INVITE_TTL_MS, inviteExpiry, inviteState } from '~/accounts/invite-tokens.server.ts'
import { generateLinkToken, hashLinkToken, looksLikeLinkToken } from '~/accounts/link-tokens.server.ts'

test('tokens are 32 random bytes in URL-safe base64, never repeated', () => {
	const tokens = new Set(Array.from({ length: 200 }, generateLinkToken))
	expect(tokens.size).toBe(200)
	for (const token of tokens) {
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
		expect(Buffer.from(token, 'base64url')).toHaveLength(32)
		expect(looksLikeLinkToken(token)).toBe(true)
	}
})

test('only a SHA-256 of the token is kept, and it reveals nothing of the token', () => {
	const token = generateLinkToken()
	const hash = hashLinkToken(token)
	expect(hash).toMatch(/^[0-9a-f]{64}$/)
	expect(hash).toBe(hashLinkToken(token))
	expect(hash).not.toContain(token)
	expect(hashLinkToken(`${token.slice(0, -1)}A`)).not.toBe(hash)
})

test('pasted links with junk are not token-shaped', () => {
	expect(looksLikeLinkToken('')).toBe(false)
	expect(looksLikeLinkToken('abc')).toBe(false)
	expect(looksLikeLinkToken(`${generateLinkToken()} `)).toBe(false)
	expect(looksLikeLinkToken('../../../../etc/passwd-aaaaaaaaaaaaaaaaaaaaaaa')).toBe(false)
})

test('an invite lasts seven days', () => {
	const created = new Date('2025-03-01T00:00:00Z')
	expect(INVITE_TTL_MS).toBe(7 * 24 * 3600 * 1000)
	expect(inviteExpiry(created).toISOString()).toBe('2025-03-08T00:00:00.000Z')
})

test('the state tells pending, expired, revoked and used apart', () => {
	const expiresAt = new Date('2025-03-08T00:00:00Z')
	const before = new Date('2025-03-07T23:59:59Z')
	const after = new Date('2025-03-08T00:00:00Z')
	const fresh = { acceptedAt: null, revokedAt: null, expiresAt }
	expect(inviteState(fresh, before)).toBe('pending')
	expect(inviteState(fresh, after)).toBe('expired')
	expect(inviteState({ ...fresh, revokedAt: before }, before)).toBe('revoked')
	expect(inviteState({ ...fresh, acceptedAt: before }, before)).toBe('used')
	// A used link stays "used" after its expiry: that says more than "expired".
	expect(inviteState({ ...fresh, acceptedAt: before }, after)).toBe('used')
	expect(inviteState({ ...fresh, revokedAt: before }, after)).toBe('revoked')
})
