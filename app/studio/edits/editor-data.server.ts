import { getDb } from '~/utils/db.server.ts'
import { clipHintsFromAnalysis } from './analysis.server.ts'
import type { ClipHints } from './clip-hints.ts'
import type { PickableMedia } from './editor-state.ts'
import { readEditSpec, requireEdit } from './edits.server.ts'
import { renderViewSelect, toRenderView } from './render-view.ts'
import { specMediaReferences } from './spec-media.server.ts'

// Everything the studio screen shows for one edit, in one read.

/** The picker shows the newest files first; a co-op with more scrolls the library page instead. */
const LIBRARY_LIMIT = 400

export async function loadEditorData(coopId: string, editId: string) {
	const db = getDb()
	const edit = await requireEdit(coopId, editId)
	const spec = readEditSpec(edit)
	const usedIds = specMediaReferences(spec).map((reference) => reference.mediaId)
	const mediaSelect = { id: true, kind: true, displayName: true, durationMs: true, analysis: true } as const
	const [product, renders, newest, used, handedOff] = await Promise.all([
		edit.productId ? db.product.findFirst({ where: { id: edit.productId, coopId }, select: { id: true, name: true } }) : null,
		db.render.findMany({ where: { editId, coopId }, orderBy: { createdAt: 'desc' }, take: 30, select: renderViewSelect }),
		db.media.findMany({ where: { coopId, status: 'ready' }, orderBy: { createdAt: 'desc' }, take: LIBRARY_LIMIT, select: mediaSelect }),
		// The files this edit already uses are always known, however old.
		db.media.findMany({ where: { coopId, id: { in: usedIds } }, select: mediaSelect }),
		// Deleting asks differently when the schedule holds some of its renders (docs/decisions/116).
		db.render.count({ where: { editId, coopId, handedOffAt: { not: null } } }),
	])
	const library = [...newest, ...used.filter((item) => !newest.some((n) => n.id === item.id))]
	const hints: Record<string, ClipHints> = {}
	const media: PickableMedia[] = library.map(({ analysis, ...item }) => {
		const clipHints = analysis ? clipHintsFromAnalysis(analysis) : null
		if (clipHints) hints[item.id] = clipHints
		return { ...item, highlight: clipHints?.highlights[0] ?? null }
	})
	return {
		// The revision read with this spec: the screen's first save starts from it.
		edit: { id: edit.id, title: edit.title, revision: edit.revision, templateId: edit.templateId, product, updatedAt: edit.updatedAt.toISOString() },
		spec,
		renders: renders.map(toRenderView),
		handedOff,
		media,
		hints,
	}
}
