import fs from 'node:fs/promises'
import path from 'node:path'
import { WaitingError, type Job } from 'bullmq'
import type { MediaJob } from '~/jobs/definitions.ts'
import type { ProcessingFailure } from '~/media/failures.ts'
import { announceMedia } from '~/media/media-events.server.ts'
import { mediaKeys, removeFolderIfEmpty, removeMediaFiles, removePartialFiles, removeStoredFile, resolveMediaPath } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { prepareAudioOrVideo } from './audio-video.ts'
import { sha256File } from './hash.ts'
import { preparePhoto } from './photo.ts'
import { MediaUnreadable } from './unreadable.ts'

export type MediaJobResult = { outcome: 'ready' | 'failed' | 'skipped'; detail?: string }

type MediaRow = NonNullable<Awaited<ReturnType<typeof loadMedia>>>

function loadMedia(mediaId: string) {
	return getDb().media.findUnique({ where: { id: mediaId } })
}

/**
 * The media job: hash, probe, thumbnail and preview one uploaded file, then
 * mark it `ready` (or `failed` with a reason the person can act on).
 * Idempotent: a retried or duplicated job finds the row no longer
 * `processing` and stops; outputs are written under temporary names and
 * renamed, so a killed attempt leaves nothing half-written behind.
 */
export async function processMedia(job: Job<MediaJob>, token?: string, signal?: AbortSignal): Promise<MediaJobResult> {
	const media = await loadMedia(job.data.mediaId)
	if (!media) return { outcome: 'skipped', detail: 'deleted' }
	if (media.status !== 'processing') return { outcome: 'skipped', detail: media.status }
	try {
		return await prepare(media, job, signal)
	} catch (error) {
		if (error instanceof MediaUnreadable) return markUnreadable(media, error.code)
		if (signal?.aborted) {
			// The worker is closing: hand the job back untouched (no attempt used up).
			await job.moveToWait(token)
			throw new WaitingError()
		}
		if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await markFailed(media, 'processing-error')
		throw error
	} finally {
		await removePartialFiles(keysOf(media).dir)
	}
}

async function prepare(media: MediaRow, job: Job<MediaJob>, signal?: AbortSignal): Promise<MediaJobResult> {
	const originalPath = resolveMediaPath(media.storageKey)
	const exists = await fs.stat(originalPath).then(
		(s) => s.isFile(),
		() => false,
	)
	if (!exists) return markFailed(media, 'file-missing')
	const keys = keysOf(media)
	const sha256 = await sha256File(originalPath, signal)
	const facts =
		media.kind === 'photo'
			? {
					kind: 'photo',
					...(await preparePhoto(originalPath, { thumb: keys.thumb, proxy: keys.photoProxy }, { maxMegapixels: getEnv().IMAGE_MAX_MEGAPIXELS })),
					thumbKey: keys.thumb,
					proxyKey: keys.photoProxy,
				}
			: await prepareAudioOrVideo(originalPath, media.kind === 'audio' ? 'audio' : 'video', keys, {
					signal,
					onProgress: progressReporter(media, job),
				})
	const duplicateOfId = media.duplicateAccepted ? null : await findEarlierCopy(media, sha256)
	const { count } = await getDb().media.updateMany({
		where: { id: media.id, status: 'processing' },
		data: { ...facts, sha256, duplicateOfId, status: 'ready', errorCode: null },
	})
	if (count === 0) {
		// Deleted while it was being processed: what was just written belongs to nobody.
		if (!(await loadMedia(media.id))) await removeMediaFiles(media.coopId, media.id)
		return { outcome: 'skipped', detail: 'deleted' }
	}
	await announceMedia(media.coopId, { type: 'media.updated', mediaId: media.id, status: 'ready' })
	return { outcome: 'ready' }
}

function keysOf(media: MediaRow) {
	return mediaKeys(media.coopId, media.id, path.extname(media.storageKey).slice(1))
}

async function findEarlierCopy(media: MediaRow, sha256: string) {
	const earlier = await getDb().media.findFirst({
		where: { coopId: media.coopId, sha256, id: { not: media.id }, status: { not: 'failed' } },
		orderBy: { createdAt: 'asc' },
		select: { id: true },
	})
	return earlier?.id ?? null
}

/** A damaged file is of no use to anyone: its bytes go, the card stays to explain (and to be deleted). */
async function markUnreadable(media: MediaRow, code: ProcessingFailure): Promise<MediaJobResult> {
	const { original, thumb, poster, videoProxy, photoProxy } = keysOf(media)
	await Promise.all([original, thumb, poster, videoProxy, photoProxy].map(removeStoredFile))
	return markFailed(media, code, { thumbKey: null, posterKey: null, proxyKey: null })
}

async function markFailed(media: MediaRow, code: ProcessingFailure, extra: { thumbKey?: null; posterKey?: null; proxyKey?: null } = {}): Promise<MediaJobResult> {
	// Nothing left of the file: no empty folder either (the card needs none).
	await removePartialFiles(keysOf(media).dir)
	await removeFolderIfEmpty(keysOf(media).dir)
	await getDb().media.updateMany({ where: { id: media.id, status: 'processing' }, data: { status: 'failed', errorCode: code, ...extra } })
	await announceMedia(media.coopId, { type: 'media.updated', mediaId: media.id, status: 'failed' })
	return { outcome: 'failed', detail: code }
}

/** At most one progress event a second: enough for a progress bar, little traffic. */
function progressReporter(media: MediaRow, job: Job<MediaJob>) {
	let lastSent = 0
	return (fraction: number) => {
		const now = Date.now()
		if (now - lastSent < 1000) return
		lastSent = now
		const percent = Math.round(fraction * 100)
		void job.updateProgress(percent).catch(() => {})
		void announceMedia(media.coopId, { type: 'media.progress', mediaId: media.id, percent })
	}
}
