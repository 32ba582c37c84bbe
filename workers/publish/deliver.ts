// The publishing engine's decisions, with no database: how many times to try,
// how long to wait, and above all when NOT to try again. The worker and
// `studio publish` both run this; the worker saves each checkpoint to the
// database before the next step (docs/decisions/151-never-twice.md).

import { PlatformError, type PlatformErrorKind } from './platforms/errors.ts'
import type { Checkpoint, PlatformClient, PlatformSettings, PublishContext, PublishRequest } from './platforms/types.ts'

export type DeliveryStatus = 'published' | 'unconfirmed' | 'failed'

export type DeliveryResult = {
	status: DeliveryStatus
	platformId: string | null
	/** How many times the publish steps were run (1 when the first try went through). */
	attempts: number
	error: { kind: PlatformErrorKind; message: string } | null
	/** What the failing answer said beyond its kind: how long to wait (Retry-After, Graph usage headers) and the platform's own code. */
	retryAfterMs: number | null
	platformCode: string | null
	checkpoint: Checkpoint
}

export type RetryPolicy = {
	/** Tries of the publish steps in all, the first included. */
	maxAttempts: number
	/** The first backoff; each next one doubles, with full jitter. */
	baseDelayMs: number
	/** The longest wait a rate limit may ask of this run; longer ones end it as rate_limit (the worker reschedules). */
	maxWaitMs: number
	random: () => number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxWaitMs: 60_000, random: Math.random }

/** Exponential backoff with full jitter: a random wait up to base·2^(n-1). */
export function backoffMs(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'random'>) {
	return Math.round(policy.random() * policy.baseDelayMs * 2 ** (attempt - 1))
}

export type DeliverOptions = {
	settings: PlatformSettings
	checkpoint?: Checkpoint
	/** Called with the whole checkpoint each time something is learnt; the worker writes it to the database. */
	persist?: (checkpoint: Checkpoint) => Promise<void>
	policy?: Partial<RetryPolicy>
	sleep?: (ms: number) => Promise<void>
}

export async function deliver(client: PlatformClient, request: PublishRequest, options: DeliverOptions): Promise<DeliveryResult> {
	const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy }
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
	const context: PublishContext = {
		settings: options.settings,
		checkpoint: structuredClone(options.checkpoint ?? {}),
		sleep,
		async save(update) {
			context.checkpoint = {
				...context.checkpoint,
				...update,
				data: { ...context.checkpoint.data, ...update.data },
			}
			await options.persist?.(context.checkpoint)
		},
	}
	const result = (status: DeliveryStatus, attempts: number, error: PlatformError | null, platformId?: string): DeliveryResult => ({
		status,
		platformId: platformId ?? context.checkpoint.platformId ?? null,
		attempts,
		error: error ? { kind: error.kind, message: error.message } : null,
		retryAfterMs: error?.retryAfterMs ?? null,
		platformCode: error?.platformCode ?? null,
		checkpoint: context.checkpoint,
	})

	let attempts = 0
	for (;;) {
		attempts++
		let failure: PlatformError
		try {
			const outcome = await client.publish(request, context)
			if (outcome === 'published') return result('published', attempts, null)
			return await followUntilSettled(client, request, context, attempts, result)
		} catch (error) {
			failure = asPlatformError(error)
		}

		if (failure.ambiguous) {
			// The platform may have acted: ask it before anything is sent again.
			const status = await client.checkStatus(request, context).catch((error: unknown) => ({
				state: 'unknown' as const,
				detail: asPlatformError(error).message,
			}))
			if (status.state === 'published') return result('published', attempts, null, status.platformId)
			if (status.state === 'failed') return result('failed', attempts, status.error)
			if (status.state === 'processing') return await followUntilSettled(client, request, context, attempts, result)
			if (status.state === 'unknown') {
				return result('unconfirmed', attempts, new PlatformError('unknown', `${failure.message}. ${status.detail}: check the page before posting again`))
			}
			// not-started: the step never took effect, so running it again cannot post twice.
		}

		if (attempts >= policy.maxAttempts) return result('failed', attempts, failure)
		if (failure.kind === 'rate_limit') {
			const wait = failure.retryAfterMs ?? backoffMs(attempts, policy)
			if (wait > policy.maxWaitMs) return result('failed', attempts, failure)
			await sleep(wait)
			continue
		}
		if (failure.kind === 'transient' || failure.ambiguous) {
			await sleep(backoffMs(attempts, policy))
			continue
		}
		return result('failed', attempts, failure)
	}
}

/** After the committing step: poll the status call until published, failed, or out of patience (unconfirmed). */
async function followUntilSettled(
	client: PlatformClient,
	request: PublishRequest,
	context: PublishContext,
	attempts: number,
	result: (status: DeliveryStatus, attempts: number, error: PlatformError | null, platformId?: string) => DeliveryResult,
): Promise<DeliveryResult> {
	const deadline = Date.now() + context.settings.pollTimeoutMs
	let lastDetail = 'no answer yet'
	for (;;) {
		let status
		try {
			status = await client.checkStatus(request, context)
		} catch (error) {
			const failure = asPlatformError(error)
			if (failure.kind === 'auth' || failure.kind === 'invalid') return result('unconfirmed', attempts, failure)
			status = { state: 'processing' as const, detail: failure.message }
		}
		if (status.state === 'published') return result('published', attempts, null, status.platformId)
		if (status.state === 'failed') return result('failed', attempts, status.error)
		if (status.state === 'processing' || status.state === 'not-started') lastDetail = status.state === 'processing' ? status.detail : 'not started'
		if (status.state === 'unknown') lastDetail = status.detail
		if (Date.now() >= deadline || status.state === 'unknown') {
			return result('unconfirmed', attempts, new PlatformError('unknown', `The platform accepted the post but has not confirmed it yet (${lastDetail})`))
		}
		await context.sleep(context.settings.pollIntervalMs)
	}
}

function asPlatformError(error: unknown): PlatformError {
	if (error instanceof PlatformError) return error
	const message = error instanceof Error ? error.message : String(error)
	return new PlatformError('unknown', message, { cause: error })
}
