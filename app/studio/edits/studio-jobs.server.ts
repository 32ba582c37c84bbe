import { QUEUES, jobIds, type PhotoPostJob } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { renderDirKey } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'

// Enqueueing the studio's background work. Job ids are chosen here from
// row ids, so the reconciler can enqueue again without making duplicates.

export async function enqueueClipAnalysis(mediaId: string) {
	await getQueue(QUEUES.analysis).add('analyze', { mediaId }, { jobId: jobIds.clipAnalysis(mediaId) })
}

type PhotoPostRow = { id: string; coopId: string; spec: string }

/**
 * The stateless photo post job of a PhotoPostRender row: its spec and the
 * storage keys of its photos and logo, looked up in the row's own co-op only.
 * Rebuilt from the row every time, so the request and the reconciler queue
 * the same work.
 */
export async function photoPostJobPayload(row: PhotoPostRow): Promise<PhotoPostJob> {
	const db = getDb()
	const spec = JSON.parse(row.spec) as { photos: { mediaId: string }[]; logo?: { show: boolean } }
	const media = await db.media.findMany({ where: { coopId: row.coopId, id: { in: spec.photos.map((p) => p.mediaId) } }, select: { id: true, storageKey: true } })
	const coop = spec.logo?.show ? await db.coop.findUnique({ where: { id: row.coopId }, select: { logo: { select: { storageKey: true } } } }) : null
	return {
		spec,
		// A photo deleted since the request is simply absent: the worker fails with `photo-missing`, naming it.
		photos: Object.fromEntries(media.map((m) => [m.id, m.storageKey])),
		logoKey: coop?.logo?.storageKey ?? null,
		outputDirKey: renderDirKey(row.coopId, row.id),
	}
}

export async function enqueuePhotoPost(row: PhotoPostRow) {
	await getQueue(QUEUES.photoPost).add('render', await photoPostJobPayload(row), { jobId: jobIds.photoPost(row.id) })
}
