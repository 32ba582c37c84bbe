import type { Segment } from './segment-timer.ts'

// The after-live report's arithmetic, pure so that it is tested with exact
// numbers: comments and orders per minute over the live's timeline, and the
// conversion of each product's segment.

export type MinuteBucket = { minute: number; comments: number; orders: number }

const MINUTE_MS = 60_000

/**
 * One bucket per started minute from `start` to `end` (at least one), counting
 * comments and orders by the minute they fall in. What falls outside the live
 * (orders placed later through the replay) is left out of the timeline.
 */
export function perMinute(start: Date, end: Date, commentTimes: Date[], orderTimes: Date[]): MinuteBucket[] {
	const span = Math.max(0, end.getTime() - start.getTime())
	const count = Math.max(1, Math.ceil(span / MINUTE_MS))
	const buckets: MinuteBucket[] = Array.from({ length: count }, (_, minute) => ({ minute, comments: 0, orders: 0 }))
	const place = (at: Date, key: 'comments' | 'orders') => {
		const offset = at.getTime() - start.getTime()
		if (offset < 0 || offset > span) return
		const index = Math.min(count - 1, Math.floor(offset / MINUTE_MS))
		buckets[index]![key]++
	}
	for (const at of commentTimes) place(at, 'comments')
	for (const at of orderTimes) place(at, 'orders')
	return buckets
}

export type MentionedComment = { at: Date; codes: string[] }
export type SegmentConversion = { itemId: string; code: string; comments: number; orders: number; rate: number | null }

/**
 * For each segment: the comments that mention its product while it was on
 * screen, the confirmed orders of that product made from comments of that
 * segment, and orders ÷ comments (null when nobody mentioned it).
 */
export function conversionPerSegment(
	segments: Segment[],
	codeOf: (itemId: string) => string,
	comments: MentionedComment[],
	orders: MentionedComment[],
): SegmentConversion[] {
	const within = (at: Date, segment: Segment) => at.getTime() >= segment.start.getTime() && at.getTime() < segment.end.getTime()
	return segments.map((segment) => {
		const code = codeOf(segment.itemId)
		const mentioned = comments.filter((c) => within(c.at, segment) && c.codes.includes(code)).length
		const ordered = orders.filter((o) => within(o.at, segment) && o.codes.includes(code)).length
		return { itemId: segment.itemId, code, comments: mentioned, orders: ordered, rate: mentioned === 0 ? null : ordered / mentioned }
	})
}

export type SoldLine = { code: string; name: string; qty: number; amountVnd: number }
export type TopProduct = { code: string; name: string; qty: number; revenueVnd: number }

/** Products by revenue (then quantity, then code), summed over order lines. */
export function topProducts(lines: SoldLine[]): TopProduct[] {
	const byCode = new Map<string, TopProduct>()
	for (const line of lines) {
		const known = byCode.get(line.code) ?? { code: line.code, name: line.name, qty: 0, revenueVnd: 0 }
		known.qty += line.qty
		known.revenueVnd += line.amountVnd
		byCode.set(line.code, known)
	}
	return [...byCode.values()].sort((a, b) => b.revenueVnd - a.revenueVnd || b.qty - a.qty || a.code.localeCompare(b.code))
}
