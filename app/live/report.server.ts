import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { parseIntentItems } from './intent-decisions.ts'
import { conversionPerSegment, perMinute, topProducts } from './live-report.ts'
import { segmentsOf } from './segment-timer.ts'
import { LiveNotFound } from './sessions.server.ts'

// The after-live report (issue 13): orders and revenue of the live (orders
// placed later through its tracked link are attributed by the results
// module), top products, comments and orders per minute, conversion per
// product segment, and pending orders left with a phone number to call back.

export async function loadReport(coopId: string, sessionId: string, db: PrismaClient = getDb(), now = new Date()) {
	const session = await db.liveSession.findFirst({ where: { id: sessionId, coopId, archivedAt: null } })
	if (!session) throw new LiveNotFound(sessionId)
	const [items, orders, comments, intents, link] = await Promise.all([
		db.liveItem.findMany({ where: { sessionId }, orderBy: { position: 'asc' } }),
		db.order.findMany({
			where: { coopId, liveSessionId: sessionId, state: { not: 'cancelled' } },
			select: { id: true, placedAt: true, totalVnd: true, externalId: true, lines: { select: { code: true, name: true, qty: true, amountVnd: true } } },
		}),
		db.liveComment.findMany({ where: { sessionId }, select: { at: true, parsed: true, intent: true } }),
		db.liveOrderIntent.findMany({ where: { sessionId }, select: { id: true, state: true, viewerName: true, phone: true, items: true, createdAt: true, commentIds: true } }),
		db.trackedLink.findUnique({ where: { liveSessionId: sessionId }, select: { slug: true } }),
	])
	const start = session.startedAt ?? session.scheduledAt ?? session.createdAt
	const end = session.endedAt ?? (session.state === 'live' ? now : start)
	const segments = segmentsOf(
		items.filter((item) => item.startedAt).map((item) => ({ itemId: item.id, startedAt: item.startedAt! })),
		end,
	)
	const codeOf = new Map(items.map((item) => [item.id, item.code]))
	const intentById = new Map(intents.map((intent) => [intent.id, intent]))
	// An order's moment in the live is when its viewer commented (the intent's creation), not when staff confirmed.
	const orderMoments = orders.map((order) => {
		const intent = order.externalId ? intentById.get(order.externalId) : undefined
		return { at: intent?.createdAt ?? order.placedAt, codes: order.lines.map((line) => line.code) }
	})
	return {
		session: { id: session.id, title: session.title, state: session.state, startedAt: session.startedAt, endedAt: session.endedAt, replayUrl: session.replayUrl },
		link,
		orders: orders.length,
		revenueVnd: orders.reduce((sum, order) => sum + order.totalVnd, 0),
		comments: comments.length,
		top: topProducts(orders.flatMap((order) => order.lines)),
		timeline: { start, end, minutes: perMinute(start, end, comments.map((c) => c.at), orderMoments.map((o) => o.at)) },
		conversion: conversionPerSegment(segments, (id) => codeOf.get(id) ?? '', comments.map((c) => ({ at: c.at, codes: mentionedCodes(c.parsed) })), orderMoments),
		leftovers: intents
			.filter((intent) => intent.state === 'pending' && intent.phone)
			.map((intent) => ({ id: intent.id, viewerName: intent.viewerName, phone: intent.phone!, items: parseIntentItems(intent.items), createdAt: intent.createdAt })),
	}
}

/** The product codes the parser found in a comment (its `parsed` JSON: `{items: [{code, qty}]}`). */
function mentionedCodes(parsed: string): string[] {
	try {
		const value = JSON.parse(parsed) as { items?: unknown }
		return parseIntentItems(JSON.stringify(value.items ?? [])).map((item) => item.code)
	} catch {
		return []
	}
}
