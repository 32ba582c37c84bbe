import { createHash, randomBytes } from 'node:crypto'

// An invite link carries a random token; the database keeps only its SHA-256,
// so a leaked database (or backup) cannot be turned into working links.
// 32 random bytes make guessing hopeless, which is why a fast hash is enough.

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000

export function generateInviteToken(): string {
	return randomBytes(32).toString('base64url')
}

export function hashInviteToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Token-shaped input only: anything else is unknown without a database look-up. */
export function looksLikeInviteToken(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value)
}

export function inviteExpiry(createdAt: Date): Date {
	return new Date(createdAt.getTime() + INVITE_TTL_MS)
}

export type InviteState = 'pending' | 'used' | 'revoked' | 'expired'

/** What a person opening the link should be told; used and revoked win over expired because they say more. */
export function inviteState(
	invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
	now: Date = new Date(),
): InviteState {
	if (invite.acceptedAt) return 'used'
	if (invite.revokedAt) return 'revoked'
	if (invite.expiresAt.getTime() <= now.getTime()) return 'expired'
	return 'pending'
}
