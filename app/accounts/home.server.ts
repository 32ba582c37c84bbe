import { getDb } from '~/utils/db.server.ts'
import { nextStep, type HomeCounts } from './next-step.ts'

// The home page after sign-in: a greeting, what to do next, and how much the
// co-op has so far. Every count is of this co-op only.

const finishedVideo = { quality: 'final', status: 'ready' } as const

export async function loadHome(userId: string, coopId: string) {
	const db = getDb()
	const [user, products, visuals, edits, videos, latest, ready] = await Promise.all([
		db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } }),
		db.product.count({ where: { coopId } }),
		db.media.count({ where: { coopId, kind: { in: ['video', 'photo'] }, status: { not: 'failed' } } }),
		db.edit.count({ where: { coopId } }),
		db.render.count({ where: { coopId, ...finishedVideo } }),
		db.edit.findFirst({
			where: { coopId },
			orderBy: { updatedAt: 'desc' },
			select: { id: true, renders: { where: finishedVideo, take: 1, select: { id: true } } },
		}),
		db.render.findFirst({
			where: { coopId, ...finishedVideo, handedOffAt: null },
			orderBy: { finishedAt: 'desc' },
			select: { editId: true, edit: { select: { title: true } } },
		}),
	])
	const counts: HomeCounts = { products, visuals, edits, videos }
	return {
		name: user.name,
		counts,
		readyTitle: ready?.edit.title ?? null,
		next: nextStep(counts, { latestEditId: latest?.id ?? null, latestHasVideo: (latest?.renders.length ?? 0) > 0, readyEditId: ready?.editId ?? null }),
	}
}
