import { isUniqueViolation } from '~/accounts/prisma-errors.server.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { dayStart } from '~/utils/coop-time.ts'
import { getDb } from '~/utils/db.server.ts'
import { productSlug } from '~/links/slug.ts'
import { serializeCertifications } from './certifications.ts'
import { normalizeProductCode, suggestNextCode } from './codes.ts'
import { assertPhotosUsable } from './photos.server.ts'
import type { ProductInput } from './schema.ts'
import { productSearchText, searchWords } from './search.ts'
import { toProductView, type ProductView } from './view.ts'

// The catalogue's queries. Every read and write is scoped by coopId, so an id
// from another co-op behaves exactly like an id that does not exist.

const LIST_LIMIT = 500

export class ProductCodeTakenError extends Error {
	constructor(
		readonly code: string,
		readonly suggestion: string | null,
	) {
		super(`Product code ${code} is already used in this co-op`)
	}
}

export type ProductListItem = {
	id: string
	name: string
	code: string
	priceVnd: number
	unit: string
	coverPhotoId: string | null
}

/** "A2" before "A10": codes sort by letters, then by number. */
function compareCodes(a: string, b: string) {
	return a.localeCompare(b, 'en', { numeric: true })
}

/**
 * The co-op's products, sorted by code; with a query, only those whose name,
 * code, growing area or batch contain every word of it (accents and case
 * ignored), an exact code match first. Archived products only when asked,
 * and then only they.
 */
export async function listProducts(coopId: string, query = '', { archived = false } = {}): Promise<ProductListItem[]> {
	const words = searchWords(query)
	const rows = await getDb().product.findMany({
		where: { coopId, archivedAt: archived ? { not: null } : null, AND: words.map((word) => ({ searchText: { contains: word } })) },
		select: {
			id: true,
			name: true,
			code: true,
			priceVnd: true,
			unit: true,
			photos: { orderBy: { position: 'asc' }, take: 1, select: { mediaId: true } },
		},
		take: LIST_LIMIT,
	})
	const exactCode = normalizeProductCode(query)
	return rows
		.map(({ photos, ...row }) => ({ ...row, coverPhotoId: photos[0]?.mediaId ?? null }))
		.sort((a, b) => Number(b.code === exactCode) - Number(a.code === exactCode) || compareCodes(a.code, b.code))
}

export async function countArchivedProducts(coopId: string): Promise<number> {
	return getDb().product.count({ where: { coopId, archivedAt: { not: null } } })
}

/** What the pickers offer (a new video, a photo set): products in use, by name; archived ones are left out. */
export async function listProductChoices(coopId: string) {
	return getDb().product.findMany({
		where: { coopId, archivedAt: null },
		orderBy: { name: 'asc' },
		select: { id: true, name: true, code: true, priceVnd: true },
	})
}

async function coopTimeZone(db: Prisma.TransactionClient, coopId: string) {
	const coop = await db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { timezone: true } })
	return coop.timezone
}

/** One product of this co-op as pages show it, or null (also for another co-op's id). */
export async function findProduct(coopId: string, productId: string): Promise<ProductView | null> {
	const db = getDb()
	const product = await db.product.findFirst({
		where: { id: productId, coopId },
		include: { photos: { select: { mediaId: true, position: true } } },
	})
	return product ? toProductView(product, await coopTimeZone(db, coopId)) : null
}

/** The code to offer on the new-product form. */
export async function suggestCodeForCoop(coopId: string, db: Prisma.TransactionClient = getDb()) {
	const products = await db.product.findMany({
		where: { coopId },
		select: { code: true },
		orderBy: { createdAt: 'desc' },
	})
	return suggestNextCode(
		products.map((p) => p.code),
		products[0]?.code,
	)
}

function toColumns(input: ProductInput, timeZone: string) {
	const code = normalizeProductCode(input.code)
	return {
		name: input.name,
		code,
		priceVnd: input.priceVnd,
		unit: input.unit,
		description: input.description ?? '',
		searchText: productSearchText({ ...input, code }),
		growingArea: input.growingArea ?? null,
		batch: input.batch ?? null,
		harvestDate: input.harvestDate ? dayStart(input.harvestDate, timeZone) : null,
		producerGroup: input.producerGroup ?? null,
		certifications: serializeCertifications(input.certifications),
		shopeeUrl: input.shopeeUrl ?? null,
		lazadaUrl: input.lazadaUrl ?? null,
		tiktokShopUrl: input.tiktokShopUrl ?? null,
		facebookUrl: input.facebookUrl ?? null,
		zaloUrl: input.zaloUrl ?? null,
		orderPhone: input.orderPhone ?? null,
	}
}

async function assertCodeFree(tx: Prisma.TransactionClient, coopId: string, code: string, productId?: string) {
	const holder = await tx.product.findFirst({
		where: { coopId, code, ...(productId ? { NOT: { id: productId } } : {}) },
		select: { id: true },
	})
	if (holder) throw new ProductCodeTakenError(code, await suggestCodeForCoop(coopId, tx))
}

/** Two people saving the same code at once: the check passed for both, the unique index stops one. */
async function rethrowCodeRace(error: unknown, coopId: string, code: string): Promise<never> {
	if (isUniqueViolation(error)) throw new ProductCodeTakenError(code, await suggestCodeForCoop(coopId))
	throw error
}

function photoRows(photoIds: string[]) {
	return photoIds.map((mediaId, position) => ({ mediaId, position }))
}

/** Throws ProductCodeTakenError or PhotoUnavailableError with nothing saved. */
export async function createProduct(coopId: string, input: ProductInput): Promise<{ id: string }> {
	const code = normalizeProductCode(input.code)
	try {
		return await getDb().$transaction(async (tx) => {
			await assertCodeFree(tx, coopId, code)
			await assertPhotosUsable(tx, coopId, input.photoIds)
			return tx.product.create({
				data: {
					...toColumns(input, await coopTimeZone(tx, coopId)),
					coopId,
					publicSlug: productSlug(input.name),
					photos: { create: photoRows(input.photoIds) },
				},
				select: { id: true },
			})
		})
	} catch (error) {
		return rethrowCodeRace(error, coopId, code)
	}
}

/** Replaces every field and the photo list; null when the product is not this co-op's. */
export async function updateProduct(coopId: string, productId: string, input: ProductInput): Promise<{ id: string } | null> {
	const code = normalizeProductCode(input.code)
	try {
		return await getDb().$transaction(async (tx) => {
			const existing = await tx.product.findFirst({ where: { id: productId, coopId }, select: { id: true } })
			if (!existing) return null
			await assertCodeFree(tx, coopId, code, productId)
			await assertPhotosUsable(tx, coopId, input.photoIds)
			await tx.productPhoto.deleteMany({ where: { productId } })
			return tx.product.update({
				where: { id: productId },
				data: {
					...toColumns(input, await coopTimeZone(tx, coopId)),
					photos: { create: photoRows(input.photoIds) },
				},
				select: { id: true },
			})
		})
	} catch (error) {
		return rethrowCodeRace(error, coopId, code)
	}
}

/**
 * What points at a product, by kind. A kind that can point at a product
 * (orders, posts, live sessions as they arrive) adds its count here, so that
 * a delete never takes it away (docs/decisions/116-archive-not-delete.md).
 */
export type ProductUsage = { edits: number; photoPosts: number; mediaTags: number }

async function productUsage(db: Prisma.TransactionClient, productId: string): Promise<ProductUsage> {
	const [edits, photoPosts, mediaTags] = await Promise.all([
		db.edit.count({ where: { productId } }),
		db.photoPostRender.count({ where: { productId } }),
		db.mediaProduct.count({ where: { productId } }),
	])
	return { edits, photoPosts, mediaTags }
}

function isInUse(usage: ProductUsage) {
	return Object.values(usage).some((count) => count > 0)
}

/** What the delete page says before anything happens; null when the product is not this co-op's. */
export async function describeProductRemoval(coopId: string, productId: string): Promise<{ usage: ProductUsage; willArchive: boolean } | null> {
	const db = getDb()
	const product = await db.product.findFirst({ where: { id: productId, coopId }, select: { id: true } })
	if (!product) return null
	const usage = await productUsage(db, productId)
	return { usage, willArchive: isInUse(usage) }
}

export type ProductRemoval = { outcome: 'deleted' } | { outcome: 'archived'; usage: ProductUsage }

/**
 * Deletes a product nothing points at (its photo links go, the photos stay in
 * the library); archives one that something points at, so that edits, photo
 * sets and tags keep their product. Null when the product is not this co-op's.
 * The check and the change are one transaction: nothing can start pointing at
 * the product in between.
 */
export async function removeProduct(coopId: string, productId: string): Promise<ProductRemoval | null> {
	return getDb().$transaction(async (tx) => {
		const product = await tx.product.findFirst({ where: { id: productId, coopId }, select: { id: true, archivedAt: true } })
		if (!product) return null
		const usage = await productUsage(tx, productId)
		if (!isInUse(usage)) {
			await tx.product.delete({ where: { id: productId } })
			return { outcome: 'deleted' }
		}
		if (!product.archivedAt) await tx.product.update({ where: { id: productId }, data: { archivedAt: new Date() } })
		return { outcome: 'archived', usage }
	})
}

/** Brings an archived product back into lists and pickers; false when it is not this co-op's. */
export async function restoreProduct(coopId: string, productId: string): Promise<boolean> {
	const { count } = await getDb().product.updateMany({ where: { id: productId, coopId }, data: { archivedAt: null } })
	return count > 0
}

export function countProducts(coopId: string) {
	return getDb().product.count({ where: { coopId } })
}
