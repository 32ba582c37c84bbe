import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import Database from 'better-sqlite3'
import { nanoid } from 'nanoid'
import type { Page } from 'playwright-core'
import { inject } from 'vitest'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { baseUrl } from './browser.ts'
import { makePhoto } from './media-fixtures.ts'

// What studio end-to-end tests start from: ready library files and a
// product, made the quick way (files and rows directly; the upload path has
// its own end-to-end test in tests/e2e/library.test.ts).

export type LibraryFile = { kind: 'video' | 'photo'; name: string; make: (file: string) => Promise<unknown>; extension: string }

/**
 * Ready library files, as the media area leaves them after processing an
 * upload: the file at its place under the e2e MEDIA_ROOT and its row.
 */
export async function addReadyMedia(coopName: string, files: LibraryFile[]) {
	const db = new Database(inject('e2eDatabasePath'))
	try {
		const coop = db.prepare('SELECT id FROM Coop WHERE name = ?').get(coopName) as { id: string }
		const insert = db.prepare(
			`INSERT INTO Media (id, coopId, kind, status, displayName, mimeType, sizeBytes, sha256, storageKey, durationMs, width, height, hasAudio, createdAt, updatedAt)
			 VALUES (?, ?, ?, 'ready', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		)
		const ids: string[] = []
		for (const [i, file] of files.entries()) {
			const id = `e2e${nanoid(10).replace(/[^a-zA-Z0-9]/g, 'x')}`
			const storageKey = `coops/${coop.id}/media/${id}/original.${file.extension}`
			const absolute = path.join(inject('e2eMediaRoot'), storageKey)
			await fs.mkdir(path.dirname(absolute), { recursive: true })
			await file.make(absolute)
			const bytes = await fs.readFile(absolute)
			const probe = file.kind === 'video' ? await probeFile(absolute) : null
			const at = Date.now() + i
			insert.run(
				id,
				coop.id,
				file.kind,
				file.name,
				file.kind === 'video' ? 'video/mp4' : 'image/jpeg',
				bytes.length,
				crypto.createHash('sha256').update(bytes).digest('hex'),
				storageKey,
				probe?.durationMs ?? null,
				probe?.video?.width ?? 1200,
				probe?.video?.height ?? 1600,
				probe ? Number(Boolean(probe.audio)) : null,
				at,
				at,
			)
			ids.push(id)
		}
		return ids
	} finally {
		db.close()
	}
}

export async function createProduct(page: Page) {
	await page.goto(baseUrl('/products/new'))
	await page.getByLabel('Tên sản phẩm').fill('Chè Shan tuyết Suối Giàng')
	await page.getByLabel('Giá (đồng)').fill('120k')
	await page.getByRole('button', { name: 'hộp', exact: true }).click()
	await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
	await page.waitForURL(/\/products\/(?!new)\w+$/)
}


/** A new edit from three library photos and the farm-day template; returns its address (without the query). */
export async function createPhotoEdit(page: Page, coopName: string) {
	await addReadyMedia(
		coopName,
		['a.jpg', 'b.jpg', 'c.jpg'].map((name) => ({ kind: 'photo' as const, name, extension: 'jpg', make: (file: string) => makePhoto(file, { width: 800, height: 800 }) })),
	)
	await page.goto(baseUrl('/studio/new'))
	await page.getByLabel(/Một ngày trên nương chè/).check()
	for (const name of ['a.jpg', 'b.jpg', 'c.jpg']) await page.getByTestId('template-media').filter({ hasText: name }).click()
	await page.getByTestId('create-from-template').click()
	await page.waitForURL(/\/studio\/(?!new)\w+/)
	return page.url().split('?')[0]
}
