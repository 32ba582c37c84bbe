// When a published target's numbers are read (issue 11, docs/decisions/164-engagement-readings.md):
// 1 h, 6 h, 24 h, 3 days and 7 days after publishing, then once a week until
// two months have passed. Readings are planned from the publishing time, not
// from the last reading, so a late or retried reading never shifts the ones
// after it; readings missed while nothing ran are skipped, not made up.

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const WEEK_MS = 7 * DAY_MS

/** Two months of readings: the weekly ones stop at the last week that fits in 60 days. */
export const INSIGHTS_WINDOW_MS = 60 * DAY_MS

/** How long after publishing each reading is planned. */
export const INSIGHTS_READINGS_MS: readonly number[] = [
	HOUR_MS,
	6 * HOUR_MS,
	DAY_MS,
	3 * DAY_MS,
	WEEK_MS,
	...Array.from({ length: Math.floor(INSIGHTS_WINDOW_MS / WEEK_MS) - 1 }, (_, index) => (index + 2) * WEEK_MS),
]

/** A reading that failed for a passing reason is tried again this much later (or when the platform said). */
export const INSIGHTS_RETRY_MS = 15 * 60_000

/** Retries stop this long after the last planned reading. */
export const INSIGHTS_RETRY_GIVE_UP_MS = DAY_MS

/** The first reading, set by the engine when a target becomes published. */
export function firstInsightsAt(publishedAt: Date): Date {
	return new Date(publishedAt.getTime() + INSIGHTS_READINGS_MS[0]!)
}

/** The first planned reading strictly after `now`; null once two months have passed. */
export function nextInsightsAt(publishedAt: Date, now: Date): Date | null {
	const elapsed = now.getTime() - publishedAt.getTime()
	const offset = INSIGHTS_READINGS_MS.find((ms) => ms > elapsed)
	return offset === undefined ? null : new Date(publishedAt.getTime() + offset)
}

/**
 * What one reading came to:
 * - read: numbers were stored;
 * - not-yet: the platform has nothing to read yet (a TikTok upload still in the creator's inbox);
 * - unsupported: the platform offers no numbers (Zalo, manual channels: people type them in);
 * - error: the platform refused, with the error's kind (workers/publish/platforms/errors.ts).
 */
export type ReadingOutcome =
	| { kind: 'read' }
	| { kind: 'not-yet' }
	| { kind: 'unsupported' }
	| { kind: 'error'; errorKind: 'auth' | 'rate_limit' | 'invalid' | 'transient' | 'unknown'; retryAfterMs?: number | null }

/**
 * When to read next after a reading planned for `plannedAt`, or null for never.
 * An expired token keeps the planned time: the channel waits for a reconnect
 * and the reading happens right after. A passing error tries the same reading
 * again shortly, so the slot is not lost; a refusal (the post was removed)
 * skips to the next planned reading.
 */
export function afterReading(outcome: ReadingOutcome, times: { publishedAt: Date; plannedAt: Date; now: Date }): Date | null {
	const { publishedAt, plannedAt, now } = times
	if (outcome.kind === 'unsupported') return null
	if (outcome.kind !== 'error' || outcome.errorKind === 'invalid') return nextInsightsAt(publishedAt, now)
	if (outcome.errorKind === 'auth') return plannedAt
	const retryAt = now.getTime() + Math.max(outcome.retryAfterMs ?? 0, INSIGHTS_RETRY_MS)
	const lastReading = publishedAt.getTime() + INSIGHTS_READINGS_MS[INSIGHTS_READINGS_MS.length - 1]!
	return retryAt > lastReading + INSIGHTS_RETRY_GIVE_UP_MS ? null : new Date(retryAt)
}
