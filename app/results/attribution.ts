// Which source gets the credit for an order (issue 12;
// docs/decisions/189-attribution.md). Pure: the write hook in
// rollups.server.ts gathers an order's facts and stores the answer for each
// model, and the dashboard only adds the stored answers up.
//
// Exact credit, first rule that applies wins:
//   1. live    — the order was taken during a livestream (Order.liveSessionId);
//   2. promo   — the order carries a promo code the co-op gave to a video,
//                post or livestream (no window: a code is proof);
//   3. staff   — a staff member picked the source by hand;
//   4. click   — the last click (or the first, by the co-op's choice) within
//                the window: click time ≤ order time ≤ click time + window;
//   otherwise "none": unattributed, shown as such, never guessed.
// Estimated credit (ước tính) is separate: a marketplace order without exact
// credit is shared among the videos whose links sent clicks to that
// product's listing in the window before it, by click share.

export const ATTRIBUTION_MODELS = ['last', 'first'] as const
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number]

export const DEFAULT_WINDOW_DAYS = 7
export const MIN_WINDOW_DAYS = 1
export const MAX_WINDOW_DAYS = 90

export function isAttributionModel(value: unknown): value is AttributionModel {
	return value === 'last' || value === 'first'
}

/** A window a person may choose: a whole number of days from 1 to 90. */
export function isWindowDays(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= MIN_WINDOW_DAYS && value <= MAX_WINDOW_DAYS
}

/** What a credit points at; every field that is not known is null. */
export type CreditSource = {
	postId: string | null
	targetId: string | null
	renderId: string | null
	channelId: string | null
	liveSessionId: string | null
	linkId: string | null
}

export const NO_SOURCE: CreditSource = { postId: null, targetId: null, renderId: null, channelId: null, liveSessionId: null, linkId: null }

export function source(partial: Partial<CreditSource>): CreditSource {
	return { ...NO_SOURCE, ...partial }
}

export type ClickFact = { at: Date; source: CreditSource }

export type OrderFacts = {
	placedAt: Date
	/** Set when the order was confirmed during a livestream. */
	liveSessionId: string | null
	/** The source of the order's promo code, null when it has none or the code is not the co-op's. */
	promo: CreditSource | null
	/** The source a staff member picked, null when none. */
	staff: CreditSource | null
	firstClick: ClickFact | null
	lastClick: ClickFact | null
}

export type CreditKind = 'live' | 'promo' | 'staff' | 'click' | 'none'
export type Credit = { kind: CreditKind; source: CreditSource }

const DAY_MS = 86_400_000

/** A click counts for an order placed at or after it and no later than `windowDays` after it. */
export function clickInWindow(clickAt: Date, placedAt: Date, windowDays: number): boolean {
	const gap = placedAt.getTime() - clickAt.getTime()
	return gap >= 0 && gap <= windowDays * DAY_MS
}

/** The click that gets the credit under `model`, or null when no stored click is within the window. */
export function creditedClick(order: Pick<OrderFacts, 'placedAt' | 'firstClick' | 'lastClick'>, model: AttributionModel, windowDays: number): ClickFact | null {
	const inWindow = (click: ClickFact | null) => (click && clickInWindow(click.at, order.placedAt, windowDays) ? click : null)
	// First click: the first one if it is still in the window, else the last one
	// (the earliest click known to be in it). Last click: never an older one.
	return model === 'first' ? (inWindow(order.firstClick) ?? inWindow(order.lastClick)) : inWindow(order.lastClick)
}

/** The exact credit for one order under `model` and a window of `windowDays`. */
export function attribute(order: OrderFacts, model: AttributionModel, windowDays: number): Credit {
	if (order.liveSessionId) return { kind: 'live', source: source({ liveSessionId: order.liveSessionId }) }
	if (order.promo) return { kind: 'promo', source: order.promo }
	if (order.staff) return { kind: 'staff', source: order.staff }
	const click = creditedClick(order, model, windowDays)
	if (click) return { kind: 'click', source: click.source }
	return { kind: 'none', source: NO_SOURCE }
}

export const MARKETPLACES = ['shopee', 'lazada', 'tiktok-shop'] as const

export function isMarketplace(orderSource: string): boolean {
	return (MARKETPLACES as readonly string[]).includes(orderSource)
}

/** One video's clicks to a product's marketplace listing in the window before an order. */
export type ListingClicks = { source: CreditSource; clicks: number }

export type EstimateLine = { productId: string | null; amountVnd: number }

export type EstimatedShare = { productId: string; source: CreditSource; orderShare: number; revenueVnd: number }

/**
 * Shares an order among videos by click share, product line by product line:
 * each line weighs its amount's part of the order (equal parts when the
 * amounts are all zero), and that part of one order and of `totalVnd` goes to
 * the videos that sent clicks to the line's product, in proportion to their
 * clicks. Lines nobody sent clicks for stay unattributed. Revenue is whole
 * đồng, rounded so that the shares add up exactly to the part shared out.
 */
export function estimateShares(order: { totalVnd: number; lines: EstimateLine[] }, clicksByProduct: ReadonlyMap<string, ListingClicks[]>): EstimatedShare[] {
	const lines = order.lines
	const amounts = lines.reduce((sum, line) => sum + Math.max(0, line.amountVnd), 0)
	const cells: Array<{ productId: string; source: CreditSource; orderShare: number; revenue: number }> = []
	lines.forEach((line) => {
		if (!line.productId) return
		const weight = amounts > 0 ? Math.max(0, line.amountVnd) / amounts : 1 / lines.length
		const videos = (clicksByProduct.get(line.productId) ?? []).filter((video) => video.clicks > 0)
		const clicks = videos.reduce((sum, video) => sum + video.clicks, 0)
		for (const video of videos) {
			const share = (weight * video.clicks) / clicks
			cells.push({ productId: line.productId, source: video.source, orderShare: share, revenue: share * order.totalVnd })
		}
	})
	const revenues = apportion(
		cells.map((cell) => cell.revenue),
		Math.round(cells.reduce((sum, cell) => sum + cell.revenue, 0)),
	)
	return cells.map((cell, index) => ({ productId: cell.productId, source: cell.source, orderShare: cell.orderShare, revenueVnd: revenues[index]! }))
}

/**
 * Whole numbers adding up to `total`, each the floor of its real value plus
 * one for the largest remainders (the earlier one first on a tie).
 */
export function apportion(values: number[], total: number): number[] {
	const floors = values.map((value) => Math.floor(value))
	let left = total - floors.reduce((sum, value) => sum + value, 0)
	const order = values.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index)
	for (const { index } of order) {
		if (left <= 0) break
		floors[index]! += 1
		left -= 1
	}
	return floors
}
