import { expect, test } from 'vitest'
import { foldForMatching, normalizeText, normalizeVnMobile, parseVndAmount } from '~/utils/vietnamese.ts'

test('NFD input becomes NFC so that it compares equal', () => {
	const nfd = 'cho\u0302\u0301t'
	expect(nfd).not.toBe('chốt')
	expect(normalizeText(` ${nfd}  đơn `)).toBe('chốt đơn')
})

test('matching ignores case, tone marks, both tone placements and đ', () => {
	expect(foldForMatching('Chốt ĐƠN')).toBe('chot don')
	expect(foldForMatching('hủy')).toBe(foldForMatching('huỷ'))
})

test('mobile numbers as people type them', () => {
	expect(normalizeVnMobile('0912 345 678')).toBe('0912345678')
	expect(normalizeVnMobile('+84 912.345.678')).toBe('0912345678')
	expect(normalizeVnMobile('84912345678')).toBe('0912345678')
	expect(normalizeVnMobile('0212345678')).toBeNull()
	expect(normalizeVnMobile('091234567')).toBeNull()
})

test('a mobile number has exactly ten digits: one digit too many is a typo, not a number', () => {
	expect(normalizeVnMobile('09123456789')).toBeNull()
	expect(normalizeVnMobile('+849123456789')).toBeNull()
	expect(normalizeVnMobile('849123456789')).toBeNull()
})

test('VND amounts with separators and shorthand', () => {
	expect(parseVndAmount('120.000')).toBe(120000)
	expect(parseVndAmount('1,250,000 ₫')).toBe(1250000)
	expect(parseVndAmount('30k')).toBe(30000)
	expect(parseVndAmount('1.5tr')).toBe(1500000)
	expect(parseVndAmount('2 triệu')).toBe(2000000)
	expect(parseVndAmount('12.5')).toBeNull()
	expect(parseVndAmount('abc')).toBeNull()
})
