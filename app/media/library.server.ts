import type { Prisma } from '~/generated/prisma/client.ts'
import { jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { searchWords } from '~/products/search.ts'
import { getDb } from '~/utils/db.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'
import type { LibraryFilters } from './library-filters.ts'
import { announceMedia } from './media-events.server.ts'
import { mediaSearchText } from './search-text.ts'
import { removeMediaFiles } from './storage.server.ts'

// The library's reads and writes. Every query is scoped by coopId, so an id
// from another co-op is simply not found (404), never a 403 that would
// confirm it exists.

/** A page shows this many; filters narrow a bigger library down. */
const LIBRARY_PAGE_SIZE = 240

const itemSelect = {
	id: true,
	kind: true,
	status: true,
	errorCode: true,
	displayName: true,
	mimeType: true,
	sizeBytes: true,
	durationMs: true,
	fullDurationMs: true,
	width: true,
	height: true,
	thumbKey: true,
	proxyKey: true,
	posterKey: true,
	place: true,
	season: true,
	duplicateOfId: true,
	createdAt: true,
	products: { select: { product: { select: { id: true, name: true, code: true } } } },
} satisfies Prisma.MediaSelect

type ItemRow = Prisma.MediaGetPayload<{ select: typeof itemSelect }>

/** What a page shows of one media item: plain JSON (sizes as numbers, dates as strings). */
export function toLibraryItem(row: ItemRow) {
	return {
		id: row.id,
		kind: row.kind,
		status: row.status,
		errorCode: row.errorCode,
		displayName: row.displayName,
		mimeType: row.mimeType,
		sizeBytes: Number(row.sizeBytes),
		durationMs: row.durationMs,
		fullDurationMs: row.fullDurationMs,
		width: row.width,
		height: row.height,
		hasThumb: row.thumbKey !== null,
		hasProxy: row.proxyKey !== null,
		hasPoster: row.posterKey !== null,
		place: row.place,
		season: row.season,
		duplicateOfId: row.duplicateOfId,
		createdAt: row.createdAt.toISOString(),
		products: row.products.map((p) => p.product),
	}
}

export type LibraryItem = ReturnType<typeof toLibraryItem>

function whereFor(coopId: string, filters: LibraryFilters): Prisma.MediaWhereInput {
	const words = filters.q ? searchWords(filters.q) : []
	return {
		coopId,
		kind: filters.kind,
		status: filters.status,
		place: filters.place,
		season: filters.season,
		products: filters.product ? { some: { productId: filters.product } } : undefined,
		AND: words.map((word) => ({ searchText: { contains: word } })),
	}
}

export async function listLibrary(coopId: string, filters: LibraryFilters) {
	const db = getDb()
	const where = whereFor(coopId, filters)
	const [rows, total] = await Promise.all([
		db.media.findMany({ where, select: itemSelect, orderBy: { createdAt: 'desc' }, take: LIBRARY_PAGE_SIZE }),
		db.media.count({ where }),
	])
	return { items: rows.map(toLibraryItem), total }
}

/** The choices the filters offer: the co-op's products and the places and seasons already used. */
export async function libraryFacets(coopId: string) {
	const db = getDb()
	const [products, places, seasons] = await Promise.all([
		db.product.findMany({ where: { coopId }, select: { id: true, name: true, code: true }, orderBy: { name: 'asc' } }),
		db.media.findMany({ where: { coopId, place: { not: null } }, distinct: ['place'], select: { place: true }, orderBy: { place: 'asc' } }),
		db.media.findMany({ where: { coopId, season: { not: null } }, distinct: ['season'], select: { season: true }, orderBy: { season: 'asc' } }),
	])
	return {
		products,
		places: places.map((p) => p.place!).filter(Boolean),
		seasons: seasons.map((s) => s.season!).filter(Boolean),
	}
}

export async function requireMediaItem(coopId: string, mediaId: string) {
	const row = await getDb().media.findFirst({ where: { id: mediaId, coopId }, select: { ...itemSelect, duplicateOf: { select: { id: true, displayName: true } } } })
	invariantResponse(row, 'Media not found')
	return { ...toLibraryItem(row), duplicateOf: row.duplicateOf }
}

/** The stored keys of one media item of the co-op, for the file routes; 404 for anything else. */
export async function requireMediaFiles(coopId: string, mediaId: string) {
	const row = await getDb().media.findFirst({
		where: { id: mediaId, coopId },
		select: { storageKey: true, thumbKey: true, posterKey: true, proxyKey: true, mimeType: true, displayName: true, kind: true, status: true },
	})
	invariantResponse(row, 'Media not found')
	return row
}

export type MediaDetails = { displayName: string; place: string | null; season: string | null; productIds: string[] }

/** Renames and tags a media item; products must be the co-op's own (others are ignored). */
export async function updateMediaDetails(coopId: string, mediaId: string, details: MediaDetails) {
	const db = getDb()
	await requireMediaFiles(coopId, mediaId)
	const products = await db.product.findMany({ where: { coopId, id: { in: details.productIds } }, select: { id: true } })
	await db.$transaction([
		db.mediaProduct.deleteMany({ where: { mediaId } }),
		db.mediaProduct.createMany({ data: products.map((p) => ({ mediaId, productId: p.id })) }),
		db.media.update({
			where: { id: mediaId },
			data: {
				displayName: details.displayName,
				place: details.place,
				season: details.season,
				searchText: mediaSearchText(details),
			},
		}),
	])
	await announceMedia(coopId, { type: 'media.edited', mediaId })
}

/** "Keep both": the copy stays in the library as a media item of its own. */
export async function keepDuplicate(coopId: string, mediaId: string) {
	const { count } = await getDb().media.updateMany({ where: { id: mediaId, coopId }, data: { duplicateOfId: null, duplicateAccepted: true } })
	invariantResponse(count === 1, 'Media not found')
	await announceMedia(coopId, { type: 'media.edited', mediaId })
}

/**
 * Deletes a media item: its row (tags and product photos go with it) and
 * every file. A job still waiting for it is removed; one already running
 * notices the row is gone and cleans up after itself.
 */
export async function deleteMedia(coopId: string, mediaId: string) {
	const { count } = await getDb().media.deleteMany({ where: { id: mediaId, coopId } })
	invariantResponse(count === 1, 'Media not found')
	await removeMediaFiles(coopId, mediaId)
	await getQueue('media')
		.remove(jobIds.mediaProcessing(mediaId))
		.catch(() => 0)
	await announceMedia(coopId, { type: 'media.deleted', mediaId })
}

/** A media item of the co-op with the same quick fingerprint and size: probably the same file (app/media/fingerprint.ts). */
export async function findByFingerprint(coopId: string, fingerprint: string, sizeBytes: number) {
	return getDb().media.findFirst({
		where: { coopId, fingerprint, sizeBytes: BigInt(sizeBytes), status: { not: 'failed' } },
		select: { id: true, displayName: true, thumbKey: true },
		orderBy: { createdAt: 'asc' },
	})
}

export function countMedia(coopId: string) {
	return getDb().media.count({ where: { coopId } })
}
