import { expect, test } from 'vitest'
import { MAX_STAFF_LINES, parseStaffOrder, readPickedSource } from '~/orders/staff-order-schema.ts'

const form = {
	lines: [{ productId: 'p1', qty: '2', price: '' }],
	customerName: '  Hoàng Văn Lâm ',
	phone: '+84 912.345.678',
	address: ' Bản Lác ',
	note: '',
	via: 'zalo',
	payment: 'cod',
	source: '',
	promoCode: '',
}

/** The form read, or a failure of the test. */
function readForm(input: unknown) {
	const parsed = parseStaffOrder(input)
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues))
	return parsed.data
}

const errors = (input: unknown) => {
	const parsed = parseStaffOrder(input)
	return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]))
}

test('a good form is read with the phone normalised and the price left to the product when empty', () => {
	expect(readForm(form)).toEqual({
		lines: [{ productId: 'p1', qty: 2, price: undefined }],
		customerName: 'Hoàng Văn Lâm',
		phone: '0912345678',
		address: 'Bản Lác',
		note: '',
		via: 'zalo',
		payment: 'cod',
		source: '',
		promoCode: '',
	})
	expect(readForm({ ...form, lines: [{ productId: 'p1', qty: '1', price: '35k' }], address: undefined, note: undefined, source: undefined, promoCode: undefined })).toMatchObject({
		lines: [{ productId: 'p1', qty: 1, price: 35000 }],
		address: '',
		note: '',
		source: '',
		promoCode: '',
	})
	expect(readForm({ ...form, lines: [{ productId: 'p1', qty: '1', price: '0' }] }).lines[0].price).toBe(0)
	expect(readForm({ ...form, source: 'target:abc_12-x' }).source).toBe('target:abc_12-x')
	expect(readForm({ ...form, source: 'live:l1' }).source).toBe('live:l1')
})

test('each wrong field says what to fix', () => {
	expect(errors({ ...form, lines: [{ productId: '', qty: '0', price: 'abc' }] })).toEqual({
		'lines.0.productId': 'errors.productMissing',
		'lines.0.qty': 'errors.qtyInvalid',
		'lines.0.price': 'errors.priceInvalid',
	})
	expect(errors({ ...form, lines: [{ productId: 'p1', qty: '1.5' }] })).toEqual({ 'lines.0.qty': 'errors.qtyInvalid' })
	expect(errors({ ...form, lines: [{ productId: 'p1', qty: 'hai' }] })).toEqual({ 'lines.0.qty': 'errors.qtyInvalid' })
	expect(errors({ ...form, lines: [{ productId: 'p1', qty: '100001' }] })).toEqual({ 'lines.0.qty': 'errors.qtyInvalid' })
	expect(errors({ ...form, lines: [{ productId: 'p1', qty: '100000' }] })).toBeNull()
	expect(errors({ ...form, lines: [] })).toEqual({ lines: 'errors.linesMissing' })
	expect(errors({ ...form, lines: Array.from({ length: MAX_STAFF_LINES + 1 }, () => form.lines[0]) })).toEqual({ lines: 'errors.linesTooMany' })
	expect(errors({ ...form, lines: Array.from({ length: MAX_STAFF_LINES }, () => form.lines[0]) })).toBeNull()
	expect(errors({ ...form, customerName: '  ' })).toEqual({ customerName: 'errors.nameMissing' })
	expect(errors({ ...form, customerName: 'a'.repeat(201) })).toEqual({ customerName: 'errors.tooLong' })
	expect(errors({ ...form, phone: ' ' })).toEqual({ phone: 'errors.phoneMissing' })
	expect(errors({ ...form, phone: '0123' })).toEqual({ phone: 'errors.phoneInvalid' })
	expect(errors({ ...form, address: 'a'.repeat(501) })).toEqual({ address: 'errors.tooLong' })
	expect(errors({ ...form, note: 'a'.repeat(2001) })).toEqual({ note: 'errors.tooLong' })
	expect(errors({ ...form, via: 'pigeon' })).toEqual({ via: 'errors.viaMissing' })
	expect(errors({ ...form, payment: 'barter' })).toEqual({ payment: 'errors.paymentMissing' })
	expect(errors({ ...form, source: 'post:p1' })).toEqual({ source: 'errors.sourceUnknown' })
	expect(errors({ ...form, source: 'target:' })).toEqual({ source: 'errors.sourceUnknown' })
	expect(errors({ ...form, source: 'xtarget:t1' })).toEqual({ source: 'errors.sourceUnknown' })
	expect(errors({ ...form, source: 'target:t1x' + 'a'.repeat(64) })).toEqual({ source: 'errors.sourceUnknown' })
	expect(errors({ ...form, promoCode: 'a'.repeat(41) })).toEqual({ promoCode: 'errors.tooLong' })
	expect(errors({ ...form, source: 'live:l1', promoCode: 'CHE10' })).toEqual({ promoCode: 'errors.sourceOrCode' })
	expect(errors({ ...form, source: 'live:l1', promoCode: '   ' })).toBeNull()
})

test('the picked source is read as its kind and id', () => {
	expect(readPickedSource('target:t1')).toEqual({ kind: 'target', id: 't1' })
	expect(readPickedSource('live:l1')).toEqual({ kind: 'live', id: 'l1' })
	expect(readPickedSource('')).toBeNull()
	expect(readPickedSource('post:p1')).toBeNull()
	expect(readPickedSource('live:')).toBeNull()
})
