import { expect, test } from 'vitest'
import { MediaDetailsSchema } from '~/media/details-schema.ts'
import { formatBytes, formatDuration } from '~/media/format.ts'
import { hasFilters, parseLibraryFilters } from '~/media/library-filters.ts'
import { mediaSearchText } from '~/media/search-text.ts'

test('durations read as minutes:seconds, with hours only when there are some', () => {
	expect(formatDuration(0)).toBe('0:00')
	expect(formatDuration(65_400)).toBe('1:05')
	expect(formatDuration(59_600)).toBe('1:00')
	expect(formatDuration(3_599_000)).toBe('59:59')
	expect(formatDuration(3_725_000)).toBe('1:02:05')
})

test('sizes use the largest unit under 1024, one decimal from megabytes, in the reader’s number style', () => {
	expect(formatBytes(500, 'vi')).toBe('500 byte')
	expect(formatBytes(1023, 'en')).toBe('1,023 byte')
	expect(formatBytes(1024, 'en')).toBe('1 kB')
	expect(formatBytes(1536, 'en')).toBe('2 kB')
	expect(formatBytes(21_500_000, 'vi')).toBe('20,5 MB')
	expect(formatBytes(21_500_000, 'en')).toBe('20.5 MB')
	expect(formatBytes(2_147_483_648, 'en')).toBe('2 GB')
	// Gigabytes are the largest unit: a terabyte is 1024 GB.
	expect(formatBytes(1024 ** 4, 'en')).toBe('1,024 GB')
})

test('library filters come from the URL; empty or unknown values are no filter', () => {
	const filters = parseLibraryFilters(new URLSearchParams('kind=video&status=ready&product=p1&place=%20Su%E1%BB%91i%20Gi%C3%A0ng%20&q='))
	expect(filters).toEqual({ kind: 'video', status: 'ready', product: 'p1', place: 'Suối Giàng' })
	expect(hasFilters(filters)).toBe(true)
	const junk = parseLibraryFilters(new URLSearchParams('kind=movie&status=lost&season=%20%20&product='))
	expect(junk).toEqual({})
	expect(hasFilters(junk)).toBe(false)
	expect(hasFilters(parseLibraryFilters(new URLSearchParams('q=chè')))).toBe(true)
	expect(parseLibraryFilters(new URLSearchParams(`q=${'x'.repeat(101)}`)).q).toBeUndefined()
	expect(parseLibraryFilters(new URLSearchParams(`q=${'x'.repeat(100)}`)).q).toHaveLength(100)
	expect(parseLibraryFilters(new URLSearchParams('q=cho\u0302\u0301t')).q).toBe('chốt')
})

test('search matches the name, the place and the season without accents or case', () => {
	expect(mediaSearchText({ displayName: 'Đồi chè', place: 'Suối Giàng', season: 'Xuân 2026' })).toBe('doi che suoi giang xuan 2026')
	expect(mediaSearchText({ displayName: 'Đồi chè', place: null })).toBe('doi che')
})

test('the detail form keeps labels in NFC on one line; empty labels are stored as none', () => {
	const parsed = MediaDetailsSchema.parse({ intent: 'save', displayName: '  Đồi chè ', place: ' Suo\u0302\u0301i \n Giàng ', season: '   ' })
	expect(parsed).toEqual({ intent: 'save', displayName: 'Đồi chè', place: 'Suối Giàng', season: null, productIds: [] })
	expect(MediaDetailsSchema.safeParse({ intent: 'save', displayName: '   ' }).error?.issues.map((issue) => issue.message)).toEqual([
		'media:detail.displayNameRequired',
	])
})
