// How long an invite lasts and what its link should say when opened. Its
// token is made and hashed like every link token (./link-tokens.server.ts).

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000

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
