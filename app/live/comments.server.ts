// Live comments into pending orders (issue 13): every comment kept once, NFC,
// with its author and time; read by the parser with the session's lineup and
// the product on screen; orders added to the viewer's pending intent,
// cancels taken out of it; the console told at once over the co-op's events.
// The poller (workers/live/), the paste box and the file import all come in
// here (docs/decisions/173-live-comment-ingestion.md).

import crypto from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { publishCoopEvent, type CoopEvent } from '~/utils/events.server.ts'
import { normalizeText } from '~/utils/vietnamese.ts'
import { parseComment, prepareCatalogue, type LiveProduct, type ParserCatalogue } from './comment-parser.ts'
import { CommentFileError, parseCommentFile, parsePastedComments, type ImportedComment } from './comment-import.ts'
import { applyToItems, isPhoneOnly, readItems, repeatKey, stockLines, totalsByCode, viewerKeyFor, type StockLine } from './intents.ts'

export { CommentFileError }

export type IncomingComment = {
	/** The platform's comment id; null for a pasted comment (a hash of author, text and time is used). */
	externalId?: string | null
	authorId?: string | null
	author: string
	text: string
	at: Date
}

export type IngestResult = {
	/** Comments stored now. */
	added: number
	/** Comments already stored (the same platform id, or the same pasted line again). */
	duplicates: number
	/** Pending intents created or changed. */
	intentIds: string[]
	/** Codes whose pending + confirmed quantity passes the stock opened for the live. */
	oversold: string[]
}

export class LiveSessionNotFoundError extends Error {
	constructor(sessionId: string) {
		super(`No live session ${sessionId}`)
		this.name = 'LiveSessionNotFoundError'
	}
}

/** The parser's catalogue per session, rebuilt only when the lineup changes. */
const catalogues = new Map<string, { signature: string; catalogue: ParserCatalogue }>()

async function sessionContext(db: Db, sessionId: string) {
	const session = await db.liveSession.findUnique({
		where: { id: sessionId },
		select: { id: true, coopId: true, onScreenItemId: true, items: { select: { id: true, code: true, name: true, productId: true, stockOpened: true }, orderBy: { position: 'asc' } } },
	})
	if (!session) throw new LiveSessionNotFoundError(sessionId)
	const products = await db.product.findMany({ where: { coopId: session.coopId, id: { in: session.items.map((item) => item.productId) } }, select: { id: true, name: true, code: true } })
	const byId = new Map(products.map((product) => [product.id, product]))
	const lineup: LiveProduct[] = session.items.map((item) => {
		const product = byId.get(item.productId)
		// The catalogue's own name and code are aliases: a viewer may know the product by them.
		const aliases = [product?.name, product?.code].filter((alias): alias is string => !!alias && alias !== item.name && alias !== item.code)
		return { code: item.code, name: item.name, aliases }
	})
	const signature = JSON.stringify(lineup)
	let cached = catalogues.get(sessionId)
	if (!cached || cached.signature !== signature) {
		cached = { signature, catalogue: prepareCatalogue(lineup) }
		catalogues.set(sessionId, cached)
	}
	const current = session.items.find((item) => item.id === session.onScreenItemId)?.code ?? null
	return { session, catalogue: cached.catalogue, current }
}

/** A pasted comment's id: the same line pasted again is the same comment. */
export function pastedCommentId(author: string, text: string, when: string, occurrence: number) {
	return `paste-${crypto.createHash('sha256').update(`${normalizeText(author)}\n${normalizeText(text)}\n${when}\n${occurrence}`).digest('hex').slice(0, 32)}`
}

type Db = Prisma.TransactionClient

type PendingIntent = { id: string; items: string; commentIds: string; phone: string | null; version: number }

/**
 * Stores comments (idempotent on the platform id or the pasted hash), reads each with the
 * session's lineup and the product on screen, and moves the viewers' pending intents:
 * an order adds (a repeat of the same comment by the same viewer counts once), a cancel
 * removes. Publishes `live.comment` per new comment and `live.intent.updated` per intent moved.
 */
export async function ingestComments(sessionId: string, comments: IncomingComment[], db: PrismaClient = getDb()): Promise<IngestResult> {
	const { session, catalogue, current } = await sessionContext(db, sessionId)
	const result: IngestResult = { added: 0, duplicates: 0, intentIds: [], oversold: [] }
	const touched = new Set<string>()
	const sorted = [...comments].sort((a, b) => a.at.getTime() - b.at.getTime())
	// One transaction per batch: one disk sync for many comments, and the console hears of them once they are stored.
	for (let from = 0; from < sorted.length; from += BATCH) {
		const events = await db.$transaction(
			(tx) => ingestBatch(tx, { sessionId, coopId: session.coopId, catalogue, current }, sorted.slice(from, from + BATCH), result, touched),
			{ timeout: 60_000 },
		)
		for (const event of events) await publishCoopEvent(session.coopId, event)
	}
	result.intentIds = [...touched]
	if (touched.size > 0) result.oversold = (await liveStock(sessionId, db)).filter((line) => line.oversold).map((line) => line.code)
	return result
}

/** Comments stored and read in one transaction. */
const BATCH = 100

type BatchContext = { sessionId: string; coopId: string; catalogue: ParserCatalogue; current: string | null }

async function ingestBatch(db: Db, context: BatchContext, batch: IncomingComment[], result: IngestResult, touched: Set<string>): Promise<CoopEvent[]> {
	const { sessionId, catalogue, current } = context
	const events: CoopEvent[] = []
	const prepared = batch.map((incoming) => {
		const text = normalizeText(incoming.text)
		const author = normalizeText(incoming.author)
		return { incoming, text, author, authorId: incoming.authorId || null, externalId: incoming.externalId || pastedCommentId(author, text, incoming.at.toISOString(), 0) }
	})
	// Polls overlap at the `since` second: the comments already stored are left out before any parsing.
	const stored = new Set(
		(await db.liveComment.findMany({ where: { sessionId, externalId: { in: prepared.map((comment) => comment.externalId) } }, select: { externalId: true } })).map((comment) => comment.externalId),
	)
	for (const { incoming, text, author, authorId, externalId } of prepared) {
		if (stored.has(externalId)) {
			result.duplicates++
			continue
		}
		stored.add(externalId)
		const parsed = parseComment(text, catalogue, current)
		const viewerKey = viewerKeyFor({ authorId, author })
		let effect: 'order' | 'phone' | 'cancel' | 'repeat' | 'none' = parsed.intent === 'order' || parsed.intent === 'cancel' ? parsed.intent : 'none'
		// Most comments are neither orders nor cancels: only those need the viewer's pending order.
		const pending =
			effect === 'none'
				? null
				: await db.liveOrderIntent.findFirst({
						where: { sessionId, viewerKey, state: 'pending' },
						orderBy: { createdAt: 'desc' },
						select: { id: true, items: true, commentIds: true, phone: true, version: true },
					})
		if (effect === 'order' && pending && isPhoneOnly(text)) effect = 'phone'
		if (effect === 'order' && (await isRepeat(db, sessionId, authorId, author, text))) effect = 'repeat'
		const notes = effect === 'repeat' ? ['the same comment again from this viewer: counted once'] : effect === 'phone' ? ['a phone number for the pending order, nothing more ordered'] : []
		const comment = await db.liveComment.create({
			data: {
				sessionId,
				coopId: context.coopId,
				externalId,
				author,
				authorId,
				text,
				at: incoming.at,
				intent: parsed.intent,
				parsed: JSON.stringify({ items: parsed.items, phone: parsed.phone, debug: [...parsed.debug, ...notes], effect }),
			},
			select: { id: true },
		})
		result.added++
		events.push({ type: 'live.comment', sessionId, commentId: comment.id, intent: parsed.intent })

		let moved: { id: string; state: string } | null = null
		if (effect === 'order' || effect === 'phone') {
			moved = await addToIntent(db, sessionId, pending, { viewerKey, viewerName: author, commentId: comment.id, items: effect === 'order' ? parsed.items : [], phone: parsed.phone })
		} else if (effect === 'cancel' && pending) {
			// "thôi k lấy nữa" names no product: it cancels the viewer's whole order, not just the product on screen.
			const named = parseComment(text, catalogue, null).items
			moved = await cancelFromIntent(db, pending, comment.id, named)
		}
		if (moved) {
			touched.add(moved.id)
			events.push({ type: 'live.intent.updated', sessionId, intentId: moved.id, state: moved.state })
		}
	}
	return events
}

/** The same comment (as folded, punctuation aside) already counted for this viewer. */
async function isRepeat(db: Db, sessionId: string, authorId: string | null, author: string, text: string) {
	const earlier = await db.liveComment.findMany({
		where: { sessionId, intent: 'order', ...(authorId ? { authorId } : { authorId: null, author }) },
		select: { text: true },
		orderBy: { at: 'desc' },
		take: 200,
	})
	const key = repeatKey(text)
	return earlier.some((comment) => repeatKey(comment.text) === key)
}

async function addToIntent(
	db: Db,
	sessionId: string,
	pending: PendingIntent | null,
	add: { viewerKey: string; viewerName: string; commentId: string; items: Array<{ code: string; qty: number }>; phone: string | null },
): Promise<{ id: string; state: string }> {
	let current = pending
	// Two writers (the poller and a paste) may move one intent at once: the version settles it.
	for (let attempt = 0; attempt < 5; attempt++) {
		if (!current) {
			const created = await db.liveOrderIntent.create({
				data: { sessionId, viewerKey: add.viewerKey, viewerName: add.viewerName, commentIds: JSON.stringify([add.commentId]), items: JSON.stringify(add.items), phone: add.phone },
				select: { id: true },
			})
			return { id: created.id, state: 'pending' }
		}
		const { count } = await db.liveOrderIntent.updateMany({
			where: { id: current.id, version: current.version, state: 'pending' },
			data: {
				items: JSON.stringify(applyToItems(readItems(current.items), 'order', add.items)),
				commentIds: JSON.stringify([...readStrings(current.commentIds), add.commentId]),
				phone: add.phone ?? current.phone,
				viewerName: add.viewerName || undefined,
				version: { increment: 1 },
			},
		})
		if (count === 1) return { id: current.id, state: 'pending' }
		current = await db.liveOrderIntent.findFirst({
			where: { sessionId, viewerKey: add.viewerKey, state: 'pending' },
			orderBy: { createdAt: 'desc' },
			select: { id: true, items: true, commentIds: true, phone: true, version: true },
		})
	}
	throw new Error(`The pending order of ${add.viewerKey} kept changing under this comment`)
}

/** Takes the cancelled items out; a pending order left with nothing becomes `cancelled` (the viewer's own doing). */
async function cancelFromIntent(db: Db, pending: PendingIntent, commentId: string, items: Array<{ code: string; qty: number }>): Promise<{ id: string; state: string } | null> {
	const left = applyToItems(readItems(pending.items), 'cancel', items)
	const state = left.length === 0 ? 'cancelled' : 'pending'
	const { count } = await db.liveOrderIntent.updateMany({
		where: { id: pending.id, version: pending.version, state: 'pending' },
		data: {
			items: JSON.stringify(left),
			commentIds: JSON.stringify([...readStrings(pending.commentIds), commentId]),
			state,
			version: { increment: 1 },
		},
	})
	return count === 1 ? { id: pending.id, state } : null
}

function readStrings(json: string): string[] {
	try {
		const parsed: unknown = JSON.parse(json)
		return Array.isArray(parsed) ? parsed.filter((value): value is string => typeof value === 'string') : []
	} catch {
		return []
	}
}

/** Per product of the lineup: pending and confirmed quantities against the stock opened, oversold flagged. */
export async function liveStock(sessionId: string, db: PrismaClient = getDb()): Promise<StockLine[]> {
	const [items, intents] = await Promise.all([
		db.liveItem.findMany({ where: { sessionId }, select: { code: true, stockOpened: true }, orderBy: { position: 'asc' } }),
		db.liveOrderIntent.findMany({ where: { sessionId, state: { in: ['pending', 'confirmed'] } }, select: { state: true, items: true } }),
	])
	const of = (state: string) => totalsByCode(intents.filter((intent) => intent.state === state).map((intent) => readItems(intent.items)))
	return stockLines(items, of('pending'), of('confirmed'))
}

function toIncoming(comments: ImportedComment[], now: Date): IncomingComment[] {
	const seen = new Map<string, number>()
	return comments.map((comment) => {
		const when = comment.at?.toISOString() ?? comment.clock ?? ''
		const key = `${comment.author}\n${comment.text}\n${when}`
		const occurrence = seen.get(key) ?? 0
		seen.set(key, occurrence + 1)
		return { externalId: pastedCommentId(comment.author, comment.text, when, occurrence), authorId: null, author: comment.author, text: comment.text, at: comment.at ?? now }
	})
}

/** The paste box: one comment a line ("Name: text" or the text alone). Pasting the same lines again adds nothing. */
export async function importPastedComments(sessionId: string, text: string, db: PrismaClient = getDb()): Promise<IngestResult & { skipped: number }> {
	const { comments, skipped } = parsePastedComments(text)
	return { ...(await ingestComments(sessionId, toIncoming(comments, new Date()), db)), skipped }
}

/**
 * A comment exporter's file (JSON array, {comments: [...]}, JSON lines) or a text file read like a paste.
 * Throws CommentFileError ('unreadable' | 'not_comments') for a file that holds no comments.
 */
export async function importCommentFile(sessionId: string, content: Buffer, fileName: string, db: PrismaClient = getDb()): Promise<IngestResult & { skipped: number }> {
	const { comments, skipped } = parseCommentFile(content.toString('utf8'), fileName)
	return { ...(await ingestComments(sessionId, toIncoming(comments, new Date()), db)), skipped }
}
