import { listProductChoices } from '~/products/products.server.ts'
import { getDb } from '~/utils/db.server.ts'

/** The newest files a person picks from when starting a video; older ones are found through the library's search. */
const CHOICES_LIMIT = 200

/** What the "new video" and "new photo set" screens offer: the co-op's products and its ready files. */
export async function loadTemplateChoices(coopId: string) {
	const db = getDb()
	const [products, media] = await Promise.all([
		listProductChoices(coopId),
		db.media.findMany({
			where: { coopId, status: 'ready' },
			orderBy: { createdAt: 'desc' },
			take: CHOICES_LIMIT,
			select: { id: true, kind: true, displayName: true, durationMs: true, analysis: { select: { status: true, suggestions: true } } },
		}),
	])
	const visuals = media
		.filter((item) => item.kind === 'video' || item.kind === 'photo')
		.map(({ analysis, ...item }) => ({ ...item, hasHighlight: analysis?.status === 'ready' && analysis.suggestions !== '[]' }))
	const audio = media.filter((item) => item.kind === 'audio').map(({ id, displayName }) => ({ id, displayName }))
	return { products, visuals, audio, photos: visuals.filter((item) => item.kind === 'photo') }
}
