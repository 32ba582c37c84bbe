import { describe, expect, test } from 'vitest'
import { backoffMs, deliver } from '#workers/publish/deliver.ts'
import { kindForStatus, PlatformError, parseRetryAfter } from '#workers/publish/platforms/errors.ts'
import type { Checkpoint, PlatformClient, PlatformSettings, PostStatus, PublishRequest } from '#workers/publish/platforms/types.ts'

// The engine's decisions, with a platform whose answers each test scripts:
// when to retry, when to wait, when to ask before sending again.

const settings: PlatformSettings = {
	facebookGraphUrl: 'http://unused',
	facebookGraphVersion: 'v24.0',
	zaloOauthUrl: 'http://unused',
	zaloOpenApiUrl: 'http://unused',
	tiktokApiUrl: 'http://unused',
	requestTimeoutMs: 1000,
	pollIntervalMs: 10,
	pollTimeoutMs: 1000,
}
const request: PublishRequest = { to: 'facebook-reel', accountId: 'p', token: 't', files: ['x.mp4'], caption: '', title: null, privacy: null, coverUrl: null }

type Step = (save: (c: Checkpoint) => Promise<void>) => Promise<'published' | 'processing'>

function scripted(publishSteps: Step[], statuses: PostStatus[] = []) {
	const calls = { publish: 0, status: 0 }
	const client: PlatformClient = {
		async publish(_req, ctx) {
			const step = publishSteps[calls.publish++]
			if (!step) throw new Error('publish called more often than scripted')
			return step(ctx.save)
		},
		async checkStatus() {
			const status = statuses[calls.status++]
			if (!status) throw new Error('status called more often than scripted')
			return status
		},
	}
	return { client, calls }
}

const fail = (error: PlatformError): Step => async () => {
	throw error
}
const succeed: Step = async () => 'published'

function run(client: PlatformClient, extra: Partial<Parameters<typeof deliver>[2]> = {}) {
	const waits: number[] = []
	const promise = deliver(client, request, {
		settings,
		policy: { random: () => 0.5, baseDelayMs: 1000, maxWaitMs: 60_000, maxAttempts: 4 },
		sleep: async (ms) => {
			waits.push(ms)
		},
		...extra,
	})
	return { promise, waits }
}

describe('backoff', () => {
	test('doubles from the base, scaled by the jitter draw', () => {
		const policy = { baseDelayMs: 1000, random: () => 0.5 }
		expect([1, 2, 3, 4].map((n) => backoffMs(n, policy))).toEqual([500, 1000, 2000, 4000])
		expect(backoffMs(3, { baseDelayMs: 1000, random: () => 0 })).toBe(0)
		expect(backoffMs(3, { baseDelayMs: 1000, random: () => 0.999 })).toBe(3996)
	})
	test('Retry-After in seconds or as an HTTP date', () => {
		expect(parseRetryAfter('3')).toBe(3000)
		expect(parseRetryAfter('1.5')).toBe(1500)
		expect(parseRetryAfter(new Date(10_000 + 7000).toUTCString(), 10_000)).toBe(7000)
		expect(parseRetryAfter('soon')).toBeNull()
		expect(parseRetryAfter('in 5')).toBeNull()
		expect(parseRetryAfter('2026-12-07')).toBeNull()
		expect(parseRetryAfter('Mon, 07 Dec 2026 12:00:00 GMT', Date.parse('2026-12-07T12:00:00Z') + 5000)).toBe(0)
		expect(parseRetryAfter(null)).toBeNull()
	})
})

describe('deliver', () => {
	test('a result without a failure has no wait and no platform code', async () => {
		const { client } = scripted([succeed])
		expect(await run(client).promise).toMatchObject({ status: 'published', retryAfterMs: null, platformCode: null })
		const refused = scripted([fail(new PlatformError('invalid', 'too long'))])
		expect(await run(refused.client).promise).toMatchObject({ status: 'failed', retryAfterMs: null, platformCode: null })
	})

	test('published at the first try: one attempt, no wait', async () => {
		const { client, calls } = scripted([succeed])
		const { promise, waits } = run(client)
		expect(await promise).toMatchObject({ status: 'published', attempts: 1, error: null })
		expect(waits).toEqual([])
		expect(calls.status).toBe(0)
	})

	test('transient failures are retried with growing waits until the last attempt, then failed with the last error', async () => {
		const transient = new PlatformError('transient', 'HTTP 503')
		const { client, calls } = scripted([fail(transient), fail(transient), fail(transient), fail(transient)])
		const { promise, waits } = run(client)
		expect(await promise).toMatchObject({ status: 'failed', attempts: 4, error: { kind: 'transient', message: 'HTTP 503' } })
		expect(waits).toEqual([500, 1000, 2000])
		expect(calls.publish).toBe(4)
	})

	test('auth and invalid are never retried', async () => {
		for (const kind of ['auth', 'invalid', 'unknown'] as const) {
			const { client, calls } = scripted([fail(new PlatformError(kind, kind)), succeed])
			const { promise, waits } = run(client)
			expect(await promise).toMatchObject({ status: 'failed', attempts: 1, error: { kind } })
			expect(calls.publish).toBe(1)
			expect(waits).toEqual([])
		}
	})

	test('a rate limit waits exactly what the platform asked, or the backoff when it did not say', async () => {
		const { client } = scripted([fail(new PlatformError('rate_limit', 'slow down', { retryAfterMs: 7000 })), fail(new PlatformError('rate_limit', 'again')), succeed])
		const { promise, waits } = run(client)
		expect(await promise).toMatchObject({ status: 'published', attempts: 3 })
		expect(waits).toEqual([7000, 1000])
	})

	test('a rate limit longer than the run may wait ends it as rate_limit at once', async () => {
		const { client, calls } = scripted([fail(new PlatformError('rate_limit', 'tomorrow', { retryAfterMs: 60_001, platformCode: 4 }))])
		const { promise, waits } = run(client)
		// The wait and the code travel with the result: the worker reschedules for exactly then.
		expect(await promise).toMatchObject({ status: 'failed', attempts: 1, error: { kind: 'rate_limit' }, retryAfterMs: 60_001, platformCode: '4' })
		expect(waits).toEqual([])
		expect(calls.publish).toBe(1)
	})

	test('an ambiguous failure with no id known is unconfirmed: nothing is sent again', async () => {
		const { client, calls } = scripted([fail(new PlatformError('transient', 'timed out', { ambiguous: true })), succeed], [{ state: 'unknown', detail: 'no id' }])
		const { promise } = run(client)
		const result = await promise
		expect(result).toMatchObject({ status: 'unconfirmed', attempts: 1, platformId: null, error: { kind: 'unknown' } })
		expect(result.error!.message).toContain('timed out')
		expect(calls.publish).toBe(1)
	})

	test('an ambiguous failure the platform says took effect is published without another send', async () => {
		const { client, calls } = scripted(
			[async (save) => {
				await save({ platformId: 'v1' })
				throw new PlatformError('transient', 'timed out', { ambiguous: true })
			}],
			[{ state: 'published', platformId: 'v1' }],
		)
		expect(await run(client).promise).toMatchObject({ status: 'published', platformId: 'v1', attempts: 1 })
		expect(calls.publish).toBe(1)
	})

	test('an ambiguous failure that never took effect is retried; one still processing is followed to the end', async () => {
		const notStarted = scripted([fail(new PlatformError('transient', 'reset', { ambiguous: true })), succeed], [{ state: 'not-started' }])
		expect(await run(notStarted.client).promise).toMatchObject({ status: 'published', attempts: 2 })

		const processing = scripted(
			[fail(new PlatformError('transient', 'reset', { ambiguous: true }))],
			[{ state: 'processing', detail: 'encoding' }, { state: 'processing', detail: 'encoding' }, { state: 'published', platformId: 'p9' }],
		)
		expect(await run(processing.client).promise).toMatchObject({ status: 'published', platformId: 'p9', attempts: 1 })
		expect(processing.calls.publish).toBe(1)
	})

	test('an ambiguous failure the platform reports as failed is failed with its reason', async () => {
		const { client } = scripted([fail(new PlatformError('transient', 'timed out', { ambiguous: true }))], [{ state: 'failed', error: new PlatformError('invalid', 'too long') }])
		expect(await run(client).promise).toMatchObject({ status: 'failed', error: { kind: 'invalid', message: 'too long' } })
	})

	test('after an accepted upload the status is followed: failed when the platform fails it, unconfirmed when it never settles', async () => {
		const failed = scripted([async () => 'processing'], [{ state: 'processing', detail: '' }, { state: 'failed', error: new PlatformError('invalid', 'bad codec') }])
		expect(await run(failed.client).promise).toMatchObject({ status: 'failed', error: { message: 'bad codec' } })

		const slow = scripted([async () => 'processing'], Array.from({ length: 500 }, () => ({ state: 'processing', detail: 'still encoding' }) as PostStatus))
		const result = await run(slow.client, { settings: { ...settings, pollTimeoutMs: 0 } }).promise
		expect(result).toMatchObject({ status: 'unconfirmed', error: { kind: 'unknown' } })
		expect(result.error!.message).toContain('still encoding')
	})

	test('every checkpoint is handed to persist as a whole, and a retry starts from what was saved', async () => {
		const saved: Checkpoint[] = []
		const seen: Checkpoint[] = []
		const client: PlatformClient = {
			async publish(_req, ctx) {
				seen.push(structuredClone(ctx.checkpoint))
				if (!ctx.checkpoint.platformId) {
					await ctx.save({ platformId: 'v7', stage: 'started', data: { uploadUrl: 'u' } })
					await ctx.save({ data: { offset: 10 } })
					throw new PlatformError('transient', 'dropped')
				}
				return 'published'
			},
			async checkStatus() {
				throw new Error('not asked')
			},
		}
		const result = await run(client, { persist: async (c) => void saved.push(structuredClone(c)), checkpoint: { data: { from: 'db' } } }).promise
		expect(result).toMatchObject({ status: 'published', platformId: 'v7', attempts: 2 })
		expect(saved.at(-1)).toEqual({ platformId: 'v7', stage: 'started', data: { from: 'db', uploadUrl: 'u', offset: 10 } })
		expect(seen[1]).toEqual(saved.at(-1))
	})
})

describe('platform errors', () => {
	test('an HTTP status alone says: 401 auth, 429 rate limit, 5xx transient, other 4xx invalid, the rest unknown', () => {
		expect([401, 429, 500, 503, 400, 403, 404, 499, 399, 302, 200].map(kindForStatus)).toEqual([
			'auth',
			'rate_limit',
			'transient',
			'transient',
			'invalid',
			'invalid',
			'invalid',
			'invalid',
			'unknown',
			'unknown',
			'unknown',
		])
	})

	test('a platform error keeps its kind, its cause and the platform code as text; unset options are null or false', () => {
		const cause = new Error('socket hang up')
		const error = new PlatformError('transient', 'dropped', { ambiguous: true, retryAfterMs: 2000, platformCode: 190, cause })
		expect(error).toBeInstanceOf(Error)
		expect(error).toMatchObject({ name: 'PlatformError', kind: 'transient', message: 'dropped', ambiguous: true, retryAfterMs: 2000, platformCode: '190', cause })
		expect(new PlatformError('invalid', 'x', { platformCode: 0 }).platformCode).toBe('0')
		expect(new PlatformError('invalid', 'x')).toMatchObject({ ambiguous: false, retryAfterMs: null, platformCode: null })
	})

	test('Retry-After tolerates white space; a number with letters around it is not seconds', () => {
		expect(parseRetryAfter(' 20 ')).toBe(20_000)
		expect(parseRetryAfter('12.25')).toBe(12_250)
		expect(parseRetryAfter('5s')).toBeNull()
		expect(parseRetryAfter('x1')).toBeNull()
		expect(parseRetryAfter(new Date(5000).toUTCString(), 10_000)).toBe(0)
	})
})

describe('deliver, the edges', () => {
	test('a status check that fails while following: auth ends it unconfirmed, anything else counts as still processing', async () => {
		const refused: PlatformClient = {
			publish: async () => 'processing',
			checkStatus: async () => {
				throw new PlatformError('auth', 'token expired')
			},
		}
		expect(await run(refused).promise).toMatchObject({ status: 'unconfirmed', error: { kind: 'auth', message: 'token expired' } })
		const invalid: PlatformClient = { ...refused, checkStatus: async () => Promise.reject(new PlatformError('invalid', 'no such post')) }
		expect(await run(invalid).promise).toMatchObject({ status: 'unconfirmed', error: { kind: 'invalid' } })

		let checks = 0
		const flaky: PlatformClient = {
			publish: async () => 'processing',
			checkStatus: async () => {
				if (checks++ === 0) throw new PlatformError('transient', 'gateway timeout')
				return { state: 'published', platformId: 'r1' }
			},
		}
		expect(await run(flaky).promise).toMatchObject({ status: 'published', platformId: 'r1', attempts: 1 })
		const slow: PlatformClient = { ...refused, checkStatus: async () => Promise.reject(new PlatformError('transient', 'gateway timeout')) }
		const result = await run(slow, { settings: { ...settings, pollTimeoutMs: 0 } }).promise
		expect(result.error!.message).toBe('The platform accepted the post but has not confirmed it yet (gateway timeout)')
	})

	test('while following, an unknown status ends at once with its detail; one not started is named so', async () => {
		const unknown = scripted([async () => 'processing'], [{ state: 'unknown', detail: 'no id saved' }])
		expect((await run(unknown.client).promise).error).toEqual({
			kind: 'unknown',
			message: 'The platform accepted the post but has not confirmed it yet (no id saved)',
		})
		expect(unknown.calls.status).toBe(1)
		const notStarted = scripted([async () => 'processing'], [{ state: 'not-started' }])
		expect((await run(notStarted.client, { settings: { ...settings, pollTimeoutMs: 0 } }).promise).error!.message).toBe(
			'The platform accepted the post but has not confirmed it yet (not started)',
		)
	})

	test('an ambiguous failure whose status cannot be asked is unconfirmed, naming both', async () => {
		const client: PlatformClient = {
			publish: async () => Promise.reject(new PlatformError('transient', 'timed out', { ambiguous: true })),
			checkStatus: async () => Promise.reject(new Error('DNS failure')),
		}
		expect((await run(client).promise).error).toEqual({ kind: 'unknown', message: 'timed out. DNS failure: check the page before posting again' })
	})

	test('a rate limit of exactly the longest wait is waited for', async () => {
		const { client } = scripted([fail(new PlatformError('rate_limit', 'slow down', { retryAfterMs: 60_000 })), succeed])
		const { promise, waits } = run(client)
		expect(await promise).toMatchObject({ status: 'published', attempts: 2 })
		expect(waits).toEqual([60_000])
	})

	test('anything else thrown is an unknown failure with its message, not retried', async () => {
		const thrown = scripted([async () => Promise.reject(new TypeError('fetch failed'))])
		expect(await run(thrown.client).promise).toMatchObject({ status: 'failed', attempts: 1, error: { kind: 'unknown', message: 'fetch failed' } })
		const text = scripted([async () => Promise.reject('boom')])
		expect(await run(text.client).promise).toMatchObject({ status: 'failed', error: { kind: 'unknown', message: 'boom' } })
	})
})
