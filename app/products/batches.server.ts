import { isUniqueViolation } from '~/accounts/prisma-errors.server.ts'
import { randomSlug } from '~/links/slug.ts'
import { dayOfInstant, dayStart } from '~/utils/coop-time.ts'
import { getDb } from '~/utils/db.server.ts'
import type { BatchInput } from './batch-schema.ts'

// Product batches (lô hàng), each with its own public page /b/<slug> for the
// QR code on the package. Every read and write is scoped by coopId.

export type BatchView = {
	id: string
	code: string
	slug: string
	harvestDay: string | null
	growingArea: string | null
	producerGroup: string | null
	note: string
	archived: boolean
}

export class BatchCodeTakenError extends Error {
	constructor(readonly code: string) {
		super(`Batch code ${code} is already used for this product`)
	}
}

async function timeZoneOf(coopId: string) {
	return (await getDb().coop.findUniqueOrThrow({ where: { id: coopId }, select: { timezone: true } })).timezone
}

const SELECT = { id: true, code: true, slug: true, harvestDate: true, growingArea: true, producerGroup: true, note: true, archivedAt: true } as const

/** The product's batches, newest first (archived ones last); [] for another co-op's product. */
export async function listBatches(coopId: string, productId: string): Promise<BatchView[]> {
	const [rows, timeZone] = await Promise.all([
		getDb().productBatch.findMany({ where: { coopId, productId }, select: SELECT, orderBy: [{ createdAt: 'desc' }] }),
		timeZoneOf(coopId),
	])
	return rows
		.map(({ harvestDate, archivedAt, ...row }) => ({
			...row,
			harvestDay: harvestDate ? dayOfInstant(harvestDate, timeZone) : null,
			archived: archivedAt !== null,
		}))
		.sort((a, b) => Number(a.archived) - Number(b.archived))
}

function columns(input: BatchInput, timeZone: string) {
	return {
		code: input.code,
		harvestDate: input.harvestDate ? dayStart(input.harvestDate, timeZone) : null,
		growingArea: input.growingArea,
		producerGroup: input.producerGroup,
		note: input.note,
	}
}

/** A new batch of this co-op's product; null when the product is not the co-op's. Throws BatchCodeTakenError. */
export async function createBatch(coopId: string, productId: string, input: BatchInput): Promise<{ id: string; slug: string } | null> {
	const db = getDb()
	const product = await db.product.findFirst({ where: { id: productId, coopId }, select: { id: true } })
	if (!product) return null
	const data = columns(input, await timeZoneOf(coopId))
	for (let attempt = 0; ; attempt++) {
		try {
			return await db.productBatch.create({ data: { ...data, coopId, productId, slug: randomSlug(8) }, select: { id: true, slug: true } })
		} catch (error) {
			if (!isUniqueViolation(error)) throw error
			const sameCode = await db.productBatch.count({ where: { productId, code: input.code } })
			if (sameCode > 0) throw new BatchCodeTakenError(input.code)
			// A slug collision (31^8 makes it rare): try another slug.
			if (attempt >= 3) throw error
		}
	}
}

/** Replaces a batch's fields; false when it is not this co-op's. Throws BatchCodeTakenError. */
export async function updateBatch(coopId: string, batchId: string, input: BatchInput): Promise<boolean> {
	const db = getDb()
	const batch = await db.productBatch.findFirst({ where: { id: batchId, coopId }, select: { productId: true } })
	if (!batch) return false
	const clash = await db.productBatch.count({ where: { productId: batch.productId, code: input.code, NOT: { id: batchId } } })
	if (clash > 0) throw new BatchCodeTakenError(input.code)
	await db.productBatch.update({ where: { id: batchId }, data: columns(input, await timeZoneOf(coopId)) })
	return true
}

/** Hides a batch's page (it answers 404) or brings it back; false when it is not this co-op's. */
export async function setBatchArchived(coopId: string, batchId: string, archived: boolean): Promise<boolean> {
	const { count } = await getDb().productBatch.updateMany({ where: { id: batchId, coopId }, data: { archivedAt: archived ? new Date() : null } })
	return count > 0
}

/** One batch of the co-op, for its labels; null for another co-op's id. */
export async function findBatch(coopId: string, batchId: string) {
	const row = await getDb().productBatch.findFirst({ where: { id: batchId, coopId }, select: { ...SELECT, productId: true } })
	if (!row) return null
	const { harvestDate, archivedAt, ...rest } = row
	return { ...rest, harvestDay: harvestDate ? dayOfInstant(harvestDate, await timeZoneOf(coopId)) : null, archived: archivedAt !== null }
}

/** The product page's "public page, batches and labels" section; null for another co-op's product. */
export async function findProductPublishing(coopId: string, productId: string) {
	const product = await getDb().product.findFirst({ where: { id: productId, coopId }, select: { publicSlug: true, publicPage: true, archivedAt: true } })
	if (!product) return null
	const visible = product.publicPage && product.archivedAt === null
	return { publicPath: visible && product.publicSlug ? `/p/${product.publicSlug}` : null, batches: await listBatches(coopId, productId) }
}
