import { pageLiveVideos, startCommentPolling } from './live-polling.server.ts'
import crypto from 'node:crypto'
import { z } from 'zod'
import { isUniqueViolation } from '~/accounts/prisma-errors.server.ts'
import { qrSvg } from '~/links/qr.server.ts'
import { randomSlug } from '~/links/slug.ts'
import productsVi from '~/locales/vi/products.json'
import { parseStoredCertifications } from '~/products/certifications.ts'
import { dayOfInstant, localToInstant } from '~/utils/coop-time.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { decryptSecret, encryptSecret, EncryptionKeyMissingError } from '~/utils/encryption.server.ts'
import { publishCoopEvent } from '~/utils/events.server.ts'
import { normalizeText } from '~/utils/vietnamese.ts'
import {
	addChecklistItem,
	DEFAULT_CHECKLIST,
	listKindOf,
	nextLiveState,
	parseChecklist,
	removeChecklistItem,
	toggleChecklist,
	type ChecklistItem,
} from './run-sheet.ts'
import { writeTalkingPoints } from './talking-points.server.ts'
import type { TalkingFacts } from './talking-points.ts'

// Live sessions and their run sheets (issue 13): the lineup, talking points,
// segment timers, checklist, where the live runs, its tracked link and the
// overlay's secret link. Every function takes the co-op id and finds records
// with `where: { id, coopId }`, so another co-op's id reads as not found.

export class LiveNotFound extends Error {}

async function requireSession(db: PrismaClient, coopId: string, sessionId: string) {
	const session = await db.liveSession.findFirst({ where: { id: sessionId, coopId, archivedAt: null } })
	if (!session) throw new LiveNotFound(sessionId)
	return session
}

export async function listSessions(coopId: string, db: PrismaClient = getDb()) {
	const rows = await db.liveSession.findMany({
		where: { coopId, archivedAt: null },
		orderBy: [{ scheduledAt: 'desc' }, { createdAt: 'desc' }],
		select: { id: true, title: true, state: true, platform: true, scheduledAt: true, startedAt: true, endedAt: true, _count: { select: { items: true } } },
		take: 200,
	})
	const lists = { live: [] as typeof sessions, planned: [] as typeof sessions, past: [] as typeof sessions }
	const sessions = rows.map((row) => ({ ...row, items: row._count.items }))
	for (const session of sessions) lists[listKindOf(session.state)].push(session)
	// Soonest planned first; past most recent first (as fetched).
	lists.planned.reverse()
	return lists
}

export const NewSessionSchema = z.object({
	title: z.string().trim().min(1).max(120),
	day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
	time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
	platform: z.enum(['facebook', 'other']).default('other'),
	channelId: z.string().trim().max(60).optional(),
	liveVideoId: z.string().trim().regex(/^[0-9_]{1,60}$/).optional(),
})
export type NewSessionInput = z.infer<typeof NewSessionSchema>

async function coopZone(db: PrismaClient, coopId: string) {
	const coop = await db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { timezone: true } })
	return coop.timezone
}

/** A new planned live with the default checklist and its tracked link. */
export async function createSession(coopId: string, userId: string, input: NewSessionInput, db: PrismaClient = getDb()) {
	const timeZone = await coopZone(db, coopId)
	const scheduledAt = input.day ? localToInstant(input.day, input.time ?? '20:00', timeZone) : null
	const channelId = input.platform === 'facebook' && input.channelId ? await facebookChannelId(db, coopId, input.channelId) : null
	const session = await db.liveSession.create({
		data: {
			coopId,
			title: normalizeText(input.title),
			platform: input.platform,
			channelId,
			liveVideoId: input.platform === 'facebook' ? (input.liveVideoId ?? null) : null,
			scheduledAt,
			checklist: JSON.stringify(DEFAULT_CHECKLIST),
			createdById: userId,
		},
		select: { id: true },
	})
	await ensureLiveLink(coopId, session.id, db)
	return session
}

async function facebookChannelId(db: PrismaClient, coopId: string, channelId: string) {
	const channel = await db.channel.findFirst({ where: { id: channelId, coopId, platform: 'facebook_page', archivedAt: null }, select: { id: true } })
	return channel?.id ?? null
}

/** The Facebook Pages a live can run on (the connected, unarchived ones). */
export async function facebookPagesOf(coopId: string, db: PrismaClient = getDb()) {
	return db.channel.findMany({ where: { coopId, platform: 'facebook_page', archivedAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
}

/**
 * The session's tracked link (kind `live`), made once with the session. It
 * leads to the public page of the lineup's first product (set when that
 * product is added, `addLineupItem`), with UTM fields for the livestream; an
 * order through it, during the live or after from the replay, is the live's.
 */
export async function ensureLiveLink(coopId: string, sessionId: string, db: PrismaClient = getDb()) {
	const known = await db.trackedLink.findUnique({ where: { liveSessionId: sessionId }, select: { id: true, slug: true } })
	if (known) return known
	for (let attempt = 0; attempt < 5; attempt++) {
		try {
			return await db.trackedLink.create({
				data: {
					coopId, slug: randomSlug(), kind: 'live', liveSessionId: sessionId, destination: 'product-page', label: 'live',
					productId: (await db.liveItem.findFirst({ where: { sessionId }, orderBy: { position: 'asc' }, select: { productId: true } }))?.productId ?? null,
					utmSource: 'livestream', utmMedium: 'live',
				},
				select: { id: true, slug: true },
			})
		} catch (error) {
			if (!isUniqueViolation(error)) throw error
			const raced = await db.trackedLink.findUnique({ where: { liveSessionId: sessionId }, select: { id: true, slug: true } })
			if (raced) return raced
		}
	}
	throw new Error('Could not find a free slug for the live link')
}

/** Everything the run sheet page shows. */
export async function loadRunSheet(coopId: string, sessionId: string, origin: string, db: PrismaClient = getDb()) {
	const session = await requireSession(db, coopId, sessionId)
	const [items, link, products, timeZone, pages] = await Promise.all([
		db.liveItem.findMany({ where: { sessionId }, orderBy: { position: 'asc' } }),
		ensureLiveLink(coopId, sessionId, db),
		db.product.findMany({ where: { coopId, archivedAt: null }, select: { id: true, code: true, name: true, priceVnd: true, unit: true }, orderBy: { code: 'asc' } }),
		coopZone(db, coopId),
		facebookPagesOf(coopId, db),
	])
	const inLineup = new Set(items.map((item) => item.productId))
	const base = origin.replace(/\/+$/, '')
	// The Page's live videos to choose from (the id can still be typed when Facebook cannot be asked).
	const liveVideos =
		session.platform === 'facebook' && session.channelId
			? await pageLiveVideos(coopId, session.channelId, db)
					.then((videos) => videos.map((v) => ({ id: v.id, title: v.title, status: v.status })))
					.catch(() => [])
			: []
	const linkUrl = `${base}/l/${link.slug}`
	const overlayToken = readOverlayToken(session.overlayToken)
	return {
		session: {
			id: session.id,
			title: session.title,
			state: session.state,
			platform: session.platform,
			channelId: session.channelId,
			liveVideoId: session.liveVideoId,
			scheduledAt: session.scheduledAt,
			startedAt: session.startedAt,
			endedAt: session.endedAt,
			replayUrl: session.replayUrl,
			onScreenItemId: session.onScreenItemId,
			checklist: parseChecklist(session.checklist),
			overlayUrl: overlayToken ? `${base}/overlay/${overlayToken}` : null,
			hasOverlay: session.overlayTokenHash !== null,
		},
		items,
		link: { slug: link.slug, url: linkUrl, qrSvg: await qrSvg(linkUrl) },
		addable: products.filter((product) => !inLineup.has(product.id)),
		timeZone,
		pages,
		liveVideos,
	}
}

function readOverlayToken(stored: string | null): string | null {
	if (!stored) return null
	try {
		return decryptSecret(stored)
	} catch {
		return null
	}
}

export const SessionDetailsSchema = z.object({
	title: z.string().trim().min(1).max(120),
	day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
	time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
	platform: z.enum(['facebook', 'other']),
	channelId: z.string().trim().max(60).optional(),
	liveVideoId: z.string().trim().regex(/^[0-9_]{1,60}$/).optional(),
	replayUrl: z.string().trim().url().max(500).optional(),
})

export async function updateSessionDetails(coopId: string, sessionId: string, input: z.infer<typeof SessionDetailsSchema>, db: PrismaClient = getDb()) {
	await requireSession(db, coopId, sessionId)
	const timeZone = await coopZone(db, coopId)
	const channelId = input.platform === 'facebook' && input.channelId ? await facebookChannelId(db, coopId, input.channelId) : null
	await db.liveSession.update({
		where: { id: sessionId },
		data: {
			title: normalizeText(input.title),
			scheduledAt: input.day ? localToInstant(input.day, input.time ?? '20:00', timeZone) : null,
			platform: input.platform,
			channelId,
			liveVideoId: input.platform === 'facebook' ? (input.liveVideoId ?? null) : null,
			replayUrl: input.replayUrl ?? null,
		},
	})
}

/** Adds a product to the lineup with its price, and as its talking points the offline template. */
export async function addLineupItem(coopId: string, sessionId: string, productId: string, db: PrismaClient = getDb()) {
	await requireSession(db, coopId, sessionId)
	const product = await db.product.findFirst({ where: { id: productId, coopId } })
	if (!product) throw new LiveNotFound(productId)
	const last = await db.liveItem.findFirst({ where: { sessionId }, orderBy: { position: 'desc' }, select: { position: true } })
	try {
		await db.liveItem.create({
			data: { sessionId, productId, position: (last?.position ?? -1) + 1, code: product.code, name: product.name, priceVnd: product.priceVnd },
		})
	} catch (error) {
		if (!isUniqueViolation(error)) throw error
	}
	// The live's link leads to the first product of its lineup.
	await db.trackedLink.updateMany({ where: { liveSessionId: sessionId, productId: null }, data: { productId } })
}

export const LineupItemSchema = z.object({
	priceVnd: z.coerce.number().int().min(0).max(1_000_000_000),
	stockOpened: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().min(0).max(1_000_000).nullable()),
	segmentMinutes: z.coerce.number().min(0.5).max(180),
	talkingPoints: z.string().max(4000).default(''),
})

export async function updateLineupItem(coopId: string, sessionId: string, itemId: string, input: z.infer<typeof LineupItemSchema>, db: PrismaClient = getDb()) {
	await requireSession(db, coopId, sessionId)
	const updated = await db.liveItem.updateMany({
		where: { id: itemId, sessionId },
		data: {
			priceVnd: input.priceVnd,
			stockOpened: input.stockOpened,
			segmentSeconds: Math.round(input.segmentMinutes * 60),
			talkingPoints: input.talkingPoints.normalize('NFC').trim(),
		},
	})
	if (updated.count === 0) throw new LiveNotFound(itemId)
}

export async function removeLineupItem(coopId: string, sessionId: string, itemId: string, db: PrismaClient = getDb()) {
	const session = await requireSession(db, coopId, sessionId)
	await db.liveItem.deleteMany({ where: { id: itemId, sessionId } })
	if (session.onScreenItemId === itemId) await db.liveSession.update({ where: { id: sessionId }, data: { onScreenItemId: null } })
}

export async function moveLineupItem(coopId: string, sessionId: string, itemId: string, direction: 'up' | 'down', db: PrismaClient = getDb()) {
	await requireSession(db, coopId, sessionId)
	const items = await db.liveItem.findMany({ where: { sessionId }, orderBy: { position: 'asc' }, select: { id: true } })
	const index = items.findIndex((item) => item.id === itemId)
	const other = direction === 'up' ? index - 1 : index + 1
	if (index < 0 || other < 0 || other >= items.length) return
	;[items[index], items[other]] = [items[other]!, items[index]!]
	await db.$transaction(items.map((item, position) => db.liveItem.update({ where: { id: item.id }, data: { position } })))
}

/** Talking points for one lineup item from OpenAI when configured, else the offline template. */
export async function suggestTalkingPoints(coopId: string, sessionId: string, itemId: string, db: PrismaClient = getDb()) {
	await requireSession(db, coopId, sessionId)
	const item = await db.liveItem.findFirst({ where: { id: itemId, sessionId } })
	if (!item) throw new LiveNotFound(itemId)
	const product = await db.product.findFirst({ where: { id: item.productId, coopId } })
	const timeZone = await coopZone(db, coopId)
	const labels = productsVi.certifications as Record<string, string>
	const facts: TalkingFacts = {
		code: item.code,
		name: item.name,
		unit: product?.unit ?? '',
		priceVnd: item.priceVnd,
		growingArea: product?.growingArea ?? null,
		producerGroup: product?.producerGroup ?? null,
		batch: product?.batch ?? null,
		harvestDay: product?.harvestDate ? dayOfInstant(product.harvestDate, timeZone) : null,
		certifications: parseStoredCertifications(product?.certifications ?? '[]').map((tag) => labels[tag] ?? tag),
		stockOpened: item.stockOpened,
	}
	const written = await writeTalkingPoints(facts)
	await db.liveItem.update({ where: { id: itemId }, data: { talkingPoints: written.text } })
	return written.source
}

export type ChecklistChange =
	| { kind: 'toggle'; id: string; done: boolean }
	| { kind: 'add'; label: string }
	| { kind: 'remove'; id: string }

export async function changeChecklist(coopId: string, sessionId: string, change: ChecklistChange, db: PrismaClient = getDb()) {
	const session = await requireSession(db, coopId, sessionId)
	const items = parseChecklist(session.checklist)
	let next: ChecklistItem[]
	if (change.kind === 'toggle') next = toggleChecklist(items, change.id, change.done)
	else if (change.kind === 'add') next = addChecklistItem(items, change.label, crypto.randomBytes(4).toString('hex'))
	else next = removeChecklistItem(items, change.id)
	await db.liveSession.update({ where: { id: sessionId }, data: { checklist: JSON.stringify(next) } })
}

/** Start or end the live; the first product of the lineup goes on screen at the start when none is. */
export async function moveLive(coopId: string, sessionId: string, move: 'start' | 'end', db: PrismaClient = getDb(), now = new Date()) {
	const session = await requireSession(db, coopId, sessionId)
	const to = nextLiveState(session.state, move)
	if (!to) return { ok: false as const }
	let onScreenItemId = session.onScreenItemId
	if (move === 'start' && !onScreenItemId) {
		const first = await db.liveItem.findFirst({ where: { sessionId }, orderBy: { position: 'asc' }, select: { id: true } })
		onScreenItemId = first?.id ?? null
		if (onScreenItemId) await db.liveItem.update({ where: { id: onScreenItemId }, data: { startedAt: now } })
	}
	const moved = await db.liveSession.updateMany({
		where: { id: sessionId, state: session.state },
		data: move === 'start' ? { state: to, startedAt: now, onScreenItemId } : { state: to, endedAt: now },
	})
	if (moved.count !== 1) return { ok: false as const }
	await publishCoopEvent(coopId, { type: 'live.session.updated', sessionId, onScreenItemId, state: to }).catch(() => undefined)
	// A Facebook live's comments are read from now on; if Redis is away, the reconciler starts the poller within a minute.
	if (to === 'live') await startCommentPolling(sessionId, db).catch((error: unknown) => console.error(`live ${sessionId}: comment polling not started yet`, error))
	return { ok: true as const, state: to }
}

export function hashOverlayToken(token: string): string {
	return crypto.createHash('sha256').update(token).digest('hex')
}

/**
 * A new secret overlay link (the old one stops working at once). The token is
 * kept encrypted when ENCRYPTION_KEY is set so staff can copy it again later;
 * without a key it is shown only this once.
 */
export async function rotateOverlayToken(coopId: string, sessionId: string, db: PrismaClient = getDb()) {
	await requireSession(db, coopId, sessionId)
	const token = crypto.randomBytes(24).toString('base64url')
	let stored: string | null = null
	try {
		stored = encryptSecret(token)
	} catch (error) {
		if (!(error instanceof EncryptionKeyMissingError)) throw error
	}
	await db.liveSession.update({ where: { id: sessionId }, data: { overlayTokenHash: hashOverlayToken(token), overlayToken: stored } })
	return token
}
