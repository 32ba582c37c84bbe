import { isUniqueViolation } from '~/accounts/prisma-errors.server.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { getDb } from '~/utils/db.server.ts'
import { serializeCertifications } from './certifications.ts'
import { normalizeProductCode, suggestNextCode } from './codes.ts'
import { harvestDayToInstant } from './harvest-date.ts'
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
 * ignored), an exact code match first.
 */
export async function listProducts(coopId: string, query = ''): Promise<ProductListItem[]> {
	const words = searchWords(query)
	const rows = await getDb().product.findMany({
		where: { coopId, AND: words.map((word) => ({ searchText: { contains: word } })) },
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
		harvestDate: input.harvestDate ? harvestDayToInstant(input.harvestDate, timeZone) : null,
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

/** Deletes the product and its photo links (the photos stay in the library); false when it is not this co-op's. */
export async function deleteProduct(coopId: string, productId: string): Promise<boolean> {
	const { count } = await getDb().product.deleteMany({ where: { id: productId, coopId } })
	return count > 0
}

export function countProducts(coopId: string) {
	return getDb().product.count({ where: { coopId } })
}
