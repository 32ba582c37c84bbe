import { enqueueMediaProcessing } from '~/jobs/queues.server.ts'
import { getDb } from '~/utils/db.server.ts'

/**
 * The database, not Redis, says what still has to happen. After Redis
 * restarts (it keeps nothing on disk) or a job was removed, this puts the work
 * back. Re-enqueueing is safe because job ids are chosen by the producer: a job
 * that still exists is not added twice.
 */
export async function reconcileMediaJobs(olderThanMs = 60_000) {
	const stuck = await getDb().media.findMany({
		where: { status: 'processing', updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
		select: { id: true },
		take: 500,
	})
	for (const media of stuck) await enqueueMediaProcessing(media.id)
	return stuck.length
}
