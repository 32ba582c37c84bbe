import { QueueEvents } from 'bullmq'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { enqueueClipAnalysis } from '~/studio/edits/studio-jobs.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'
import { reconcile, type ReconcileKind } from '../reconcile/reconcile.ts'
import { rowIdOfJob } from './queue-bridge.ts'

// Clip analysis follows media processing: when a media job completes and its
// file turned out to be a ready video, its analysis is queued. The media
// worker does not need to know; the reconciler catches what was missed.

const MEDIA_JOB_PREFIX = jobIds.mediaProcessing('')

async function analyseIfReadyVideo(mediaId: string) {
	const media = await getDb().media.findUnique({ where: { id: mediaId }, select: { kind: true, status: true, analysis: { select: { mediaId: true } } } })
	if (media?.kind === 'video' && media.status === 'ready' && !media.analysis) await enqueueClipAnalysis(mediaId)
}

export async function startAnalysisTrigger(): Promise<QueueEvents> {
	const events = new QueueEvents(QUEUES.media, { connection: createRedisConnection(), prefix: redisPrefix() })
	events.on('completed', ({ jobId }) => {
		const mediaId = rowIdOfJob(jobId, MEDIA_JOB_PREFIX)
		if (mediaId) analyseIfReadyVideo(mediaId).catch((error: Error) => console.error(`analysis trigger: ${jobId}:`, error.message))
	})
	events.on('error', (error) => console.error('analysis trigger:', error.message))
	await events.waitUntilReady()
	return events
}

type ReadyVideo = { id: string; coopId: string }

/**
 * Ready videos that have no analysis yet, settled from their analysis jobs
 * (workers/reconcile/reconcile.ts): a job that is gone, or that completed
 * without writing (cut off), runs again; one that failed for good while its
 * worker died is recorded as failed, so the video is not asked about again.
 */
export function analysisReconcileKind({ olderThanMs = 60_000 }: { olderThanMs?: number } = {}): ReconcileKind<ReadyVideo> {
	return {
		name: 'clip analyses',
		queue: getQueue(QUEUES.analysis),
		owing: () =>
			getDb().media.findMany({
				// Without a duration the processor skips the video; listing it would run it every pass.
				where: { kind: 'video', status: 'ready', durationMs: { not: null }, analysis: null, updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
				select: { id: true, coopId: true },
				orderBy: { updatedAt: 'desc' },
				take: 50,
			}),
		jobId: (video) => jobIds.clipAnalysis(video.id),
		markFailed: async (video, reason) => {
			await getDb().mediaAnalysis.upsert({
				where: { mediaId: video.id },
				create: { mediaId: video.id, coopId: video.coopId, status: 'failed', errorDetail: reason.slice(-4000) },
				update: {},
			})
		},
		enqueue: (video) => enqueueClipAnalysis(video.id),
	}
}

/** Returns how many videos needed something done. */
export async function reconcileClipAnalyses(options: { olderThanMs?: number } = {}): Promise<number> {
	return (await reconcile(analysisReconcileKind(options))).handled
}
