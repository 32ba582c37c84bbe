import { expect, test } from 'vitest'
import { PhotoUnavailableError } from '~/products/photos.server.ts'
import {
	createProduct,
	findProduct,
	listProducts,
	ProductCodeTakenError,
	removeProduct,
	suggestCodeForCoop,
	updateProduct,
} from '~/products/products.server.ts'
import { getDb } from '~/utils/db.server.ts'
import {
	createDemoProducts,
	createPhotoRecord,
	createTestProduct,
	createUserWithCoop,
	demoProducts,
	productInput,
} from '../../prisma/factories.ts'

test('a product is created, read back, updated and deleted within its co-op', async () => {
	const { coop } = await createUserWithCoop()
	const [demo] = demoProducts()
	const { id } = await createProduct(coop.id, { ...demo, code: 'a1' })

	const created = await findProduct(coop.id, id)
	expect(created).toMatchObject({
		name: 'Chè Shan tuyết Suối Giàng',
		code: 'A1',
		priceVnd: 280_000,
		unit: 'hộp 200g',
		harvestDay: '2025-04-12',
		certifications: ['vietgap', 'ocop-4'],
		links: { zaloUrl: 'https://zalo.me/0912345678' },
		orderPhone: '0912345678',
	})
	const row = await getDb().product.findUniqueOrThrow({ where: { id } })
	// Midnight in Hà Nội is 17:00 UTC the day before.
	expect(row.harvestDate?.toISOString()).toBe('2025-04-11T17:00:00.000Z')
	expect(JSON.parse(row.certifications)).toEqual(['vietgap', 'ocop-4'])

	await updateProduct(coop.id, id, { ...demo, name: 'Chè Shan tuyết cổ thụ', priceVnd: 300_000, harvestDate: undefined, zaloUrl: undefined })
	expect(await findProduct(coop.id, id)).toMatchObject({
		name: 'Chè Shan tuyết cổ thụ',
		priceVnd: 300_000,
		harvestDay: null,
		links: {},
	})

	expect(await removeProduct(coop.id, id)).toEqual({ outcome: 'deleted' })
	expect(await findProduct(coop.id, id)).toBeNull()
	expect(await removeProduct(coop.id, id)).toBeNull()
})

test('a harvest day follows the co-op time zone, not the server one', async () => {
	const { coop } = await createUserWithCoop()
	await getDb().coop.update({ where: { id: coop.id }, data: { timezone: 'Asia/Tokyo' } })
	const { id } = await createTestProduct(coop.id, { harvestDate: '2025-04-12' })
	const row = await getDb().product.findUniqueOrThrow({ where: { id } })
	expect(row.harvestDate?.toISOString()).toBe('2025-04-11T15:00:00.000Z')
	expect((await findProduct(coop.id, id))?.harvestDay).toBe('2025-04-12')
})

test('a code is unique within a co-op, and free in another co-op', async () => {
	const first = await createUserWithCoop()
	const second = await createUserWithCoop()
	await createTestProduct(first.coop.id, { code: 'A1' })

	const refused = await createTestProduct(first.coop.id, { code: 'a-1', name: 'Another' }).catch((e: unknown) => e)
	expect(refused).toBeInstanceOf(ProductCodeTakenError)
	expect((refused as ProductCodeTakenError).suggestion).toBe('A2')
	expect(await getDb().product.count({ where: { coopId: first.coop.id } })).toBe(1)

	const elsewhere = await createTestProduct(second.coop.id, { code: 'A1' })
	expect((await findProduct(second.coop.id, elsewhere.id))?.code).toBe('A1')
})

test('renaming a product to a code another product holds is refused; keeping its own code is fine', async () => {
	const { coop } = await createUserWithCoop()
	const a1 = await createTestProduct(coop.id, { code: 'A1' })
	const b1 = await createTestProduct(coop.id, { code: 'B1' })
	await expect(updateProduct(coop.id, b1.id, productInput({ code: 'A1' }))).rejects.toBeInstanceOf(ProductCodeTakenError)
	await expect(updateProduct(coop.id, a1.id, productInput({ code: 'A1', priceVnd: 99_000 }))).resolves.toEqual({ id: a1.id })
	expect((await findProduct(coop.id, b1.id))?.code).toBe('B1')
})

test('two saves of one code at the same moment: the unique index lets one through', async () => {
	const { coop } = await createUserWithCoop()
	const results = await Promise.allSettled([
		createTestProduct(coop.id, { code: 'D7', name: 'Một' }),
		createTestProduct(coop.id, { code: 'D7', name: 'Hai' }),
	])
	expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
	const rejected = results.find((r) => r.status === 'rejected')
	expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(ProductCodeTakenError)
})

test('the suggested code continues the newest product series and is free', async () => {
	const { coop } = await createUserWithCoop()
	expect(await suggestCodeForCoop(coop.id)).toBe('A1')
	await createDemoProducts(coop.id)
	expect(await suggestCodeForCoop(coop.id)).toBe('C2')
})

test('search ignores accents and case, matches codes, and needs every word', async () => {
	const { coop } = await createUserWithCoop()
	const other = await createUserWithCoop()
	await createDemoProducts(coop.id)
	await createDemoProducts(other.coop.id)

	const names = async (query: string) => (await listProducts(coop.id, query)).map((p) => p.name)
	expect(await names('che shan tuyet')).toEqual(['Chè Shan tuyết Suối Giàng'])
	expect(await names('CHÈ SHAN')).toEqual(['Chè Shan tuyết Suối Giàng'])
	expect(await names('b1')).toEqual(['Gạo J02'])
	expect(await names('suoi giang')).toEqual(['Chè Shan tuyết Suối Giàng'])
	expect(await names('gao tuyet')).toEqual([])
	expect(await names('SG-2025-04')).toEqual(['Chè Shan tuyết Suối Giàng'])
	const all = ['Chè Shan tuyết Suối Giàng', 'Gạo J02', 'Tinh dầu quế']
	expect(await names('')).toEqual(all)
	// LIKE wildcards in a query are not wildcards: "%" alone filters nothing out and breaks nothing.
	expect(await names('%_')).toEqual(all)
})

test('the list sorts codes by letter then number and puts an exact code match first', async () => {
	const { coop } = await createUserWithCoop()
	for (const code of ['A10', 'A2', 'B1', 'A1']) await createTestProduct(coop.id, { code, name: `Chè ${code}` })
	expect((await listProducts(coop.id)).map((p) => p.code)).toEqual(['A1', 'A2', 'A10', 'B1'])
	expect((await listProducts(coop.id, 'che'))[0].code).toBe('A1')
	const exact = await listProducts(coop.id, 'a10')
	expect(exact.map((p) => p.code)).toEqual(['A10'])
})

test('photos come from the co-op library in the chosen order, the first as cover', async () => {
	const { coop } = await createUserWithCoop()
	const [p1, p2, p3] = [await createPhotoRecord(coop.id), await createPhotoRecord(coop.id), await createPhotoRecord(coop.id)]
	const { id } = await createTestProduct(coop.id, { photoIds: [p2.id, p1.id] })
	expect((await findProduct(coop.id, id))?.photoIds).toEqual([p2.id, p1.id])
	expect((await listProducts(coop.id))[0].coverPhotoId).toBe(p2.id)

	await updateProduct(coop.id, id, productInput({ photoIds: [p3.id, p2.id] }))
	expect((await findProduct(coop.id, id))?.photoIds).toEqual([p3.id, p2.id])

	// Deleting a library photo drops it from the product; the product stays.
	await getDb().media.delete({ where: { id: p3.id } })
	expect((await findProduct(coop.id, id))?.photoIds).toEqual([p2.id])

	// Deleting the product keeps the photos in the library.
	expect(await removeProduct(coop.id, id)).toEqual({ outcome: 'deleted' })
	expect(await getDb().media.count({ where: { id: { in: [p1.id, p2.id] } } })).toBe(2)
	expect(await getDb().productPhoto.count({ where: { productId: id } })).toBe(0)
})

test("another co-op's photo, a video or a photo still processing cannot be attached", async () => {
	const { coop } = await createUserWithCoop()
	const other = await createUserWithCoop()
	const foreign = await createPhotoRecord(other.coop.id)
	const video = await createPhotoRecord(coop.id, { kind: 'video' })
	const processing = await createPhotoRecord(coop.id, { status: 'processing' })
	for (const photo of [foreign, video, processing]) {
		await expect(createTestProduct(coop.id, { photoIds: [photo.id] })).rejects.toBeInstanceOf(PhotoUnavailableError)
	}
	expect(await getDb().product.count({ where: { coopId: coop.id } })).toBe(0)
})

test("another co-op's product id behaves as if it did not exist", async () => {
	const mine = await createUserWithCoop()
	const theirs = await createUserWithCoop()
	const { id } = await createTestProduct(theirs.coop.id, { code: 'A1' })
	expect(await findProduct(mine.coop.id, id)).toBeNull()
	expect(await updateProduct(mine.coop.id, id, productInput({ name: 'Hijacked' }))).toBeNull()
	expect(await removeProduct(mine.coop.id, id)).toBeNull()
	expect((await findProduct(theirs.coop.id, id))?.name).toBe('Chè búp khô')
})
