// The results dashboard's pure pieces (issue 12; docs/decisions/191-results-dashboard.md):
// the filters read from the address, the rates shown beside each source, the
// funnel's bars and the trend chart's geometry. The loader (dashboard.server.ts)
// adds the numbers up in SQL; these turn them into what people read.

import { isCalendarDay, shiftDay, type Day } from '~/utils/coop-time.ts'
import { roundCeiling, type Box } from '~/publishing/engagement-series.ts'
import { isAttributionModel, type AttributionModel } from './attribution.ts'

/** Days shown when the address names none: the last 30, today included. */
export const DEFAULT_RANGE_DAYS = 30
/** The longest range one page adds up (about two years). */
export const MAX_RANGE_DAYS = 732

export type ResultsFilters = {
	from: Day
	to: Day
	channelId: string | null
	productId: string | null
	renderId: string | null
	/** null: the co-op's saved model. */
	model: AttributionModel | null
}

function daysBetween(from: Day, to: Day): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

const id = (value: string | null) => {
	const trimmed = value?.trim() ?? ''
	return /^[A-Za-z0-9_-]{1,64}$/.test(trimmed) ? trimmed : null
}

/**
 * The filters in an address (`?from=2026-12-01&to=2026-12-07&channel=…&product=…&video=…&model=first`):
 * days in the co-op's zone, both included; a missing or unreal day falls
 * back to the last 30 days up to `today`; a reversed range is turned round;
 * a range longer than MAX_RANGE_DAYS keeps its end and is shortened.
 */
export function readFilters(params: URLSearchParams, today: Day): ResultsFilters {
	const rawTo = params.get('to') ?? ''
	const rawFrom = params.get('from') ?? ''
	let to = isCalendarDay(rawTo) ? rawTo : today
	let from = isCalendarDay(rawFrom) ? rawFrom : shiftDay(to, -(DEFAULT_RANGE_DAYS - 1))
	if (from > to) [from, to] = [to, from]
	if (daysBetween(from, to) >= MAX_RANGE_DAYS) from = shiftDay(to, -(MAX_RANGE_DAYS - 1))
	const model = params.get('model')
	return {
		from,
		to,
		channelId: id(params.get('channel')),
		productId: id(params.get('product')),
		renderId: id(params.get('video')),
		model: isAttributionModel(model) ? model : null,
	}
}

/** The same filters as an address query (for links, the CSV and the model switch); empty ones left out. */
export function filtersQuery(filters: ResultsFilters, change: Partial<ResultsFilters> = {}): string {
	const merged = { ...filters, ...change }
	const params = new URLSearchParams()
	params.set('from', merged.from)
	params.set('to', merged.to)
	if (merged.channelId) params.set('channel', merged.channelId)
	if (merged.productId) params.set('product', merged.productId)
	if (merged.renderId) params.set('video', merged.renderId)
	if (merged.model) params.set('model', merged.model)
	return params.toString()
}

export type Totals = { views: number | null; clicks: number; orders: number; revenueVnd: number }

export type Rates = {
	/** clicks ÷ views, null without views. */
	clickThrough: number | null
	/** orders ÷ clicks, null without clicks. */
	conversion: number | null
	/** revenue per 1,000 views in đồng, null without views. */
	revenuePerThousandViews: number | null
}

export function rates(totals: Totals): Rates {
	const views = totals.views ?? 0
	return {
		clickThrough: views > 0 ? totals.clicks / views : null,
		conversion: totals.clicks > 0 ? totals.orders / totals.clicks : null,
		revenuePerThousandViews: views > 0 ? Math.round((totals.revenueVnd * 1000) / views) : null,
	}
}

export type FunnelStep = { key: 'views' | 'clicks' | 'orders'; value: number; width: number }

/**
 * The funnel's bars, views → clicks → orders, as parts of the widest (1 for
 * views). Each step is often a hundred times smaller than the one before, so
 * the widths follow log10(value + 1): a step of 50 orders stays visible next to
 * 200,000 views. The exact numbers are printed on the bars and in the table.
 */
export function funnelSteps(totals: Totals): FunnelStep[] {
	const steps = [
		{ key: 'views' as const, value: totals.views ?? 0 },
		{ key: 'clicks' as const, value: totals.clicks },
		{ key: 'orders' as const, value: totals.orders },
	]
	const top = Math.log10(Math.max(...steps.map((step) => step.value)) + 1)
	return steps.map((step) => ({ ...step, width: top > 0 ? Math.round((Math.log10(step.value + 1) / top) * 1000) / 1000 : 0 }))
}

export type TrendDay = { day: Day; clicks: number; orders: number; revenueVnd: number }

/** Every day from `from` to `to`, both included, with zeros where nothing happened. */
export function fillDays(from: Day, to: Day, rows: Array<Partial<TrendDay> & { day: Day }>): TrendDay[] {
	const byDay = new Map<Day, TrendDay>()
	for (const row of rows) {
		const day = byDay.get(row.day) ?? { day: row.day, clicks: 0, orders: 0, revenueVnd: 0 }
		day.clicks += row.clicks ?? 0
		day.orders += row.orders ?? 0
		day.revenueVnd += row.revenueVnd ?? 0
		byDay.set(row.day, day)
	}
	const days: TrendDay[] = []
	for (let day = from; day <= to; day = shiftDay(day, 1)) days.push(byDay.get(day) ?? { day, clicks: 0, orders: 0, revenueVnd: 0 })
	return days
}

export type TrendLine = { path: string; max: number; points: Array<{ x: number; y: number; value: number }> }

/**
 * One number per day scaled into the box: days evenly left to right (a single
 * day in the middle), zero at the bottom, a round 1/2/5 × 10ⁿ at the top.
 */
export function plotTrend(values: number[], box: Box): TrendLine {
	const max = roundCeiling(Math.max(0, ...values))
	const innerWidth = box.width - box.left - box.right
	const innerHeight = box.height - box.top - box.bottom
	const x = (index: number) => round(box.left + (values.length === 1 ? innerWidth / 2 : (index / (values.length - 1)) * innerWidth))
	const y = (value: number) => round(box.top + innerHeight - (value / max) * innerHeight)
	const points = values.map((value, index) => ({ x: x(index), y: y(value), value }))
	const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ')
	return { path, max, points }
}

const round = (value: number) => Math.round(value * 10) / 10
