// Marketplace imports (issue 12; docs/decisions/187): an uploaded export is
// read in memory into a preview (stored as an OrderImport), and a commit
// creates its orders through createOrder, idempotent on (source, order id):
// the same file twice, an overlapping one, or a double click adds nothing.

import crypto from 'node:crypto'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import type { ExportLayout } from './export-layouts.ts'
import type { MarketplaceOrder, RowProblem } from './marketplace-orders.ts'
import { importedLine, importedOrderState, productsByCode, summariseImport } from './order-import.ts'
import { announceOrderEvent, createOrder } from './orders.server.ts'
import { promoCodeOfImportedOrder } from './promo-code.ts'
import { knownPromoCodes } from './promo-codes.server.ts'
import { ExportFileError, readExportBytes, type ExportFileProblem } from './read-export.server.ts'

/** Marketplace exports of a few months are well under this; a bigger file is refused before it is read. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024

type StoredPreview = { layout: string; headerLine: number; orders: MarketplaceOrder[]; problems: RowProblem[] }

export type PreviewRefusal =
	| { ok: false; reason: 'too-large' }
	| { ok: false; reason: 'file'; problem: ExportFileProblem }
	| { ok: false; reason: 'empty' }
	| { ok: false; reason: 'unknown-layout'; closest: { label: string; missing: string[] } | null }

/** A shown name only: the bytes are never written anywhere, under this name or another. */
function displayName(fileName: string) {
	return fileName.normalize('NFC').replace(/[\p{Cc}\\/]/gu, '_').slice(-120) || 'orders'
}

export async function previewImport(
	coopId: string,
	userId: string,
	file: { name: string; bytes: Buffer },
	db: PrismaClient = getDb(),
): Promise<{ ok: true; importId: string } | PreviewRefusal> {
	if (file.bytes.length > IMPORT_MAX_BYTES) return { ok: false, reason: 'too-large' }
	let reading
	try {
		reading = await readExportBytes(file.bytes)
	} catch (error) {
		if (error instanceof ExportFileError) return { ok: false, reason: 'file', problem: error.problem }
		throw error
	}
	if (!reading.ok) return reading
	const preview: StoredPreview = { layout: reading.layout.label, headerLine: reading.headerLine, orders: reading.orders, problems: reading.problems }
	const row = await db.orderImport.create({
		data: {
			coopId,
			source: reading.layout.source,
			fileName: displayName(file.name),
			fileSha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
			preview: JSON.stringify(preview),
			createdById: userId,
		},
		select: { id: true },
	})
	return { ok: true, importId: row.id }
}

async function alreadyImported(db: PrismaClient, coopId: string, source: string, orderIds: string[]) {
	const known = new Set<string>()
	// SQLite limits bound parameters; ask in slices.
	for (let i = 0; i < orderIds.length; i += 500) {
		const rows = await db.order.findMany({ where: { coopId, source, externalId: { in: orderIds.slice(i, i + 500) } }, select: { externalId: true } })
		for (const row of rows) if (row.externalId) known.add(row.externalId)
	}
	return known
}

/** The preview as the screen shows it, figures computed now (an order imported meanwhile shows as already here). */
export async function getImport(coopId: string, importId: string, db: PrismaClient = getDb()) {
	const row = await db.orderImport.findFirst({ where: { id: importId, coopId } })
	if (!row) return null
	const preview = JSON.parse(row.preview) as StoredPreview
	const known = await alreadyImported(
		db,
		coopId,
		row.source,
		preview.orders.map((o) => o.orderId),
	)
	return {
		id: row.id,
		source: row.source as ExportLayout['source'],
		fileName: row.fileName,
		state: row.state,
		added: row.added,
		skipped: row.skipped,
		createdAt: row.createdAt,
		committedAt: row.committedAt,
		layout: preview.layout,
		summary: summariseImport(preview.orders, known, preview.problems),
		orders: preview.orders.map((o) => ({ ...o, alreadyHere: known.has(o.orderId) })),
		problems: preview.problems,
	}
}

export type CommitResult = { added: number; skipped: number; alreadyCommitted: boolean }

/**
 * Creates the preview's orders. Claimed first (preview → committing) so that a
 * second click waits for nothing and adds nothing; a failure part-way puts the
 * preview back, and a retry adds only what is still missing.
 */
export async function commitImport(coopId: string, importId: string, db: PrismaClient = getDb()): Promise<CommitResult | null> {
	const claimed = await db.orderImport.updateMany({ where: { id: importId, coopId, state: 'preview' }, data: { state: 'committing' } })
	if (claimed.count !== 1) {
		const row = await db.orderImport.findFirst({ where: { id: importId, coopId }, select: { added: true, skipped: true } })
		return row && { ...row, alreadyCommitted: true }
	}
	const row = await db.orderImport.findUniqueOrThrow({ where: { id: importId } })
	const { orders } = JSON.parse(row.preview) as StoredPreview
	try {
		const [products, codes] = await Promise.all([
			db.product.findMany({ where: { coopId }, select: { id: true, code: true, unit: true } }),
			knownPromoCodes(coopId, db),
		])
		const catalogue = productsByCode(products)
		let added = 0
		for (const order of orders) {
			const created = await createOrder(
				coopId,
				{
					source: row.source as ExportLayout['source'],
					externalId: order.orderId,
					state: importedOrderState(order),
					customerPhone: order.phone,
					note: order.note ?? '',
					payment: 'marketplace',
					totalVnd: order.total,
					placedAt: new Date(order.createdAt),
					promoCode: promoCodeOfImportedOrder(order, codes),
					importId,
					createdById: row.createdById,
					lines: order.items.map((item) => importedLine(item, catalogue)),
				},
				db,
				{ quiet: true },
			)
			if (created.created) added++
		}
		const result = { added, skipped: orders.length - added }
		await db.orderImport.update({ where: { id: importId }, data: { ...result, state: 'committed', committedAt: new Date() } })
		await announceOrderEvent(coopId, { type: 'orders.imported', importId, added })
		return { ...result, alreadyCommitted: false }
	} catch (error) {
		await db.orderImport.update({ where: { id: importId }, data: { state: 'preview' } })
		throw error
	}
}

/** Recent imports of the co-op, newest first. */
export async function listImports(coopId: string, db: PrismaClient = getDb()) {
	return db.orderImport.findMany({
		where: { coopId },
		orderBy: { createdAt: 'desc' },
		take: 10,
		select: { id: true, source: true, fileName: true, state: true, added: true, skipped: true, createdAt: true },
	})
}
