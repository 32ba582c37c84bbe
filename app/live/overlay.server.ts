import { qrSvg } from '~/links/qr.server.ts'
import { vietQrPayload } from '~/orders/vietqr.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { maskBuyerName } from './buyer-name.ts'
import { parseIntentItems } from './intent-decisions.ts'
import { hashOverlayToken } from './sessions.server.ts'

// The OBS overlay's data (issue 13): opened by a secret link without sign-in,
// so this module is the only door and it passes on public fields only: the
// product on screen (code, name, price, unit, whether it has a photo), a QR,
// the latest confirmed orders with masked names, and the stock counter. No
// ids of people, no phone numbers, no full names.

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/

/** The session a token opens, or null (wrong, rotated or malformed token; archived session). */
export async function findOverlaySession(token: string, db: PrismaClient = getDb()) {
	if (!TOKEN_SHAPE.test(token)) return null
	return db.liveSession.findFirst({ where: { overlayTokenHash: hashOverlayToken(token), archivedAt: null }, select: { id: true, coopId: true } })
}

export type OverlayView = {
	state: string
	product: { code: string; name: string; priceVnd: number; unit: string; hasPhoto: boolean } | null
	stock: { sold: number; opened: number | null } | null
	qr: { svg: string; kind: 'vietqr' | 'link'; text: string } | null
	ticker: Array<{ key: string; buyer: string; qty: number; unit: string; code: string }>
}

const TICKER_SIZE = 5

/** What the overlay shows now; `origin` makes the tracked link absolute for the QR. */
export async function overlayView(sessionId: string, origin: string, db: PrismaClient = getDb()): Promise<OverlayView> {
	const session = await db.liveSession.findUniqueOrThrow({
		where: { id: sessionId },
		select: { coopId: true, state: true, onScreenItemId: true, coop: { select: { bankBin: true, bankAccount: true } } },
	})
	const item = session.onScreenItemId ? await db.liveItem.findFirst({ where: { id: session.onScreenItemId, sessionId } }) : null
	const product = item ? await db.product.findFirst({ where: { id: item.productId, coopId: session.coopId }, select: { unit: true, photos: { select: { mediaId: true }, take: 1 } } }) : null
	const [link, confirmed, sold] = await Promise.all([
		db.trackedLink.findUnique({ where: { liveSessionId: sessionId }, select: { slug: true } }),
		db.liveOrderIntent.findMany({ where: { sessionId, state: 'confirmed' }, orderBy: { decidedAt: 'desc' }, take: TICKER_SIZE, select: { id: true, viewerName: true, items: true } }),
		item
			? db.orderLine.aggregate({ where: { code: item.code, order: { coopId: session.coopId, liveSessionId: sessionId, state: { not: 'cancelled' } } }, _sum: { qty: true } })
			: null,
	])
	const units = await db.liveItem.findMany({ where: { sessionId }, select: { code: true, productId: true } })
	const unitRows = await db.product.findMany({ where: { coopId: session.coopId, id: { in: units.map((u) => u.productId) } }, select: { id: true, unit: true } })
	const unitByCode = new Map(units.map((u) => [u.code, unitRows.find((p) => p.id === u.productId)?.unit ?? '']))
	// With the co-op's bank account the QR is a VietQR transfer (the buyer types the amount, the
	// content names the product on screen); without one it opens the live's tracked link.
	const linkText = link ? `${origin.replace(/\/+$/, '')}/l/${link.slug}` : null
	const { bankBin, bankAccount } = session.coop
	const vietQr = bankBin && bankAccount ? vietQrPayload({ bin: bankBin, account: bankAccount, purpose: item ? `LIVE ${item.code}` : 'LIVE' }) : null
	return {
		state: session.state,
		product: item ? { code: item.code, name: item.name, priceVnd: item.priceVnd, unit: product?.unit ?? '', hasPhoto: (product?.photos.length ?? 0) > 0 } : null,
		stock: item ? { sold: sold?._sum.qty ?? 0, opened: item.stockOpened } : null,
		qr: vietQr
			? { svg: await qrSvg(vietQr), kind: 'vietqr', text: vietQr }
			: linkText ? { svg: await qrSvg(linkText), kind: 'link', text: linkText } : null,
		ticker: confirmed.flatMap((intent) => {
			const first = parseIntentItems(intent.items)[0]
			return first ? [{ key: intent.id.slice(-8), buyer: maskBuyerName(intent.viewerName), qty: first.qty, unit: unitByCode.get(first.code) ?? '', code: first.code }] : []
		}),
	}
}

/** The storage key of the on-screen product's cover photo thumbnail, or null. */
export async function overlayPhotoKey(sessionId: string, db: PrismaClient = getDb()): Promise<string | null> {
	const session = await db.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { coopId: true, onScreenItemId: true } })
	if (!session.onScreenItemId) return null
	const item = await db.liveItem.findFirst({ where: { id: session.onScreenItemId, sessionId }, select: { productId: true } })
	if (!item) return null
	const photo = await db.productPhoto.findFirst({
		where: { productId: item.productId, product: { coopId: session.coopId }, media: { coopId: session.coopId, status: 'ready' } },
		orderBy: { position: 'asc' },
		select: { media: { select: { thumbKey: true } } },
	})
	return photo?.media.thumbKey ?? null
}

/** The overlay page's data for a token, or null for a wrong token (the route answers 404). */
export async function loadOverlay(token: string, origin: string, db: PrismaClient = getDb()) {
	const session = await findOverlaySession(token, db)
	return session ? overlayView(session.id, origin, db) : null
}

/** Events that change what the overlay shows: this session's live events, and new live orders. */
export function overlayCares(event: { type: string; sessionId?: string; source?: string }, sessionId: string): boolean {
	if (event.type.startsWith('live.')) return event.sessionId === sessionId
	return event.type === 'order.created' && event.source === 'live'
}
