import { expect, test } from 'vitest'
import { canonicalCertification, normalizeCertifications, parseStoredCertifications } from '~/products/certifications.ts'
import { productFormDefaults } from '~/products/form-defaults.ts'
import { productSearchText, searchWords } from '~/products/search.ts'
import { missingTraceability, traceabilityFacts } from '~/products/traceability.ts'
import { toProductView } from '~/products/view.ts'
import { dayOfInstant, dayStart, formatDay } from '~/utils/coop-time.ts'

test('a harvest day is midnight in the co-op zone, stored as UTC, read back as the same day', () => {
	const instant = dayStart('2025-04-12', 'Asia/Ho_Chi_Minh')
	expect(instant?.toISOString()).toBe('2025-04-11T17:00:00.000Z')
	expect(dayOfInstant(instant!, 'Asia/Ho_Chi_Minh')).toBe('2025-04-12')
	expect(dayStart('2025-02-29', 'Asia/Ho_Chi_Minh')).toBeNull()
	expect(dayStart('12/04/2025', 'Asia/Ho_Chi_Minh')).toBeNull()
	expect(formatDay('2025-04-12', 'vi')).toBe('12/04/2025')
})

test('certifications typed many ways become one tag each', () => {
	expect(canonicalCertification('Viet GAP')).toBe('vietgap')
	expect(canonicalCertification('OCOP 4 sao')).toBe('ocop-4')
	expect(canonicalCertification('4 sao OCOP')).toBe('ocop-4')
	expect(canonicalCertification('Hữu cơ')).toBe('organic')
	expect(canonicalCertification('Organic')).toBe('organic')
	expect(canonicalCertification('Chi\u0309 dẫn địa lý')).toBe('Chỉ dẫn địa lý')
	expect(normalizeCertifications(['Chỉ dẫn địa lý', 'ocop-4', 'VietGAP', 'chi dan dia ly', ' '])).toEqual([
		'vietgap',
		'ocop-4',
		'Chỉ dẫn địa lý',
	])
})

test('a damaged certifications column reads as none', () => {
	expect(parseStoredCertifications('["vietgap"]')).toEqual(['vietgap'])
	expect(parseStoredCertifications('not json')).toEqual([])
	expect(parseStoredCertifications('{"a":1}')).toEqual([])
})

const stored = {
	id: 'p1',
	name: 'Chè Shan tuyết Suối Giàng',
	code: 'A1',
	priceVnd: 280_000,
	unit: 'hộp 200g',
	description: '',
	growingArea: 'Suối Giàng, Văn Chấn, Yên Bái',
	batch: null,
	harvestDate: new Date('2025-04-11T17:00:00.000Z'),
	producerGroup: 'Tổ hợp tác chè cổ thụ',
	certifications: '["vietgap","Chỉ dẫn địa lý"]',
	shopeeUrl: 'https://shopee.vn/x',
	lazadaUrl: null,
	tiktokShopUrl: null,
	facebookUrl: null,
	zaloUrl: null,
	orderPhone: '0912345678',
	photos: [
		{ mediaId: 'm2', position: 1 },
		{ mediaId: 'm1', position: 0 },
	],
}

test('traceability reads in a fixed order and names what is missing', () => {
	const view = toProductView(stored, 'Asia/Ho_Chi_Minh')
	expect(view.photoIds).toEqual(['m1', 'm2'])
	expect(traceabilityFacts(view)).toEqual([
		{ field: 'growingArea', value: 'Suối Giàng, Văn Chấn, Yên Bái' },
		{ field: 'producerGroup', value: 'Tổ hợp tác chè cổ thụ' },
		{ field: 'harvestDay', value: '2025-04-12' },
		{ field: 'certifications', value: ['vietgap', 'Chỉ dẫn địa lý'] },
	])
	expect(missingTraceability(view)).toEqual(['batch'])
})

test('the edit form starts from the stored product, split the way the form submits it', () => {
	const defaults = productFormDefaults(toProductView(stored, 'Asia/Ho_Chi_Minh'))
	expect(defaults).toMatchObject({
		priceVnd: '280.000',
		harvestDate: '2025-04-12',
		certifications: ['vietgap'],
		certificationsOther: 'Chỉ dẫn địa lý',
		shopeeUrl: 'https://shopee.vn/x',
		lazadaUrl: '',
		photoIds: ['m1', 'm2'],
	})
})

test('search ignores accents and case on both sides', () => {
	const text = productSearchText({ name: 'Chè Shan tuyết', code: 'A1', growingArea: 'Suối Giàng' })
	expect(text).toBe('che shan tuyet a1 suoi giang')
	for (const word of searchWords('CHÈ  tuyet')) expect(text).toContain(word)
	expect(searchWords('   ')).toEqual([])
	expect(searchWords('SG-2025_04 %')).toEqual(['sg', '2025', '04'])
})

test('a product without certifications lists them as missing, not as an empty fact', () => {
	const view = toProductView({ ...stored, certifications: '[]', batch: 'Lô 03/2025' }, 'Asia/Ho_Chi_Minh')
	expect(traceabilityFacts(view).map((fact) => fact.field)).toEqual(['growingArea', 'producerGroup', 'batch', 'harvestDay'])
	expect(missingTraceability(view)).toEqual(['certifications'])
})

test('search finds a product by its batch; a query keeps only letters and digits, at most eight words', () => {
	expect(productSearchText({ name: 'Gạo nếp', code: 'B2', batch: 'Lô 7' })).toBe('gao nep b2 lo 7')
	expect(searchWords('chè%_a1 -- lô')).toEqual(['che', 'a1', 'lo'])
	expect(searchWords('1 2 3 4 5 6 7 8 9 10')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
})
