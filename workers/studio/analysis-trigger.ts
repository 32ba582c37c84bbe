import { QueueEvents } from 'bullmq'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { enqueueClipAnalysis } from '~/studio/edits/studio-jobs.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'

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
		const mediaId = jobId.startsWith(MEDIA_JOB_PREFIX) ? jobId.slice(MEDIA_JOB_PREFIX.length) : null
		if (mediaId) analyseIfReadyVideo(mediaId).catch((error: Error) => console.error(`analysis trigger: ${jobId}:`, error.message))
	})
	events.on('error', (error) => console.error('analysis trigger:', error.message))
	await events.waitUntilReady()
	return events
}

/** Ready videos that have no analysis yet (and no analysis job waiting): queued now. */
export async function reconcileClipAnalyses({ olderThanMs = 60_000 }: { olderThanMs?: number } = {}): Promise<number> {
	const videos = await getDb().media.findMany({
		where: { kind: 'video', status: 'ready', analysis: null, updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
		select: { id: true },
		orderBy: { updatedAt: 'desc' },
		take: 50,
	})
	const queue = getQueue(QUEUES.analysis)
	let handled = 0
	for (const video of videos) {
		const job = await queue.getJob(jobIds.clipAnalysis(video.id))
		if (job) continue
		await enqueueClipAnalysis(video.id)
		handled++
	}
	return handled
}
