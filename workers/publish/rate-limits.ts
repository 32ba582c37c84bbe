// The platforms' published quotas, as pure decisions: given when the earlier
// uses happened (the worker counts them in the database), may this target go
// now, and if not, when does a slot free up? Numbers from
// ../shared/reference/platforms.md; docs/decisions/156-publishing-engine.md.
// Graph's usage headers need no count: the Facebook client turns them into
// the failure's wait (retryAfterMs), which the worker honours.

import type { PublishTarget } from './platforms/types.ts'

export const DAY_MS = 24 * 3600_000

export const QUOTAS = {
	/** Reels published through the API, per Page, in any rolling 24 hours. */
	reelsPerPage: { limit: 30, windowMs: DAY_MS },
	/** Upload inits (direct or inbox), per creator token, per minute. */
	tiktokInitsPerToken: { limit: 6, windowMs: 60_000 },
	/** Inbox shares the creator has not finished yet, per 24 hours. */
	tiktokPendingInbox: { limit: 5, windowMs: DAY_MS },
} as const

export type QuotaReason = 'rate_limit_reels' | 'rate_limit_tiktok_inits' | 'rate_limit_tiktok_inbox'

/**
 * When the next use fits a rolling window of `limit` uses per `windowMs`:
 * null when it fits now, otherwise the moment the oldest use that still
 * counts leaves the window.
 */
export function nextSlot(uses: Date[], quota: { limit: number; windowMs: number }, now: Date): Date | null {
	const since = now.getTime() - quota.windowMs
	const counted = uses.map((use) => use.getTime()).filter((time) => time > since).sort((a, b) => a - b)
	if (counted.length < quota.limit) return null
	return new Date(counted[counted.length - quota.limit]! + quota.windowMs)
}

/** The earlier uses that bear on a target of one kind, on its channel. */
export type QuotaUses = {
	/** Reels on this Page published (or being published) through the API. */
	reels: Date[]
	/** TikTok upload inits with this channel's token (each run's start). */
	tiktokInits: Date[]
	/** TikTok inbox deliveries on this channel. */
	tiktokInbox: Date[]
}

/** Which quotas a target of this kind uses; the worker counts only those. */
export function quotasFor(kind: PublishTarget): Array<keyof QuotaUses> {
	if (kind === 'facebook-reel') return ['reels']
	if (kind === 'tiktok-inbox') return ['tiktokInits', 'tiktokInbox']
	if (kind === 'tiktok-direct') return ['tiktokInits']
	return []
}

const QUOTA_OF: Record<keyof QuotaUses, { quota: { limit: number; windowMs: number }; reason: QuotaReason }> = {
	reels: { quota: QUOTAS.reelsPerPage, reason: 'rate_limit_reels' },
	tiktokInits: { quota: QUOTAS.tiktokInitsPerToken, reason: 'rate_limit_tiktok_inits' },
	tiktokInbox: { quota: QUOTAS.tiktokPendingInbox, reason: 'rate_limit_tiktok_inbox' },
}

/** Whether a target may go now; otherwise until when it waits and why (the latest of the quotas it is over). */
export function quotaWait(kind: PublishTarget, uses: QuotaUses, now: Date): { until: Date; reason: QuotaReason } | null {
	let wait: { until: Date; reason: QuotaReason } | null = null
	for (const name of quotasFor(kind)) {
		const { quota, reason } = QUOTA_OF[name]
		const until = nextSlot(uses[name], quota, now)
		if (until && (!wait || until > wait.until)) wait = { until, reason }
	}
	return wait
}
