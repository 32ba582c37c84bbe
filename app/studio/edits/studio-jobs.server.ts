import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'

// Enqueueing the studio's database-side work. Job ids are chosen here from
// row ids, so the reconciler can enqueue again without making duplicates.

export async function enqueueClipAnalysis(mediaId: string) {
	await getQueue(QUEUES.analysis).add('analyze', { mediaId }, { jobId: jobIds.clipAnalysis(mediaId) })
}

export async function enqueuePhotoPost(photoPostId: string) {
	await getQueue(QUEUES.photoPost).add('render', { photoPostId }, { jobId: jobIds.photoPost(photoPostId) })
}
