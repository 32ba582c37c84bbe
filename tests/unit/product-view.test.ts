import { expect, test } from 'vitest'
import {
	canonicalCertification,
	isKnownCertification,
	normalizeCertifications,
	parseStoredCertifications,
	serializeCertifications,
	splitCertificationText,
} from '~/products/certifications.ts'
import { formatPriceInput, productFormDefaults } from '~/products/form-defaults.ts'
import { formatHarvestDay, harvestDayToInstant, instantToHarvestDay, isCalendarDay } from '~/products/harvest-date.ts'
import { toProductView } from '~/products/view.ts'

const stored = {
	id: 'p7',
	name: 'Mật ong bạc hà',
	code: 'B12',
	priceVnd: 1_250_000,
	unit: 'chai 500ml',
	description: 'Mật ong cao nguyên đá',
	growingArea: 'Đồng Văn, Hà Giang',
	batch: 'Lô 05/2025',
	harvestDate: new Date('2025-11-30T17:00:00.000Z'),
	producerGroup: 'HTX Ong Đồng Văn',
	certifications: '["ocop-4","organic","Chỉ dẫn địa lý"]',
	shopeeUrl: 'https://shopee.vn/m',
	lazadaUrl: 'https://lazada.vn/m',
	tiktokShopUrl: 'https://shop.tiktok.com/m',
	facebookUrl: 'https://facebook.com/m',
	zaloUrl: 'https://zalo.me/m',
	orderPhone: '0987654321',
	photos: [
		{ mediaId: 'c', position: 2 },
		{ mediaId: 'a', position: 0 },
		{ mediaId: 'b', position: 1 },
	],
}

test('a stored product becomes the view pages show: every field, links present only when set, photos in order', () => {
	expect(toProductView(stored, 'Asia/Ho_Chi_Minh')).toEqual({
		id: 'p7',
		name: 'Mật ong bạc hà',
		code: 'B12',
		priceVnd: 1_250_000,
		unit: 'chai 500ml',
		description: 'Mật ong cao nguyên đá',
		growingArea: 'Đồng Văn, Hà Giang',
		batch: 'Lô 05/2025',
		harvestDay: '2025-12-01',
		producerGroup: 'HTX Ong Đồng Văn',
		certifications: ['ocop-4', 'organic', 'Chỉ dẫn địa lý'],
		links: {
			shopeeUrl: 'https://shopee.vn/m',
			lazadaUrl: 'https://lazada.vn/m',
			tiktokShopUrl: 'https://shop.tiktok.com/m',
			facebookUrl: 'https://facebook.com/m',
			zaloUrl: 'https://zalo.me/m',
		},
		orderPhone: '0987654321',
		photoIds: ['a', 'b', 'c'],
	})
	const bare = toProductView(
		{ ...stored, harvestDate: null, shopeeUrl: null, lazadaUrl: '', tiktokShopUrl: null, facebookUrl: null, zaloUrl: null, photos: undefined },
		'Asia/Ho_Chi_Minh',
	)
	expect(bare.harvestDay).toBeNull()
	expect(bare.links).toEqual({})
	expect(bare.photoIds).toEqual([])
})

test('the edit form starts from every field of the view, blanks for what is not set', () => {
	const view = toProductView(stored, 'Asia/Ho_Chi_Minh')
	expect(productFormDefaults(view)).toEqual({
		name: 'Mật ong bạc hà',
		code: 'B12',
		priceVnd: '1.250.000',
		unit: 'chai 500ml',
		description: 'Mật ong cao nguyên đá',
		growingArea: 'Đồng Văn, Hà Giang',
		batch: 'Lô 05/2025',
		harvestDate: '2025-12-01',
		producerGroup: 'HTX Ong Đồng Văn',
		certifications: ['ocop-4', 'organic'],
		certificationsOther: 'Chỉ dẫn địa lý',
		shopeeUrl: 'https://shopee.vn/m',
		lazadaUrl: 'https://lazada.vn/m',
		tiktokShopUrl: 'https://shop.tiktok.com/m',
		facebookUrl: 'https://facebook.com/m',
		zaloUrl: 'https://zalo.me/m',
		orderPhone: '0987654321',
		photoIds: ['a', 'b', 'c'],
	})
	const empty = productFormDefaults({
		...view,
		growingArea: null,
		batch: null,
		harvestDay: null,
		producerGroup: null,
		certifications: ['Chỉ dẫn địa lý', 'Rainforest'],
		links: {},
		orderPhone: null,
	})
	expect(empty).toMatchObject({
		growingArea: '',
		batch: '',
		harvestDate: '',
		producerGroup: '',
		certifications: [],
		certificationsOther: 'Chỉ dẫn địa lý, Rainforest',
		shopeeUrl: '',
		lazadaUrl: '',
		tiktokShopUrl: '',
		facebookUrl: '',
		zaloUrl: '',
		orderPhone: '',
	})
	expect(formatPriceInput(1_250_000.4)).toBe('1.250.000')
})

test('a harvest day is checked field by field: month 13, day 0 and 31 April are not days', () => {
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
	expect(harvestDayToInstant('2025-01-05', 'UTC')?.toISOString()).toBe('2025-01-05T00:00:00.000Z')
	expect(harvestDayToInstant('2025-01-05', 'America/New_York')?.toISOString()).toBe('2025-01-05T05:00:00.000Z')
})

test('a stored harvest instant reads back as the day where the co-op is, with two-digit month and day', () => {
	const instant = new Date('2025-01-04T18:30:00.000Z')
	expect(instantToHarvestDay(instant, 'Asia/Ho_Chi_Minh')).toBe('2025-01-05')
	expect(instantToHarvestDay(instant, 'UTC')).toBe('2025-01-04')
	expect(instantToHarvestDay(new Date('2025-12-31T12:00:00.000Z'), 'UTC')).toBe('2025-12-31')
})

test('a harvest day is written the way each language reads dates; anything else is shown as it is', () => {
	expect(formatHarvestDay('2025-01-05', 'vi')).toBe('05/01/2025')
	expect(formatHarvestDay('2025-01-05', 'en')).toBe('05 Jan 2025')
	expect(formatHarvestDay('2025-12-31', 'en')).toBe('31 Dec 2025')
	expect(formatHarvestDay('05/01/2025', 'vi')).toBe('05/01/2025')
	expect(formatHarvestDay('x2025-01-05', 'en')).toBe('x2025-01-05')
})

test('OCOP ratings are read from every common spelling, and only 3 to 5 stars exist', () => {
	expect(canonicalCertification('OCOP 3 sao')).toBe('ocop-3')
	expect(canonicalCertification('ocop-5')).toBe('ocop-5')
	expect(canonicalCertification('OCOP 4 stars')).toBe('ocop-4')
	expect(canonicalCertification('OCOP 4 star')).toBe('ocop-4')
	expect(canonicalCertification('ocop4')).toBe('ocop-4')
	expect(canonicalCertification('5 sao OCOP')).toBe('ocop-5')
	expect(canonicalCertification('OCOP 6 sao')).toBe('OCOP 6 sao')
	expect(canonicalCertification('OCOP 2')).toBe('OCOP 2')
	expect(canonicalCertification('xOCOP 4')).toBe('xOCOP 4')
	expect(canonicalCertification('OCOP 4 saox')).toBe('OCOP 4 saox')
	expect(canonicalCertification('6 sao OCOP')).toBe('6 sao OCOP')
	expect(canonicalCertification('5 sao OCOPx')).toBe('5 sao OCOPx')
	expect(canonicalCertification('x5 sao OCOP')).toBe('x5 sao OCOP')
	expect(canonicalCertification('Global_GAP')).toBe('globalgap')
	expect(canonicalCertification('P-G-S')).toBe('pgs')
	expect(canonicalCertification('viet*gap')).toBe('vietgap')
	expect(canonicalCertification('  Hữu   cơ ')).toBe('organic')
	expect(canonicalCertification('Global GAP+')).toBe('Global GAP+')
})

test('known tags are exactly the listed ids', () => {
	expect(isKnownCertification('vietgap')).toBe(true)
	expect(isKnownCertification('ocop-5')).toBe(true)
	expect(isKnownCertification('VietGAP')).toBe(false)
	expect(isKnownCertification('huuco')).toBe(false)
})

test('certifications are stored known ones first in the listed order, free ones as first typed, no repeats', () => {
	expect(normalizeCertifications(['Rainforest', 'OCOP 5 sao', 'VietGAP', 'rainforest', 'vietgap', '', 'pgs'])).toEqual([
		'vietgap',
		'pgs',
		'ocop-5',
		'Rainforest',
	])
	expect(serializeCertifications(['hữu cơ', 'Chỉ dẫn địa lý', 'GlobalGAP'])).toBe('["globalgap","organic","Chỉ dẫn địa lý"]')
	expect(serializeCertifications([])).toBe('[]')
})

test('the free-text box splits on commas, semicolons and new lines, and drops blanks', () => {
	expect(splitCertificationText('Chỉ dẫn địa lý;  Rainforest ,\nHACCP,, ; ')).toEqual(['Chỉ dẫn địa lý', 'Rainforest', 'HACCP'])
	expect(splitCertificationText('')).toEqual([])
})

test('a stored certifications column keeps only its strings', () => {
	expect(parseStoredCertifications('["vietgap", 4, null, "HACCP"]')).toEqual(['vietgap', 'HACCP'])
	expect(parseStoredCertifications('"vietgap"')).toEqual([])
	expect(parseStoredCertifications('')).toEqual([])
})
