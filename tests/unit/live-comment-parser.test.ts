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
		['lấy 3 A1 4 B2', [{ code: 'A1', qty: 3 }, { code: 'B2', qty: 4 }], null],
		['chốt 2 hộp A1, B2 1 gói', [{ code: 'A1', qty: 2 }, { code: 'B2', qty: 1 }], null],
		['chốt 2 A1 B2 C3 sl 5', [{ code: 'A1', qty: 2 }, { code: 'B2', qty: 1 }, { code: 'C3', qty: 5 }], null],
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

describe('what the parser says and why', () => {
	const full = (text: string, current: string | null = null) => parseComment(text, catalogue, current)

	test('the same product twice adds up; the first phone is the buyer’s', () => {
		expect(full('chốt A1 2 hộp, A1 3 hộp 0912345678 0987654321 nhé')).toEqual({
			intent: 'order',
			items: [{ code: 'A1', qty: 5 }],
			phone: '0912345678',
			debug: ['phone 0912345678', 'code A1 → A1 × 2', 'code A1 → A1 × 3', 'order word "chot"'],
		})
	})

	test('an emoji between code and quantity separates them', () => {
		expect(full('A1😍2 hộp')).toEqual({ intent: 'order', items: [{ code: 'A1', qty: 2 }], phone: null, debug: ['code A1 → A1 × 2', 'a product named without a question: an order'] })
	})

	test('a number word before a name counts after an order word; prices are blanked; "sl:" gives the quantity', () => {
		expect(full('lấy hai hộp miến và 120.000đ A1 sl: 4')).toEqual({
			intent: 'order',
			items: [
				{ code: 'B2', qty: 2 },
				{ code: 'A1', qty: 4 },
			],
			phone: null,
			debug: ['"120.000d" is a price, not a quantity', '"mien" → B2 × 2', 'code A1 → A1 × 4', 'order word "lay"'],
		})
		expect(full('mua hai A1').items).toEqual([{ code: 'A1', qty: 2 }])
		expect(full('hai A1').items).toEqual([{ code: 'A1', qty: 1 }])
		expect(full('A1 25tr 2 lọ').items).toEqual([{ code: 'A1', qty: 2 }])
		expect(full('A1 so luong 7').items).toEqual([{ code: 'A1', qty: 7 }])
		expect(full('chè cổ thụ x 12').items).toEqual([{ code: 'A1', qty: 12 }])
		expect(full('A1 1000 gói').items).toEqual([{ code: 'A1', qty: 1 }])
	})

	test('a quantity given later for another product stays with it', () => {
		expect(full('A1 và B2 sl 5').items).toEqual([
			{ code: 'A1', qty: 1 },
			{ code: 'B2', qty: 5 },
		])
	})

	test('no product named: the one on screen, for an order word or a phone, not for a question', () => {
		expect(full('cho em 2 hộp nhé 0987 654 321', 'C3')).toEqual({
			intent: 'order',
			items: [{ code: 'C3', qty: 2 }],
			phone: '0987654321',
			debug: ['phone 0987654321', 'no product named: the one on screen, C3 × 2', 'order word "cho em"'],
		})
		expect(full('sđt 0987654321', 'C3')).toEqual({
			intent: 'order',
			items: [{ code: 'C3', qty: 1 }],
			phone: '0987654321',
			debug: ['phone 0987654321', 'no product named: the one on screen, C3 × 1', 'a product named without a question: an order'],
		})
		expect(full('còn hàng không 0987654321', 'C3')).toEqual({ intent: 'question', items: [], phone: '0987654321', debug: ['phone 0987654321', 'question'] })
		expect(full('hello shop', 'A1')).toEqual({ intent: 'none', items: [], phone: null, debug: [] })
		expect(full('0987654321')).toEqual({ intent: 'none', items: [], phone: '0987654321', debug: ['phone 0987654321'] })
	})

	test('cancel, a question about a product, an order word without a product', () => {
		expect(full('huỷ đơn A1 nha')).toEqual({ intent: 'cancel', items: [{ code: 'A1', qty: 1 }], phone: null, debug: ['code A1 → A1 × 1 (no quantity given)', 'cancel word'] })
		expect(full('A1 giá bao nhiêu?')).toEqual({ intent: 'question', items: [], phone: null, debug: ['code A1 → A1 × 1 (no quantity given)', 'question'] })
		expect(full('mua nhé')).toEqual({ intent: 'order', items: [], phone: null, debug: ['order word "mua" but no product: staff must pick one'] })
	})
})

describe('quantities, where they stand', () => {
	const items = (text: string, current: string | null = null) => parseComment(text, catalogue, current).items

	test('"sl" anywhere after a product gives its quantity, with or without a colon or spaces', () => {
		expect(items('A1 loại to sl 12')).toEqual([{ code: 'A1', qty: 12 }])
		expect(items('A1 loại to sl:3')).toEqual([{ code: 'A1', qty: 3 }])
		expect(items('A1 loại to sl : 4')).toEqual([{ code: 'A1', qty: 4 }])
	})

	test('a number just before a product counts; one already taken by the previous product does not', () => {
		expect(items('3 A1')).toEqual([{ code: 'A1', qty: 3 }])
		expect(items('A1 2 B2')).toEqual([
			{ code: 'A1', qty: 2 },
			{ code: 'B2', qty: 1 },
		])
	})

	test('a named product is what is ordered, not the one on screen', () => {
		expect(items('chốt A1 2 hộp', 'C3')).toEqual([{ code: 'A1', qty: 2 }])
	})
})
