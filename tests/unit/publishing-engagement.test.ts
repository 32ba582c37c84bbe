import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test } from 'vitest'
import { EngagementChart } from '~/publishing/engagement-chart.tsx'
import { manualSnapshotSchema } from '~/publishing/engagement-schema.ts'
import { metricsWithNumbers, plotMetric, roundCeiling, seriesByChannel, type Box, type ChartSnapshot } from '~/publishing/engagement-series.ts'
import { createI18n } from '~/utils/i18n.ts'
// The server's registry of both languages (the browser loads only its own).
import '~/utils/i18n-resources.server.ts'

const snap = (overrides: Partial<ChartSnapshot>): ChartSnapshot => ({
	targetId: 't1',
	channelId: 'fb',
	channelName: 'Trang HTX',
	platform: 'facebook_page',
	takenAt: '2026-12-01T10:00:00.000Z',
	views: 100,
	likes: 10,
	comments: 1,
	shares: 0,
	source: 'api',
	...overrides,
})

const box: Box = { width: 120, height: 70, left: 10, right: 10, top: 10, bottom: 10 }

describe('series', () => {
	test('one line per channel, in the order channels first appear, each oldest first', () => {
		const series = seriesByChannel([
			snap({ channelId: 'tt', channelName: 'TikTok', takenAt: '2026-12-02T10:00:00.000Z' }),
			snap({ channelId: 'fb', takenAt: '2026-12-03T10:00:00.000Z', views: 300 }),
			snap({ channelId: 'tt', channelName: 'TikTok', takenAt: '2026-12-01T10:00:00.000Z', views: 50 }),
		])
		expect(series.map((s) => [s.channelId, s.channelName, s.platform])).toEqual([
			['tt', 'TikTok', 'facebook_page'],
			['fb', 'Trang HTX', 'facebook_page'],
		])
		expect(series[0]!.snapshots.map((s) => s.views)).toEqual([50, 100])
	})

	test('the axis tops out at a round 1, 2 or 5 × 10ⁿ', () => {
		expect([0, 0.5, 1, 1.5, 2, 3, 5, 7, 10, 11, 180, 200, 201, 4900, 5000, 5001].map(roundCeiling)).toEqual([
			1, 1, 1, 2, 2, 5, 5, 10, 10, 20, 200, 200, 500, 5000, 5000, 10000,
		])
	})

	test('time runs left to right and zero sits at the bottom of the box', () => {
		const series = seriesByChannel([
			snap({ takenAt: '2026-12-01T00:00:00.000Z', views: 0 }),
			snap({ takenAt: '2026-12-01T12:00:00.000Z', views: 50 }),
			snap({ takenAt: '2026-12-02T00:00:00.000Z', views: 100 }),
		])
		const plot = plotMetric(series, 'views', box)
		expect(plot.max).toBe(100)
		expect(plot.from).toBe(Date.parse('2026-12-01T00:00:00.000Z'))
		expect(plot.to).toBe(Date.parse('2026-12-02T00:00:00.000Z'))
		expect(plot.lines).toHaveLength(1)
		expect(plot.lines[0]!.points.map(({ x, y, value }) => ({ x, y, value }))).toEqual([
			{ x: 10, y: 60, value: 0 },
			{ x: 60, y: 35, value: 50 },
			{ x: 110, y: 10, value: 100 },
		])
		expect(plot.lines[0]!.path).toBe('M10 60 L60 35 L110 10')
	})

	test('a single reading sits in the middle; fractions are rounded to a tenth', () => {
		const plot = plotMetric(seriesByChannel([snap({ views: 1 }), snap({ channelId: 'z', takenAt: '2026-12-01T10:00:00.000Z', views: 3 })]), 'views', box)
		expect(plot.max).toBe(5)
		expect(plot.lines.map((line) => line.path)).toEqual(['M60 50', 'M60 30'])
		const thirds = plotMetric(seriesByChannel([snap({ views: 1 }), snap({ takenAt: '2026-12-01T13:00:00.000Z', views: 2 })]), 'views', {
			...box,
			height: 50,
		})
		expect(thirds.max).toBe(2)
		expect(thirds.lines[0]!.points.map((p) => p.y)).toEqual([25, 10])
		const odd = plotMetric(seriesByChannel([snap({ views: 1 }), snap({ takenAt: '2026-12-01T13:00:00.000Z', views: 5 })]), 'views', { ...box, height: 13, top: 0, bottom: 0 })
		expect(odd.lines[0]!.points.map((p) => p.y)).toEqual([10.4, 0])
	})

	test('a reading without that number is left out of its line, and a channel with none has no line', () => {
		const series = seriesByChannel([
			snap({ comments: null }),
			snap({ takenAt: '2026-12-02T10:00:00.000Z', comments: 4 }),
			snap({ channelId: 'zalo', comments: null }),
		])
		const plot = plotMetric(series, 'comments', box)
		expect(plot.lines.map((line) => [line.channelId, line.points.length])).toEqual([['fb', 1]])
		expect(plot.from).toBe(Date.parse('2026-12-02T10:00:00.000Z'))
		expect(plotMetric([], 'views', box)).toEqual({ lines: [], max: 1, from: 0, to: 0 })
	})

	test('only numbers some snapshot has are charted', () => {
		expect(metricsWithNumbers([snap({ comments: null, shares: null }), snap({ likes: null, comments: null, shares: null })])).toEqual(['views', 'likes'])
		expect(metricsWithNumbers([snap({ views: null, likes: null, comments: null, shares: 2 })])).toEqual(['shares'])
	})
})

describe('typed-in numbers', () => {
	test('whole numbers from zero; an empty field means not known', () => {
		expect(manualSnapshotSchema.parse({ targetId: 't', views: '120', likes: '', comments: 0, shares: undefined })).toEqual({
			targetId: 't',
			views: 120,
			likes: null,
			comments: 0,
			shares: null,
		})
	})
	test('what is refused says why', () => {
		const issues = (input: Record<string, unknown>) => manualSnapshotSchema.safeParse({ targetId: 't', ...input }).error?.issues.map((i) => [i.path.join('.'), i.message])
		expect(issues({ views: 'nhiều' })).toEqual([['views', 'engagement.notANumber']])
		expect(issues({ views: '1.5' })).toEqual([['views', 'engagement.wholeNumber']])
		expect(issues({ likes: '-1' })).toEqual([['likes', 'engagement.notNegative']])
		expect(issues({ shares: '1000000001' })).toEqual([['shares', 'engagement.tooLarge']])
		expect(issues({ shares: '1000000000' })).toBeUndefined()
		expect(issues({ views: '', likes: '' })).toEqual([['views', 'engagement.atLeastOne']])
		expect(manualSnapshotSchema.safeParse({ targetId: '', views: 1 }).success).toBe(false)
	})
})

describe('the chart, rendered on the server', () => {
	const render = (snapshots: ChartSnapshot[], lng: 'vi' | 'en' = 'vi') =>
		renderToString(createElement(I18nextProvider, { i18n: createI18n(lng) }, createElement(EngagementChart, { snapshots, timeZone: 'Asia/Ho_Chi_Minh' })))

	test('one chart per number with a line per channel, and the same numbers as a table', () => {
		const html = render([
			snap({ views: 120, comments: null, shares: null }),
			snap({ takenAt: '2026-12-02T10:00:00.000Z', views: 480, comments: null, shares: null }),
			snap({ channelId: 'manual', channelName: 'Nhóm Zalo bán hàng', takenAt: '2026-12-02T11:00:00.000Z', views: 60, likes: 5, comments: null, shares: null, source: 'manual' }),
		])
		expect(html.match(/data-metric="(\w+)"/g)).toEqual(['data-metric="views"', 'data-metric="likes"'])
		expect(html.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(4)
		expect(html).toContain('Lượt xem')
		expect(html).toContain('Nhóm Zalo bán hàng')
		expect(html).toContain('<table')
		expect(html).toContain('nhập tay')
		expect(html).toMatch(/<desc>Mới nhất: Trang HTX: 480, Nhóm Zalo bán hàng: 60<\/desc>/)
	})

	test('one target’s snapshots with no channel named (the post page’s per-channel use) make one line and no legend', () => {
		const html = render(
			[
				{ takenAt: new Date('2026-12-02T10:00:00.000Z'), views: 30, likes: null, comments: null, shares: null },
				{ takenAt: new Date('2026-12-01T10:00:00.000Z'), views: 10, likes: null, comments: null, shares: null },
			],
			'en',
		)
		expect(html.match(/data-metric="(\w+)"/g)).toEqual(['data-metric="views"'])
		expect(html).toContain('<path d="M44 94.8 L308 52.4" fill="none"')
		expect(html).toContain('<desc>Latest: 30</desc>')
		expect(html).not.toContain('>Channel<')
		expect(html).toMatch(/<ul[^>]*hidden=""/)
	})

	test('without numbers it says when they come and what to do', () => {
		expect(render([], 'en')).toContain('No numbers yet')
	})
})
