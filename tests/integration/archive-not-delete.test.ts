import fs from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { renderDirKey, resolveMediaPath } from '~/media/storage.server.ts'
import {
	findProduct,
	listProductChoices,
	listProducts,
	removeProduct,
	restoreProduct,
} from '~/products/products.server.ts'
import * as productDeleteRoute from '~/routes/products.$productId.delete.tsx'
import * as productRestoreRoute from '~/routes/products.$productId.restore.ts'
import * as productListRoute from '~/routes/products._index.tsx'
import * as editorRoute from '~/routes/studio.$editId/route.tsx'
import * as fileRoute from '~/routes/studio.renders.$renderId.file.ts'
import { deleteEdit, EditHandedOffError, listEdits } from '~/studio/edits/edits.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { addMember, createPhotoRecord, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'

// Nothing that points at a product or a video is lost by a delete
// (docs/decisions/116-archive-not-delete.md).

let coopId: string
let userId: string
let ownerCookie: string
let viewerCookie: string

beforeAll(async () => {
	const owner = await createUserWithCoop()
	coopId = owner.coop.id
	userId = owner.user.id
	ownerCookie = await sessionCookie(userId, { activeCoopId: coopId })
	const viewer = await addMember(coopId, { role: 'viewer' })
	viewerCookie = await sessionCookie(viewer.user.id, { activeCoopId: coopId })
})

let codeNumber = 1
const newProduct = async () => (await createTestProduct(coopId, { code: `Z${codeNumber++}` })).id

// A title card needs no media: the editor can open it.
const titleOnlySpec = JSON.stringify({ version: 1, timeline: [{ type: 'title', lines: ['Chè Shan tuyết'], duration: 2 }] })
const makeEdit = async (productId: string | null = null) =>
	(await getDb().edit.create({ data: { coopId, title: 'Video chè', spec: titleOnlySpec, productId } })).id

/** Each kind of thing that can point at a product today, made to point at `productId`. */
const pointers = {
	edits: (productId: string) => makeEdit(productId),
	photoPosts: async (productId: string) => (await getDb().photoPostRender.create({ data: { coopId, productId, title: 'Bộ ảnh', spec: '{}' } })).id,
	mediaTags: async (productId: string) => {
		const photo = await createPhotoRecord(coopId)
		await getDb().mediaProduct.create({ data: { mediaId: photo.id, productId } })
		return photo.id
	},
}

describe('a product', () => {
	test.each(Object.entries(pointers))('that %s point at is archived: hidden from lists and pickers, still readable, restorable', async (kind, point) => {
		const productId = await newProduct()
		await point(productId)
		const removal = await removeProduct(coopId, productId)
		expect(removal).toMatchObject({ outcome: 'archived' })
		expect(removal?.outcome === 'archived' && removal.usage[kind as keyof typeof removal.usage]).toBe(1)

		expect(await findProduct(coopId, productId)).toMatchObject({ id: productId, archived: true })
		expect((await listProducts(coopId)).map((p) => p.id)).not.toContain(productId)
		expect((await listProducts(coopId, '', { archived: true })).map((p) => p.id)).toContain(productId)
		expect((await listProductChoices(coopId)).map((p) => p.id)).not.toContain(productId)
		// What pointed at it still does.
		const stillPointing =
			(await getDb().edit.count({ where: { productId } })) +
			(await getDb().photoPostRender.count({ where: { productId } })) +
			(await getDb().mediaProduct.count({ where: { productId } }))
		expect(stillPointing).toBe(1)

		expect(await restoreProduct(coopId, productId)).toBe(true)
		expect(await findProduct(coopId, productId)).toMatchObject({ archived: false })
		expect((await listProducts(coopId)).map((p) => p.id)).toContain(productId)
		expect((await listProductChoices(coopId)).map((p) => p.id)).toContain(productId)
	})

	test('that nothing points at any more can be deleted, even once archived', async () => {
		const productId = await newProduct()
		const editId = await makeEdit(productId)
		expect(await removeProduct(coopId, productId)).toMatchObject({ outcome: 'archived' })
		await getDb().edit.delete({ where: { id: editId } })
		expect(await removeProduct(coopId, productId)).toEqual({ outcome: 'deleted' })
		expect(await getDb().product.count({ where: { id: productId } })).toBe(0)
	})

	test('pages: the delete page says where it is used, archiving lists it under “Đã lưu trữ”, and an owner restores it', async () => {
		const productId = await newProduct()
		await pointers.edits(productId)
		await pointers.mediaTags(productId)
		await pointers.mediaTags(productId)

		const page = await callRoute(productDeleteRoute.loader, getRequest(`/products/${productId}/delete`, ownerCookie), { productId })
		expect(page.data).toMatchObject({ willArchive: true, usage: { edits: 1, photoPosts: 0, mediaTags: 2 } })
		const archived = await callRoute(productDeleteRoute.action, postRequest(`/products/${productId}/delete`, {}, ownerCookie), { productId })
		expect(archived).toMatchObject({ status: 302, location: '/products' })

		const list = await callRoute(productListRoute.loader, getRequest('/products', ownerCookie))
		const archivedCount = await getDb().product.count({ where: { coopId, archivedAt: { not: null } } })
		expect(archivedCount).toBeGreaterThan(0)
		expect(list.data).toMatchObject({ archived: false, archivedCount })
		expect((list.data as { products: { id: string }[] }).products.map((p) => p.id)).not.toContain(productId)
		const archivedList = await callRoute(productListRoute.loader, getRequest('/products?archived=1', ownerCookie))
		expect(archivedList.data).toMatchObject({ archived: true, canRestore: true })
		expect((archivedList.data as { products: { id: string }[] }).products.map((p) => p.id)).toContain(productId)

		const refused = await callRoute(productRestoreRoute.action, postRequest(`/products/${productId}/restore`, {}, viewerCookie), { productId })
		expect(refused.status).toBe(403)
		const restored = await callRoute(productRestoreRoute.action, postRequest(`/products/${productId}/restore`, {}, ownerCookie), { productId })
		expect(restored).toMatchObject({ status: 302, location: `/products/${productId}` })
		expect(await findProduct(coopId, productId)).toMatchObject({ archived: false })
	})

	test('the delete page of a product nothing points at deletes it', async () => {
		const productId = await newProduct()
		const page = await callRoute(productDeleteRoute.loader, getRequest(`/products/${productId}/delete`, ownerCookie), { productId })
		expect(page.data).toMatchObject({ willArchive: false })
		await callRoute(productDeleteRoute.action, postRequest(`/products/${productId}/delete`, {}, ownerCookie), { productId })
		expect(await findProduct(coopId, productId)).toBeNull()
	})
})

async function renderWithFile(editId: string, fields: { handedOffAt?: Date; reusedFrom?: { id: string; outputKey: string } } = {}) {
	const render = await getDb().render.create({
		data: { editId, coopId, format: 'square', quality: 'final', status: 'ready', spec: '{}', cacheKey: `key-${editId}`, handedOffAt: fields.handedOffAt ?? null },
	})
	if (fields.reusedFrom) {
		return getDb().render.update({ where: { id: render.id }, data: { outputKey: fields.reusedFrom.outputKey, reusedFromId: fields.reusedFrom.id } })
	}
	const outputKey = `${renderDirKey(coopId, render.id)}/square-final.mp4`
	await fs.mkdir(path.dirname(resolveMediaPath(outputKey)), { recursive: true })
	await fs.writeFile(resolveMediaPath(outputKey), 'video')
	return getDb().render.update({ where: { id: render.id }, data: { outputKey } })
}

const exists = (key: string) => fs.stat(resolveMediaPath(key)).then(() => true, () => false)

describe('an edit whose renders were handed to the schedule', () => {
	test('is not deleted unless the person confirms; confirmed, it leaves the studio and keeps what the schedule needs', async () => {
		const editId = await makeEdit()
		const preview = await renderWithFile(editId)
		const source = await renderWithFile(editId)
		// Handed off, reusing the file of an identical earlier render of the same edit.
		const handedOff = await renderWithFile(editId, { handedOffAt: new Date(), reusedFrom: { id: source.id, outputKey: source.outputKey! } })

		await expect(deleteEdit(coopId, editId)).rejects.toBeInstanceOf(EditHandedOffError)
		const unconfirmed = await callRoute(editorRoute.action, postRequest(`/studio/${editId}`, { intent: 'delete' }, ownerCookie), { editId })
		expect(unconfirmed).toMatchObject({ status: 302, location: `/studio/${editId}` })
		expect(await getDb().render.count({ where: { editId } })).toBe(3)
		expect(await getDb().edit.findUniqueOrThrow({ where: { id: editId } })).toMatchObject({ archivedAt: null })

		const confirmed = await callRoute(editorRoute.action, postRequest(`/studio/${editId}`, { intent: 'delete', confirmHandedOff: 'yes' }, ownerCookie), { editId })
		expect(confirmed).toMatchObject({ status: 302, location: '/studio' })
		expect((await getDb().edit.findUniqueOrThrow({ where: { id: editId } })).archivedAt).toBeInstanceOf(Date)
		expect((await getDb().render.findMany({ where: { editId }, select: { id: true } })).map((r) => r.id)).toEqual([handedOff.id])
		expect(await exists(preview.outputKey!)).toBe(false)
		expect(await exists(handedOff.outputKey!)).toBe(true)

		expect((await listEdits(coopId)).map((edit) => edit.id)).not.toContain(editId)
		expect((await callRoute(editorRoute.loader, getRequest(`/studio/${editId}`, ownerCookie), { editId })).status).toBe(404)
		const file = (await fileRoute.loader({ request: getRequest(`/studio/renders/${handedOff.id}/file`, ownerCookie), params: { renderId: handedOff.id }, context: {} })) as Response
		expect(file.status).toBe(200)
		expect(await file.text()).toBe('video')
	})

	test('the editor knows how many renders the schedule holds, so that it asks before deleting', async () => {
		const editId = await makeEdit()
		await renderWithFile(editId, { handedOffAt: new Date() })
		await renderWithFile(editId)
		const page = await callRoute(editorRoute.loader, getRequest(`/studio/${editId}`, ownerCookie), { editId })
		expect(page.data).toMatchObject({ handedOff: 1 })
	})

	test('an edit nothing was handed off from is deleted outright, renders and files', async () => {
		const editId = await makeEdit()
		const render = await renderWithFile(editId)
		expect(await deleteEdit(coopId, editId)).toEqual({ outcome: 'deleted' })
		expect(await getDb().edit.count({ where: { id: editId } })).toBe(0)
		expect(await exists(render.outputKey!)).toBe(false)
	})
})
