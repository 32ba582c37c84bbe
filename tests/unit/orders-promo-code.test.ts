import { expect, test } from 'vitest'
import { findPromoCode, normalisePromoCode, promoCodeOfImportedOrder } from '~/orders/promo-code.ts'

test('a typed code is stored upper-case, without accents or spaces', () => {
	expect(normalisePromoCode('che10')).toEqual({ ok: true, code: 'CHE10' })
	expect(normalisePromoCode(' Chè 10 ')).toEqual({ ok: true, code: 'CHE10' })
	expect(normalisePromoCode('đặc-sản-5')).toEqual({ ok: true, code: 'DAC-SAN-5' })
	expect(normalisePromoCode('ABC')).toEqual({ ok: true, code: 'ABC' })
	expect(normalisePromoCode('A'.repeat(20))).toEqual({ ok: true, code: 'A'.repeat(20) })
})

test('a code that cannot be stored says why', () => {
	expect(normalisePromoCode('   ')).toEqual({ ok: false, problem: 'empty' })
	expect(normalisePromoCode('AB')).toEqual({ ok: false, problem: 'too-short' })
	expect(normalisePromoCode('A'.repeat(21))).toEqual({ ok: false, problem: 'too-long' })
	expect(normalisePromoCode('CHE!10')).toEqual({ ok: false, problem: 'bad-characters' })
	expect(normalisePromoCode('-CHE')).toEqual({ ok: false, problem: 'bad-characters' })
	expect(normalisePromoCode('CHE-')).toEqual({ ok: false, problem: 'bad-characters' })
	expect(normalisePromoCode('CHE--10')).toEqual({ ok: false, problem: 'bad-characters' })
})

test('a known code is found in a note as a whole word, in any case and with accents', () => {
	const codes = ['CHE10', 'MUA5']
	expect(findPromoCode('mã che10 nhé shop', codes)).toBe('CHE10')
	expect(findPromoCode('Mã: CHÈ10.', codes)).toBe('CHE10')
	expect(findPromoCode('CHE10', codes)).toBe('CHE10')
	expect(findPromoCode('(mua5)', codes)).toBe('MUA5')
	// Part of a longer word or number is not the code.
	expect(findPromoCode('mã CHE100 nhé', codes)).toBeNull()
	expect(findPromoCode('XCHE10', codes)).toBeNull()
	expect(findPromoCode('giao nhanh', codes)).toBeNull()
	expect(findPromoCode(null, codes)).toBeNull()
	expect(findPromoCode('', codes)).toBeNull()
	expect(findPromoCode('che10', [])).toBeNull()
})

test('a code inside a longer word is skipped but a later whole occurrence is found', () => {
	expect(findPromoCode('CHE100 rồi CHE10', ['CHE10'])).toBe('CHE10')
})

test('the code written first wins; at the same place the longer code wins', () => {
	expect(findPromoCode('MUA5 và CHE10', ['CHE10', 'MUA5'])).toBe('MUA5')
	expect(findPromoCode('CHE10 và MUA5', ['MUA5', 'CHE10'])).toBe('CHE10')
	expect(findPromoCode('mã CHE-10 đây', ['CHE', 'CHE-10'])).toBe('CHE-10')
	expect(findPromoCode('mã CHE-10 đây', ['CHE-10', 'CHE'])).toBe('CHE-10')
})

test("an imported order takes the export's voucher code, else a known code in the buyer's note", () => {
	expect(promoCodeOfImportedOrder({ voucher: 'sale50', note: 'mã CHE10' }, ['CHE10'])).toBe('SALE50')
	expect(promoCodeOfImportedOrder({ voucher: null, note: 'mã che10 nhé' }, ['CHE10'])).toBe('CHE10')
	expect(promoCodeOfImportedOrder({ voucher: '!!', note: 'mã che10' }, ['CHE10'])).toBe('CHE10')
	expect(promoCodeOfImportedOrder({ voucher: null, note: 'không mã' }, ['CHE10'])).toBeNull()
	expect(promoCodeOfImportedOrder({ voucher: null, note: null }, ['CHE10'])).toBeNull()
})
