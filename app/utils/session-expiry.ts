// How long a session lives (docs/decisions/019-sliding-sessions.md): 30 days
// from its last use, so a person who opens the app every day is not asked
// for a password they may have forgotten, but never more than 180 days from
// sign-in, so a lost phone does not stay signed in for ever.

const DAY_MS = 24 * 60 * 60 * 1000

export const SESSION_TTL_MS = 30 * DAY_MS
export const SESSION_MAX_AGE_MS = 180 * DAY_MS
/** Extending at most once a day keeps ordinary requests free of database writes. */
export const SESSION_EXTEND_INTERVAL_MS = DAY_MS

/**
 * The expiry a session should move to now, or null when it should stay as
 * it is (extended less than a day ago, already at its 180-day limit, or over).
 * Every extension sets the expiry to "then + 30 days", so the last extension
 * (or the sign-in) happened 30 days before the current expiry: no column of
 * its own is needed.
 */
export function nextSessionExpiry(session: { createdAt: Date; expiresAt: Date }, now: Date): Date | null {
	if (session.expiresAt <= now) return null
	const lastExtendedAt = session.expiresAt.getTime() - SESSION_TTL_MS
	if (now.getTime() - lastExtendedAt < SESSION_EXTEND_INTERVAL_MS) return null
	const limit = session.createdAt.getTime() + SESSION_MAX_AGE_MS
	const next = Math.min(now.getTime() + SESSION_TTL_MS, limit)
	return next > session.expiresAt.getTime() ? new Date(next) : null
}
