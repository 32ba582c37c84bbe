import { createHash, randomBytes } from 'node:crypto'

// Invite links and password reset links carry a random token; the database
// keeps only its SHA-256, so a leaked database (or backup) cannot be turned
// into working links. 32 random bytes make guessing hopeless, which is why a
// fast hash is enough.

export function generateLinkToken(): string {
	return randomBytes(32).toString('base64url')
}

export function hashLinkToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Token-shaped input only: anything else is unknown without a database look-up. */
export function looksLikeLinkToken(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value)
}
