import type { QueueEvents } from 'bullmq'
import { QUEUES, jobIds, type PhotoPostJobResult } from '~/jobs/definitions.ts'
import { announcePhotoPost } from '~/studio/edits/studio-events.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { decodePhotoPostFailure, type PhotoPostFailure } from '../photo/errors.ts'
import { startQueueBridge } from './queue-bridge.ts'

// Applying what the stateless photo post worker (workers/photo/processor.ts)
// reports to the PhotoPostRender rows. Every function is idempotent and only
// moves a row still owed work: the queue events and the reconciler may both
// report the same outcome.

export const ACTIVE_PHOTO_POST_STATUSES = ['queued', 'rendering']
const active = { in: ACTIVE_PHOTO_POST_STATUSES }

async function settle(photoPostId: string, data: { status: 'rendering' | 'ready' | 'failed' } & Record<string, unknown>) {
	const row = await getDb().photoPostRender.findUnique({ where: { id: photoPostId }, select: { coopId: true } })
	if (!row) return
	const { count } = await getDb().photoPostRender.updateMany({ where: { id: photoPostId, status: active }, data })
	if (count > 0) await announcePhotoPost(row.coopId, { type: 'photo-post.updated', photoPostId, status: data.status })
}

export function markPhotoPostStarted(photoPostId: string) {
	return settle(photoPostId, { status: 'rendering' })
}

export function applyPhotoPostCompleted(photoPostId: string, result: PhotoPostJobResult) {
	return settle(photoPostId, { status: 'ready', outputs: JSON.stringify(result.outputs), errorCode: null, errorParams: null, errorDetail: null, finishedAt: new Date() })
}

export function applyPhotoPostFailed(photoPostId: string, failure: PhotoPostFailure) {
	return settle(photoPostId, {
		status: 'failed',
		errorCode: failure.code,
		errorParams: JSON.stringify(failure.params),
		errorDetail: failure.detail.slice(-4000),
		finishedAt: new Date(),
	})
}

export function startPhotoPostBridge(): Promise<QueueEvents> {
	return startQueueBridge<PhotoPostJobResult>(QUEUES.photoPost, jobIds.photoPost(''), {
		started: markPhotoPostStarted,
		completed: applyPhotoPostCompleted,
		failed: (photoPostId, reason) => applyPhotoPostFailed(photoPostId, decodePhotoPostFailure(reason)),
	})
}
