import { describe, expect, test } from 'vitest'
import {
	afterDelivery,
	canMove,
	ENQUEUE_AHEAD_MS,
	MAX_TARGET_RUNS,
	PUBLISHING_STALE_MS,
	reconcileTarget,
	summarisePost,
	type TargetSnapshot,
} from '~/publishing/target-state.ts'

const now = new Date('2026-12-07T12:00:00Z')
const at = (ms: number) => new Date(now.getTime() + ms)

describe('moves', () => {
	test('a published target never moves again; an unconfirmed one only on a person’s word', () => {
		expect(['draft', 'scheduled', 'failed', 'publishing'].some((to) => canMove('published', to as never))).toBe(false)
		expect(canMove('unconfirmed', 'published')).toBe(true)
		expect(canMove('unconfirmed', 'scheduled')).toBe(true)
		expect(canMove('unconfirmed', 'publishing')).toBe(false)
		expect(canMove('draft', 'publishing')).toBe(false)
		expect(canMove('scheduled', 'publishing')).toBe(true)
		expect(canMove('failed', 'scheduled')).toBe(true)
	})
	test('a hand-off (needs attention) ends published when the person marks it posted; a failed one must be sent again first', () => {
		expect(canMove('needs_attention', 'published')).toBe(true)
		expect(canMove('needs_attention', 'scheduled')).toBe(true)
		expect(canMove('failed', 'published')).toBe(false)
		expect(canMove('needs_attention', 'publishing')).toBe(false)
	})
})

describe('after a delivery', () => {
	test('published and unconfirmed are taken as they are', () => {
		expect(afterDelivery({ status: 'published', error: null }, 1, now)).toEqual({ state: 'published' })
		expect(afterDelivery({ status: 'unconfirmed', error: { kind: 'unknown', message: 'x' } }, 1, now)).toEqual({ state: 'unconfirmed' })
	})
	test('an expired token waits for a reconnect, never retried', () => {
		expect(afterDelivery({ status: 'failed', error: { kind: 'auth', message: '190' } }, 1, now)).toEqual({ state: 'needs_attention', reason: 'reconnect' })
	})
	test('a rate limit is rescheduled for when the platform said, a minute at least, a quarter of an hour when it said nothing', () => {
		const fail = (retryAfterMs: number | null) => afterDelivery({ status: 'failed', error: { kind: 'rate_limit', message: '', retryAfterMs } }, 1, now)
		expect(fail(2 * 3600_000)).toEqual({ state: 'scheduled', dueAt: at(2 * 3600_000), reason: 'rate_limit' })
		expect(fail(1000)).toEqual({ state: 'scheduled', dueAt: at(60_000), reason: 'rate_limit' })
		expect(fail(null)).toEqual({ state: 'scheduled', dueAt: at(15 * 60_000), reason: 'rate_limit' })
	})
	test('a transient failure gets later runs, further apart, then fails', () => {
		const transient = { status: 'failed' as const, error: { kind: 'transient' as const, message: '503' } }
		expect(afterDelivery(transient, 1, now)).toEqual({ state: 'scheduled', dueAt: at(5 * 60_000), reason: 'transient' })
		expect(afterDelivery(transient, 2, now)).toEqual({ state: 'scheduled', dueAt: at(10 * 60_000), reason: 'transient' })
		expect(afterDelivery(transient, MAX_TARGET_RUNS, now)).toEqual({ state: 'failed' })
	})
	test('invalid and unknown refusals fail at once', () => {
		expect(afterDelivery({ status: 'failed', error: { kind: 'invalid', message: 'too long' } }, 1, now)).toEqual({ state: 'failed' })
		expect(afterDelivery({ status: 'failed', error: null }, 1, now)).toEqual({ state: 'failed' })
	})
})

describe('the reconciler', () => {
	const target = (overrides: Partial<TargetSnapshot>): TargetSnapshot => ({ state: 'scheduled', dueAt: now, updatedAt: now, platformId: null, ...overrides })

	test('a scheduled target due soon with no live job is enqueued; one far ahead or with its job waiting is left', () => {
		expect(reconcileTarget(target({ dueAt: at(ENQUEUE_AHEAD_MS) }), 'missing', now)).toEqual({ action: 'enqueue' })
		expect(reconcileTarget(target({ dueAt: at(-3600_000) }), 'missing', now)).toEqual({ action: 'enqueue' })
		expect(reconcileTarget(target({ dueAt: at(ENQUEUE_AHEAD_MS + 1) }), 'missing', now)).toEqual({ action: 'none' })
		expect(reconcileTarget(target({}), 'delayed', now)).toEqual({ action: 'none' })
		expect(reconcileTarget(target({}), 'completed', now)).toEqual({ action: 'enqueue' })
		expect(reconcileTarget(target({ dueAt: null }), 'missing', now)).toEqual({ action: 'none' })
	})
	test('a publishing target whose job vanished is never re-sent: checked with its id, unconfirmed without one', () => {
		expect(reconcileTarget(target({ state: 'publishing', platformId: 'v1' }), 'missing', now)).toEqual({ action: 'check' })
		expect(reconcileTarget(target({ state: 'publishing' }), 'missing', now)).toMatchObject({ action: 'unconfirm' })
		expect(reconcileTarget(target({ state: 'publishing' }), 'failed', now)).toMatchObject({ action: 'unconfirm' })
	})
	test('a publishing target with its job running is left alone until it has been too long, then checked if it can be', () => {
		expect(reconcileTarget(target({ state: 'publishing', platformId: 'v1', updatedAt: at(-PUBLISHING_STALE_MS) }), 'active', now)).toEqual({ action: 'none' })
		expect(reconcileTarget(target({ state: 'publishing', platformId: 'v1', updatedAt: at(-PUBLISHING_STALE_MS - 1) }), 'active', now)).toEqual({ action: 'check' })
		expect(reconcileTarget(target({ state: 'publishing', updatedAt: at(-PUBLISHING_STALE_MS - 1) }), 'active', now)).toEqual({ action: 'none' })
	})
	test('settled targets are none of its business', () => {
		for (const state of ['draft', 'published', 'failed', 'unconfirmed', 'needs_attention'] as const) {
			expect(reconcileTarget(target({ state, platformId: 'x' }), 'missing', now)).toEqual({ action: 'none' })
		}
	})
})

describe('a post across its channels', () => {
	test.each([
		[[], 'draft'],
		[['draft', 'draft'], 'draft'],
		[['scheduled', 'draft'], 'scheduled'],
		[['published', 'scheduled'], 'scheduled'],
		[['published', 'publishing'], 'publishing'],
		[['published', 'published'], 'published'],
		[['published', 'failed'], 'partly_published'],
		[['published', 'unconfirmed'], 'partly_published'],
		[['failed', 'failed'], 'failed'],
		[['failed', 'needs_attention'], 'needs_you'],
		[['scheduled', 'unconfirmed'], 'needs_you'],
		[['publishing', 'failed'], 'publishing'],
	] as const)('%j → %s', (states, summary) => {
		expect(summarisePost([...states])).toBe(summary)
	})
})
