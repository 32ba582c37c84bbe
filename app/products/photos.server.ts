import type { Prisma } from '~/generated/prisma/client.ts'
import { getDb } from '~/utils/db.server.ts'
import type { PickablePhoto } from './view.ts'

// Product photos are chosen from the co-op's media library rather than
// uploaded here: one upload path, one set of thumbnails, and the same picture
// can serve a product card, a video and a post.

export const PICKER_LIMIT = 200

const usablePhoto = (coopId: string) => ({ coopId, kind: 'photo', status: 'ready' })

/** The co-op's usable photos, newest first, for the picker. */
export async function listPickablePhotos(coopId: string): Promise<PickablePhoto[]> {
	return getDb().media.findMany({
		where: usablePhoto(coopId),
		orderBy: { createdAt: 'desc' },
		take: PICKER_LIMIT,
		select: { id: true, displayName: true },
	})
}

/** A submitted photo that is not a ready photo of this co-op: deleted meanwhile, still processing, or another co-op's id. */
export class PhotoUnavailableError extends Error {}

export async function assertPhotosUsable(tx: Prisma.TransactionClient, coopId: string, mediaIds: string[]) {
	if (mediaIds.length === 0) return
	const usable = await tx.media.count({ where: { id: { in: mediaIds }, ...usablePhoto(coopId) } })
	if (usable !== new Set(mediaIds).size) throw new PhotoUnavailableError()
}
