import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { enqueuePhotoPost } from '~/studio/edits/studio-jobs.server.ts'
import { announcePhotoPost } from '~/studio/edits/studio-events.server.ts'
import { getDb } from '~/utils/db.server.ts'

/**
 * Photo post sets still owed work, settled from their jobs: a job that is
 * gone is queued again; one that failed without the row hearing of it (its
 * worker was killed on the last attempt) marks the row failed.
 */
export async function reconcilePhotoPosts({ olderThanMs = 60_000 }: { olderThanMs?: number } = {}): Promise<number> {
	const rows = await getDb().photoPostRender.findMany({
		where: { status: { in: ['queued', 'rendering'] }, updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
		select: { id: true, coopId: true },
		take: 200,
	})
	const queue = getQueue(QUEUES.photoPost)
	let handled = 0
	for (const row of rows) {
		const job = await queue.getJob(jobIds.photoPost(row.id))
		const state = job ? await job.getState() : 'missing'
		if (state === 'failed') {
			await getDb().photoPostRender.updateMany({
				where: { id: row.id, status: { in: ['queued', 'rendering'] } },
				data: { status: 'failed', errorCode: 'unexpected', errorDetail: job?.failedReason ?? null, finishedAt: new Date() },
			})
			await announcePhotoPost(row.coopId, { type: 'photo-post.updated', photoPostId: row.id, status: 'failed' })
		} else if (state === 'missing' || state === 'unknown' || state === 'completed') {
			// A completed job whose row still waits wrote nothing (it was cut off): run it again.
			if (job) await job.remove()
			await enqueuePhotoPost(row.id)
		} else continue
		handled++
	}
	return handled
}
