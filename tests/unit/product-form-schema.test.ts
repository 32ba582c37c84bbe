import { parseWithZod } from '@conform-to/zod'
import { expect, test } from 'vitest'
import { ProductFormSchema } from '~/products/schema.ts'

function form(fields: Record<string, string | string[]>) {
	const data = new FormData()
	for (const [name, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) data.append(name, item)
	}
	return parseWithZod(data, { schema: ProductFormSchema })
}

const minimal = { name: 'Chè Shan tuyết Suối Giàng', code: 'a1', priceVnd: '120k', unit: 'hộp' }

function errorsOf(fields: Record<string, string | string[]>) {
	const submission = form(fields)
	expect(submission.status).toBe('error')
	return submission.reply().error ?? {}
}

test('a minimal product parses, with the code upper-cased and the price read', () => {
	const submission = form(minimal)
	expect(submission.status).toBe('success')
	if (submission.status !== 'success') return
	expect(submission.value).toMatchObject({ name: 'Chè Shan tuyết Suối Giàng', code: 'A1', priceVnd: 120_000, unit: 'hộp' })
	expect(submission.value.certifications).toEqual([])
	expect(submission.value.photoIds).toEqual([])
})

test('a full product parses into what the domain stores', () => {
	const submission = form({
		...minimal,
		name: 'Che\u0300 Shan tuyê\u0301t  Suối Giàng',
		priceVnd: '1,2tr',
		description: 'Dòng 1\r\nDòng 2',
		growingArea: 'Suối Giàng, Văn Chấn',
		batch: 'SG-2025-04',
		harvestDate: '2025-04-12',
		producerGroup: 'Tổ hợp tác chè',
		certifications: ['vietgap', 'ocop-4', ''],
		certificationsOther: 'Chỉ dẫn địa lý, hữu cơ, VietGAP',
		shopeeUrl: 'shopee.vn/che-a1',
		zaloUrl: '0912 345 678',
		orderPhone: '+84 912 345 678',
		photoIds: ['m2', 'm1', 'm2'],
	})
	expect(submission.status).toBe('success')
	if (submission.status !== 'success') return
	expect(submission.value).toMatchObject({
		name: 'Chè Shan tuyết Suối Giàng',
		priceVnd: 1_200_000,
		description: 'Dòng 1\nDòng 2',
		harvestDate: '2025-04-12',
		certifications: ['vietgap', 'organic', 'ocop-4', 'Chỉ dẫn địa lý'],
		shopeeUrl: 'https://shopee.vn/che-a1',
		zaloUrl: 'https://zalo.me/0912345678',
		orderPhone: '0912345678',
		photoIds: ['m2', 'm1'],
	})
	expect(submission.value.name.normalize('NFC')).toBe(submission.value.name)
})

test('missing required fields say what to enter', () => {
	expect(errorsOf({})).toMatchObject({
		name: ['errors.nameRequired'],
		code: ['errors.codeRequired'],
		priceVnd: ['errors.priceRequired'],
		unit: ['errors.unitRequired'],
	})
})

test('nonsense prices and codes are refused with their own messages', () => {
	expect(errorsOf({ ...minimal, priceVnd: 'hai trăm' }).priceVnd).toEqual(['errors.priceInvalid'])
	expect(errorsOf({ ...minimal, priceVnd: '120' }).priceVnd).toEqual(['errors.priceTooLow'])
	expect(errorsOf({ ...minimal, priceVnd: '2000tr' }).priceVnd).toEqual(['errors.priceTooHigh'])
	expect(errorsOf({ ...minimal, code: '1A' }).code).toEqual(['errors.codeInvalid'])
	expect(errorsOf({ ...minimal, code: 'chốt' }).code).toEqual(['errors.codeInvalid'])
})

test('each wrong shop link is named by its own field and problem', () => {
	const errors = errorsOf({
		...minimal,
		shopeeUrl: 'https://www.lazada.vn/products/x',
		lazadaUrl: 'http://www.lazada.vn/products/x',
		facebookUrl: 'not a link',
	})
	expect(errors.shopeeUrl).toEqual(['errors.links.shopeeUrl.wrongSite'])
	expect(errors.lazadaUrl).toEqual(['errors.links.lazadaUrl.notHttps'])
	expect(errors.facebookUrl).toEqual(['errors.links.facebookUrl.notUrl'])
	expect(errors.tiktokShopUrl).toBeUndefined()
})

test('a phone that is not a Vietnamese mobile is refused', () => {
	expect(errorsOf({ ...minimal, orderPhone: '024 3826 1234' }).orderPhone).toEqual(['errors.orderPhoneInvalid'])
})

test('harvest dates must be real days, not in the future', () => {
	expect(errorsOf({ ...minimal, harvestDate: '2025-02-30' }).harvestDate).toEqual(['errors.harvestDateInvalid'])
	expect(errorsOf({ ...minimal, harvestDate: '1999-12-31' }).harvestDate).toEqual(['errors.harvestDateInvalid'])
	const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`
	expect(errorsOf({ ...minimal, harvestDate: nextYear }).harvestDate).toEqual(['errors.harvestDateFuture'])
})

test('a product has one OCOP rating at most, however it was typed', () => {
	expect(errorsOf({ ...minimal, certifications: ['ocop-3', 'ocop-5'] }).certifications).toEqual(['errors.ocopOnlyOne'])
	expect(errorsOf({ ...minimal, certifications: ['ocop-4'], certificationsOther: 'OCOP 5 sao' }).certifications).toEqual([
		'errors.ocopOnlyOne',
	])
})

test('at most twelve photos', () => {
	const photoIds = Array.from({ length: 13 }, (_, i) => `m${i}`)
	expect(errorsOf({ ...minimal, photoIds }).photoIds).toEqual(['errors.tooManyPhotos'])
})

function valueOf(fields: Record<string, string | string[]>) {
	const submission = form(fields)
	if (submission.status !== 'success') throw new Error(JSON.stringify(submission.reply().error))
	return submission.value
}

test('each text field has its own length limit, counted after white space is folded', () => {
	expect(valueOf({ ...minimal, name: ` ${'a'.repeat(120)} ` }).name).toHaveLength(120)
	expect(errorsOf({ ...minimal, name: 'a'.repeat(121) }).name).toEqual(['errors.tooLong'])
	expect(ProductFormSchema.safeParse({ ...minimal, name: '   ' }).error?.issues.map((issue) => issue.message)).toEqual(['errors.nameRequired'])
	expect(valueOf({ ...minimal, growingArea: 'a'.repeat(200), producerGroup: 'b'.repeat(200), batch: 'c'.repeat(80) })).toMatchObject({
		growingArea: 'a'.repeat(200),
		producerGroup: 'b'.repeat(200),
		batch: 'c'.repeat(80),
	})
	const long = errorsOf({ ...minimal, growingArea: 'a'.repeat(201), producerGroup: 'b'.repeat(201), batch: 'c'.repeat(81), description: 'd'.repeat(5001) })
	expect(long).toMatchObject({ growingArea: ['errors.tooLong'], producerGroup: ['errors.tooLong'], batch: ['errors.tooLong'], description: ['errors.tooLong'] })
	expect(errorsOf({ ...minimal, certificationsOther: 'x'.repeat(1001) }).certificationsOther).toEqual(['errors.tooLong', 'errors.certificationTooLong'])
})

test('a description keeps its paragraphs whatever the line ends, trimmed', () => {
	expect(valueOf({ ...minimal, description: '  Dòng 1\rDòng 2\r\n\r\nDòng 3  ' }).description).toBe('Dòng 1\nDòng 2\n\nDòng 3')
	expect(valueOf({ ...minimal, description: ` ${'d'.repeat(5000)} ` }).description).toHaveLength(5000)
})

test('prices from 1.000 đ to 1 billion đ are accepted, the ends included', () => {
	expect(valueOf({ ...minimal, priceVnd: '1.000' }).priceVnd).toBe(1000)
	expect(valueOf({ ...minimal, priceVnd: '1.000.000.000' }).priceVnd).toBe(1_000_000_000)
	expect(errorsOf({ ...minimal, priceVnd: '999' }).priceVnd).toEqual(['errors.priceTooLow'])
	expect(errorsOf({ ...minimal, priceVnd: '1.000.000.001' }).priceVnd).toEqual(['errors.priceTooHigh'])
})

test('harvest days from 1 January 2000 to the day it already is somewhere on earth', () => {
	expect(valueOf({ ...minimal, harvestDate: '2000-01-01' }).harvestDate).toBe('2000-01-01')
	const day = (offsetHours: number) => new Date(Date.now() + offsetHours * 3600_000).toISOString().slice(0, 10)
	expect(valueOf({ ...minimal, harvestDate: day(0) }).harvestDate).toBe(day(0))
	expect(valueOf({ ...minimal, harvestDate: day(14) }).harvestDate).toBe(day(14))
	expect(errorsOf({ ...minimal, harvestDate: day(48) }).harvestDate).toEqual(['errors.harvestDateFuture'])
})

test('blank links and phone are simply absent; a phone is stored in its 10-digit form', () => {
	const value = valueOf({ ...minimal, shopeeUrl: '  ', zaloUrl: ' ', orderPhone: '  ' })
	expect(value.shopeeUrl).toBeUndefined()
	expect(value.zaloUrl).toBeUndefined()
	expect(value.orderPhone).toBeUndefined()
	expect(valueOf({ ...minimal, orderPhone: '0912.345.678' }).orderPhone).toBe('0912345678')
})

test('certifications: a typed tag of 60 characters is fine, 61 is too long; twelve tags at most', () => {
	expect(valueOf({ ...minimal, certificationsOther: 'x'.repeat(60) }).certifications).toEqual(['x'.repeat(60)])
	expect(errorsOf({ ...minimal, certificationsOther: `ok, ${'x'.repeat(61)}` }).certificationsOther).toEqual(['errors.certificationTooLong'])
	const tags = (n: number) => Array.from({ length: n }, (_, i) => `Nhãn ${i}`).join('; ')
	expect(valueOf({ ...minimal, certificationsOther: tags(12) }).certifications).toHaveLength(12)
	expect(errorsOf({ ...minimal, certificationsOther: tags(13) }).certificationsOther).toEqual(['errors.tooManyCertifications'])
	expect(valueOf({ ...minimal, certifications: ['ocop-4'], certificationsOther: 'OCOP 4 sao' }).certifications).toEqual(['ocop-4'])
	expect(valueOf({ ...minimal, photoIds: Array.from({ length: 12 }, (_, i) => `m${i}`) }).photoIds).toHaveLength(12)
})
