import { describe, expect, test } from 'vitest'
import {
	apportion,
	attribute,
	clickInWindow,
	creditedClick,
	estimateShares,
	isAttributionModel,
	isMarketplace,
	isWindowDays,
	NO_SOURCE,
	source,
	type OrderFacts,
} from '~/results/attribution.ts'

const at = (iso: string) => new Date(iso)
const video = (id: string) => source({ postId: `post-${id}`, targetId: `target-${id}`, renderId: `render-${id}`, channelId: 'page', linkId: `link-${id}` })
const order = (facts: Partial<OrderFacts>): OrderFacts => ({
	placedAt: at('2026-12-08T10:00:00Z'),
	liveSessionId: null,
	promo: null,
	staff: null,
	firstClick: null,
	lastClick: null,
	...facts,
})

describe('click window', () => {
	test('a click counts from its own moment to exactly the window later, never after the order', () => {
		const click = at('2026-12-01T10:00:00Z')
		expect(clickInWindow(click, at('2026-12-01T10:00:00Z'), 7)).toBe(true)
		expect(clickInWindow(click, at('2026-12-08T10:00:00Z'), 7)).toBe(true)
		expect(clickInWindow(click, at('2026-12-08T10:00:00.001Z'), 7)).toBe(false)
		expect(clickInWindow(click, at('2026-12-01T09:59:59.999Z'), 7)).toBe(false)
		expect(clickInWindow(click, at('2026-12-02T10:00:00Z'), 1)).toBe(true)
		expect(clickInWindow(click, at('2026-12-02T10:00:01Z'), 1)).toBe(false)
	})
})

describe('exact credit', () => {
	const first = { at: at('2026-12-02T08:00:00Z'), source: video('a') }
	const last = { at: at('2026-12-07T08:00:00Z'), source: video('b') }

	test('click → order: the last click by default, the first as the option', () => {
		expect(attribute(order({ firstClick: first, lastClick: last }), 'last', 7)).toEqual({ kind: 'click', source: video('b') })
		expect(attribute(order({ firstClick: first, lastClick: last }), 'first', 7)).toEqual({ kind: 'click', source: video('a') })
	})

	test('a click older than the window (the cookie outlived it) gives nothing; under "first" the last click still in the window takes it', () => {
		const old = { at: at('2026-11-30T09:59:59Z'), source: video('a') }
		expect(attribute(order({ firstClick: old, lastClick: old }), 'last', 7)).toEqual({ kind: 'none', source: NO_SOURCE })
		expect(attribute(order({ firstClick: old, lastClick: last }), 'first', 7)).toEqual({ kind: 'click', source: video('b') })
		expect(creditedClick(order({ firstClick: old, lastClick: null }), 'first', 7)).toBeNull()
		expect(attribute(order({ firstClick: first, lastClick: last }), 'last', 1)).toEqual({ kind: 'none', source: NO_SOURCE })
	})

	test('a click after the order never counts', () => {
		const later = { at: at('2026-12-08T10:00:01Z'), source: video('c') }
		expect(attribute(order({ firstClick: later, lastClick: later }), 'last', 7).kind).toBe('none')
		expect(attribute(order({ firstClick: later, lastClick: later }), 'first', 7).kind).toBe('none')
	})

	test('precedence: live, then promo code (no window), then staff, then click', () => {
		const promo = source({ postId: 'post-p', renderId: 'render-p' })
		const staff = source({ postId: 'post-s', targetId: 'target-s', channelId: 'zalo' })
		const all = order({ liveSessionId: 'live-1', promo, staff, firstClick: first, lastClick: last })
		expect(attribute(all, 'last', 7)).toEqual({ kind: 'live', source: source({ liveSessionId: 'live-1' }) })
		expect(attribute({ ...all, liveSessionId: null }, 'last', 7)).toEqual({ kind: 'promo', source: promo })
		expect(attribute({ ...all, liveSessionId: null, promo: null }, 'first', 7)).toEqual({ kind: 'staff', source: staff })
		expect(attribute({ ...all, liveSessionId: null, staff: null, placedAt: at('2027-06-01T00:00:00Z') }, 'last', 7)).toEqual({ kind: 'promo', source: promo })
	})

	test('no click, no code, no source: unattributed', () => {
		expect(attribute(order({}), 'last', 7)).toEqual({ kind: 'none', source: NO_SOURCE })
		expect(attribute(order({}), 'first', 90)).toEqual({ kind: 'none', source: NO_SOURCE })
	})

	test('models, windows and marketplaces are checked', () => {
		expect(isAttributionModel('last')).toBe(true)
		expect(isAttributionModel('first')).toBe(true)
		expect(isAttributionModel('linear')).toBe(false)
		expect([0, 1, 7, 90, 91, 2.5, '7'].map(isWindowDays)).toEqual([false, true, true, true, false, false, false])
		expect(['shopee', 'lazada', 'tiktok-shop', 'web', 'staff', 'live'].map(isMarketplace)).toEqual([true, true, true, false, false, false])
	})
})

describe('estimated shares', () => {
	test('one product line: the order is shared by click share, revenue in whole đồng adding up to the order', () => {
		const shares = estimateShares(
			{ totalVnd: 100_000, lines: [{ productId: 'tea', amountVnd: 100_000 }] },
			new Map([['tea', [{ source: video('a'), clicks: 1 }, { source: video('b'), clicks: 2 }]]]),
		)
		expect(shares.map((s) => [s.source.postId, s.revenueVnd])).toEqual([
			['post-a', 33_333],
			['post-b', 66_667],
		])
		expect(shares[0]!.orderShare).toBeCloseTo(1 / 3, 10)
		expect(shares[1]!.orderShare).toBeCloseTo(2 / 3, 10)
		expect(shares.reduce((sum, s) => sum + s.orderShare, 0)).toBeCloseTo(1, 10)
	})

	test('two lines weigh by their amounts; a line nobody clicked for stays unattributed; videos without clicks get nothing', () => {
		const clicks = new Map([
			['tea', [{ source: video('a'), clicks: 3 }, { source: video('z'), clicks: 0 }]],
			['honey', [{ source: video('b'), clicks: 1 }, { source: video('c'), clicks: 1 }]],
		])
		const shares = estimateShares({ totalVnd: 200_000, lines: [{ productId: 'tea', amountVnd: 150_000 }, { productId: 'honey', amountVnd: 50_000 }] }, clicks)
		expect(shares.map((s) => [s.productId, s.source.postId, s.orderShare, s.revenueVnd])).toEqual([
			['tea', 'post-a', 0.75, 150_000],
			['honey', 'post-b', 0.125, 25_000],
			['honey', 'post-c', 0.125, 25_000],
		])
		const partly = estimateShares({ totalVnd: 200_000, lines: [{ productId: 'tea', amountVnd: 150_000 }, { productId: 'rice', amountVnd: 50_000 }, { productId: null, amountVnd: 0 }] }, clicks)
		expect(partly.map((s) => [s.source.postId, s.orderShare, s.revenueVnd])).toEqual([['post-a', 0.75, 150_000]])
	})

	test('lines of zero amount share the order equally; nothing clicked, nothing estimated', () => {
		const clicks = new Map([['tea', [{ source: video('a'), clicks: 1 }]]])
		expect(estimateShares({ totalVnd: 90_000, lines: [{ productId: 'tea', amountVnd: 0 }, { productId: 'rice', amountVnd: 0 }] }, clicks)).toEqual([
			{ productId: 'tea', source: video('a'), orderShare: 0.5, revenueVnd: 45_000 },
		])
		expect(estimateShares({ totalVnd: 90_000, lines: [{ productId: 'rice', amountVnd: 90_000 }] }, clicks)).toEqual([])
		expect(estimateShares({ totalVnd: 90_000, lines: [] }, clicks)).toEqual([])
	})

	test('three equal click shares of 100,000 đ add up exactly (largest remainder, earlier first on a tie)', () => {
		const clicks = new Map([['tea', [{ source: video('a'), clicks: 1 }, { source: video('b'), clicks: 1 }, { source: video('c'), clicks: 1 }]]])
		const shares = estimateShares({ totalVnd: 100_000, lines: [{ productId: 'tea', amountVnd: 100_000 }] }, clicks)
		expect(shares.map((s) => s.revenueVnd)).toEqual([33_334, 33_333, 33_333])
	})

	test('apportion keeps the total', () => {
		expect(apportion([1.5, 1.5, 1], 4)).toEqual([2, 1, 1])
		expect(apportion([0.2, 0.7, 0.1], 1)).toEqual([0, 1, 0])
		expect(apportion([2, 3], 5)).toEqual([2, 3])
		expect(apportion([], 0)).toEqual([])
	})
})
