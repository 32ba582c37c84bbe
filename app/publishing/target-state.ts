// The life of one target (a post on one channel), as pure decisions: which
// moves are allowed, what a delivery's outcome does to it, what the
// reconciler does with a target whose job Redis may have lost, and what a
// whole post shows when its channels disagree. The database holds the state;
// these functions decide it (docs/decisions/153-publishing-states.md).

export const TARGET_STATES = ['draft', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'needs_attention'] as const
export type TargetState = (typeof TARGET_STATES)[number]

export type ErrorKind = 'auth' | 'rate_limit' | 'invalid' | 'transient' | 'unknown'

const MOVES: Record<TargetState, TargetState[]> = {
	draft: ['scheduled'],
	scheduled: ['draft', 'publishing', 'needs_attention'],
	publishing: ['published', 'failed', 'unconfirmed', 'needs_attention', 'scheduled'],
	// Someone checked the page and found it there, or not (then it may be sent again).
	unconfirmed: ['published', 'scheduled'],
	failed: ['scheduled', 'draft'],
	// A manual channel's hand-off ends when the person marks it posted.
	needs_attention: ['scheduled', 'draft', 'published'],
	published: [],
}

export function canMove(from: TargetState, to: TargetState) {
	return MOVES[from].includes(to)
}

/** The longest a single run may stay in "publishing" before the reconciler asks what happened. */
export const PUBLISHING_STALE_MS = 15 * 60_000
/** Targets due within this window are enqueued ahead, so that a delayed job fires on time. */
export const ENQUEUE_AHEAD_MS = 10 * 60_000
/** Runs of the delivery engine a target gets, each itself retrying transient errors. */
export const MAX_TARGET_RUNS = 3

export type Outcome = {
	status: 'published' | 'unconfirmed' | 'failed'
	error: { kind: ErrorKind; message: string; retryAfterMs?: number | null } | null
}

export type NextStep =
	| { state: 'published' }
	| { state: 'unconfirmed' }
	| { state: 'scheduled'; dueAt: Date; reason: 'rate_limit' | 'transient' }
	| { state: 'needs_attention'; reason: 'reconnect' }
	| { state: 'failed' }

/**
 * What a delivery's outcome does to its target. `runs` counts this run.
 * A rate limit waits as long as the platform asked (at least a minute); a
 * transient failure that outlived the engine's own retries gets two more runs
 * later, spaced out; an expired token waits for the person to reconnect.
 */
export function afterDelivery(outcome: Outcome, runs: number, now: Date): NextStep {
	if (outcome.status === 'published') return { state: 'published' }
	if (outcome.status === 'unconfirmed') return { state: 'unconfirmed' }
	const kind = outcome.error?.kind ?? 'unknown'
	if (kind === 'auth') return { state: 'needs_attention', reason: 'reconnect' }
	if (kind === 'rate_limit') {
		const wait = Math.max(60_000, outcome.error?.retryAfterMs ?? 15 * 60_000)
		return { state: 'scheduled', dueAt: new Date(now.getTime() + wait), reason: 'rate_limit' }
	}
	if (kind === 'transient' && runs < MAX_TARGET_RUNS) {
		return { state: 'scheduled', dueAt: new Date(now.getTime() + 5 * 60_000 * runs), reason: 'transient' }
	}
	return { state: 'failed' }
}

export type TargetSnapshot = {
	state: TargetState
	dueAt: Date | null
	/** When the state last changed. */
	updatedAt: Date
	platformId: string | null
}

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'missing'

export type ReconcileAction =
	| { action: 'none' }
	| { action: 'enqueue' }
	/** Ask the platform's status call before anything else happens. */
	| { action: 'check' }
	| { action: 'unconfirm'; reason: string }

/**
 * What the reconciler does with one target, from the database's state and
 * what the queue says about its job. A scheduled target with no job is
 * enqueued (the database, not the queue, says what must happen); a
 * publishing target is never enqueued again blindly: with a platform id it is
 * checked, without one it becomes unconfirmed once it has been left too long.
 */
export function reconcileTarget(target: TargetSnapshot, job: JobState, now: Date): ReconcileAction {
	if (target.state === 'scheduled') {
		const dueSoon = target.dueAt !== null && target.dueAt.getTime() - now.getTime() <= ENQUEUE_AHEAD_MS
		return dueSoon && (job === 'missing' || job === 'completed' || job === 'failed') ? { action: 'enqueue' } : { action: 'none' }
	}
	if (target.state === 'publishing') {
		if (job === 'active' || job === 'waiting' || job === 'delayed') {
			const stale = now.getTime() - target.updatedAt.getTime() > PUBLISHING_STALE_MS
			return stale && target.platformId ? { action: 'check' } : { action: 'none' }
		}
		if (target.platformId) return { action: 'check' }
		return { action: 'unconfirm', reason: 'the worker stopped while sending, before the platform gave an id' }
	}
	return { action: 'none' }
}

export type PostSummary = 'draft' | 'scheduled' | 'publishing' | 'published' | 'partly_published' | 'failed' | 'needs_you'

/** One word for a post across its channels; "partly published" when some went and some did not. */
export function summarisePost(states: TargetState[]): PostSummary {
	if (states.length === 0) return 'draft'
	const published = states.filter((s) => s === 'published').length
	const stuck = states.filter((s) => s === 'failed' || s === 'unconfirmed' || s === 'needs_attention').length
	if (published === states.length) return 'published'
	if (published > 0 && stuck > 0) return 'partly_published'
	if (states.includes('publishing')) return 'publishing'
	if (stuck > 0) return states.every((s) => s === 'failed') ? 'failed' : 'needs_you'
	if (states.includes('scheduled') || published > 0) return 'scheduled'
	return 'draft'
}
