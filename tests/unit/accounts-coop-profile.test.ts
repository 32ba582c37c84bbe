import { parseWithZod } from '@conform-to/zod'
import { expect, test } from 'vitest'
import { normalizeZaloContact, zaloHref } from '~/accounts/coop-contact.ts'
import { CoopProfileSchema } from '~/accounts/coop-schemas.ts'
import { DEFAULT_TIME_ZONE, isSupportedTimeZone, timeZoneChoices } from '~/utils/coop-time.ts'

function form(fields: Record<string, string>) {
	const data = new FormData()
	for (const [key, value] of Object.entries(fields)) data.set(key, value)
	return data
}

const valid = { name: 'HTX Chè Shan Tuyết Suối Giàng', province: 'Yên Bái', timezone: 'Asia/Ho_Chi_Minh' }

test("Vietnam's zone is valid under both of its names, and nonsense is not", () => {
	expect(isSupportedTimeZone('Asia/Ho_Chi_Minh')).toBe(true)
	expect(isSupportedTimeZone('Asia/Saigon')).toBe(true)
	expect(isSupportedTimeZone('Europe/Paris')).toBe(true)
	expect(isSupportedTimeZone('Asia/Hanoi')).toBe(false)
	expect(isSupportedTimeZone('Mars/Olympus')).toBe(false)
	expect(isSupportedTimeZone('')).toBe(false)
	expect(isSupportedTimeZone('+07:00')).toBe(false)
})

test('the zone list starts with Vietnam and does not offer it twice', () => {
	const choices = timeZoneChoices()
	expect(choices[0]).toBe(DEFAULT_TIME_ZONE)
	expect(choices).not.toContain('Asia/Saigon')
	expect(new Set(choices).size).toBe(choices.length)
	expect(choices.length).toBeGreaterThan(300)
	expect(choices.every(isSupportedTimeZone)).toBe(true)
	expect(timeZoneChoices('Asia/Tokyo').slice(0, 2)).toEqual([DEFAULT_TIME_ZONE, 'Asia/Tokyo'])
})

test('Zalo contacts: a phone, a zalo.me link or an OA id', () => {
	expect(normalizeZaloContact('0912 345 678')).toEqual({ kind: 'phone', value: '0912345678' })
	expect(normalizeZaloContact('+84 912.345.678')).toEqual({ kind: 'phone', value: '0912345678' })
	expect(normalizeZaloContact('zalo.me/0912345678')).toEqual({ kind: 'link', value: 'https://zalo.me/0912345678' })
	expect(normalizeZaloContact('https://zalo.me/g/abcxyz123/')).toEqual({ kind: 'link', value: 'https://zalo.me/g/abcxyz123' })
	expect(normalizeZaloContact('http://www.zalo.me/4318309423455335683')).toEqual({
		kind: 'link',
		value: 'https://zalo.me/4318309423455335683',
	})
	expect(normalizeZaloContact('4318309423455335683')).toEqual({ kind: 'oa', value: '4318309423455335683' })
	expect(normalizeZaloContact(' 4318309423455335683 \n')).toEqual({ kind: 'oa', value: '4318309423455335683' })
	expect(normalizeZaloContact(' zalo.me/0912345678 ')).toEqual({ kind: 'link', value: 'https://zalo.me/0912345678' })
	expect(normalizeZaloContact('https://evil.example/zalo.me/x')).toBeNull()
	expect(normalizeZaloContact('zalo.me/<script>')).toBeNull()
	expect(normalizeZaloContact('hello')).toBeNull()
	expect(zaloHref('0912345678')).toBe('https://zalo.me/0912345678')
	expect(zaloHref('https://zalo.me/g/abc')).toBe('https://zalo.me/g/abc')
})

test('the profile schema normalises the phone and Zalo and leaves empty ones empty', () => {
	const filled = parseWithZod(form({ ...valid, phone: '+84 912-345-678', zalo: 'zalo.me/0987654321', logoMediaId: 'm1' }), {
		schema: CoopProfileSchema,
	})
	expect(filled.status).toBe('success')
	expect(filled.status === 'success' && filled.value).toEqual({
		...valid,
		phone: '0912345678',
		zalo: 'https://zalo.me/0987654321',
		logoMediaId: 'm1',
		bankBin: null,
		bankAccount: null,
		bankAccountName: null,
	})
	const empty = parseWithZod(form({ ...valid, phone: '', zalo: '', logoMediaId: '' }), { schema: CoopProfileSchema })
	expect(empty.status === 'success' && empty.value).toEqual({ ...valid, phone: null, zalo: null, logoMediaId: undefined, bankBin: null, bankAccount: null, bankAccountName: null })
})

test('the bank account for VietQR: all three fields or none, each checked', () => {
	const full = parseWithZod(form({ ...valid, bankBin: ' 970436 ', bankAccount: '0011 2233-44', bankAccountName: ' HTX  Chè ' }), { schema: CoopProfileSchema })
	expect(full.status === 'success' && full.value).toMatchObject({ bankBin: '970436', bankAccount: '0011223344', bankAccountName: 'HTX Chè' })
	const partial = parseWithZod(form({ ...valid, bankBin: '970436' }), { schema: CoopProfileSchema })
	expect(partial.status === 'error' && partial.error).toMatchObject({ bankAccount: ['errors.bankIncomplete'], bankAccountName: ['errors.bankIncomplete'] })
	const wrong = parseWithZod(form({ ...valid, bankBin: '97043', bankAccount: '12', bankAccountName: 'HTX' }), { schema: CoopProfileSchema })
	expect(wrong.status === 'error' && wrong.error).toMatchObject({ bankBin: ['errors.bankBinInvalid'], bankAccount: ['errors.bankAccountInvalid'] })
})

test('bank fields: whole-value checks, length limits, and only the missing ones are named', () => {
	const parse = (bank: Record<string, string>) => parseWithZod(form({ ...valid, ...bank }), { schema: CoopProfileSchema })
	const errors = (bank: Record<string, string>) => {
		const result = parse(bank)
		return result.status === 'error' ? result.error : null
	}
	const ok = { bankBin: '970436', bankAccount: '0011223344', bankAccountName: 'HTX Chè' }
	expect(errors({ ...ok, bankBin: 'x970436' })).toMatchObject({ bankBin: ['errors.bankBinInvalid'] })
	expect(errors({ ...ok, bankBin: '9704361' })).toMatchObject({ bankBin: ['errors.bankBinInvalid'] })
	expect(errors({ ...ok, bankAccount: '#0011223344' })).toMatchObject({ bankAccount: ['errors.bankAccountInvalid'] })
	expect(errors({ ...ok, bankAccount: '0011223344#' })).toMatchObject({ bankAccount: ['errors.bankAccountInvalid'] })
	expect(errors({ ...ok, bankAccount: '1'.repeat(20) })).toMatchObject({ bankAccount: ['errors.bankAccountInvalid'] })
	expect(errors({ ...ok, bankAccount: 'ab12' })).toBeNull()
	expect(errors({ ...ok, bankAccount: '1'.repeat(19) })).toBeNull()
	expect(errors({ ...ok, bankAccountName: 'a'.repeat(80) })).toBeNull()
	expect(errors({ ...ok, bankAccountName: 'a'.repeat(81) })).toMatchObject({ bankAccountName: ['errors.tooLong'] })
	const two = errors({ bankBin: '970436', bankAccount: '0011223344' })
	expect(two).toEqual({ bankAccountName: ['errors.bankIncomplete'] })
	const one = errors({ bankAccountName: 'HTX Chè' })
	expect(one).toEqual({ bankBin: ['errors.bankIncomplete'], bankAccount: ['errors.bankIncomplete'] })
})

test('the profile schema answers with translation keys for each bad field', () => {
	const result = parseWithZod(form({ name: 'X', province: '', timezone: 'Asia/Hanoi', phone: '0212345678', zalo: 'hello' }), {
		schema: CoopProfileSchema,
	})
	expect(result.status).toBe('error')
	expect(result.status === 'error' && result.error).toMatchObject({
		name: ['errors.nameRequired'],
		province: ['errors.provinceRequired'],
		timezone: ['errors.timeZoneInvalid'],
		phone: ['errors.phoneInvalid'],
		zalo: ['errors.zaloInvalid'],
	})
})

test('Vietnamese names are stored in NFC with tidy spaces', () => {
	const result = parseWithZod(form({ ...valid, name: '  HTX  Che\u0300  ' }), { schema: CoopProfileSchema })
	expect(result.status === 'success' && result.value.name).toBe('HTX Chè')
})
