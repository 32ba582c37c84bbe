// Recording clicks off the redirect's path (docs/decisions/183-tracked-links.md):
// the redirect queues the click in this process's memory and answers; every
// FLUSH_MS the queue is written with one createMany, after hashing the address
// with the day's salt and deciding which clicks count (click-count.ts). On
// shutdown the server flushes what is left (server/index.ts). A crash loses at
// most the last FLUSH_MS of clicks, never a redirect.

import type { DeviceClass } from './device.ts'
import { countClicks } from './click-count.ts'
import { hashIp, newSalt, utcDay, visitorHash } from './visitor.ts'
import { isUniqueViolation } from '~/accounts/prisma-errors.server.ts'
import { countClicksInResults } from '~/results/rollups.server.ts'
import { getDb } from '~/utils/db.server.ts'

export const FLUSH_MS = 200
const SALT_KEEP_MS = 2 * 24 * 60 * 60 * 1000

export type PendingClick = {
	linkId: string
	coopId: string
	clickId: string
	at: Date
	// Kept in memory until the flush (a few hundred ms), never stored.
	ip: string
	userAgent: string
	referrer: string | null
	device: DeviceClass
	bot: boolean
}

type Buffer = { pending: PendingClick[]; timer: NodeJS.Timeout | null; flushing: Promise<void> }

// On globalThis: the built Remix bundle and server/index.ts each load their own
// copy of this module, and the shutdown flush must see the redirect's queue.
const KEY = Symbol.for('coop-studio.click-buffer')
function buffer(): Buffer {
	const holder = globalThis as { [KEY]?: Buffer }
	holder[KEY] ??= { pending: [], timer: null, flushing: Promise.resolve() }
	return holder[KEY]
}

/** Queues a click; it is written within FLUSH_MS. */
export function queueClick(click: PendingClick) {
	const state = buffer()
	state.pending.push(click)
	if (!state.timer) {
		state.timer = setTimeout(() => void flushClicks().catch((error: unknown) => console.error('clicks: could not record clicks', error)), FLUSH_MS)
		state.timer.unref()
	}
}

/** How many clicks wait to be written. */
export function pendingClicks(): number {
	return buffer().pending.length
}

/** Writes every queued click now (one flush at a time, so the hour window sees the previous flush's clicks). */
export function flushClicks(): Promise<void> {
	const state = buffer()
	if (state.timer) clearTimeout(state.timer)
	state.timer = null
	const batch = state.pending.splice(0)
	state.flushing = state.flushing.then(() => (batch.length ? writeClicks(batch) : undefined))
	return state.flushing
}

async function writeClicks(batch: PendingClick[]) {
	const db = getDb()
	const salts = new Map<string, string>()
	for (const day of new Set(batch.map((click) => utcDay(click.at)))) salts.set(day, await daySalt(day))
	const rows = batch.map((click) => {
		const ipHash = hashIp(click.ip, salts.get(utcDay(click.at))!)
		return { click, ipHash, visitorHash: visitorHash(ipHash, click.userAgent) }
	})
	const earliest = new Date(Math.min(...batch.map((click) => click.at.getTime())) - 60 * 60 * 1000)
	const previous = await db.click.findMany({
		where: { counted: true, at: { gte: earliest }, visitorHash: { in: [...new Set(rows.map((row) => row.visitorHash))] }, linkId: { in: [...new Set(batch.map((c) => c.linkId))] } },
		select: { visitorHash: true, linkId: true, at: true },
	})
	const lastCounted = new Map<string, Date>()
	for (const click of previous) {
		const key = `${click.visitorHash}:${click.linkId}`
		const known = lastCounted.get(key)
		if (!known || known < click.at) lastCounted.set(key, click.at)
	}
	const counted = countClicks(
		rows.map((row) => ({ key: `${row.visitorHash}:${row.click.linkId}`, at: row.click.at, bot: row.click.bot })),
		lastCounted,
	)
	const data = rows.map((row, index) => ({
			linkId: row.click.linkId,
			coopId: row.click.coopId,
			clickId: row.click.clickId,
			at: row.click.at,
			referrer: row.click.referrer,
			device: row.click.device,
			ipHash: row.ipHash,
			visitorHash: row.visitorHash,
			bot: row.click.bot,
			counted: counted[index]!,
		}))
	await db.click.createMany({ data })
	// The dashboard's daily click counts (docs/decisions/190); a failure is put right by `studio rebuild-results`.
	await countClicksInResults(db, data).catch((error: unknown) => console.error('results: clicks stored but not counted yet; rebuildResults will', error))
}

/** The salt of a UTC day, made on first use; salts older than two days are deleted then. */
async function daySalt(day: string): Promise<string> {
	const db = getDb()
	const found = await db.clickSalt.findUnique({ where: { day } })
	if (found) return found.salt
	await db.clickSalt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - SALT_KEEP_MS) } } })
	// Another process may make the same day's salt at the same moment: the first one written wins.
	await db.clickSalt.create({ data: { day, salt: newSalt() } }).catch((error: unknown) => {
		if (!isUniqueViolation(error)) throw error
	})
	return (await db.clickSalt.findUniqueOrThrow({ where: { day } })).salt
}
