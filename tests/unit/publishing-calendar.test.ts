import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import {
	agendaDays,
	bestHours,
	ORDER_TIMES_MIN_ORDERS,
	ordersDecide,
	calendarInstant,
	canReschedule,
	DEFAULT_TIMES,
	entriesByDay,
	firstOfMonth,
	mondayOf,
	monthWeeks,
	moveToDay,
	OWN_TIMES_MIN_POSTS,
	placeItems,
	seriesDates,
	stepAnchor,
	suggestedTimes,
	viewDays,
	viewRange,
	weekDays,
	weekdayIndex,
} from '~/publishing/calendar.ts'

const VN = 'Asia/Ho_Chi_Minh'
const BERLIN = 'Europe/Berlin'

test('weeks start on Monday: weekday index, the Monday of any day, the seven days', () => {
	expect(weekdayIndex('2025-04-07')).toBe(0)
	expect(weekdayIndex('2025-04-09')).toBe(2)
	expect(weekdayIndex('2025-04-13')).toBe(6)
	expect(mondayOf('2025-04-13')).toBe('2025-04-07')
	expect(mondayOf('2025-04-07')).toBe('2025-04-07')
	expect(mondayOf('2025-01-01')).toBe('2024-12-30')
	expect(weekDays('2025-04-10')).toEqual(['2025-04-07', '2025-04-08', '2025-04-09', '2025-04-10', '2025-04-11', '2025-04-12', '2025-04-13'])
	expect(() => weekdayIndex('2025-02-30')).toThrow('Not a calendar day: 2025-02-30')
})

test('a month is whole Monday-first weeks from the week of the 1st to the week of the last day', () => {
	expect(firstOfMonth('2025-04-17')).toBe('2025-04-01')
	const april = monthWeeks('2025-04-17')
	expect(april).toHaveLength(5)
	expect(april[0][0]).toBe('2025-03-31')
	expect(april[4][6]).toBe('2025-05-04')
	expect(april.every((week) => week.length === 7)).toBe(true)
	// February 2021 starts on a Monday and ends on a Sunday: exactly four weeks.
	const february = monthWeeks('2021-02-10')
	expect(february).toHaveLength(4)
	expect(february[0][0]).toBe('2021-02-01')
	expect(february[3][6]).toBe('2021-02-28')
	// March 2025 starts on a Saturday and ends on a Monday: six rows.
	const march = monthWeeks('2025-03-05')
	expect(march).toHaveLength(6)
	expect(march[0][0]).toBe('2025-02-24')
	expect(march[5][0]).toBe('2025-03-31')
	// December's grid runs into January of the next year.
	expect(monthWeeks('2025-12-24').at(-1)?.at(-1)).toBe('2026-01-04')
	expect(viewDays('month', '2025-04-17')).toEqual(april.flat())
	expect(viewDays('week', '2025-04-17')).toEqual(weekDays('2025-04-17'))
})

test("a view's range is read in the co-op's zone: Hà Nội's week starts at 17:00 UTC on the Sunday", () => {
	const week = viewRange('week', '2025-04-10', VN)
	expect(week.start.toISOString()).toBe('2025-04-06T17:00:00.000Z')
	expect(week.end.toISOString()).toBe('2025-04-13T17:00:00.000Z')
	const month = viewRange('month', '2025-04-10', VN)
	expect(month.start.toISOString()).toBe('2025-03-30T17:00:00.000Z')
	expect(month.end.toISOString()).toBe('2025-05-04T17:00:00.000Z')
	// Berlin's week of 24 March 2025 lasts 167 hours: the clocks go forward on its Sunday.
	const berlin = viewRange('week', '2025-03-26', BERLIN)
	expect(berlin.start.toISOString()).toBe('2025-03-23T23:00:00.000Z')
	expect(berlin.end.toISOString()).toBe('2025-03-30T22:00:00.000Z')
})

test('previous and next move a week by seven days and a month by a calendar month, kept inside short months', () => {
	expect(stepAnchor('week', '2025-04-10', 1)).toBe('2025-04-17')
	expect(stepAnchor('week', '2025-04-10', -1)).toBe('2025-04-03')
	expect(stepAnchor('month', '2025-04-10', 1)).toBe('2025-05-10')
	expect(stepAnchor('month', '2025-04-10', -1)).toBe('2025-03-10')
	expect(stepAnchor('month', '2025-01-31', 1)).toBe('2025-02-28')
	expect(stepAnchor('month', '2024-01-31', 1)).toBe('2024-02-29')
	expect(stepAnchor('month', '2025-03-31', -1)).toBe('2025-02-28')
	expect(stepAnchor('month', '2025-12-15', 1)).toBe('2026-01-15')
	expect(stepAnchor('month', '2025-01-15', -1)).toBe('2024-12-15')
	expect(stepAnchor('month', '2025-05-31', 1)).toBe('2025-06-30')
})

test('a published target sits where it went out, any other where it is due, a draft with no time nowhere', () => {
	const dueAt = new Date('2025-04-10T13:00:00Z')
	const publishedAt = new Date('2025-04-10T13:02:00Z')
	expect(calendarInstant({ state: 'published', dueAt, publishedAt })).toBe(publishedAt)
	expect(calendarInstant({ state: 'published', dueAt, publishedAt: null })).toBe(dueAt)
	expect(calendarInstant({ state: 'scheduled', dueAt, publishedAt })).toBe(dueAt)
	expect(calendarInstant({ state: 'failed', dueAt, publishedAt: null })).toBe(dueAt)
	expect(calendarInstant({ state: 'draft', dueAt: null, publishedAt: null })).toBeNull()
	expect(canReschedule({ state: 'scheduled', dueAt, publishedAt: null })).toBe(true)
	for (const state of ['draft', 'publishing', 'published', 'failed', 'unconfirmed', 'needs_attention']) {
		expect(canReschedule({ state, dueAt, publishedAt: null })).toBe(false)
	}
})

test('a post at 20:00 in Hà Nội is placed on that day at 20:00 and early morning posts on their own day', () => {
	const items = [
		{ id: 'late', at: new Date('2025-04-10T13:00:00Z') },
		{ id: 'none', at: null },
		{ id: 'early', at: new Date('2025-04-09T23:30:00Z') },
		{ id: 'next', at: new Date('2025-04-10T17:00:00Z') },
	]
	const entries = placeItems(items, (item) => item.at, VN)
	expect(entries.map((e) => [e.item.id, e.day, e.time])).toEqual([
		['early', '2025-04-10', '06:30'],
		['late', '2025-04-10', '20:00'],
		['next', '2025-04-11', '00:00'],
	])
	expect(entries[1].at.toISOString()).toBe('2025-04-10T13:00:00.000Z')

	const byDay = entriesByDay(entries, weekDays('2025-04-10'))
	expect([...byDay.keys()]).toEqual(weekDays('2025-04-10'))
	expect(byDay.get('2025-04-10')?.map((e) => e.item.id)).toEqual(['early', 'late'])
	expect(byDay.get('2025-04-11')?.map((e) => e.item.id)).toEqual(['next'])
	expect(byDay.get('2025-04-12')).toEqual([])
	// An entry outside the days shown is not put anywhere.
	expect(entriesByDay(entries, ['2025-04-11']).get('2025-04-11')).toHaveLength(1)
	expect(entriesByDay(entries, ['2025-04-11']).size).toBe(1)
})

test('the agenda lists only days with something on them, in order', () => {
	const entries = placeItems(
		[new Date('2025-04-12T02:00:00Z'), new Date('2025-04-10T13:00:00Z'), new Date('2025-04-10T04:30:00Z')],
		(at) => at,
		VN,
	)
	const agenda = agendaDays(entries)
	expect(agenda.map((d) => [d.day, d.entries.map((e) => e.time)])).toEqual([
		['2025-04-10', ['11:30', '20:00']],
		['2025-04-12', ['09:00']],
	])
	expect(agendaDays([])).toEqual([])
})

test('a chip dropped on another day keeps its wall-clock time, across a clock change too', () => {
	expect(moveToDay(new Date('2025-04-10T13:00:00Z'), '2025-04-14', VN)?.toISOString()).toBe('2025-04-14T13:00:00.000Z')
	// 20:00 in Berlin is 19:00 UTC in winter and 18:00 UTC in summer.
	expect(moveToDay(new Date('2025-03-28T19:00:00Z'), '2025-03-31', BERLIN)?.toISOString()).toBe('2025-03-31T18:00:00.000Z')
	expect(moveToDay(new Date('2025-04-10T13:00:00Z'), '2025-02-30', VN)).toBeNull()
})

test('a series puts one post a day, each at its own time on its own day, through a clock change', () => {
	const week = seriesDates('2025-04-10', 3, ['20:00', '11:30', '21:15'], VN)
	expect(week?.map((d) => d.toISOString())).toEqual(['2025-04-10T13:00:00.000Z', '2025-04-11T04:30:00.000Z', '2025-04-12T14:15:00.000Z'])
	const same = seriesDates('2025-03-28', 4, '20:00', BERLIN)
	expect(same?.map((d) => d.toISOString())).toEqual([
		'2025-03-28T19:00:00.000Z',
		'2025-03-29T19:00:00.000Z',
		'2025-03-30T18:00:00.000Z',
		'2025-03-31T18:00:00.000Z',
	])
	expect(seriesDates('2025-12-30', 3, '08:00', VN)?.map((d) => d.toISOString())).toEqual([
		'2025-12-30T01:00:00.000Z',
		'2025-12-31T01:00:00.000Z',
		'2026-01-01T01:00:00.000Z',
	])
	expect(seriesDates('2025-04-10', 0, [], VN)).toEqual([])
	expect(seriesDates('2025-04-10', 2, ['20:00'], VN)).toBeNull()
	expect(seriesDates('2025-04-10', 2, ['20:00', '25:00'], VN)).toBeNull()
	expect(seriesDates('2025-02-30', 1, '20:00', VN)).toBeNull()
})

test('without numbers of its own a co-op is offered lunchtime and evening, TikTok later in the evening', () => {
	const facebook = suggestedTimes('facebook_page', '2025-04-10', VN)
	expect(facebook.map((s) => [s.time, s.at.toISOString(), s.source])).toEqual([
		['11:30', '2025-04-10T04:30:00.000Z', 'default'],
		['20:00', '2025-04-10T13:00:00.000Z', 'default'],
		['21:00', '2025-04-10T14:00:00.000Z', 'default'],
	])
	expect(suggestedTimes('zalo_oa', '2025-04-10', VN).map((s) => s.time)).toEqual(['11:30', '20:00', '21:00'])
	expect(suggestedTimes('manual', '2025-04-10', VN).map((s) => s.time)).toEqual(['11:30', '20:00', '21:00'])
	expect(suggestedTimes('tiktok', '2025-04-10', VN).map((s) => s.time)).toEqual(['19:00', '20:30', '22:00'])
	expect(DEFAULT_TIMES.tiktok).toEqual(['19:00', '20:30', '22:00'])
	// Too few posts of its own: still the defaults.
	const few = Array.from({ length: OWN_TIMES_MIN_POSTS - 1 }, (_, i) => ({ publishedAt: new Date(`2025-03-0${i + 1}T00:00:00Z`), views: 10_000 }))
	expect(OWN_TIMES_MIN_POSTS).toBe(8)
	expect(suggestedTimes('tiktok', '2025-04-10', VN, few).map((s) => [s.time, s.source])).toEqual([
		['19:00', 'default'],
		['20:30', 'default'],
		['22:00', 'default'],
	])
})

/** A post published at `hour`:10 Hà Nội time on day `n` of March 2025 with `views`. */
const at = (n: number, hour: number, views: number) => ({
	publishedAt: new Date(Date.UTC(2025, 2, n, hour - 7, 10)),
	views,
})

test("with enough published posts the co-op's own best hours by views per post are offered, in time order", () => {
	const posts = [
		at(1, 6, 900), // 06:00 — one post, 900 per post
		at(2, 12, 400),
		at(3, 12, 600), // 12:00 — 500 per post
		at(4, 19, 3000),
		at(5, 19, 1000), // 19:00 — 2000 per post
		at(6, 21, 100),
		at(7, 21, 300),
		at(8, 21, 200), // 21:00 — 200 per post
	]
	expect(bestHours(posts, VN)).toEqual([19, 6, 12])
	const times = suggestedTimes('facebook_page', '2025-04-10', VN, posts)
	expect(times.map((s) => [s.time, s.at.toISOString(), s.source])).toEqual([
		['06:00', '2025-04-09T23:00:00.000Z', 'engagement'],
		['12:00', '2025-04-10T05:00:00.000Z', 'engagement'],
		['19:00', '2025-04-10T12:00:00.000Z', 'engagement'],
	])
	// Read in Berlin the same posts fall into other hours (UTC+1 in March before the 30th).
	expect(bestHours(posts, BERLIN)).toEqual([13, 0, 6])
	expect(bestHours(posts.slice(0, OWN_TIMES_MIN_POSTS - 1), VN)).toEqual([])
})

test('with 30 or more attributed orders the hours whose posts drove orders lead; views per post break ties; below 30 views alone decide', () => {
	const withOrders = (post: ReturnType<typeof at>, orders: number) => ({ ...post, orders })
	const posts = [
		withOrders(at(1, 6, 900), 0), // 06:00 — many views, no orders
		withOrders(at(2, 12, 400), 10),
		withOrders(at(3, 12, 600), 10), // 12:00 — 10 orders per post
		withOrders(at(4, 19, 3000), 1),
		withOrders(at(5, 19, 1000), 1), // 19:00 — 1 order per post
		withOrders(at(6, 21, 100), 3),
		withOrders(at(7, 21, 300), 3),
		withOrders(at(8, 21, 200), 2), // 21:00 — 8/3 orders per post; 30 orders in all
	]
	expect(ORDER_TIMES_MIN_ORDERS).toBe(30)
	expect(ordersDecide(posts)).toBe(true)
	expect(bestHours(posts, VN)).toEqual([12, 21, 19])
	expect(suggestedTimes('facebook_page', '2025-04-10', VN, posts).map((s) => [s.time, s.source])).toEqual([
		['12:00', 'orders'],
		['19:00', 'orders'],
		['21:00', 'orders'],
	])
	// One order fewer: today's behaviour, views per post.
	const fewer = posts.map((post, i) => (i === 7 ? { ...post, orders: 1 } : post))
	expect(ordersDecide(fewer)).toBe(false)
	expect(bestHours(fewer, VN)).toEqual([19, 6, 12])
	expect(suggestedTimes('facebook_page', '2025-04-10', VN, fewer).map((s) => s.source)).toEqual(['engagement', 'engagement', 'engagement'])
	// Equal orders per post: more views per post first.
	const tie = [...posts.slice(0, 6).map((p) => ({ ...p, orders: 0 })), withOrders(at(7, 21, 300), 15), withOrders(at(8, 6, 100), 15)]
	expect(bestHours(tie, VN)).toEqual([6, 21, 19])
})

test('equal views per post: the hour with more posts behind it first, then the earlier hour', () => {
	const posts = [at(1, 8, 500), at(2, 8, 500), at(3, 22, 500), at(4, 10, 500), at(5, 9, 100), at(6, 9, 100), at(7, 9, 100), at(8, 9, 100)]
	expect(bestHours(posts, VN)).toEqual([8, 10, 22])
	expect(bestHours([...posts, at(9, 7, 500)], VN)).toEqual([8, 7, 10])
	expect(bestHours([...posts, at(9, 23, 50), at(10, 23, 50)], VN)).toEqual([8, 10, 22])
})

// The process's own zone must change nothing. Vitest may run this file in a
// worker thread, where assigning process.env.TZ does not move the clock, so
// the same questions are asked of child processes started with TZ set: New
// York (five hours behind UTC, the other side of the date line from Hà Nội
// for part of every day) and Hà Nội itself.
const probeScript = `
const c = await import(${JSON.stringify(path.resolve('app/publishing/calendar.ts'))})
const entries = c.placeItems([new Date('2025-04-10T13:00:00Z'), new Date('2025-04-09T23:30:00Z')], (at) => at, 'Asia/Ho_Chi_Minh')
console.log(JSON.stringify({
	offset: new Date('2025-01-15T12:00:00Z').getTimezoneOffset(),
	placed: entries.map((e) => [e.day, e.time]),
	week: c.viewRange('week', '2025-04-10', 'Asia/Ho_Chi_Minh').start.toISOString(),
	month: c.monthWeeks('2025-04-17')[0][0],
	moved: c.moveToDay(new Date('2025-04-10T13:00:00Z'), '2025-04-14', 'Asia/Ho_Chi_Minh').toISOString(),
	series: c.seriesDates('2025-04-10', 2, '20:00', 'Asia/Ho_Chi_Minh').map((d) => d.toISOString()),
	suggested: c.suggestedTimes('tiktok', '2025-04-10', 'Asia/Ho_Chi_Minh').map((s) => s.at.toISOString()),
}))
`

async function answersWithProcessZone(zone: string) {
	const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probeScript], {
		env: { ...process.env, TZ: zone },
		encoding: 'utf8',
	})
	return JSON.parse(stdout) as Record<string, unknown>
}

// Two Node processes with tsx: slow to start on a busy machine, hence the generous test timeout.
test('the calendar reads the co-op\'s zone, never the process\'s: the same answers in New York and in Hà Nội', { timeout: 120_000 }, async () => {
	const [newYork, hanoi] = await Promise.all([answersWithProcessZone('America/New_York'), answersWithProcessZone(VN)])
	expect(newYork.offset).toBe(300)
	expect(hanoi.offset).toBe(-420)
	const expected = {
		placed: [
			['2025-04-10', '06:30'],
			['2025-04-10', '20:00'],
		],
		week: '2025-04-06T17:00:00.000Z',
		month: '2025-03-31',
		moved: '2025-04-14T13:00:00.000Z',
		series: ['2025-04-10T13:00:00.000Z', '2025-04-11T13:00:00.000Z'],
		suggested: ['2025-04-10T12:00:00.000Z', '2025-04-10T13:30:00.000Z', '2025-04-10T15:00:00.000Z'],
	}
	expect(newYork).toEqual({ offset: 300, ...expected })
	expect(hanoi).toEqual({ offset: -420, ...expected })
})

function keys(value: unknown, prefix = ''): string[] {
	return typeof value === 'object' && value !== null
		? Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
		: [prefix]
}

test('the calendar speaks both languages with the same keys (Vietnamese has no singular plural form)', async () => {
	const [{ default: vi }, { default: en }] = await Promise.all([import('~/locales/vi/calendar.json'), import('~/locales/en/calendar.json')])
	const withoutPlural = (list: string[]) => [...new Set(list.map((k) => k.replace(/_(one|other)$/, '')))].sort()
	expect(withoutPlural(keys(vi))).toEqual(withoutPlural(keys(en)))
	// Every state and summary the calendar can show has words, not only a colour.
	for (const state of ['draft', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'needs_attention']) {
		expect(vi.state).toHaveProperty(state)
	}
	for (const summary of ['draft', 'scheduled', 'publishing', 'published', 'partly_published', 'failed', 'needs_you']) {
		expect(vi.summary).toHaveProperty(summary)
	}
})
