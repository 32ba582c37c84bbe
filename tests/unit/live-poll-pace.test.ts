import { expect, test } from 'vitest'
import { graphUsagePercent, nextPollDelay, retryDelay } from '~/live/poll-pace.ts'

const headers = (values: Record<string, string>) => new Headers(values)

test("Graph's usage meters: the fullest of the app's and the Page's", () => {
	expect(graphUsagePercent(headers({}))).toBeNull()
	expect(graphUsagePercent(headers({ 'x-app-usage': '{"call_count":12,"total_cputime":30,"total_time":7}' }))).toBe(30)
	expect(
		graphUsagePercent(
			headers({
				'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":7}',
				'x-business-use-case-usage': '{"1234":[{"type":"pages","call_count":40,"total_cputime":81,"total_time":9,"estimated_time_to_regain_access":0}],"99":[{"type":"pages","call_count":2}]}',
			}),
		),
	).toBe(81)
	expect(graphUsagePercent(headers({ 'x-app-usage': 'nope', 'x-business-use-case-usage': '{"1":[{"call_count":"55"}]}' }))).toBe(55)
	expect(graphUsagePercent(headers({ 'x-business-use-case-usage': '{"1":"x","2":[null,{"other":1}]}' }))).toBeNull()
	expect(graphUsagePercent(headers({ 'x-business-use-case-usage': '[1]' }))).toBeNull()
})

test('every second while comments flow; longer waits as the live goes quiet, up to 8 s', () => {
	expect(nextPollDelay({ newComments: 3, quietPolls: 0, usagePercent: null })).toBe(1000)
	expect([0, 1, 2, 3, 4, 5, 50].map((quietPolls) => nextPollDelay({ newComments: 0, quietPolls, usagePercent: 0 }))).toEqual([1000, 2000, 3000, 5000, 8000, 8000, 8000])
})

test('a filling usage meter slows polling whatever the activity', () => {
	const at = (usagePercent: number | null) => nextPollDelay({ newComments: 5, quietPolls: 0, usagePercent })
	expect([null, 69, 70, 84, 85, 94, 95, 100].map(at)).toEqual([1000, 1000, 5000, 5000, 20_000, 20_000, 60_000, 60_000])
	expect(nextPollDelay({ newComments: 0, quietPolls: 4, usagePercent: 70 })).toBe(8000)
})

test('after a failure: what the platform asked for (at least a second), else doubling from 5 s to 5 minutes', () => {
	expect([1, 2, 3, 4, 7, 8, 20].map((failures) => retryDelay(failures, null))).toEqual([5000, 10_000, 20_000, 40_000, 300_000, 300_000, 300_000])
	expect(retryDelay(0, null)).toBe(5000)
	expect(retryDelay(1, 120_000)).toBe(120_000)
	expect(retryDelay(6, 0)).toBe(1000)
})
