import fs from 'node:fs/promises'
import { renderDirKey, resolveMediaPath } from '~/media/storage.server.ts'
import { editSpecSchema, type EditSpec, type EditSpecInput } from '~/studio/spec/edit-spec.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'
import { getDb } from '~/utils/db.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'
import { validateEdit } from './validate-edit.server.ts'

// Edits of one co-op: every lookup carries the co-op id, so another co-op's
// edit id answers 404 exactly like one that never existed.

export type SaveResult = { ok: true; editId: string } | { ok: false; issues: SpecIssue[] }

export async function listEdits(coopId: string) {
	return getDb().edit.findMany({
		where: { coopId, archivedAt: null },
		orderBy: { updatedAt: 'desc' },
		select: {
			id: true,
			title: true,
			templateId: true,
			updatedAt: true,
			product: { select: { id: true, name: true } },
			renders: {
				orderBy: { createdAt: 'desc' },
				take: 1,
				select: { id: true, status: true, quality: true, format: true, progress: true, handedOffAt: true },
			},
		},
	})
}

export async function requireEdit(coopId: string, editId: string) {
	const edit = await getDb().edit.findFirst({ where: { id: editId, coopId, archivedAt: null } })
	invariantResponse(edit, 'Edit not found')
	return edit
}

/** The stored spec, with defaults filled in. It was valid when saved; parsing again keeps old rows readable as the schema gains defaults. */
export function readEditSpec(edit: { spec: string }): EditSpec {
	return editSpecSchema.parse(JSON.parse(edit.spec))
}

type NewEdit = {
	coopId: string
	userId: string
	title: string
	templateId?: string | null
	productId?: string | null
	spec: EditSpecInput
}

export async function createEdit(input: NewEdit): Promise<SaveResult> {
	const validated = await validateEdit(input.coopId, input.spec)
	if (!validated.ok) return validated
	if (input.productId) await requireProduct(input.coopId, input.productId)
	const edit = await getDb().edit.create({
		data: {
			coopId: input.coopId,
			createdById: input.userId,
			title: input.title.slice(0, 120),
			templateId: input.templateId ?? null,
			productId: input.productId ?? null,
			spec: JSON.stringify(validated.spec),
		},
		select: { id: true },
	})
	return { ok: true, editId: edit.id }
}

type EditChange = { coopId: string; editId: string; title: string; spec: unknown; baseRevision: number }

export type EditSaveResult =
	| { ok: true; editId: string; revision: number }
	| { ok: false; issues: SpecIssue[] }
	/** Someone saved since `baseRevision`: nothing was written; `currentRevision` is theirs. */
	| { ok: false; conflict: true; currentRevision: number }

/**
 * Writes the edit only if it is still at `baseRevision`, the revision the
 * editor loaded (docs/decisions/016-edit-revisions.md). The check and the
 * increment are one UPDATE, so of two saves from the same revision exactly
 * one wins.
 */
export async function saveEdit({ coopId, editId, title, spec, baseRevision }: EditChange): Promise<EditSaveResult> {
	await requireEdit(coopId, editId)
	const validated = await validateEdit(coopId, spec)
	if (!validated.ok) return validated
	const written = await getDb().edit.updateMany({
		where: { id: editId, coopId, revision: baseRevision },
		data: { title, spec: JSON.stringify(validated.spec), revision: { increment: 1 } },
	})
	if (written.count === 1) return { ok: true, editId, revision: baseRevision + 1 }
	const current = await requireEdit(coopId, editId)
	return { ok: false, conflict: true, currentRevision: current.revision }
}

/** The edit has renders handed to the schedule and the person did not confirm keeping them while the edit goes. */
export class EditHandedOffError extends Error {
	constructor(readonly handedOff: number) {
		super(`The edit has ${handedOff} render(s) handed off to the schedule`)
		this.name = 'EditHandedOffError'
	}
}

export type EditRemoval = { outcome: 'deleted' } | { outcome: 'archived'; keptRenders: number }

/**
 * Deletes the edit, its renders and their folders. An edit with renders
 * handed to the schedule (Render.handedOffAt) goes only when the person
 * confirmed it (`confirmHandedOff`), and then is archived instead: it leaves
 * the studio, its handed-off renders and their files stay for what was
 * scheduled, its other renders go (docs/decisions/116-archive-not-delete.md).
 * Unconfirmed, it throws EditHandedOffError and changes nothing. A folder
 * whose video a remaining render reuses (reusedFromId names the render that
 * made the file) stays.
 */
export async function deleteEdit(coopId: string, editId: string, { confirmHandedOff = false } = {}): Promise<EditRemoval> {
	await requireEdit(coopId, editId)
	const db = getDb()
	const { removed, keptRenders } = await db.$transaction(async (tx) => {
		const renders = await tx.render.findMany({ where: { editId }, select: { id: true, handedOffAt: true } })
		const kept = renders.filter((render) => render.handedOffAt).length
		if (kept > 0 && !confirmHandedOff) throw new EditHandedOffError(kept)
		const ids = renders.filter((render) => !render.handedOffAt).map((render) => render.id)
		if (kept === 0) await tx.edit.delete({ where: { id: editId } })
		else {
			await tx.render.deleteMany({ where: { id: { in: ids } } })
			await tx.edit.update({ where: { id: editId }, data: { archivedAt: new Date() } })
		}
		return { removed: ids, keptRenders: kept }
	})
	const stillUsed = await db.render.findMany({ where: { reusedFromId: { in: removed } }, select: { reusedFromId: true } })
	const keep = new Set(stillUsed.map((render) => render.reusedFromId))
	for (const id of removed) {
		if (!keep.has(id)) await fs.rm(resolveMediaPath(renderDirKey(coopId, id)), { recursive: true, force: true })
	}
	return keptRenders === 0 ? { outcome: 'deleted' } : { outcome: 'archived', keptRenders }
}

async function requireProduct(coopId: string, productId: string) {
	const product = await getDb().product.findFirst({ where: { id: productId, coopId }, select: { id: true } })
	invariantResponse(product, 'Product not found')
}
