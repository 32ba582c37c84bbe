import { expect, test } from 'vitest'
import { fillDays, filtersQuery, funnelSteps, plotTrend, rates, readFilters } from '~/results/metrics.ts'

const params = (query: string) => new URLSearchParams(query)

test('filters: days both included, the last 30 days by default, a reversed range turned round, ids and model checked', () => {
	expect(readFilters(params(''), '2026-12-08')).toEqual({ from: '2026-11-09', to: '2026-12-08', channelId: null, productId: null, renderId: null, model: null })
	expect(readFilters(params('from=2026-12-05&to=2026-12-01&channel=ch1&product=p_1&video=r-1&model=first'), '2026-12-08')).toEqual({
		from: '2026-12-01',
		to: '2026-12-05',
		channelId: 'ch1',
		productId: 'p_1',
		renderId: 'r-1',
		model: 'first',
	})
	expect(readFilters(params('from=2026-02-30&to=2026-03-10&channel=a%20b&model=linear'), '2026-12-08')).toMatchObject({ from: '2026-02-09', to: '2026-03-10', channelId: null, model: null })
	expect(readFilters(params('from=2020-01-01&to=2026-12-08'), '2026-12-08').from).toBe('2024-12-07')
	expect(readFilters(params('from=2024-12-07&to=2026-12-08'), '2026-12-08').from).toBe('2024-12-07')
})

test('the filters go back into an address, with a change', () => {
	const filters = readFilters(params('from=2026-12-01&to=2026-12-07&channel=ch1'), '2026-12-08')
	expect(filtersQuery(filters)).toBe('from=2026-12-01&to=2026-12-07&channel=ch1')
	expect(filtersQuery(filters, { model: 'first', productId: 'p1', renderId: 'r1' })).toBe('from=2026-12-01&to=2026-12-07&channel=ch1&product=p1&video=r1&model=first')
})

test('rates: click-through, conversion and revenue per 1,000 views; none without their base', () => {
	expect(rates({ views: 2000, clicks: 50, orders: 5, revenueVnd: 1_000_000 })).toEqual({ clickThrough: 0.025, conversion: 0.1, revenuePerThousandViews: 500_000 })
	expect(rates({ views: 3, clicks: 1, orders: 1, revenueVnd: 100 })).toEqual({ clickThrough: 1 / 3, conversion: 1, revenuePerThousandViews: 33_333 })
	expect(rates({ views: null, clicks: 0, orders: 2, revenueVnd: 5 })).toEqual({ clickThrough: null, conversion: null, revenuePerThousandViews: null })
	expect(rates({ views: 0, clicks: 4, orders: 0, revenueVnd: 0 })).toEqual({ clickThrough: null, conversion: 0, revenuePerThousandViews: null })
})

test('funnel widths follow log10(value + 1) against the widest step', () => {
	expect(funnelSteps({ views: 999, clicks: 99, orders: 9, revenueVnd: 1 })).toEqual([
		{ key: 'views', value: 999, width: 1 },
		{ key: 'clicks', value: 99, width: 0.667 },
		{ key: 'orders', value: 9, width: 0.333 },
	])
	expect(funnelSteps({ views: null, clicks: 0, orders: 0, revenueVnd: 0 }).map((s) => s.width)).toEqual([0, 0, 0])
})

test('every day of the range, zeros where nothing happened, rows for one day added together', () => {
	expect(
		fillDays('2026-12-30', '2027-01-02', [
			{ day: '2026-12-31', orders: 2, revenueVnd: 300 },
			{ day: '2026-12-31', clicks: 7 },
			{ day: '2027-01-02', clicks: 1 },
		]),
	).toEqual([
		{ day: '2026-12-30', clicks: 0, orders: 0, revenueVnd: 0 },
		{ day: '2026-12-31', clicks: 7, orders: 2, revenueVnd: 300 },
		{ day: '2027-01-01', clicks: 0, orders: 0, revenueVnd: 0 },
		{ day: '2027-01-02', clicks: 1, orders: 0, revenueVnd: 0 },
	])
})

test('the trend line: days evenly spaced, zero at the bottom, a round top', () => {
	const box = { width: 110, height: 60, left: 10, right: 0, top: 10, bottom: 0 }
	expect(plotTrend([0, 5, 10], box)).toEqual({
		max: 10,
		path: 'M10 60 L60 35 L110 10',
		points: [
			{ x: 10, y: 60, value: 0 },
			{ x: 60, y: 35, value: 5 },
			{ x: 110, y: 10, value: 10 },
		],
	})
	expect(plotTrend([3], box)).toEqual({ max: 5, path: 'M60 30', points: [{ x: 60, y: 30, value: 3 }] })
	expect(plotTrend([0, 0], box).max).toBe(1)
})
