import fs from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { createProduct } from '~/products/products.server.ts'
import * as editorRoute from '~/routes/studio.$editId/route.tsx'
import * as studioRoute from '~/routes/studio._index.tsx'
import * as newRoute from '~/routes/studio.new.tsx'
import { EDITOR_INTENT_PERMISSIONS } from '~/routes/studio.$editId/actions.server.ts'
import * as fileRoute from '~/routes/studio.renders.$renderId.file.ts'
import { readEditSpec } from '~/studio/edits/edits.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { addMember, createUserWithCoop, productInput } from '../../prisma/factories.ts'
import { callRoute, getRequest, sessionCookie } from '#tests/support/session-requests.ts'
import { createReadyClip, createReadyPhoto } from '#tests/support/studio-media.ts'

// The studio's routes as Remix calls them, with real session cookies: who may
// do what, another co-op's ids, the template form, saving, and the video file.

function post(path: string, cookie: string, fields: Record<string, string | string[]>) {
	const body = new FormData()
	for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item)
	return new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie }, body })
}

let coopId: string
let ownerCookie: string
let viewerCookie: string
let strangerCookie: string
let strangerCoopId: string
let productId: string
let media: { id: string }[]
let editId: string

beforeAll(async () => {
	const owner = await createUserWithCoop()
	coopId = owner.coop.id
	ownerCookie = await sessionCookie(owner.user.id, { activeCoopId: coopId })
	const viewer = await addMember(coopId, { role: 'viewer' })
	viewerCookie = await sessionCookie(viewer.user.id, { activeCoopId: coopId })
	const stranger = await createUserWithCoop()
	strangerCookie = await sessionCookie(stranger.user.id, { activeCoopId: stranger.coop.id })
	strangerCoopId = stranger.coop.id
	productId = (await createProduct(coopId, productInput({ name: 'Chè Shan tuyết', priceVnd: 150000 }))).id
	media = [
		await createReadyClip(coopId, { width: 320, height: 240, seconds: 4, displayName: 'doi-che.mp4' }),
		await createReadyClip(coopId, { width: 240, height: 320, seconds: 3, displayName: 'hai-che.mp4' }),
		await createReadyPhoto(coopId, { displayName: 'bup-che.jpg' }),
	]
})

describe('new video from a template', () => {
	test('the chosen media, in the tapped order, become an edit with the template’s notes', async () => {
		const answer = await callRoute(
			newRoute.action,
			post('/studio/new', ownerCookie, {
				templateId: 'product-intro',
				productId,
				mediaIds: [media[1].id, media[0].id, media[2].id],
				formats: ['tiktok-reels', 'square'],
			}),
		)
		expect(answer.status).toBe(302)
		const match = /^\/studio\/(\w+)(\?notes=([\w%,]+).*)?$/.exec(answer.location ?? '')
		expect(match).not.toBeNull()
		editId = match![1]
		const edit = await getDb().edit.findFirstOrThrow({ where: { id: editId, coopId } })
		expect(edit).toMatchObject({ templateId: 'product-intro', productId })
		const spec = readEditSpec(edit)
		expect(spec.output.formats).toEqual(['tiktok-reels', 'square'])
		const used = spec.timeline.flatMap((item) => ('mediaId' in item ? [item.mediaId] : []))
		expect(used).toEqual([media[1].id, media[0].id, media[2].id])
		// The co-op has no logo: the template says so.
		expect(decodeURIComponent(match![3]).split(',')).toContain('noLogo')
	})

	test('a template that needs more shots says how many, and nothing is created', async () => {
		const before = await getDb().edit.count({ where: { coopId } })
		const answer = await callRoute(newRoute.action, post('/studio/new', ownerCookie, { templateId: 'farm-day', mediaIds: [media[2].id], formats: ['tiktok-reels'] }))
		expect(answer.status).toBe(400)
		expect((answer.data as { problems: { code: string }[] }).problems).toEqual([expect.objectContaining({ code: 'needsMoreVisuals' })])
		expect(await getDb().edit.count({ where: { coopId } })).toBe(before)
	})

	test('a viewer cannot open the form', async () => {
		expect((await callRoute(newRoute.loader, getRequest('/studio/new', viewerCookie))).status).toBe(403)
	})
})

describe('the studio screen', () => {
	test('a viewer sees the edit but may not change it', async () => {
		const page = await callRoute(editorRoute.loader, getRequest(`/studio/${editId}`, viewerCookie), { editId })
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({ canEdit: false, edit: { id: editId } })
		const saved = await callRoute(editorRoute.action, post(`/studio/${editId}`, viewerCookie, { intent: 'save', title: 'x', spec: '{}' }), { editId })
		expect(saved.status).toBe(403)
	})

	test('another co-op’s member gets 404 for the edit, its actions and its video', async () => {
		expect((await callRoute(editorRoute.loader, getRequest(`/studio/${editId}`, strangerCookie), { editId })).status).toBe(404)
		const action = await callRoute(editorRoute.action, post(`/studio/${editId}`, strangerCookie, { intent: 'delete' }), { editId })
		expect(action.status).toBe(404)
		const attempts: Record<string, string>[] = [{ intent: 'render', quality: 'final' }, { intent: 'render' }, { intent: 'save', title: 'x', spec: '{}', revision: '0' }, { intent: 'save' }]
		for (const fields of attempts) {
			const answer = await callRoute(editorRoute.action, post(`/studio/${editId}`, strangerCookie, fields), { editId })
			expect(answer.status, JSON.stringify(fields)).toBe(404)
		}
		expect(await getDb().edit.count({ where: { id: editId } })).toBe(1)
		const render = await getDb().render.create({
			data: { editId, coopId, format: 'tiktok-reels', quality: 'final', status: 'ready', spec: '{}', cacheKey: 'x', outputKey: `coops/${coopId}/renders/r1/video.mp4` },
		})
		expect((await callRoute(fileRoute.loader, getRequest(`/studio/renders/${render.id}/file`, strangerCookie), { renderId: render.id })).status).toBe(404)
	})

	test('saving checks the spec by item: a trim past the clip’s end is refused with its name', async () => {
		const edit = await getDb().edit.findUniqueOrThrow({ where: { id: editId } })
		const spec = readEditSpec(edit)
		const broken = { ...spec, timeline: [{ type: 'clip', mediaId: media[0].id, label: 'doi-che.mp4', in: 3, out: 2 }] }
		const answer = await callRoute(
			editorRoute.action,
			post(`/studio/${editId}`, ownerCookie, { intent: 'save', title: 'Đồi chè', spec: JSON.stringify(broken), revision: String(edit.revision) }),
			{ editId },
		)
		expect(answer.status).toBe(400)
		expect((answer.data as { issues: unknown[] }).issues).toEqual([expect.objectContaining({ code: 'clip.outBeforeIn', at: expect.objectContaining({ index: 0, label: 'doi-che.mp4' }) })])
		expect((await getDb().edit.findUniqueOrThrow({ where: { id: editId } })).spec).toBe(edit.spec)
	})

	test('a render of a clip trimmed past its real end is refused before anything is queued', async () => {
		const edit = await getDb().edit.findUniqueOrThrow({ where: { id: editId } })
		const spec = readEditSpec(edit)
		const tooLong = { ...spec, captions: undefined, overlays: [], timeline: [{ type: 'clip', mediaId: media[1].id, label: 'hai-che.mp4', in: 0, out: 9 }] }
		const answer = await callRoute(
			editorRoute.action,
			post(`/studio/${editId}`, ownerCookie, { intent: 'render', quality: 'preview', title: 'Hái chè', spec: JSON.stringify(tooLong), revision: String(edit.revision) }),
			{ editId },
		)
		expect(answer.status).toBe(400)
		expect(answer.data).toMatchObject({ saved: true, issues: [expect.objectContaining({ code: 'clip.outPastEnd' })] })
		expect(await getDb().render.count({ where: { editId, status: 'queued' } })).toBe(0)
	})

	test('the studio list shows the co-op’s edits only', async () => {
		const mine = await callRoute(studioRoute.loader, getRequest('/studio', ownerCookie))
		expect((mine.data as { edits: { id: string }[] }).edits.map((e) => e.id)).toContain(editId)
		const theirs = await callRoute(studioRoute.loader, getRequest('/studio', strangerCookie))
		expect((theirs.data as { edits: { id: string }[] }).edits).toEqual([])
	})
})

describe('the video file', () => {
	test('plays with byte ranges and downloads under the edit’s title', async () => {
		const render = await getDb().render.create({
			data: { editId, coopId, format: 'square', quality: 'final', status: 'ready', spec: '{}', cacheKey: 'y', outputKey: `coops/${coopId}/renders/file1/square-final.mp4` },
		})
		const file = resolveMediaPath(render.outputKey!)
		await fs.mkdir(path.dirname(file), { recursive: true })
		await fs.writeFile(file, Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)))

		const ranged = new Request(`http://localhost/studio/renders/${render.id}/file`, { headers: { cookie: viewerCookie, range: 'bytes=100-199' } })
		const partial = (await fileRoute.loader({ request: ranged, params: { renderId: render.id }, context: {} })) as Response
		expect(partial.status).toBe(206)
		expect(partial.headers.get('content-range')).toBe('bytes 100-199/1000')
		const bytes = new Uint8Array(await partial.arrayBuffer())
		expect(bytes.length).toBe(100)
		expect(bytes[0]).toBe(100)

		const download = (await fileRoute.loader({ request: getRequest(`/studio/renders/${render.id}/file?download=1`, viewerCookie), params: { renderId: render.id }, context: {} })) as Response
		expect(download.status).toBe(200)
		expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+-square\.mp4"; filename\*=UTF-8''/)
		await download.arrayBuffer()

		const beyond = new Request(`http://localhost/studio/renders/${render.id}/file`, { headers: { cookie: viewerCookie, range: 'bytes=5000-' } })
		expect(((await fileRoute.loader({ request: beyond, params: { renderId: render.id }, context: {} })) as Response).status).toBe(416)
	})

	test('a render row that points at another co-op’s edit is not found, and that edit’s title never leaves', async () => {
		const foreignEdit = await getDb().edit.create({ data: { coopId: strangerCoopId, title: 'Bí mật của hợp tác xã khác', spec: '{}' } })
		const render = await getDb().render.create({
			data: { editId: foreignEdit.id, coopId, format: 'square', quality: 'final', status: 'ready', spec: '{}', cacheKey: 'crossed', outputKey: `coops/${coopId}/renders/crossed/square-final.mp4` },
		})
		await fs.mkdir(path.dirname(resolveMediaPath(render.outputKey!)), { recursive: true })
		await fs.writeFile(resolveMediaPath(render.outputKey!), 'video')
		const answer = await callRoute(fileRoute.loader, getRequest(`/studio/renders/${render.id}/file?download=1`, viewerCookie), { renderId: render.id })
		expect(answer.status).toBe(404)
		expect(answer.headers.get('content-disposition')).toBeNull()
	})
})

describe('deleting an edit', () => {
	test('needs delete:project, not update:project; the screen shows the button from the same table', async () => {
		expect(EDITOR_INTENT_PERMISSIONS.delete).toBe('delete:project')
		const asViewer = await callRoute(editorRoute.loader, getRequest(`/studio/${editId}`, viewerCookie), { editId })
		expect(asViewer.data).toMatchObject({ canEdit: false, canDelete: false })
		const asOwner = await callRoute(editorRoute.loader, getRequest(`/studio/${editId}`, ownerCookie), { editId })
		expect(asOwner.data).toMatchObject({ canEdit: true, canDelete: true })
		const refused = await callRoute(editorRoute.action, post(`/studio/${editId}`, viewerCookie, { intent: 'delete' }), { editId })
		expect(refused.status).toBe(403)
		expect(await getDb().edit.count({ where: { id: editId } })).toBe(1)
	})

	test('an intent the screen does not know is a 400 that says to reload, and changes nothing', async () => {
		const answer = await callRoute(editorRoute.action, post(`/studio/${editId}`, ownerCookie, { intent: 'publish' }), { editId })
		expect(answer.status).toBe(400)
		expect(answer.data).toContain('Hãy tải lại trang rồi thử lại')
	})

	test('removes its renders’ folders, except one whose video another edit reuses', async () => {
		const makeEdit = async (title: string) => (await getDb().edit.create({ data: { coopId, title, spec: '{}' } })).id
		const doomed = await makeEdit('Sắp xoá')
		const keeper = await makeEdit('Giữ lại')
		const renderWithFile = async (edit: string, name: string) => {
			const render = await getDb().render.create({ data: { editId: edit, coopId, format: 'square', quality: 'final', status: 'ready', spec: '{}', cacheKey: name } })
			const outputKey = `coops/${coopId}/renders/${render.id}/square-final.mp4`
			await fs.mkdir(path.dirname(resolveMediaPath(outputKey)), { recursive: true })
			await fs.writeFile(resolveMediaPath(outputKey), 'video')
			return getDb().render.update({ where: { id: render.id }, data: { outputKey } })
		}
		const own = await renderWithFile(doomed, 'own')
		const shared = await renderWithFile(doomed, 'shared')
		await getDb().render.create({
			data: { editId: keeper, coopId, format: 'square', quality: 'final', status: 'ready', spec: '{}', cacheKey: 'shared', outputKey: shared.outputKey, reusedFromId: shared.id },
		})

		const answer = await callRoute(editorRoute.action, post(`/studio/${doomed}`, ownerCookie, { intent: 'delete' }), { editId: doomed })
		expect(answer.status).toBe(302)
		expect(answer.location).toBe('/studio')
		expect(await getDb().edit.count({ where: { id: doomed } })).toBe(0)
		await expect(fs.stat(path.dirname(resolveMediaPath(own.outputKey!)))).rejects.toThrow()
		await expect(fs.readFile(resolveMediaPath(shared.outputKey!), 'utf8')).resolves.toBe('video')
	})
})
