import { instantToLocal, isCalendarDay, localToInstant, shiftDay, type Day, type WallTime } from '~/utils/coop-time.ts'

// The publishing calendar as pure decisions: which days a week or a month
// shows (Monday first, as calendars in Vietnam print them), on which day and
// at what time a target sits (read in the co-op's zone from its stored UTC
// instant, never in the process's zone), where a drag lands, the days of a
// series, and the times worth suggesting for a platform
// (docs/decisions/162-publishing-calendar.md, 163-suggested-times.md).
// The browser and the server share it.

export type CalendarView = 'week' | 'month'

function parts(day: Day): [number, number, number] {
	if (!isCalendarDay(day)) throw new Error(`Not a calendar day: ${day}`)
	const [year, month, date] = day.split('-').map(Number)
	return [year, month, date]
}

/** 0 for Monday … 6 for Sunday; a calendar day has no zone. */
export function weekdayIndex(day: Day): number {
	const [year, month, date] = parts(day)
	return (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7
}

/** The Monday of the week `day` belongs to. */
export function mondayOf(day: Day): Day {
	return shiftDay(day, -weekdayIndex(day))
}

/** The seven days of `day`'s week, Monday to Sunday. */
export function weekDays(day: Day): Day[] {
	const monday = mondayOf(day)
	return Array.from({ length: 7 }, (_, i) => shiftDay(monday, i))
}

/** The first day of `day`'s month. */
export function firstOfMonth(day: Day): Day {
	return `${day.slice(0, 8)}01`
}

/**
 * The month around `day` as whole weeks, Monday first: from the Monday on or
 * before the 1st to the Sunday on or after the last day (four to six rows).
 */
export function monthWeeks(day: Day): Day[][] {
	const first = firstOfMonth(day)
	const month = first.slice(0, 7)
	const weeks: Day[][] = []
	// "YYYY-MM" strings compare in calendar order.
	for (let monday = mondayOf(first); monday.slice(0, 7) <= month; monday = shiftDay(monday, 7)) {
		weeks.push(weekDays(monday))
	}
	return weeks
}

/** The days a view shows around `anchor`, first to last. */
export function viewDays(view: CalendarView, anchor: Day): Day[] {
	return view === 'week' ? weekDays(anchor) : monthWeeks(anchor).flat()
}

/** The instants a view covers in `timeZone`: the first day's midnight to the midnight after the last day. */
export function viewRange(view: CalendarView, anchor: Day, timeZone: string): { start: Date; end: Date } {
	const days = viewDays(view, anchor)
	return {
		start: localToInstant(days[0], '00:00', timeZone)!,
		end: localToInstant(shiftDay(days[days.length - 1], 1), '00:00', timeZone)!,
	}
}

/** Same day of the month in the month `count` months away, kept inside a shorter month (31 Jan + 1 → 28/29 Feb). */
function shiftMonth(day: Day, count: number): Day {
	const [year, month, date] = parts(day)
	const index = year * 12 + (month - 1) + count
	const targetYear = Math.floor(index / 12)
	const targetMonth = index - targetYear * 12
	const lastDate = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate()
	const pad = (n: number) => String(n).padStart(2, '0')
	return `${targetYear}-${pad(targetMonth + 1)}-${pad(Math.min(date, lastDate))}`
}

/** The anchor day of the previous (-1) or next (+1) week or month. */
export function stepAnchor(view: CalendarView, anchor: Day, direction: -1 | 1): Day {
	return view === 'week' ? shiftDay(anchor, 7 * direction) : shiftMonth(anchor, direction)
}

export type PlacedTarget = {
	state: string
	dueAt: Date | null
	publishedAt: Date | null
}

/**
 * The instant a target sits at on the calendar: when it went out once
 * published (the platform's time, which may differ from the plan), otherwise
 * when it is due; a draft with no time is not on the calendar.
 */
export function calendarInstant(target: PlacedTarget): Date | null {
	if (target.state === 'published' && target.publishedAt) return target.publishedAt
	return target.dueAt
}

/** Only a target still waiting for its time can be moved. */
export function canReschedule(target: PlacedTarget): boolean {
	return target.state === 'scheduled'
}

export type CalendarEntry<T> = { day: Day; time: WallTime; at: Date; item: T }

/**
 * Each item at its day and wall-clock time in `timeZone`, earliest first;
 * items without an instant are left out.
 */
export function placeItems<T>(items: T[], instantOf: (item: T) => Date | null, timeZone: string): CalendarEntry<T>[] {
	const placed: CalendarEntry<T>[] = []
	for (const item of items) {
		const at = instantOf(item)
		if (!at) continue
		const { day, time } = instantToLocal(at, timeZone)
		placed.push({ day, time, at, item })
	}
	return placed.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** Entries by day for a grid: every day of `days` has a list (empty when nothing is planned), in time order. */
export function entriesByDay<T>(entries: CalendarEntry<T>[], days: Day[]): Map<Day, CalendarEntry<T>[]> {
	const byDay = new Map<Day, CalendarEntry<T>[]>(days.map((day) => [day, []]))
	for (const entry of entries) byDay.get(entry.day)?.push(entry)
	return byDay
}

/** The agenda a phone shows: only the days with something on them, in order, each with its entries in time order. */
export function agendaDays<T>(entries: CalendarEntry<T>[]): { day: Day; entries: CalendarEntry<T>[] }[] {
	const days: { day: Day; entries: CalendarEntry<T>[] }[] = []
	for (const entry of entries) {
		const last = days[days.length - 1]
		if (last?.day === entry.day) last.entries.push(entry)
		else days.push({ day: entry.day, entries: [entry] })
	}
	return days
}

/**
 * Where a chip dropped on another day lands: the same wall-clock time on
 * `day` in `timeZone` (so 20:00 stays 20:00 even across a clock change).
 */
export function moveToDay(instant: Date, day: Day, timeZone: string): Date | null {
	return localToInstant(day, instantToLocal(instant, timeZone).time, timeZone)
}

/**
 * A series: the i-th item on the i-th day from `start`, each at its own
 * wall-clock time in `timeZone` (one time repeats for every day). Each
 * instant is computed from its own day, so a clock change in the middle of
 * the week keeps the times people chose. Null when a day or time is not real.
 */
export function seriesDates(start: Day, count: number, time: WallTime | WallTime[], timeZone: string): Date[] | null {
	const times = Array.isArray(time) ? time : Array.from({ length: count }, () => time)
	if (times.length !== count || !isCalendarDay(start)) return null
	const dates: Date[] = []
	for (let i = 0; i < count; i++) {
		const at = localToInstant(shiftDay(start, i), times[i], timeZone)
		if (!at) return null
		dates.push(at)
	}
	return dates
}

export type Platform = 'facebook_page' | 'zalo_oa' | 'tiktok' | 'manual'

/**
 * Times that work before a co-op has numbers of its own
 * (docs/decisions/163-suggested-times.md): Vietnamese audiences scroll
 * Facebook and Zalo in the lunch break and after the evening meal; TikTok's
 * audience is younger and most active through the evening. Manual channels
 * are Zalo and Facebook groups, so they share Facebook's hours.
 */
export const DEFAULT_TIMES: Record<Platform, WallTime[]> = {
	facebook_page: ['11:30', '20:00', '21:00'],
	zalo_oa: ['11:30', '20:00', '21:00'],
	tiktok: ['19:00', '20:30', '22:00'],
	manual: ['11:30', '20:00', '21:00'],
}

/** Published posts on a platform a co-op needs before its own numbers choose the times. */
export const OWN_TIMES_MIN_POSTS = 8
/** How many hours are suggested from a co-op's own numbers. */
const OWN_TIMES_COUNT = 3

/** Attributed orders on a platform's posts a co-op needs before orders, not views, choose the hours (docs/decisions/189-attribution.md). */
export const ORDER_TIMES_MIN_ORDERS = 30

/** One published post on the platform: when it went out, the views it has reached and the orders credited to it (exact attribution). */
export type PostViews = { publishedAt: Date; views: number; orders?: number }

export type SuggestionSource = 'default' | 'engagement' | 'orders'

export type SuggestedTime = { time: WallTime; at: Date; source: SuggestionSource }

/** Whether the posts carry enough attributed orders for the hours to be chosen by orders. */
export function ordersDecide(posts: PostViews[]): boolean {
	return posts.reduce((sum, post) => sum + (post.orders ?? 0), 0) >= ORDER_TIMES_MIN_ORDERS
}

/**
 * The hours of day (in `timeZone`) whose posts reached the most views per
 * post, best first, from the co-op's own published posts; an empty list
 * while there are fewer than OWN_TIMES_MIN_POSTS. Ties go to the hour with
 * more posts behind it, then the earlier hour.
 */
export function bestHours(posts: PostViews[], timeZone: string): number[] {
	if (posts.length < OWN_TIMES_MIN_POSTS) return []
	const byOrders = ordersDecide(posts)
	const byHour = new Map<number, { views: number; orders: number; posts: number }>()
	for (const post of posts) {
		const hour = Number(instantToLocal(post.publishedAt, timeZone).time.slice(0, 2))
		const slot = byHour.get(hour) ?? { views: 0, orders: 0, posts: 0 }
		slot.views += post.views
		slot.orders += post.orders ?? 0
		slot.posts += 1
		byHour.set(hour, slot)
	}
	// With enough order history, orders per post decide and views per post break ties.
	const ordersFirst = (a: { orders: number; posts: number }, b: { orders: number; posts: number }) => (byOrders ? b.orders / b.posts - a.orders / a.posts : 0)
	return [...byHour.entries()]
		.sort(([hourA, a], [hourB, b]) => ordersFirst(a, b) || b.views / b.posts - a.views / a.posts || b.posts - a.posts || hourA - hourB)
		.slice(0, OWN_TIMES_COUNT)
		.map(([hour]) => hour)
}

/**
 * The times to offer for a post on `platform` on `day`, in time order: the
 * co-op's own best hours once it has enough published posts there, the
 * platform's sensible defaults until then.
 */
export function suggestedTimes(platform: Platform, day: Day, timeZone: string, engagement: PostViews[] = []): SuggestedTime[] {
	const hours = bestHours(engagement, timeZone)
	const source: SuggestionSource = hours.length === 0 ? 'default' : ordersDecide(engagement) ? 'orders' : 'engagement'
	const times = source !== 'default' ? hours.map((hour) => `${String(hour).padStart(2, '0')}:00`) : DEFAULT_TIMES[platform]
	return times
		.map((time) => ({ time, at: localToInstant(day, time, timeZone)!, source }) as const)
		.sort((a, b) => a.at.getTime() - b.at.getTime())
}
