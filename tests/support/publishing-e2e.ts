import fs from 'node:fs/promises'
import path from 'node:path'
import Database from 'better-sqlite3'
import { nanoid } from 'nanoid'
import { inject } from 'vitest'
import { makeClip } from './media-fixtures.ts'

// What composer end-to-end tests start from, made the quick way (rows and
// files directly): a finished, handed-off 9:16 video of the co-op's product,
// and channels as the channels page leaves them (its own tests connect them).

function e2eId() {
	return `e2e${nanoid(10).replace(/[^a-zA-Z0-9]/g, 'x')}`
}

/** The shared e2e database, or another one a test file runs its own server on. */
export function openE2eDb(dbPath: string = inject('e2eDatabasePath')) {
	return new Database(dbPath)
}

export function coopIdByName(db: Database.Database, coopName: string) {
	return (db.prepare('SELECT id FROM Coop WHERE name = ?').get(coopName) as { id: string }).id
}

/** A ready, handed-off final render with a real MP4 behind it; returns its id. */
export async function addHandedOffRender(coopName: string, options: { title?: string; productCode?: string; dbPath?: string } = {}) {
	const db = openE2eDb(options.dbPath)
	try {
		const coopId = coopIdByName(db, coopName)
		const product = options.productCode
			? (db.prepare('SELECT id FROM Product WHERE coopId = ? AND code = ?').get(coopId, options.productCode) as { id: string } | undefined)
			: undefined
		const [editId, renderId] = [e2eId(), e2eId()]
		const outputKey = `coops/${coopId}/renders/${renderId}.mp4`
		const absolute = path.join(inject('e2eMediaRoot'), outputKey)
		await fs.mkdir(path.dirname(absolute), { recursive: true })
		await makeClip(absolute, { seconds: 2, width: 360, height: 640 })
		const now = Date.now()
		// The words the video says; the render keeps the spec it was made from.
		const spec = JSON.stringify({ captions: { lines: [{ start: 0, end: 2, text: 'Chè hái tay buổi sớm trên đỉnh Suối Giàng' }] } })
		db.prepare('INSERT INTO Edit (id, coopId, title, productId, spec, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
			editId,
			coopId,
			options.title ?? 'Chè búp mùa xuân',
			product?.id ?? null,
			spec,
			now,
			now,
		)
		db.prepare(
			`INSERT INTO Render (id, editId, coopId, format, quality, status, progress, spec, cacheKey, outputKey, handedOffAt, createdAt, updatedAt)
			 VALUES (?, ?, ?, 'tiktok-reels', 'final', 'ready', 100, ?, ?, ?, ?, ?, ?)`,
		).run(renderId, editId, coopId, spec, renderId, outputKey, now, now, now)
		return renderId
	} finally {
		db.close()
	}
}

export type ChannelRow = { platform: string; name: string; manualKind?: string; state?: string; address?: string }

/** Channels of the co-op as the channels page leaves them (no tokens: nothing here reaches a platform). */
export function addChannels(coopName: string, channels: ChannelRow[]) {
	const db = openE2eDb()
	try {
		const coopId = coopIdByName(db, coopName)
		const now = Date.now()
		const insert = db.prepare(
			`INSERT INTO Channel (id, coopId, platform, manualKind, externalId, name, address, state, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		)
		return channels.map((channel) => {
			const id = e2eId()
			insert.run(id, coopId, channel.platform, channel.manualKind ?? null, channel.platform === 'manual' ? null : id, channel.name, channel.address ?? null, channel.state ?? 'connected', now, now)
			return id
		})
	} finally {
		db.close()
	}
}

/** Tomorrow's date in Hà Nội, as the composer's date field takes it. */
export function tomorrowInHanoi() {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 24 * 3600_000))
}
