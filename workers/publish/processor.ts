// One publish job: one target (a post on one channel), one run of the
// delivery engine. The database decides everything: the job only says which
// target; a target no longer scheduled is left alone, so a job that runs
// late, twice or after someone moved the post does nothing
// (docs/decisions/156-publishing-engine.md).

import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import { DelayedError, type Job } from 'bullmq'
import type { PhotoPostOutputFile, PublishJob } from '~/jobs/definitions.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { markChannelNeedsReconnect } from '~/publishing/channels.server.ts'
import { notify } from '~/publishing/notifications.server.ts'
import { announcePost, announceTarget } from '~/publishing/publishing-events.server.ts'
import { afterDelivery } from '~/publishing/target-state.ts'
import { firstInsightsAt } from '~/publishing/insights-schedule.ts'
import { enqueueTarget, moveTarget, type TargetRef } from '~/publishing/targets.server.ts'
import type { Channel, PhotoPostRender, Post, PostTarget, Render } from '~/generated/prisma/client.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { decryptSecret } from '~/utils/encryption.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { deliver, type DeliveryResult } from './deliver.ts'
import { PlatformError } from './platforms/errors.ts'
import { clientFor } from './platforms/index.ts'
import { PUBLISH_TARGETS, type Checkpoint, type PlatformClient, type PostStatus, type PublishRequest, type PublishTarget, type TiktokChoices } from './platforms/types.ts'
import { DAY_MS, QUOTAS, quotasFor, quotaWait, type QuotaReason, type QuotaUses } from './rate-limits.ts'
import { captionHint, failureReason, whereToLook } from './reasons.ts'
import { platformSettings } from './settings.ts'

export type PublishJobResult =
	| { outcome: 'skipped'; state: string }
	| { outcome: 'hand_off' | 'published' | 'unconfirmed' | 'failed' | 'needs_attention' | 'rescheduled' }

/** A target with what a run reads of its channel, post and media. */
export type LoadedTarget = PostTarget & {
	channel: Pick<Channel, 'id' | 'name' | 'platform' | 'state' | 'archivedAt' | 'accessToken' | 'externalId'>
	post: Pick<Post, 'id' | 'caption' | 'hashtags' | 'link'> & {
		render: Pick<Render, 'id' | 'status' | 'outputKey'> | null
		photoPost: Pick<PhotoPostRender, 'id' | 'outputs'> | null
	}
}

type LoadedRow = PostTarget & {
	c_id: string
	c_name: string
	c_platform: string
	c_state: string
	c_archivedAt: Date | null
	c_accessToken: string | null
	c_externalId: string | null
	p_id: string
	p_caption: string
	p_hashtags: string
	p_link: string | null
	r_id: string | null
	r_status: string | null
	r_outputKey: string | null
	pp_id: string | null
	pp_outputs: string | null
}

/**
 * The target and what a run needs of its channel, post and media, in one
 * statement. Every run starts here, so it is one join rather than the ORM's
 * nested include (a query plan and a query per relation, several times the
 * cost: docs/decisions/166-publishing-throughput.md).
 */
export async function loadTarget(db: PrismaClient, targetId: string): Promise<LoadedTarget | null> {
	const rows = await db.$queryRawUnsafe<LoadedRow[]>(
		`SELECT t.*,
			c."id" AS "c_id", c."name" AS "c_name", c."platform" AS "c_platform", c."state" AS "c_state", c."archivedAt" AS "c_archivedAt",
			c."accessToken" AS "c_accessToken", c."externalId" AS "c_externalId",
			p."id" AS "p_id", p."caption" AS "p_caption", p."hashtags" AS "p_hashtags", p."link" AS "p_link",
			r."id" AS "r_id", r."status" AS "r_status", r."outputKey" AS "r_outputKey",
			pp."id" AS "pp_id", pp."outputs" AS "pp_outputs"
		 FROM "PostTarget" t
		 JOIN "Channel" c ON c."id" = t."channelId"
		 JOIN "Post" p ON p."id" = t."postId"
		 LEFT JOIN "Render" r ON r."id" = p."renderId"
		 LEFT JOIN "PhotoPostRender" pp ON pp."id" = p."photoPostId"
		 WHERE t."id" = ?`,
		targetId,
	)
	const row = rows[0]
	if (!row) return null
	const { c_id, c_name, c_platform, c_state, c_archivedAt, c_accessToken, c_externalId, p_id, p_caption, p_hashtags, p_link, r_id, r_status, r_outputKey, pp_id, pp_outputs, ...target } = row
	return {
		...target,
		runs: Number(target.runs),
		channel: { id: c_id, name: c_name, platform: c_platform, state: c_state, archivedAt: c_archivedAt, accessToken: c_accessToken, externalId: c_externalId },
		post: {
			id: p_id,
			caption: p_caption,
			hashtags: p_hashtags,
			link: p_link,
			render: r_id ? { id: r_id, status: r_status ?? '', outputKey: r_outputKey } : null,
			photoPost: pp_id ? { id: pp_id, outputs: pp_outputs } : null,
		},
	}
}

const postHref = (target: TargetRef) => `/posts/${target.postId}`

/** What the delivery engine needs for a target: the client, the request (token decrypted, files found) and the saved checkpoint. */
export async function deliveryFor(
	target: LoadedTarget,
): Promise<{ ok: true; client: PlatformClient; request: PublishRequest; checkpoint: Checkpoint } | { ok: false; reason: 'media_missing' | 'reconnect' }> {
	const to = target.kind as PublishTarget
	let token: string
	try {
		if (!target.channel.accessToken || !target.channel.externalId) return { ok: false, reason: 'reconnect' }
		token = decryptSecret(target.channel.accessToken)
	} catch (error) {
		console.error(`publish ${target.id}: the channel's token cannot be read:`, (error as Error).message)
		return { ok: false, reason: 'reconnect' }
	}
	const files = await mediaFiles(target)
	if (!files) return { ok: false, reason: 'media_missing' }
	const options = parseJson<{ coverUrl?: string; tiktok?: Partial<Record<keyof TiktokChoices | 'discloseCommercial', unknown>> }>(target.options, {})
	return {
		ok: true,
		client: clientFor(to),
		checkpoint: parseJson<Checkpoint>(target.checkpoint, {}),
		request: {
			to,
			accountId: target.channel.externalId,
			token,
			files,
			caption: captionOf(target),
			title: target.title ?? null,
			privacy: target.privacy ?? null,
			coverUrl: options.coverUrl ?? null,
			tiktok: to === 'tiktok-direct' ? tiktokChoices(options.tiktok) : null,
		},
	}
}

/** The person's choices on TikTok's posting screen, as the composer stored them; a commercial disclosure counts only when it was turned on. */
export function tiktokChoices(stored: Partial<Record<keyof TiktokChoices | 'discloseCommercial', unknown>> | undefined): TiktokChoices {
	const on = (value: unknown) => value === true
	const disclose = on(stored?.discloseCommercial)
	return {
		allowComment: on(stored?.allowComment),
		allowDuet: on(stored?.allowDuet),
		allowStitch: on(stored?.allowStitch),
		yourBrand: disclose && on(stored?.yourBrand),
		brandedContent: disclose && on(stored?.brandedContent),
	}
}

/** The per-channel caption if the person wrote one, otherwise the post's caption with its hashtags and link. */
export function captionOf(target: Pick<LoadedTarget, 'caption'> & { post: Pick<LoadedTarget['post'], 'caption' | 'hashtags' | 'link'> }) {
	if (target.caption != null) return target.caption
	return [target.post.caption, target.post.hashtags, target.post.link].map((part) => part?.trim()).filter(Boolean).join('\n\n')
}

/** The video the post names, or its photo set's pictures made for this platform, in order; null when a file is gone. */
async function mediaFiles(target: LoadedTarget): Promise<string[] | null> {
	const { render, photoPost } = target.post
	let keys: string[] = []
	if (render) {
		if (render.status !== 'ready' || !render.outputKey) return null
		keys = [render.outputKey]
	} else if (photoPost) {
		const outputs = parseJson<PhotoPostOutputFile[]>(photoPost.outputs ?? '[]', [])
		const variant = target.kind.startsWith('zalo') ? 'zalo' : 'facebook'
		const mine = outputs.filter((output) => output.variant === variant).sort((a, b) => a.position - b.position)
		const format = parseJson<{ photoFormat?: string }>(target.options, {}).photoFormat ?? mine[0]?.format
		keys = mine.filter((output) => output.format === format).map((output) => output.key)
	}
	if (keys.length === 0) return null
	const paths = keys.map((key) => resolveMediaPath(key))
	for (const file of paths) if (!(await fs.stat(file).then((s) => s.isFile(), () => false))) return null
	return paths
}

function parseJson<T>(text: string, fallback: T): T {
	try {
		return JSON.parse(text) as T
	} catch {
		return fallback
	}
}

/** Earlier uses of the quotas this target's kind counts against (rate-limits.ts). */
async function quotaUses(db: PrismaClient, target: LoadedTarget, now: Date): Promise<QuotaUses> {
	const uses: QuotaUses = { reels: [], tiktokInits: [], tiktokInbox: [] }
	const dayAgo = new Date(now.getTime() - DAY_MS)
	const deliveredOrGoing = async (kind: PublishTarget) =>
		(
			await db.postTarget.findMany({
				where: { channelId: target.channelId, kind, id: { not: target.id }, OR: [{ publishedAt: { gt: dayAgo } }, { state: 'publishing' }] },
				select: { publishedAt: true },
			})
		).map((row) => row.publishedAt ?? now)
	for (const quota of quotasFor(target.kind as PublishTarget)) {
		if (quota === 'reels') uses.reels = await deliveredOrGoing('facebook-reel')
		if (quota === 'tiktokInbox') uses.tiktokInbox = await deliveredOrGoing('tiktok-inbox')
		if (quota === 'tiktokInits') {
			const attempts = await db.publishAttempt.findMany({
				where: { target: { channelId: target.channelId }, startedAt: { gt: new Date(now.getTime() - 60_000) } },
				select: { startedAt: true },
			})
			uses.tiktokInits = attempts.map((attempt) => attempt.startedAt)
		}
	}
	return uses
}

/** SQLite's text form of a Prisma DateTime (ISO 8601 with +00:00), for comparing and writing in raw SQL. */
const sqlTime = (date: Date) => date.toISOString().replace('Z', '+00:00')

// A run's attempt row, opened before anything is sent and closed with what the
// platform answered. Two single statements on the path every target takes
// (docs/decisions/166-publishing-throughput.md).
type AttemptRef = { id: string }
type AttemptEnd = { status: string; tries: number; platformId: string | null; errorKind: string | null; errorMessage: string | null; answer: string | null }

async function startAttempt(db: PrismaClient, targetId: string, run: number): Promise<AttemptRef> {
	const id = crypto.randomUUID()
	await db.$executeRawUnsafe(
		`INSERT INTO "PublishAttempt" ("id", "targetId", "run", "status", "tries", "startedAt") VALUES (?, ?, ?, 'running', 0, ?)`,
		id,
		targetId,
		run,
		sqlTime(new Date()),
	)
	return { id }
}

async function finishAttempt(db: PrismaClient, attempt: AttemptRef, end: AttemptEnd) {
	await db.$executeRawUnsafe(
		`UPDATE "PublishAttempt" SET "status" = ?, "tries" = ?, "platformId" = ?, "errorKind" = ?, "errorMessage" = ?, "answer" = ?, "finishedAt" = ? WHERE "id" = ?`,
		end.status,
		end.tries,
		end.platformId,
		end.errorKind,
		end.errorMessage,
		end.answer,
		sqlTime(new Date()),
		attempt.id,
	)
}

/**
 * The move scheduled → publishing, made only while the quotas still leave a
 * slot: the count and the move are one UPDATE statement, which SQLite runs
 * alone (one writer at a time, across processes too), so two runs of one
 * Page cannot both take the 30th Reel. The counts are those of quotaUses.
 */
async function startRun(db: PrismaClient, target: LoadedTarget, now: Date): Promise<'started' | 'moved' | 'over_quota'> {
	const guards: string[] = []
	const params: unknown[] = [sqlTime(now), target.id]
	const dayAgo = sqlTime(new Date(now.getTime() - DAY_MS))
	for (const quota of quotasFor(target.kind as PublishTarget)) {
		if (quota === 'reels' || quota === 'tiktokInbox') {
			const { limit } = quota === 'reels' ? QUOTAS.reelsPerPage : QUOTAS.tiktokPendingInbox
			guards.push(
				`(SELECT COUNT(*) FROM "PostTarget" o WHERE o."channelId" = ? AND o."kind" = ? AND o."id" <> ? AND (o."publishedAt" > ? OR o."state" = 'publishing')) < ?`,
			)
			params.push(target.channelId, quota === 'reels' ? 'facebook-reel' : 'tiktok-inbox', target.id, dayAgo, limit)
		}
		if (quota === 'tiktokInits') {
			guards.push(`(SELECT COUNT(*) FROM "PublishAttempt" a JOIN "PostTarget" t ON t."id" = a."targetId" WHERE t."channelId" = ? AND a."startedAt" > ?) < ?`)
			params.push(target.channelId, sqlTime(new Date(now.getTime() - QUOTAS.tiktokInitsPerToken.windowMs)), QUOTAS.tiktokInitsPerToken.limit)
		}
	}
	const count = await db.$executeRawUnsafe(
		`UPDATE "PostTarget" SET "state" = 'publishing', "runs" = "runs" + 1, "stateChangedAt" = ?, "reason" = NULL, "reasonParams" = NULL, "errorKind" = NULL, "errorMessage" = NULL
		 WHERE "id" = ? AND "state" = 'scheduled'${guards.map((guard) => ` AND ${guard}`).join('')}`,
		...params,
	)
	if (count === 1) {
		await announceTarget(target.coopId, { ...target, state: 'publishing' })
		await announcePost(target.coopId, target.postId)
		return 'started'
	}
	const still = await db.postTarget.findUnique({ where: { id: target.id }, select: { state: true } })
	return still?.state === 'scheduled' && guards.length > 0 ? 'over_quota' : 'moved'
}

/** A target over a quota keeps `scheduled`, says until when and why, and its job waits for then. */
async function waitForQuota(db: PrismaClient, job: Job, token: string | undefined, target: LoadedTarget, wait: { until: Date; reason: QuotaReason }): Promise<never> {
	const { count } = await db.postTarget.updateMany({
		where: { id: target.id, state: 'scheduled' },
		data: { dueAt: wait.until, reason: wait.reason, reasonParams: JSON.stringify({ at: wait.until.toISOString() }) },
	})
	if (count === 1) await announceTarget(target.coopId, target)
	return waitUntil(job, token, wait.until)
}

const quotasReason = (target: LoadedTarget): QuotaReason => (target.kind === 'facebook-reel' ? 'rate_limit_reels' : target.kind === 'tiktok-inbox' ? 'rate_limit_tiktok_inbox' : 'rate_limit_tiktok_inits')

/** Puts this same job back to wait until `until` (BullMQ's own delay: the job id, and so never-twice, is kept). */
async function waitUntil(job: Job, token: string | undefined, until: Date): Promise<never> {
	await job.moveToDelayed(until.getTime(), token)
	throw new DelayedError()
}

export async function processPublish(job: Job<PublishJob>, token?: string): Promise<PublishJobResult> {
	const db = getDb()
	const now = new Date()
	const target = await loadTarget(db, job.data.targetId)
	if (!target || target.state !== 'scheduled') return { outcome: 'skipped', state: target?.state ?? 'gone' }
	// Moved later after this job was queued: wait for the new time under the same id.
	if (target.dueAt && target.dueAt.getTime() > now.getTime() + 1000) return waitUntil(job, token, target.dueAt)

	if (target.channel.platform === 'manual') return handOff(db, target)
	if (target.channel.archivedAt || !PUBLISH_TARGETS.includes(target.kind as PublishTarget)) {
		await moveTarget(db, target, 'scheduled', 'needs_attention', { reason: 'channel_removed', reasonParams: null })
		return { outcome: 'needs_attention' }
	}
	if (target.channel.state === 'needs_reconnect') {
		await moveTarget(db, target, 'scheduled', 'needs_attention', { reason: 'reconnect', reasonParams: null })
		return { outcome: 'needs_attention' }
	}

	// The quotas are checked by the move itself (startRun); only a target over one counts its uses, to know until when it waits.
	const run = target.runs + 1
	const started = await startRun(db, target, now)
	if (started === 'moved') return { outcome: 'skipped', state: 'moved' }
	if (started === 'over_quota') {
		const wait = quotaWait(target.kind as PublishTarget, await quotaUses(db, target, now), now)
		// The count and the window agree; a use that left the window between the two is tried again in a second.
		return waitForQuota(db, job, token, target, wait ?? { until: new Date(Date.now() + 1000), reason: quotasReason(target) })
	}

	const attempt = await startAttempt(db, target.id, run)

	const delivery = await deliveryFor(target)
	if (!delivery.ok) {
		await finishAttempt(db, attempt, { status: 'failed', tries: 0, platformId: null, errorKind: delivery.reason, errorMessage: null, answer: null })
		if (delivery.reason === 'reconnect') {
			await moveTarget(db, target, 'publishing', 'needs_attention', { reason: 'reconnect', reasonParams: null })
			await markChannelNeedsReconnect(db, target.channelId, 'token_rejected')
			return { outcome: 'needs_attention' }
		}
		await moveTarget(db, target, 'publishing', 'failed', { reason: 'media_missing', reasonParams: null })
		await notifyTarget(db, target, 'target.failed', run)
		return { outcome: 'failed' }
	}

	// An earlier run left a platform id (an unconfirmed or interrupted target being retried):
	// the platform is asked what it holds before anything is sent again.
	const earlier = delivery.checkpoint.platformId ? await statusBeforeResend(delivery.client, delivery.request, delivery.checkpoint) : null
	if (earlier) {
		await finishAttempt(db, attempt, {
			status: earlier.status,
			tries: 0,
			platformId: earlier.platformId,
			errorKind: earlier.error?.kind ?? null,
			errorMessage: earlier.error?.message.slice(0, 2000) ?? null,
			answer: null,
		})
		return applyDelivery(db, target, run, earlier, delivery.request.caption)
	}

	let saved = target.checkpoint
	const result = await deliver(delivery.client, delivery.request, {
		settings: platformSettings(getEnv()),
		checkpoint: delivery.checkpoint,
		// Written before the client takes its next step: a crash after this line knows the platform's id.
		// Only what is new is written: a step that learnt nothing costs no write.
		persist: async (checkpoint) => {
			const text = JSON.stringify(checkpoint)
			if (text === saved) return
			await db.$executeRawUnsafe(
				`UPDATE "PostTarget" SET "checkpoint" = ?, "platformId" = ?, "updatedAt" = ? WHERE "id" = ?`,
				text,
				checkpoint.platformId ?? null,
				sqlTime(new Date()),
				target.id,
			)
			saved = text
		},
	})
	await finishAttempt(db, attempt, {
		status: result.status,
		tries: result.attempts,
		platformId: result.platformId,
		errorKind: result.error?.kind ?? null,
		errorMessage: result.error?.message.slice(0, 2000) ?? null,
		answer: result.error ? `${result.platformCode ?? ''} ${result.error.message}`.trim().slice(0, 2000) : null,
	})
	return applyDelivery(db, target, run, result, delivery.request.caption)
}

/**
 * The status call for a target that already has a platform id. Returns the
 * delivery's outcome when the platform settles it (published there: never sent
 * again; refused; or it cannot say: unconfirmed again, nothing sent), or null
 * when the resumed steps are safe to run (not started, or still processing).
 */
export async function statusBeforeResend(client: PlatformClient, request: PublishRequest, checkpoint: Checkpoint): Promise<DeliveryResult | null> {
	const context = {
		settings: platformSettings(getEnv()),
		checkpoint: structuredClone(checkpoint),
		save: async () => {},
		sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
	}
	const settled = (status: DeliveryResult['status'], platformId: string | null, error: PlatformError | null): DeliveryResult => ({
		status,
		platformId,
		attempts: 0,
		error: error ? { kind: error.kind, message: error.message } : null,
		retryAfterMs: null,
		platformCode: error?.platformCode ?? null,
		checkpoint,
	})
	let status: PostStatus
	try {
		status = await client.checkStatus(request, context)
	} catch (error) {
		const failure = error instanceof PlatformError ? error : new PlatformError('unknown', (error as Error).message)
		// A rejected token is the channel's problem, not the post's: the reconnect path handles it.
		if (failure.kind === 'auth') return settled('failed', null, failure)
		return settled('unconfirmed', null, new PlatformError('unknown', `${failure.message}: the platform could not say whether the post is there; check the page before posting again`))
	}
	if (status.state === 'published') return settled('published', status.platformId, null)
	if (status.state === 'failed') return settled('failed', null, status.error)
	if (status.state === 'unknown') return settled('unconfirmed', null, new PlatformError('unknown', `${status.detail}: check the page before posting again`))
	return null
}

async function applyDelivery(db: PrismaClient, target: LoadedTarget, run: number, result: DeliveryResult, caption: string): Promise<PublishJobResult> {
	const now = new Date()
	const next = afterDelivery({ status: result.status, error: result.error ? { ...result.error, retryAfterMs: result.retryAfterMs } : null }, run, now)
	const error = { errorKind: result.error?.kind ?? null, errorMessage: result.error?.message.slice(0, 2000) ?? null }
	switch (next.state) {
		case 'published':
			await markPublished(db, target, result.platformId, now)
			return { outcome: 'published' }
		case 'unconfirmed':
			await markUnconfirmed(db, target, caption, error, run)
			return { outcome: 'unconfirmed' }
		case 'scheduled': {
			const reason = next.reason === 'rate_limit' ? 'rate_limit' : 'transient_retry'
			const moved = await moveTarget(db, target, 'publishing', 'scheduled', {
				dueAt: next.dueAt,
				reason,
				reasonParams: JSON.stringify({ at: next.dueAt.toISOString() }),
				...error,
			})
			if (moved) await enqueueTarget({ id: target.id, dueAt: next.dueAt, runs: run }, now)
			return { outcome: 'rescheduled' }
		}
		case 'needs_attention':
			await moveTarget(db, target, 'publishing', 'needs_attention', { reason: 'reconnect', reasonParams: null, ...error })
			await markChannelNeedsReconnect(db, target.channelId, 'token_rejected')
			return { outcome: 'needs_attention' }
		case 'failed': {
			const reason = failureReason(result.error?.kind ?? 'unknown', result.platformCode)
			if (await moveTarget(db, target, 'publishing', 'failed', { reason, reasonParams: null, ...error })) {
				await notifyTarget(db, target, 'target.failed', run)
			}
			return { outcome: 'failed' }
		}
	}
}

/** The platform holds the post: published, with its id, and the first reading of its numbers planned. */
export async function markPublished(db: PrismaClient, target: LoadedTarget, platformId: string | null, now = new Date()) {
	const moved = await moveTarget(db, target, 'publishing', 'published', {
		publishedAt: now,
		platformId: platformId ?? target.platformId,
		reason: null,
		reasonParams: null,
		errorKind: null,
		errorMessage: null,
		nextInsightsAt: firstInsightsAt(now),
	})
	if (moved) await notifyTarget(db, target, 'target.published', 0)
	return moved
}

/** Nobody can say whether it went: the person is told where to look and for what, and nothing is sent again until they answer. */
export async function markUnconfirmed(
	db: PrismaClient,
	target: LoadedTarget,
	caption: string,
	error: { errorKind: string | null; errorMessage: string | null },
	run: number,
) {
	const moved = await moveTarget(db, target, 'publishing', 'unconfirmed', {
		reason: 'unconfirmed',
		reasonParams: JSON.stringify({ place: whereToLook(target.kind as PublishTarget), hint: captionHint(caption) }),
		...error,
	})
	if (moved) await notifyTarget(db, target, 'target.unconfirmed', run)
	return moved
}

async function handOff(db: PrismaClient, target: LoadedTarget): Promise<PublishJobResult> {
	const moved = await moveTarget(db, target, 'scheduled', 'needs_attention', { reason: 'hand_off', reasonParams: null })
	if (moved) await notifyTarget(db, target, 'target.hand_off', target.runs)
	return moved ? { outcome: 'hand_off' } : { outcome: 'skipped', state: 'moved' }
}

async function notifyTarget(db: PrismaClient, target: LoadedTarget, kind: 'target.published' | 'target.failed' | 'target.unconfirmed' | 'target.hand_off', run: number) {
	await notify(db, {
		coopId: target.coopId,
		kind,
		params: { channel: target.channel.name, platform: target.channel.platform, postId: target.postId },
		href: postHref(target),
		to: 'publishers',
		// Published happens once; a failure or a doubt may happen again on a later run and is told again.
		dedupeKey: kind === 'target.published' ? `target-${target.id}-published` : `target-${target.id}-${kind.slice(7)}-${run}-${target.dueAt?.getTime() ?? 0}`,
	})
}
