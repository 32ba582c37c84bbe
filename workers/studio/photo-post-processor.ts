import path from 'node:path'
import { UnrecoverableError, type Job } from 'bullmq'
import type { PhotoPostJob } from '~/jobs/definitions.ts'
import { removePartialFiles, renderDirKey, resolveMediaPath } from '~/media/storage.server.ts'
import type { PhotoPostOutputFile } from '~/studio/edits/photo-posts.server.ts'
import { announcePhotoPost } from '~/studio/edits/studio-events.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { PhotoPostError } from '../photo/errors.ts'
import { renderPhotoPost, type PhotoPostSources } from '../photo/render-photo-post.ts'
import { isFinalAttempt } from './attempts.ts'

/**
 * Renders one PhotoPostRender row with sharp and records its files. A problem
 * with the photos themselves fails at once with a code the studio translates;
 * anything else is retried, and recorded as failed after the last attempt.
 */
export async function processPhotoPost(job: Job<PhotoPostJob>) {
	const db = getDb()
	const row = await db.photoPostRender.findUnique({ where: { id: job.data.photoPostId } })
	if (!row || row.status === 'ready') return { skipped: true }
	await db.photoPostRender.update({ where: { id: row.id }, data: { status: 'rendering' } })
	await announcePhotoPost(row.coopId, { type: 'photo-post.updated', photoPostId: row.id, status: 'rendering' })

	const dirKey = renderDirKey(row.coopId, row.id)
	try {
		const spec = JSON.parse(row.spec) as Parameters<typeof renderPhotoPost>[0]
		const result = await renderPhotoPost(spec, await photoSources(row.coopId, spec), resolveMediaPath(dirKey))
		const outputs: PhotoPostOutputFile[] = result.outputs.map(({ path: file, quality: _quality, ...output }) => ({
			...output,
			key: `${dirKey}/${path.basename(file)}`,
		}))
		await finish(row.id, row.coopId, { status: 'ready', outputs: JSON.stringify(outputs) })
		return { files: outputs.length }
	} catch (error) {
		await removePartialFiles(dirKey)
		if (error instanceof PhotoPostError) {
			await finish(row.id, row.coopId, {
				status: 'failed',
				errorCode: error.code,
				errorParams: JSON.stringify(error.params),
				errorDetail: error.message,
			})
			throw new UnrecoverableError(error.message)
		}
		if (isFinalAttempt(job)) {
			await finish(row.id, row.coopId, { status: 'failed', errorCode: 'unexpected', errorDetail: String((error as Error)?.stack ?? error).slice(-4000) })
		}
		throw error
	}
}

async function finish(id: string, coopId: string, data: { status: 'ready' | 'failed'; outputs?: string; errorCode?: string; errorParams?: string; errorDetail?: string }) {
	await getDb().photoPostRender.update({ where: { id }, data: { ...data, finishedAt: new Date() } })
	await announcePhotoPost(coopId, { type: 'photo-post.updated', photoPostId: id, status: data.status })
}

/** Absolute paths of the photos and the logo, looked up in the post's own co-op only. */
async function photoSources(coopId: string, spec: { photos: { mediaId: string }[]; logo?: { show: boolean } }): Promise<PhotoPostSources> {
	const db = getDb()
	const ids = spec.photos.map((p) => p.mediaId)
	const media = await db.media.findMany({ where: { coopId, id: { in: ids } }, select: { id: true, storageKey: true } })
	const photos = Object.fromEntries(media.map((m) => [m.id, resolveMediaPath(m.storageKey)]))
	if (!spec.logo?.show) return { photos }
	const coop = await db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { logo: { select: { storageKey: true } } } })
	return { photos, logo: coop.logo ? resolveMediaPath(coop.logo.storageKey) : undefined }
}
