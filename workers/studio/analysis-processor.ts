import type { Job } from 'bullmq'
import type { AnalysisJob } from '~/jobs/definitions.ts'
import { announceMedia } from '~/media/media-events.server.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { analyzeClip } from '../analysis/analyze-clip.ts'
import { isFinalAttempt } from './attempts.ts'

/**
 * Clip analysis of one ready video, stored for the templates and the editor
 * (MediaAnalysis). It reads the small preview proxy when there is one: the
 * analysis shrinks the picture to 320 px anyway, and decoding a phone's 4K
 * original would cost many times more for the same result.
 */
export async function processClipAnalysis(job: Job<AnalysisJob>, _token?: string, signal?: AbortSignal) {
	const db = getDb()
	const media = await db.media.findUnique({
		where: { id: job.data.mediaId },
		select: { id: true, coopId: true, kind: true, status: true, storageKey: true, proxyKey: true, durationMs: true, hasAudio: true },
	})
	if (!media || media.kind !== 'video' || media.status !== 'ready' || !media.durationMs) return { skipped: true }
	const store = (data: { status: 'ready' | 'failed'; suggestions?: string; flags?: string; errorDetail?: string | null }) =>
		db.mediaAnalysis.upsert({ where: { mediaId: media.id }, create: { mediaId: media.id, coopId: media.coopId, ...data }, update: data })
	try {
		const analysis = await analyzeClip(resolveMediaPath(media.proxyKey ?? media.storageKey), {
			durationMs: media.durationMs,
			hasAudio: media.hasAudio ?? undefined,
			signal,
		})
		await store({ status: 'ready', suggestions: JSON.stringify(analysis.suggestions), flags: JSON.stringify(analysis.flags), errorDetail: null })
		await announceMedia(media.coopId, { type: 'media.analysed', mediaId: media.id })
		return { suggestions: analysis.suggestions.length, flags: analysis.flags.length }
	} catch (error) {
		// Without suggestions the studio still works (clips start at their beginning); the reason is kept for the log.
		if (isFinalAttempt(job)) await store({ status: 'failed', errorDetail: String((error as Error)?.message ?? error).slice(-4000) })
		throw error
	}
}
