// Engagement readings (issue 11, docs/decisions/164-engagement-readings.md).
// `plan-insights` (maintenance, every five minutes and at start) hands each
// published target whose reading is due to the `insights` queue, one job per
// target and planned time; the job reads the numbers through the platform
// client, keeps them as an EngagementSnapshot and plans the next reading
// (app/publishing/insights-schedule.ts). Reading twice is harmless, so the
// plan is an enqueueing kind of the one reconcile helper.

import type { Job } from 'bullmq'
import { QUEUES, jobIds, type InsightsJob } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { markChannelNeedsReconnect } from '~/publishing/channels.server.ts'
import { afterReading, type ReadingOutcome } from '~/publishing/insights-schedule.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { DecryptionError, decryptSecret } from '~/utils/encryption.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { PlatformError } from './platforms/errors.ts'
import { facebookEngagement, tiktokEngagement, tiktokPostedVideoIds, type Engagement } from './platforms/insights.ts'
import type { PlatformSettings, PublishTarget } from './platforms/types.ts'
import { reconcile, type EnqueueingKind } from '../reconcile/reconcile.ts'
import { startWorker } from '../runtime.ts'
import { platformSettings } from './settings.ts'

type DueReading = { id: string; nextInsightsAt: Date }

/** How many due readings one pass hands out; the rest wait five minutes. */
const PLAN_BATCH = 500

function dueReadings(db: PrismaClient, now: Date): Promise<DueReading[]> {
	return db.postTarget.findMany({
		where: {
			state: 'published',
			nextInsightsAt: { lte: now },
			// A channel waiting for a reconnect keeps its readings for afterwards.
			channel: { state: 'connected', archivedAt: null },
		},
		select: { id: true, nextInsightsAt: true },
		orderBy: { nextInsightsAt: 'asc' },
		take: PLAN_BATCH,
	}) as Promise<DueReading[]>
}

export function insightsReconcileKind(now = new Date(), db: PrismaClient = getDb()): EnqueueingKind<DueReading> {
	const queue = getQueue(QUEUES.insights)
	return {
		name: 'insights',
		queue,
		owing: () => dueReadings(db, now),
		jobId: (row) => jobIds.insights(row.id, row.nextInsightsAt.getTime()),
		enqueue: async (row) => {
			await queue.add('read', { targetId: row.id }, { jobId: jobIds.insights(row.id, row.nextInsightsAt.getTime()), attempts: 1 })
		},
		// The reading's job died for good: try the same reading again a little later (a new job id).
		markFailed: async (row) => {
			const target = await db.postTarget.findUnique({ where: { id: row.id }, select: { publishedAt: true } })
			const next = afterReading({ kind: 'error', errorKind: 'unknown' }, { publishedAt: target?.publishedAt ?? now, plannedAt: row.nextInsightsAt, now })
			await db.postTarget.updateMany({ where: { id: row.id, nextInsightsAt: row.nextInsightsAt }, data: { nextInsightsAt: next } })
		},
	}
}

/** The `plan-insights` maintenance task: returns how many readings it handed to the queue or settled. */
export async function planInsights(now = new Date()): Promise<number> {
	return (await reconcile(insightsReconcileKind(now))).handled
}

export type ReadingResult = { outcome: ReadingOutcome['kind'] | 'error' | 'stale'; nextInsightsAt: Date | null }

/**
 * Reads one target's numbers for the reading planned at its nextInsightsAt.
 * The snapshot and the next planned time are written together, and only if
 * the planned time is still the one this reading was for, so two jobs for
 * the same reading keep one snapshot.
 */
export async function readTargetInsights(
	db: PrismaClient,
	targetId: string,
	{ now = new Date(), settings = platformSettings(getEnv()) }: { now?: Date; settings?: PlatformSettings } = {},
): Promise<ReadingResult> {
	const target = await db.postTarget.findUnique({
		where: { id: targetId },
		select: {
			id: true,
			coopId: true,
			kind: true,
			state: true,
			platformId: true,
			publishedAt: true,
			nextInsightsAt: true,
			channel: { select: { id: true, platform: true, state: true, accessToken: true } },
		},
	})
	if (!target || target.state !== 'published' || !target.nextInsightsAt || !target.publishedAt) return { outcome: 'stale', nextInsightsAt: null }
	const plannedAt = target.nextInsightsAt
	if (target.channel.state !== 'connected') return { outcome: 'stale', nextInsightsAt: plannedAt }

	let outcome: ReadingOutcome
	let read: Engagement | null = null
	try {
		const numbers = await readNumbers(target.kind, target.platformId, target.channel.accessToken, settings)
		if (numbers !== 'unsupported') read = numbers
		outcome = numbers === 'unsupported' ? { kind: 'unsupported' } : numbers ? { kind: 'read' } : { kind: 'not-yet' }
	} catch (error) {
		if (error instanceof DecryptionError) {
			outcome = { kind: 'error', errorKind: 'auth' }
		} else if (error instanceof PlatformError) {
			outcome = { kind: 'error', errorKind: error.kind, retryAfterMs: error.retryAfterMs }
		} else throw error
		if (outcome.errorKind === 'auth') await markChannelNeedsReconnect(db, target.channel.id, 'token_rejected')
		else console.warn(`insights: target ${target.id}: ${(error as Error).message}`)
	}

	const next = afterReading(outcome, { publishedAt: target.publishedAt, plannedAt, now })
	await db.$transaction(async (tx) => {
		const { count } = await tx.postTarget.updateMany({ where: { id: target.id, nextInsightsAt: plannedAt }, data: { nextInsightsAt: next } })
		if (count === 1 && read) {
			await tx.engagementSnapshot.create({ data: { targetId: target.id, coopId: target.coopId, takenAt: now, ...read, source: 'api' } })
		}
	})
	return { outcome: outcome.kind === 'error' ? 'error' : outcome.kind, nextInsightsAt: next }
}

/** The numbers a platform holds for one published target; null when there are none yet. */
async function readNumbers(kind: string, platformId: string | null, storedToken: string | null, settings: PlatformSettings): Promise<Engagement | null | 'unsupported'> {
	const api = kind.startsWith('facebook-') || kind.startsWith('tiktok-')
	if (!api || !platformId) return 'unsupported'
	if (!storedToken) throw new PlatformError('auth', 'The channel has no token')
	const token = decryptSecret(storedToken)
	if (kind.startsWith('facebook-')) return facebookEngagement(settings, token, kind as PublishTarget, platformId)
	// A TikTok publish id becomes a video id only once the video is public.
	const videoIds = await tiktokPostedVideoIds(settings, token, platformId)
	if (videoIds.length === 0) return null
	const found = await tiktokEngagement(settings, token, videoIds)
	return found.get(videoIds[0]!) ?? null
}

export async function processInsights(job: Job<InsightsJob>) {
	const result = await readTargetInsights(getDb(), job.data.targetId)
	return { outcome: result.outcome, nextInsightsAt: result.nextInsightsAt?.toISOString() ?? null }
}

/** Readings are small HTTP reads: a few at once. */
export function startInsightsWorker() {
	return startWorker(QUEUES.insights, processInsights, { concurrency: 4 })
}
