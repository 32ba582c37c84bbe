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
