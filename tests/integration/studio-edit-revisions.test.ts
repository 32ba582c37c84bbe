import { beforeAll, describe, expect, test } from 'vitest'
import * as editorRoute from '~/routes/studio.$editId/route.tsx'
import { createEdit, readEditSpec, saveEdit } from '~/studio/edits/edits.server.ts'
import type { EditSpecInput } from '~/studio/spec/edit-spec.ts'
import { getDb } from '~/utils/db.server.ts'
import { createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'

// Two people (or two tabs) saving one edit: a save names the revision it
// started from, and a save from a revision someone else has moved past is
// refused without writing, until the person chooses to save over it
// (docs/decisions/016-edit-revisions.md).

let coopId: string
let userId: string
let ownerCookie: string
let strangerCoopId: string
let strangerCookie: string

beforeAll(async () => {
	const owner = await createUserWithCoop()
	coopId = owner.coop.id
	userId = owner.user.id
	ownerCookie = await sessionCookie(userId, { activeCoopId: coopId })
	const stranger = await createUserWithCoop()
	strangerCoopId = stranger.coop.id
	strangerCookie = await sessionCookie(stranger.user.id, { activeCoopId: strangerCoopId })
})

/** A spec that needs no media: one title card saying `words`. */
const titleCard = (words: string): EditSpecInput => ({ version: 1, timeline: [{ type: 'title', lines: [words] }] })

async function newEdit() {
	const created = await createEdit({ coopId, userId, title: 'Chè búp', spec: titleCard('Chè búp') })
	if (!created.ok) throw new Error(`edit refused: ${JSON.stringify(created.issues)}`)
	return created.editId
}

async function stored(editId: string) {
	const edit = await getDb().edit.findUniqueOrThrow({ where: { id: editId } })
	return { title: edit.title, words: readEditSpec(edit).timeline.map((item) => (item.type === 'title' ? item.lines[0] : '')), revision: edit.revision }
}

describe('saveEdit', () => {
	test('of two saves from the same revision, the second is refused and the first one’s spec stays', async () => {
		const editId = await newEdit()
		const first = await saveEdit({ coopId, editId, title: 'Bản của Mai', spec: titleCard('Mai'), baseRevision: 0 })
		expect(first).toEqual({ ok: true, editId, revision: 1 })
		const second = await saveEdit({ coopId, editId, title: 'Bản của Tú', spec: titleCard('Tú'), baseRevision: 0 })
		expect(second).toEqual({ ok: false, conflict: true, currentRevision: 1 })
		expect(await stored(editId)).toEqual({ title: 'Bản của Mai', words: ['Mai'], revision: 1 })
	})

	test('“save mine anyway” saves from the revision the conflict reported', async () => {
		const editId = await newEdit()
		await saveEdit({ coopId, editId, title: 'Bản của Mai', spec: titleCard('Mai'), baseRevision: 0 })
		const refused = await saveEdit({ coopId, editId, title: 'Bản của Tú', spec: titleCard('Tú'), baseRevision: 0 })
		if (refused.ok || !('conflict' in refused)) throw new Error('expected a conflict')
		const anyway = await saveEdit({ coopId, editId, title: 'Bản của Tú', spec: titleCard('Tú'), baseRevision: refused.currentRevision })
		expect(anyway).toEqual({ ok: true, editId, revision: 2 })
		expect(await stored(editId)).toEqual({ title: 'Bản của Tú', words: ['Tú'], revision: 2 })
	})

	test('another co-op cannot save the edit, even with its current revision', async () => {
		const editId = await newEdit()
		const attempt = saveEdit({ coopId: strangerCoopId, editId, title: 'Của người lạ', spec: titleCard('Lạ'), baseRevision: 0 })
		await expect(attempt).rejects.toMatchObject({ status: 404 })
		expect(await stored(editId)).toEqual({ title: 'Chè búp', words: ['Chè búp'], revision: 0 })
	})
})

describe('the studio screen', () => {
	const save = (editId: string, cookie: string, fields: Record<string, string>) =>
		callRoute(editorRoute.action, postRequest(`/studio/${editId}`, { intent: 'save', ...fields }, cookie), { editId })

	test('the page gives the revision it read; a save answers the next one; a stale save answers 409 and writes nothing', async () => {
		const editId = await newEdit()
		const page = await callRoute(editorRoute.loader, getRequest(`/studio/${editId}`, ownerCookie), { editId })
		expect(page.data).toMatchObject({ edit: { id: editId, revision: 0 } })

		const first = await save(editId, ownerCookie, { title: 'Bản của Mai', spec: JSON.stringify(titleCard('Mai')), revision: '0' })
		expect(first.status).toBe(200)
		expect(first.data).toMatchObject({ ok: true, saved: true, revision: 1 })

		const stale = await save(editId, ownerCookie, { title: 'Bản của Tú', spec: JSON.stringify(titleCard('Tú')), revision: '0' })
		expect(stale.status).toBe(409)
		expect(stale.data).toMatchObject({ ok: false, conflict: true, currentRevision: 1, error: { key: 'editor.errors.conflict' } })
		expect(stale.data).not.toHaveProperty('saved')
		expect(await stored(editId)).toEqual({ title: 'Bản của Mai', words: ['Mai'], revision: 1 })

		const anyway = await save(editId, ownerCookie, { title: 'Bản của Tú', spec: JSON.stringify(titleCard('Tú')), revision: '1' })
		expect(anyway.status).toBe(200)
		expect(anyway.data).toMatchObject({ saved: true, revision: 2 })
		expect(await stored(editId)).toEqual({ title: 'Bản của Tú', words: ['Tú'], revision: 2 })
	})

	test('a render from a stale revision answers 409 and queues nothing', async () => {
		const editId = await newEdit()
		await saveEdit({ coopId, editId, title: 'Bản của Mai', spec: titleCard('Mai'), baseRevision: 0 })
		const answer = await callRoute(
			editorRoute.action,
			postRequest(`/studio/${editId}`, { intent: 'render', quality: 'preview', title: 'Bản của Tú', spec: JSON.stringify(titleCard('Tú')), revision: '0' }, ownerCookie),
			{ editId },
		)
		expect(answer.status).toBe(409)
		expect(answer.data).toMatchObject({ intent: 'render', conflict: true, currentRevision: 1 })
		expect(await getDb().render.count({ where: { editId } })).toBe(0)
		expect(await stored(editId)).toEqual({ title: 'Bản của Mai', words: ['Mai'], revision: 1 })
	})

	test('a save without a revision is refused: it could not tell whose work it replaces', async () => {
		const editId = await newEdit()
		const answer = await save(editId, ownerCookie, { title: 'Không rõ bản nào', spec: JSON.stringify(titleCard('?')) })
		expect(answer.status).toBe(400)
		expect(await stored(editId)).toEqual({ title: 'Chè búp', words: ['Chè búp'], revision: 0 })
	})

	test('another co-op’s member gets 404 and the edit is unchanged', async () => {
		const editId = await newEdit()
		const answer = await save(editId, strangerCookie, { title: 'Của người lạ', spec: JSON.stringify(titleCard('Lạ')), revision: '0' })
		expect(answer.status).toBe(404)
		expect(await stored(editId)).toEqual({ title: 'Chè búp', words: ['Chè búp'], revision: 0 })
	})
})
