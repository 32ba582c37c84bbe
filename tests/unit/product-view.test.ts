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
		archived: false,
	})
	const bare = toProductView(
		{ ...stored, archivedAt: new Date('2025-12-02T00:00:00Z'), harvestDate: null, shopeeUrl: null, lazadaUrl: '', tiktokShopUrl: null, facebookUrl: null, zaloUrl: null, photos: undefined },
		'Asia/Ho_Chi_Minh',
	)
	expect(bare.harvestDay).toBeNull()
	expect(bare.links).toEqual({})
	expect(bare.photoIds).toEqual([])
	expect(bare.archived).toBe(true)
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
