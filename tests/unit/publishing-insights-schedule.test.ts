import { describe, expect, test } from 'vitest'
import {
	afterReading,
	firstInsightsAt,
	INSIGHTS_READINGS_MS,
	INSIGHTS_RETRY_MS,
	nextInsightsAt,
} from '~/publishing/insights-schedule.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const publishedAt = new Date('2026-12-07T10:00:00Z')
const at = (ms: number) => new Date(publishedAt.getTime() + ms)

describe('planned readings', () => {
	test('1 h, 6 h, 24 h, 3 days, 7 days, then weekly until two months', () => {
		expect(INSIGHTS_READINGS_MS).toEqual([HOUR, 6 * HOUR, DAY, 3 * DAY, 7 * DAY, 14 * DAY, 21 * DAY, 28 * DAY, 35 * DAY, 42 * DAY, 49 * DAY, 56 * DAY])
	})

	test('the first reading is an hour after publishing', () => {
		expect(firstInsightsAt(publishedAt)).toEqual(at(HOUR))
	})

	test('the next reading is the first planned one strictly after now', () => {
		expect(nextInsightsAt(publishedAt, publishedAt)).toEqual(at(HOUR))
		expect(nextInsightsAt(publishedAt, at(HOUR - 1))).toEqual(at(HOUR))
		expect(nextInsightsAt(publishedAt, at(HOUR))).toEqual(at(6 * HOUR))
		expect(nextInsightsAt(publishedAt, at(6 * HOUR))).toEqual(at(DAY))
		expect(nextInsightsAt(publishedAt, at(DAY))).toEqual(at(3 * DAY))
		expect(nextInsightsAt(publishedAt, at(7 * DAY))).toEqual(at(14 * DAY))
	})

	test('readings missed while nothing ran are skipped, not made up', () => {
		expect(nextInsightsAt(publishedAt, at(10 * DAY))).toEqual(at(14 * DAY))
	})

	test('after the last weekly reading there is none', () => {
		expect(nextInsightsAt(publishedAt, at(56 * DAY - 1))).toEqual(at(56 * DAY))
		expect(nextInsightsAt(publishedAt, at(56 * DAY))).toBeNull()
		expect(nextInsightsAt(publishedAt, at(90 * DAY))).toBeNull()
	})
})

describe('after a reading', () => {
	const plannedAt = at(DAY)
	const now = at(DAY + 30_000)

	test('numbers read, or nothing to read yet: the next planned reading', () => {
		expect(afterReading({ kind: 'read' }, { publishedAt, plannedAt, now })).toEqual(at(3 * DAY))
		expect(afterReading({ kind: 'not-yet' }, { publishedAt, plannedAt, now })).toEqual(at(3 * DAY))
	})

	test('a platform without numbers is never read again', () => {
		expect(afterReading({ kind: 'unsupported' }, { publishedAt, plannedAt, now })).toBeNull()
	})

	test('an expired token keeps the planned reading for after the reconnect', () => {
		expect(afterReading({ kind: 'error', errorKind: 'auth' }, { publishedAt, plannedAt, now })).toEqual(plannedAt)
	})

	test('a refusal skips this reading and keeps the next', () => {
		expect(afterReading({ kind: 'error', errorKind: 'invalid' }, { publishedAt, plannedAt, now })).toEqual(at(3 * DAY))
	})

	test('a passing error tries the same reading again a quarter of an hour later, or when the platform said', () => {
		const retry = (errorKind: 'transient' | 'rate_limit' | 'unknown', retryAfterMs?: number | null) =>
			afterReading({ kind: 'error', errorKind, retryAfterMs }, { publishedAt, plannedAt, now })
		expect(INSIGHTS_RETRY_MS).toBe(15 * 60_000)
		expect(retry('transient')).toEqual(new Date(now.getTime() + INSIGHTS_RETRY_MS))
		expect(retry('unknown', null)).toEqual(new Date(now.getTime() + INSIGHTS_RETRY_MS))
		expect(retry('rate_limit', 60_000)).toEqual(new Date(now.getTime() + INSIGHTS_RETRY_MS))
		expect(retry('rate_limit', 2 * HOUR)).toEqual(new Date(now.getTime() + 2 * HOUR))
	})

	test('retries stop a day after the last planned reading', () => {
		const late = (minutesAfterLast: number) => {
			const when = at(56 * DAY + minutesAfterLast * 60_000)
			return afterReading({ kind: 'error', errorKind: 'transient' }, { publishedAt, plannedAt: at(56 * DAY), now: when })
		}
		expect(late(24 * 60 - 15)).toEqual(at(56 * DAY + DAY))
		expect(late(24 * 60 - 14)).toBeNull()
	})
})
