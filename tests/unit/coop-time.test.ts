import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import {
	dayOfInstant,
	dayRange,
	dayStart,
	formatDate,
	formatDateTime,
	formatDay,
	formatTime,
	instantToLocal,
	isCalendarDay,
	localToInstant,
	shiftDay,
	today,
	weekRange,
} from '~/utils/coop-time.ts'

const VN = 'Asia/Ho_Chi_Minh'
const BERLIN = 'Europe/Berlin'

const iso = (range: { start: Date; end: Date }) => [range.start.toISOString(), range.end.toISOString()]

test('in Vietnam a day starts at 17:00 UTC the evening before, with no clock changes', () => {
	expect(dayStart('2025-04-12', VN)?.toISOString()).toBe('2025-04-11T17:00:00.000Z')
	expect(dayOfInstant(new Date('2025-04-11T16:59:59Z'), VN)).toBe('2025-04-11')
	expect(dayOfInstant(new Date('2025-04-11T17:00:00Z'), VN)).toBe('2025-04-12')
	expect(today(VN, new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01')
	expect(iso(dayRange(new Date('2025-04-12T03:00:00Z'), VN))).toEqual(['2025-04-11T17:00:00.000Z', '2025-04-12T17:00:00.000Z'])
})

test('a week runs from Monday midnight to the next Monday, Sunday being its last day', () => {
	// 2025-04-13 is a Sunday, 2025-04-14 a Monday (in Vietnam).
	const sundayEvening = localToInstant('2025-04-13', '21:00', VN)!
	expect(iso(weekRange(sundayEvening, VN))).toEqual(['2025-04-06T17:00:00.000Z', '2025-04-13T17:00:00.000Z'])
	const mondayMorning = localToInstant('2025-04-14', '00:00', VN)!
	expect(weekRange(mondayMorning, VN).start.toISOString()).toBe('2025-04-13T17:00:00.000Z')
})

test('a time typed in the co-op round-trips through UTC', () => {
	const instant = localToInstant('2025-04-10', '19:30', VN)
	expect(instant?.toISOString()).toBe('2025-04-10T12:30:00.000Z')
	expect(instantToLocal(instant!, VN)).toEqual({ day: '2025-04-10', time: '19:30' })
	expect(localToInstant('2025-04-10', '24:00', VN)).toBeNull()
	expect(localToInstant('2025-04-10', '7:30', VN)).toBeNull()
	expect(localToInstant('2025-02-29', '07:30', VN)).toBeNull()
})

test('where the clocks change, days last 23 or 25 hours and typed times stay sensible', () => {
	// Berlin moved from +01:00 to +02:00 at 02:00 on 30 March 2025 and back at 03:00 on 26 October.
	const spring = dayRange(localToInstant('2025-03-30', '12:00', BERLIN)!, BERLIN)
	expect(iso(spring)).toEqual(['2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z'])
	expect((spring.end.getTime() - spring.start.getTime()) / 3600_000).toBe(23)
	const autumn = dayRange(localToInstant('2025-10-26', '12:00', BERLIN)!, BERLIN)
	expect((autumn.end.getTime() - autumn.start.getTime()) / 3600_000).toBe(25)
	// 02:30 did not exist that spring morning: it moves forward by the hour skipped.
	expect(instantToLocal(localToInstant('2025-03-30', '02:30', BERLIN)!, BERLIN)).toEqual({ day: '2025-03-30', time: '03:30' })
	// 02:30 happened twice that autumn night: the second one is meant.
	expect(localToInstant('2025-10-26', '02:30', BERLIN)?.toISOString()).toBe('2025-10-26T01:30:00.000Z')
	expect(iso(weekRange(localToInstant('2025-03-30', '12:00', BERLIN)!, BERLIN))).toEqual([
		'2025-03-23T23:00:00.000Z',
		'2025-03-30T22:00:00.000Z',
	])
})

test('calendar days are checked and shifted without any zone', () => {
	expect(isCalendarDay('2024-02-29')).toBe(true)
	expect(isCalendarDay('2025-02-29')).toBe(false)
	expect(isCalendarDay('12/04/2025')).toBe(false)
	expect(shiftDay('2025-12-31', 1)).toBe('2026-01-01')
	expect(shiftDay('2025-03-01', -1)).toBe('2025-02-28')
})

test('dates and times are written for people in the co-op zone, Vietnamese first', () => {
	const instant = new Date('2025-04-10T17:30:00Z')
	expect(formatDay('2025-04-12', 'vi')).toBe('12/04/2025')
	expect(formatDay('2025-04-12', 'en')).toBe('12 Apr 2025')
	expect(formatDate(instant, 'vi', VN)).toBe('11 thg 4, 2025')
	expect(formatDate(instant, 'en', 'Europe/London')).toBe('10 Apr 2025')
	expect(formatTime(instant, 'vi', VN)).toBe('00:30')
	expect(formatDateTime(instant, 'en', VN)).toBe('11 Apr 2025, 00:30')
})

// The process's own zone must change nothing: the same questions asked in a
// child process running in Los Angeles (and in Vietnam) give the same answers.
const probeScript = `
const t = await import(${JSON.stringify(path.resolve('app/utils/coop-time.ts'))})
const at = new Date('2025-03-30T10:00:00Z')
console.log(JSON.stringify({
	start: t.dayStart('2025-04-12', 'Asia/Ho_Chi_Minh').toISOString(),
	today: t.today('Asia/Ho_Chi_Minh', new Date('2025-04-11T18:00:00Z')),
	week: [t.weekRange(at, 'Asia/Ho_Chi_Minh').start.toISOString(), t.weekRange(at, 'Europe/Berlin').start.toISOString()],
	berlinDay: t.dayRange(at, 'Europe/Berlin').end.toISOString(),
	typed: t.localToInstant('2025-04-10', '19:30', 'Asia/Ho_Chi_Minh').toISOString(),
	local: t.instantToLocal(new Date('2025-04-10T12:30:00Z'), 'Asia/Ho_Chi_Minh'),
	text: t.formatDateTime(new Date('2025-04-10T17:30:00Z'), 'vi', 'Asia/Ho_Chi_Minh'),
}))
`

async function answersWithProcessZone(zone: string) {
	const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probeScript], {
		env: { ...process.env, TZ: zone },
		encoding: 'utf8',
	})
	return JSON.parse(stdout) as unknown
}

// Two Node processes with tsx: slow to start on a busy machine, hence the generous test timeout.
test('the answers do not depend on the time zone the process runs in', { timeout: 120_000 }, async () => {
	const [losAngeles, vietnam] = await Promise.all([answersWithProcessZone('America/Los_Angeles'), answersWithProcessZone('Asia/Ho_Chi_Minh')])
	expect(losAngeles).toEqual({
		start: '2025-04-11T17:00:00.000Z',
		today: '2025-04-12',
		week: ['2025-03-23T17:00:00.000Z', '2025-03-23T23:00:00.000Z'],
		berlinDay: '2025-03-30T22:00:00.000Z',
		typed: '2025-04-10T12:30:00.000Z',
		local: { day: '2025-04-10', time: '19:30' },
		text: '00:30 11 thg 4, 2025',
	})
	expect(vietnam).toEqual(losAngeles)
})

test('a day is checked field by field: month 0 or 13, day 0 and 31 April, a two-digit year are not days', () => {
	expect(isCalendarDay('2024-02-29')).toBe(true)
	expect(isCalendarDay('2025-02-29')).toBe(false)
	expect(isCalendarDay('2025-13-01')).toBe(false)
	expect(isCalendarDay('2025-04-31')).toBe(false)
	expect(isCalendarDay('2025-04-00')).toBe(false)
	expect(isCalendarDay('2025-4-10')).toBe(false)
	expect(isCalendarDay(' 2025-04-10')).toBe(false)
	expect(isCalendarDay('2025-04-10 ')).toBe(false)
	expect(isCalendarDay('2025-04-10')).toBe(true)
	expect(isCalendarDay('0099-01-01')).toBe(false)
	expect(isCalendarDay('2025-00-10')).toBe(false)
	expect(dayStart('2025-01-05', 'UTC')?.toISOString()).toBe('2025-01-05T00:00:00.000Z')
	expect(dayStart('2025-01-05', 'America/New_York')?.toISOString()).toBe('2025-01-05T05:00:00.000Z')
})

test('an instant reads back as the day where the co-op is, with two-digit month and day', () => {
	const instant = new Date('2025-01-04T18:30:00.000Z')
	expect(dayOfInstant(instant, 'Asia/Ho_Chi_Minh')).toBe('2025-01-05')
	expect(dayOfInstant(instant, 'UTC')).toBe('2025-01-04')
	expect(dayOfInstant(new Date('2025-12-31T12:00:00.000Z'), 'UTC')).toBe('2025-12-31')
})

test('a day is written the way each language reads dates; anything else is shown as it is', () => {
	expect(formatDay('2025-01-05', 'vi')).toBe('05/01/2025')
	expect(formatDay('2025-01-05', 'en')).toBe('05 Jan 2025')
	expect(formatDay('2025-12-31', 'en')).toBe('31 Dec 2025')
	expect(formatDay('05/01/2025', 'vi')).toBe('05/01/2025')
	expect(formatDay('x2025-01-05', 'en')).toBe('x2025-01-05')
})
