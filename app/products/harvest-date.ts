import { TZDate } from '@date-fns/tz'

// A harvest date is a calendar day where the co-op is, not an instant. It is
// stored as that day's midnight in the co-op's time zone (as a UTC instant),
// and always read back in the same zone, so "10/04/2025" stays 10/04 whatever
// the server's zone is.
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** "2025-04-10" (what a date input sends) → the instant of that midnight in `timeZone`; null if not a real day. */
export function harvestDayToInstant(day: string, timeZone: string): Date | null {
	const match = DATE_PATTERN.exec(day)
	if (!match) return null
	const [year, month, date] = match.slice(1).map(Number)
	const midnight = new TZDate(year, month - 1, date, timeZone)
	// A day past its month's end rolls into the next month, a month past 12 into the next year;
	// a year under 100 is read as 19xx.
	if (midnight.getFullYear() !== year || midnight.getMonth() !== month - 1) return null
	return new Date(midnight.getTime())
}

/** The stored instant → "2025-04-10" in `timeZone`, for a date input. */
export function instantToHarvestDay(instant: Date, timeZone: string): string {
	const local = new TZDate(instant.getTime(), timeZone)
	const pad = (n: number) => String(n).padStart(2, '0')
	return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`
}

/** "2025-04-10" → "10/04/2025" (vi) or "10 Apr 2025" (en); no time zone involved. */
export function formatHarvestDay(day: string, lng: 'vi' | 'en'): string {
	const match = DATE_PATTERN.exec(day)
	if (!match) return day
	const [year, month, date] = match.slice(1).map(Number)
	return new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', {
		day: '2-digit',
		month: lng === 'vi' ? '2-digit' : 'short',
		year: 'numeric',
		timeZone: 'UTC',
	}).format(new Date(Date.UTC(year, month - 1, date)))
}

/** Whether a "YYYY-MM-DD" day is a real calendar day (2025-02-30 is not). */
export function isCalendarDay(day: string): boolean {
	return harvestDayToInstant(day, 'UTC') !== null
}
