import { describe, expect, test } from 'vitest'
import { parseComment, prepareCatalogue } from '~/live/comment-parser.ts'
import { findMobiles, normaliseMobile } from '~/live/phones-in-text.ts'

// Written from how buyers really comment during a live sale: codes, names,
// no accents, NFD text, teen-code, emoji, prices that look like quantities.

const catalogue = prepareCatalogue([
	{ code: 'A1', name: 'Chè Shan tuyết', aliases: ['chè cổ thụ', 'trà shan'] },
	{ code: 'A2', name: 'Chè Shan tuyết đặc biệt' },
	{ code: 'B2', name: 'Miến dong', aliases: ['mien'] },
	{ code: 'C3', name: 'Tinh dầu quế' },
	{ code: 'D12', name: 'Gạo J02' },
])
const parse = (text: string, current?: string) => {
	const { intent, items, phone } = parseComment(text, catalogue, current)
	return { intent, items, phone }
}

describe('phone numbers', () => {
	test.each([
		['0912345678', '0912345678'],
		['0912.345.678', '0912345678'],
		['0912 345 678', '0912345678'],
		['0912-345-678', '0912345678'],
		['+84 912 345 678', '0912345678'],
		['84912345678', '0912345678'],
		['01662345678', '0362345678'],
		['0168 234 5678', '0382345678'],
		['01882345678', '0582345678'],
	])('%s → %s', (typed, phone) => {
		expect(normaliseMobile(typed)).toBe(phone)
	})
	test('not a mobile: too short, too long, a landline, an unknown old prefix', () => {
		for (const typed of ['091234567', '091234567899', '02163852000', '01112345678', '1234567890']) expect(normaliseMobile(typed)).toBeNull()
	})
	test('found inside text with where they stand', () => {
		expect(findMobiles('sdt 0912 345 678 nhé, hoặc 0987654321')).toEqual([
			{ phone: '0912345678', start: 4, end: 16 },
			{ phone: '0987654321', start: 27, end: 37 },
		])
	})
})

describe('orders', () => {
	test.each([
		['chốt A1 2 hộp 0912 345 678', [{ code: 'A1', qty: 2 }], '0912345678'],
		['chot a1 2h 0912345678', [{ code: 'A1', qty: 2 }], '0912345678'],
		['CHỐT A1', [{ code: 'A1', qty: 1 }], null],
		['A1 x2', [{ code: 'A1', qty: 2 }], null],
		['a1x3', [{ code: 'A1', qty: 3 }], null],
		['A1 sl 4', [{ code: 'A1', qty: 4 }], null],
		['lấy 2 hộp A1', [{ code: 'A1', qty: 2 }], null],
		['lấy hai hộp chè shan tuyết', [{ code: 'A1', qty: 2 }], null],
		['e lấy ba gói miến dong nhé', [{ code: 'B2', qty: 3 }], null],
		['chốt A1 2 hộp, B2 1 gói', [{ code: 'A1', qty: 2 }, { code: 'B2', qty: 1 }], null],
		['A1 2 B2', [{ code: 'A1', qty: 2 }, { code: 'B2', qty: 1 }], null],
		['chốt chè shan tuyết đặc biệt 1 hộp', [{ code: 'A2', qty: 1 }], null],
		['chốt A1 giá 120k 2 hộp', [{ code: 'A1', qty: 2 }], null],
		['chốt A1 120.000đ', [{ code: 'A1', qty: 1 }], null],
		['cho em 1 tinh dầu quế sdt 0988.123.456 ship về Lục Yên', [{ code: 'C3', qty: 1 }], '0988123456'],
		['chốt D12 5kg', [{ code: 'D12', qty: 5 }], null],
		['D1 2', [], null],
	])('%s', (text, items, phone) => {
		const parsed = parse(text)
		expect(parsed.items).toEqual(items)
		expect(parsed.phone).toBe(phone)
		if (items.length) expect(parsed.intent).toBe('order')
	})

	test('NFD input and no accents read the same as NFC', () => {
		const nfd = 'chốt Chè Shan tuyết 2 hộp'.normalize('NFD')
		expect(parse(nfd)).toEqual(parse('chot che shan tuyet 2 hop'))
		expect(parse(nfd).items).toEqual([{ code: 'A1', qty: 2 }])
	})

	test('emoji and teen-code around the order', () => {
		expect(parse('🔥🔥 chốt A1 🙏 2 hộp nha shop ❤️')).toMatchObject({ intent: 'order', items: [{ code: 'A1', qty: 2 }] })
		expect(parse('mik lấy A1 nha')).toMatchObject({ intent: 'order', items: [{ code: 'A1', qty: 1 }] })
	})

	test('a bare "chốt", "lấy 2" or a phone number alone means the product on screen', () => {
		expect(parse('chốt', 'B2')).toEqual({ intent: 'order', items: [{ code: 'B2', qty: 1 }], phone: null })
		expect(parse('lấy 2', 'B2')).toEqual({ intent: 'order', items: [{ code: 'B2', qty: 2 }], phone: null })
		expect(parse('0912345678', 'C3')).toEqual({ intent: 'order', items: [{ code: 'C3', qty: 1 }], phone: '0912345678' })
		expect(parse('chốt')).toEqual({ intent: 'order', items: [], phone: null })
	})
})

describe('questions, cancels and the rest', () => {
	test.each([
		['A1 giá bao nhiêu ạ?', 'question'],
		['còn A1 không shop', 'question'],
		['ship về Thái Nguyên mất bao lâu', 'question'],
		['phí ship bn', 'question'],
		['hủy A1', 'cancel'],
		['huỷ đơn A1 nhé', 'cancel'],
		['thôi không lấy nữa', 'cancel'],
		['đẹp quá 😍', 'none'],
		['chào shop', 'none'],
		['nam 2026 chè ngon', 'none'],
	])('%s → %s', (text, intent) => {
		expect(parse(text).intent).toBe(intent)
	})

	test('a question lists no items; a cancel lists what it cancels', () => {
		expect(parse('A1 giá bao nhiêu?').items).toEqual([])
		expect(parse('hủy A1 2 hộp')).toEqual({ intent: 'cancel', items: [{ code: 'A1', qty: 2 }], phone: null })
		expect(parse('hủy', 'B2')).toEqual({ intent: 'cancel', items: [{ code: 'B2', qty: 1 }], phone: null })
	})

	test('a code inside another word or number is not a mention', () => {
		expect(parse('ka12 đẹp').items).toEqual([])
		expect(parse('A12 có không').items).toEqual([])
	})

	test('debug says why', () => {
		const { debug } = parseComment('chốt A1 giá 120k 2 hộp 0912345678', catalogue)
		expect(debug).toEqual(expect.arrayContaining(['phone 0912345678', '"120k" is a price, not a quantity', 'code A1 → A1 × 2', 'order word "chot"']))
	})
})
