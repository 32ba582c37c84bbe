import { describe, expect, test } from 'vitest'
import { HONEYPOT_FIELD, readWebOrderForm } from '~/orders/web-order-form.ts'

const good = { name: '  Nguyễn   Văn An ', phone: '+84 912 345 678', address: 'Thôn 3, xã Suối Giàng', qty: '2', note: ' Giao sáng ', payment: 'cod' }

function form(fields: Record<string, string | undefined>) {
	const data = new FormData()
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) data.set(key, value)
	return data
}

describe('the public order form', () => {
	test('a good form gives a tidy order with the phone normalised', () => {
		expect(readWebOrderForm(form(good), { bankTransfer: false })).toEqual({
			ok: true,
			order: { name: 'Nguyễn Văn An', phone: '0912345678', address: 'Thôn 3, xã Suối Giàng', qty: 2, note: 'Giao sáng', payment: 'cod' },
		})
	})

	test('text is normalised to NFC', () => {
		const decomposed = 'Nguye\u0302\u0303n An'
		const reading = readWebOrderForm(form({ ...good, name: decomposed }), { bankTransfer: false })
		expect(reading.ok && reading.order.name).toBe('Nguyễn An')
	})

	test('no payment chosen means cash on delivery; bank transfer only when the co-op has an account', () => {
		const noPayment = readWebOrderForm(form({ ...good, payment: undefined }), { bankTransfer: false })
		expect(noPayment.ok && noPayment.order.payment).toBe('cod')
		const bank = readWebOrderForm(form({ ...good, payment: 'bank-transfer' }), { bankTransfer: true })
		expect(bank.ok && bank.order.payment).toBe('bank-transfer')
		expect(readWebOrderForm(form({ ...good, payment: 'bank-transfer' }), { bankTransfer: false })).toMatchObject({ ok: false, errors: { payment: 'form.errors.paymentInvalid' } })
		expect(readWebOrderForm(form({ ...good, payment: 'marketplace' }), { bankTransfer: true })).toMatchObject({ ok: false, errors: { payment: 'form.errors.paymentInvalid' } })
	})

	test('the honeypot filled is spam, whatever else is there', () => {
		expect(readWebOrderForm(form({ ...good, [HONEYPOT_FIELD]: 'x' }), { bankTransfer: false })).toEqual({ ok: false, spam: true })
		expect(readWebOrderForm(form({ [HONEYPOT_FIELD]: 'x' }), { bankTransfer: false })).toEqual({ ok: false, spam: true })
		expect(HONEYPOT_FIELD).toBe('website')
	})

	test('each field says what to fix and what was typed comes back as typed', () => {
		const reading = readWebOrderForm(form({ name: '   ', phone: '0123 45', address: 'ngắn', qty: '0', note: 'x'.repeat(501) }), { bankTransfer: false })
		expect(reading).toEqual({
			ok: false,
			spam: false,
			errors: {
				name: 'form.errors.nameRequired',
				phone: 'form.errors.phoneInvalid',
				address: 'form.errors.addressTooShort',
				qty: 'form.errors.qtyRange',
				note: 'form.errors.noteTooLong',
			},
			typed: { name: '   ', phone: '0123 45', address: 'ngắn', qty: '0', note: 'x'.repeat(501), payment: '' },
		})
	})

	test('required and length limits', () => {
		const errors = (fields: Record<string, string>) => {
			const reading = readWebOrderForm(form({ ...good, ...fields }), { bankTransfer: false })
			return reading.ok ? {} : 'errors' in reading ? reading.errors : { spam: true }
		}
		expect(errors({ phone: '' })).toEqual({ phone: 'form.errors.phoneRequired' })
		expect(errors({ phone: '   ' })).toEqual({ phone: 'form.errors.phoneRequired' })
		expect(errors({ phone: ' 0912345678 ' })).toEqual({})
		expect(errors({ address: '' })).toEqual({ address: 'form.errors.addressRequired' })
		expect(errors({ address: 'x'.repeat(8) })).toEqual({})
		expect(errors({ address: 'x'.repeat(7) })).toEqual({ address: 'form.errors.addressTooShort' })
		expect(errors({ address: 'x'.repeat(300) })).toEqual({})
		expect(errors({ address: 'x'.repeat(301) })).toEqual({ address: 'form.errors.addressTooLong' })
		expect(errors({ name: 'x'.repeat(80) })).toEqual({})
		expect(errors({ name: 'x'.repeat(81) })).toEqual({ name: 'form.errors.nameTooLong' })
		expect(errors({ note: 'x'.repeat(500) })).toEqual({})
		expect(errors({ note: '' })).toEqual({})
	})

	test('quantity is a whole number from 1 to 50', () => {
		const qty = (value: string) => {
			const reading = readWebOrderForm(form({ ...good, qty: value }), { bankTransfer: false })
			return reading.ok ? reading.order.qty : 'error'
		}
		expect(qty('1')).toBe(1)
		expect(qty(' 50 ')).toBe(50)
		expect(qty('51')).toBe('error')
		expect(qty('0')).toBe('error')
		expect(qty('-1')).toBe('error')
		expect(qty('2.5')).toBe('error')
		expect(qty('1e1')).toBe('error')
		expect(qty('')).toBe('error')
		expect(qty('abc')).toBe('error')
		expect(qty('0000003')).toBe('error')
		expect(qty('000003')).toBe(3)
	})

	test('a file instead of text is read as empty', () => {
		const data = form(good)
		data.set('name', new Blob(['x']), 'x.txt')
		expect(readWebOrderForm(data, { bankTransfer: false })).toMatchObject({ ok: false, errors: { name: 'form.errors.nameRequired' } })
	})
})
