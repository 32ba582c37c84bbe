import { describe, expect, test } from 'vitest'
import { crc16CcittFalse, VietQrError, vietQrPayload } from '~/orders/vietqr.ts'

// Payloads published with their checksums, rebuilt from their parts: any
// difference in a field, a length or the CRC shows as a different string.

describe('CRC-16/CCITT-FALSE', () => {
	test('the catalogue check value: "123456789" → 29B1', () => {
		expect(crc16CcittFalse('123456789')).toBe('29B1')
	})
	test('four hex digits, upper case, zero-padded', () => {
		expect(crc16CcittFalse('')).toBe('FFFF')
		expect(crc16CcittFalse('A')).toBe('B915')
	})
	test('the NAPAS VietQR specification example (transfer to a card, bill number and purpose) ends in A203', () => {
		expect(
			crc16CcittFalse(
				'00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304',
			),
		).toBe('A203')
	})
})

describe('the VietQR payload', () => {
	test('the NAPAS specification example, field for field', () => {
		expect(vietQrPayload({ bin: '970403', account: '9704031101234567', to: 'card', amount: 180000, billNumber: 'NPS6869', purpose: 'thanh toan don hang' })).toBe(
			'00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203',
		)
	})

	test('a payment code issued by payOS (account transfer, amount, message with a space)', () => {
		expect(vietQrPayload({ bin: '970422', account: 'VQRQADAIJ5512', amount: 7000, purpose: 'TL89 100' })).toBe(
			'00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIBFTTA5303704540470005802VN62120808TL89 1006304E346',
		)
	})

	test('a Vietcombank account with the order number as the message', () => {
		expect(vietQrPayload({ bin: '970436', account: '1023456789', amount: 1943000, purpose: 'TT000069' })).toBe(
			'00020101021238540010A00000072701240006970436011010234567890208QRIBFTTA5303704540719430005802VN62120808TT0000696304A8E5',
		)
	})

	test('a VietinBank account with a message of several words', () => {
		expect(vietQrPayload({ bin: '970415', account: '0011001932418', amount: 120000, purpose: 'ung ho lu lut' })).toBe(
			'00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
		)
	})

	test('without an amount: a reusable code (point of initiation 11) with no field 54', () => {
		const payload = vietQrPayload({ bin: '970436', account: '1023456789' })
		expect(payload).toBe(`00020101021138540010A00000072701240006970436011010234567890208QRIBFTTA53037045802VN6304${crc16CcittFalse('00020101021138540010A00000072701240006970436011010234567890208QRIBFTTA53037045802VN6304')}`)
		expect(payload).not.toContain('62')
	})

	test('a checksum under 0x1000 keeps its leading zero', () => {
		expect(crc16CcittFalse('DH19')).toBe('057F')
	})

	test('the message may fill field 62 to its 99 characters, not one more', () => {
		expect(vietQrPayload({ bin: '970436', account: '1023456789', purpose: 'x'.repeat(95) })).toContain(`62990895${'x'.repeat(95)}6304`)
		expect(() => vietQrPayload({ bin: '970436', account: '1023456789', purpose: 'x'.repeat(96) })).toThrow('field 62 is longer than 99 characters')
	})

	test('spaces around the message are dropped', () => {
		expect(vietQrPayload({ bin: '970436', account: '1023456789', purpose: '  DH1 ' })).toContain('62070803DH16304')
	})

	test('the order number alone goes in additional data 01', () => {
		const payload = vietQrPayload({ bin: '970436', account: '1023456789', amount: 50000, billNumber: 'DH1042' })
		expect(payload).toContain('5802VN62100106DH10426304')
		expect(payload.slice(-4)).toBe(crc16CcittFalse(payload.slice(0, -4)))
	})

	test('Vietnamese in the message is sent without accents, đ as d', () => {
		const payload = vietQrPayload({ bin: '970436', account: '1023456789', amount: 50000, purpose: 'Đơn hàng số 12 đã đặt' })
		expect(payload).toContain('0821Don hang so 12 da dat')
	})

	test('the longest account and amount that fit, and the shortest', () => {
		expect(vietQrPayload({ bin: '970436', account: '1234567890123456789', amount: 9_999_999_999_999 })).toContain('011912345678901234567890208QRIBFTTA530370454139999999999999')
		expect(vietQrPayload({ bin: '970436', account: '1', amount: 1 })).toContain('010110208QRIBFTTA5303704540115802VN')
	})

	test.each([
		[{ bin: '97043', account: '1023456789' }, 'BIN'],
		[{ bin: '9704366', account: '1023456789' }, 'BIN'],
		[{ bin: '97043a', account: '1023456789' }, 'BIN'],
		[{ bin: '970436', account: '' }, 'account'],
		[{ bin: '970436', account: '12345678901234567890' }, 'account'],
		[{ bin: '970436', account: '1023-456' }, 'account'],
		[{ bin: '970436', account: '1023456789', amount: 0 }, 'amount'],
		[{ bin: '970436', account: '1023456789', amount: -5 }, 'amount'],
		[{ bin: '970436', account: '1023456789', amount: 1.5 }, 'amount'],
		[{ bin: '970436', account: '1023456789', amount: 10_000_000_000_000 }, 'amount'],
		[{ bin: '970436', account: '1023456789', purpose: 'trả tiền 🍚' }, 'message'],
		[{ bin: '970436', account: '1023456789', billNumber: '单号' }, 'order number'],
		[{ bin: '970436', account: '1023456789', purpose: 'x'.repeat(100) }, 'longer than 99'],
	])('refused: %j', (transfer, message) => {
		expect(() => vietQrPayload(transfer)).toThrow(VietQrError)
		expect(() => vietQrPayload(transfer)).toThrow(message)
	})
})
