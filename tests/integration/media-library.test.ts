import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { createCoopMember } from '#tests/support/media-world.ts'
import { parseLibraryFilters } from '~/media/library-filters.ts'
import { deleteMedia, listLibrary, requireMediaItem, updateMediaDetails } from '~/media/library.server.ts'
import { mediaSearchText } from '~/media/search-text.ts'
import { mediaKeys, resolveMediaPath } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'

let coop: { coopId: string; userId: string }
let other: { coopId: string; userId: string }
const ids: Record<string, string> = {}

async function media(name: string, kind: string, status = 'ready') {
	const id = `m${Object.keys(ids).length}${Date.now().toString(36)}`
	const keys = mediaKeys(coop.coopId, id, kind === 'photo' ? 'jpg' : 'mp4')
	fs.mkdirSync(path.dirname(resolveMediaPath(keys.original)), { recursive: true })
	fs.writeFileSync(resolveMediaPath(keys.original), 'bytes')
	fs.writeFileSync(resolveMediaPath(keys.thumb), 'thumb')
	await getDb().media.create({
		data: { id, coopId: coop.coopId, kind, status, displayName: name, searchText: mediaSearchText({ displayName: name }), mimeType: 'x', sizeBytes: 5n, storageKey: keys.original, thumbKey: keys.thumb },
	})
	ids[name] = id
	return id
}

const names = async (query: string) =>
	(await listLibrary(coop.coopId, parseLibraryFilters(new URLSearchParams(query)))).items.map((i) => i.displayName).sort()

beforeAll(async () => {
	coop = await createCoopMember('owner')
	other = await createCoopMember('owner')
	const db = getDb()
	const tea = await db.product.create({ data: { coopId: coop.coopId, name: 'Chè Shan tuyết', code: 'A1', priceVnd: 250_000, unit: 'gói' } })
	const foreign = await db.product.create({ data: { coopId: other.coopId, name: 'Quế', code: 'Q1', priceVnd: 90_000, unit: 'bó' } })
	await media('Hái chè sáng sớm.mp4', 'video')
	await media('Ruộng lúa.jpg', 'photo')
	await media('Sao chè.mp4', 'video', 'failed')
	await updateMediaDetails(coop.coopId, ids['Hái chè sáng sớm.mp4'], {
		displayName: 'Hái chè sáng sớm.mp4',
		place: 'Đồi chè Suối Giàng',
		season: 'Vụ xuân 2025',
		productIds: [tea.id, foreign.id],
	})
	Object.assign(ids, { tea: tea.id, foreign: foreign.id })
})

test('tags: only the co-op’s own products are attached; place and season are kept', async () => {
	const item = await requireMediaItem(coop.coopId, ids['Hái chè sáng sớm.mp4'])
	expect(item.products.map((p) => p.code)).toEqual(['A1'])
	expect(item).toMatchObject({ place: 'Đồi chè Suối Giàng', season: 'Vụ xuân 2025' })
})

test('filters by kind, status, product, place and season, and searches without accents', async () => {
	expect(await names('kind=video')).toEqual(['Hái chè sáng sớm.mp4', 'Sao chè.mp4'])
	expect(await names('status=failed')).toEqual(['Sao chè.mp4'])
	expect(await names(`product=${ids.tea}`)).toEqual(['Hái chè sáng sớm.mp4'])
	expect(await names(`place=${encodeURIComponent('Đồi chè Suối Giàng')}`)).toEqual(['Hái chè sáng sớm.mp4'])
	expect(await names(`season=${encodeURIComponent('Vụ xuân 2025')}`)).toEqual(['Hái chè sáng sớm.mp4'])
	expect(await names('q=hai che')).toEqual(['Hái chè sáng sớm.mp4'])
	expect(await names('q=suoi giang')).toEqual(['Hái chè sáng sớm.mp4'])
	expect(await names('q=CHÈ')).toEqual(['Hái chè sáng sớm.mp4', 'Sao chè.mp4'])
	expect(await names('kind=nonsense&status=whatever')).toHaveLength(3)
})

test('another co-op sees nothing and gets 404 for the item, its edits and its deletion', async () => {
	expect((await listLibrary(other.coopId, {})).items).toEqual([])
	const id = ids['Ruộng lúa.jpg']
	for (const attempt of [
		() => requireMediaItem(other.coopId, id),
		() => updateMediaDetails(other.coopId, id, { displayName: 'x', place: null, season: null, productIds: [] }),
		() => deleteMedia(other.coopId, id),
	]) {
		const thrown = await attempt().catch((e: unknown) => e)
		expect(thrown).toBeInstanceOf(Response)
		expect((thrown as Response).status).toBe(404)
	}
	expect(await getDb().media.findUnique({ where: { id } })).not.toBeNull()
})

test('deleting removes the row, its tags and every file', async () => {
	const id = ids['Hái chè sáng sớm.mp4']
	const folder = path.dirname(resolveMediaPath(mediaKeys(coop.coopId, id, 'mp4').original))
	expect(fs.existsSync(folder)).toBe(true)
	await deleteMedia(coop.coopId, id)
	expect(await getDb().media.findUnique({ where: { id } })).toBeNull()
	expect(await getDb().mediaProduct.count({ where: { mediaId: id } })).toBe(0)
	expect(fs.existsSync(folder)).toBe(false)
})
