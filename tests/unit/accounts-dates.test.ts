import { expect, test } from 'vitest'
import { formatDate, formatDateTime } from '~/utils/coop-time.ts'

// 17:30 UTC is already the next morning in Vietnam.
const evening = new Date('2026-12-07T17:30:00Z')

test("dates are written in the co-op's zone and the reader's language", () => {
	expect(formatDateTime(evening, 'vi')).toBe('00:30 8 thg 12, 2026')
	expect(formatDateTime(evening, 'en')).toBe('8 Dec 2026, 00:30')
	expect(formatDate(evening, 'vi')).toBe('8 thg 12, 2026')
	expect(formatDate(evening, 'en')).toBe('8 Dec 2026')
	expect(formatDate(evening, 'en', 'UTC')).toBe('7 Dec 2026')
	expect(formatDateTime(evening, 'en', 'UTC')).toBe('7 Dec 2026, 17:30')
})
