import { TZDate } from '@date-fns/tz'
import { addDays, startOfDay, startOfWeek } from 'date-fns'

// Time as a co-op lives it: its time zone, its "today", its days and weeks
// (Monday first, as calendars in Vietnam print them), what a person types as
// a local date and time, and dates and times written for people. Instants are
// stored in UTC; everything here reads them in the co-op's zone, never the
// process's own (servers usually run in UTC, a laptop anywhere). Pure code:
// the browser and the server share it.

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh'

/** A calendar day as "YYYY-MM-DD" (what an <input type="date"> sends). */
export type Day = string
/** A wall-clock time as "HH:mm" (what an <input type="time"> sends). */
export type WallTime = string
export type TimeRange = { start: Date; end: Date }

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/

/**
 * The zone's canonical name as this runtime's ICU knows it, or null when it is
 * not a zone. ICU keeps some old names ("Asia/Saigon" for "Asia/Ho_Chi_Minh"),
 * so both spellings resolve to the same canonical zone.
 */
function canonicalTimeZone(zone: string): string | null {
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
	} catch {
		return null
	}
}

/** True for a zone of `Intl.supportedValuesOf('timeZone')`, under either its current or its ICU name. */
export function isSupportedTimeZone(zone: string): boolean {
	if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false
	const supported = Intl.supportedValuesOf('timeZone')
	if (supported.includes(zone)) return true
	const canonical = canonicalTimeZone(zone)
	return canonical !== null && supported.includes(canonical)
}

/**
 * The zones to offer in a list: Vietnam's first, then every supported zone,
 * without ICU's old spelling of a zone already offered under its current name.
 */
export function timeZoneChoices(current?: string | null): string[] {
	const first = [DEFAULT_TIME_ZONE, current].filter((z): z is string => Boolean(z) && isSupportedTimeZone(z!))
	const taken = new Set(first.map((z) => canonicalTimeZone(z)))
	const rest = Intl.supportedValuesOf('timeZone').filter((z) => !taken.has(z))
	return [...new Set(first), ...rest]
}

function parseDay(day: Day): [year: number, monthIndex: number, date: number] | null {
	const match = DAY_PATTERN.exec(day)
	if (!match) return null
	const [year, month, date] = match.slice(1).map(Number)
	const check = new Date(Date.UTC(year, month - 1, date))
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null
	return [year, month - 1, date]
}

/** Whether a "YYYY-MM-DD" day is a real calendar day (2025-02-30 is not). */
export function isCalendarDay(day: string): boolean {
	return parseDay(day) !== null
}

const pad = (n: number) => String(n).padStart(2, '0')

function dayOf(local: Date): Day {
	return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`
}

function inZone(instant: Date, timeZone: string): TZDate {
	return new TZDate(instant.getTime(), timeZone)
}

/** The instant the day begins in `timeZone` (its midnight), or null when `day` is not a real day. */
export function dayStart(day: Day, timeZone: string): Date | null {
	const parts = parseDay(day)
	return parts ? new Date(new TZDate(...parts, timeZone).getTime()) : null
}

/** The day an instant falls on in `timeZone`. */
export function dayOfInstant(instant: Date, timeZone: string): Day {
	return dayOf(inZone(instant, timeZone))
}

/** Today's date where the co-op is. */
export function today(timeZone: string, now: Date = new Date()): Day {
	return dayOfInstant(now, timeZone)
}

/** `day` plus `count` calendar days (negative goes back). */
export function shiftDay(day: Day, count: number): Day {
	const parts = parseDay(day)
	if (!parts) throw new Error(`Not a calendar day: ${day}`)
	const shifted = new Date(Date.UTC(...parts) + count * 86_400_000)
	return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`
}

/**
 * The day around `instant` in `timeZone`: from its midnight to the next
 * midnight (end excluded). A day with a clock change lasts 23 or 25 hours.
 */
export function dayRange(instant: Date, timeZone: string): TimeRange {
	const start = startOfDay(inZone(instant, timeZone))
	return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) }
}

/** The week around `instant` in `timeZone`: Monday's midnight to the next Monday's (end excluded). */
export function weekRange(instant: Date, timeZone: string): TimeRange {
	const start = startOfWeek(inZone(instant, timeZone), { weekStartsOn: 1 })
	return { start: new Date(start.getTime()), end: new Date(addDays(start, 7).getTime()) }
}

/**
 * A date and time typed by a person in the co-op ("2025-04-10", "19:30") →
 * the UTC instant; null when either is not real. Where a clock change skips
 * an hour, a time inside the gap moves forward by the gap (02:30 becomes 03:30,
 * as calendars do); where an hour repeats, the second pass is meant.
 */
export function localToInstant(day: Day, time: WallTime, timeZone: string): Date | null {
	const parts = parseDay(day)
	const clock = TIME_PATTERN.exec(time)
	if (!parts || !clock) return null
	return new Date(new TZDate(...parts, Number(clock[1]), Number(clock[2]), timeZone).getTime())
}

/** The stored instant → the day and wall-clock time a person in `timeZone` reads, for date and time inputs. */
export function instantToLocal(instant: Date, timeZone: string): { day: Day; time: WallTime } {
	const local = inZone(instant, timeZone)
	return { day: dayOf(local), time: `${pad(local.getHours())}:${pad(local.getMinutes())}` }
}

function locale(lng: string) {
	return lng === 'vi' ? 'vi-VN' : 'en-GB'
}

/**
 * A date and time as people of that language read them, in the co-op's zone.
 * Loaders call this so that the server and the browser never disagree on the text.
 */
export function formatDateTime(instant: Date, lng: string, timeZone: string = DEFAULT_TIME_ZONE): string {
	return new Intl.DateTimeFormat(locale(lng), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(instant)
}

export function formatDate(instant: Date, lng: string, timeZone: string = DEFAULT_TIME_ZONE): string {
	return new Intl.DateTimeFormat(locale(lng), { dateStyle: 'medium', timeZone }).format(instant)
}

export function formatTime(instant: Date, lng: string, timeZone: string = DEFAULT_TIME_ZONE): string {
	return new Intl.DateTimeFormat(locale(lng), { timeStyle: 'short', timeZone }).format(instant)
}

/** "2025-04-10" → "10/04/2025" (vi) or "10 Apr 2025" (en); a calendar day has no zone. */
export function formatDay(day: Day, lng: string): string {
	const parts = parseDay(day)
	if (!parts) return day
	return new Intl.DateTimeFormat(locale(lng), {
		day: '2-digit',
		month: lng === 'vi' ? '2-digit' : 'short',
		year: 'numeric',
		timeZone: 'UTC',
	}).format(new Date(Date.UTC(...parts)))
}
