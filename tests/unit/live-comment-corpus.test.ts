import { describe, expect, test } from 'vitest'
import { parseComment, prepareCatalogue } from '~/live/comment-parser.ts'
import { foldForMatching } from '~/utils/vietnamese.ts'

// A corpus written from how buyers really comment during a live sale on a
// co-op's Page: codes and names, no accents, NFD text from some phone
// keyboards, typos and teen-code ("ck", "ib", "dc", "mk", "khum"), emoji,
// several products at once, phones mixed with addresses, prices that look
// like quantities ("120k", "1tr2"), cancels and questions about price and
// shipping. One line a comment:
//   text | product on screen | intent | items ("A1:2 B2:1") | phone

const CORPUS = `
chốt A1 2 hộp 0912 345 678||order|A1:2|0912345678
chot a1 2 hop 0912345678||order|A1:2|0912345678
CHỐT A1||order|A1:1|
Chốt a1||order|A1:1|
chôt A1||order|A1:1|
chots A1 2||order|A1:2|
chốttt A1||order|A1:1|
oder A1 2||order|A1:2|
order B2 x3||order|B2:3|
A1 x2||order|A1:2|
A1x2||order|A1:2|
a1*2||order|A1:2|
A1 ×2||order|A1:2|
2xA1||order|A1:2|
2 x A1||order|A1:2|
A1 sl 4||order|A1:4|
A1 sl2||order|A1:2|
A1 SL:3||order|A1:3|
A1 số lượng 3||order|A1:3|
Em đặt A1 sl 02||order|A1:2|
A1 2h||order|A1:2|
A1 2hop||order|A1:2|
A1 2 hộp||order|A1:2|
A1 2 cái nha c||order|A1:2|
a01||order|A1:1|
chot a 1||order|A1:1|
A1-2 B2-1||order|A1:2 B2:1|
A1: 2, B2: 3||order|A1:2 B2:3|
a1 2 b2 3||order|A1:2 B2:3|
A1 x 2, B2 x 3||order|A1:2 B2:3|
dat A1x2 B2x3||order|A1:2 B2:3|
chốt A1 2 hộp, B2 1 gói||order|A1:2 B2:1|
chốt 2 A1 2 B2||order|A1:2 B2:2|
lấy 3 A1 4 B2||order|A1:3 B2:4|
chốt A1 3 B2||order|A1:3 B2:1|
mua 1 A2 1 A1||order|A2:1 A1:1|
e chốt 2 A1 + 1 B2 sđt 0912345678||order|A1:2 B2:1|0912345678
chốt A1 hai hộp B2 ba gói||order|A1:2 B2:3|
chốt A1 hai B2 ba||order|A1:2 B2:3|
chốt một hộp A1||order|A1:1|
lấy hai hộp chè shan tuyết||order|A1:2|
e lấy ba gói miến dong nhé||order|B2:3|
lấy mười A1||order|A1:10|
chốt A1 mười hộp||order|A1:10|
chot a1 muoi hop||order|A1:10|
chốt A1 năm hộp||order|A1:5|
chốt A1 bốn hũ||order|A1:4|
mua bảy gói B2||order|B2:7|
chốt A1 hai||order|A1:2|
chốt A1 ba nhé||order|A1:3|
lấy chín chai C3||order|C3:9|
chốt tám hộp A1||order|A1:8|
chốt sáu gói miến||order|B2:6|
mình muốn mua 2 chè cổ thụ||order|A1:2|
chè cổ thụ x 12||order|A1:12|
trà shan 2 hộp||order|A1:2|
chốt chè shan tuyết đặc biệt 1 hộp||order|A2:1|
chè shan tuyết đặc biệt 2||order|A2:2|
che shan tuyet dac biet 3 hop||order|A2:3|
tinh dau que 2 chai||order|C3:2|
tinh dầu quế 2c||order|C3:2|
TINH DẦU QUẾ 1 LỌ||order|C3:1|
mk lấy 1 mật ong||order|D4:1|
mật ong bạc hà 2 hũ nhé||order|D4:2|
cho mk 2 hũ mật ong nhé 0988 777 666 số 12 ngõ 34 Cầu Giấy||order|D4:2|0988777666
cho em 1 tinh dầu quế sdt 0988.123.456 ship về Lục Yên||order|C3:1|0988123456
em lay a1 2 hop 098.765.4321||order|A1:2|0987654321
mik chốt 3 hộp A1 nha sdt 0987.654.321||order|A1:3|0987654321
CHỐT A1 SL3 SĐT 0912345678||order|A1:3|0912345678
0912345678 A1 2||order|A1:2|0912345678
A1 2 0912345678||order|A1:2|0912345678
A1 2 hop,0912345678,so 5 duong 3/2 q10||order|A1:2|0912345678
chốt A1 2 hộp nhà số 15 ngõ 8||order|A1:2|
chốt B2 4 gói nha shop ơi, địa chỉ 45 Lê Lợi||order|B2:4|
chốt A1 2 hộp giao 7h tối||order|A1:2|
chốt A1 +84 912 345 678||order|A1:1|0912345678
84912345678 chốt A1 2 hộp||order|A1:2|0912345678
01662 345 678 chốt A1||order|A1:1|0362345678
chốt A1 0168.234.5678||order|A1:1|0382345678
chốt A1 sđt 0912-345-678||order|A1:1|0912345678
chốt A1 2 hộp sđt 0912-345-678||order|A1:2|0912345678
A1 2 hộp 0 9 1 2 3 4 5 6 7 8||order|A1:2|0912345678
chốt A1 giá 120k 2 hộp||order|A1:2|
chốt A1 120.000đ||order|A1:1|
chốt A1 2 hộp 240k||order|A1:2|
chốt A1 2 hộp 240.000||order|A1:2|
đặt 2 hộp A1 ship 30k||order|A1:2|
A1 50k 1 hộp||order|A1:1|
A1 2tr5||order|A1:1|
chốt A1 1tr250k 3 hộp||order|A1:3|
chốt A1 2k5||order|A1:1|
A1 120 nghìn 2 hộp||order|A1:2|
chốt A1 150 ngàn||order|A1:1|
A1 1tr||order|A1:1|
A1 200.000 vnđ 2 gói||order|A1:2|
chốt A1 120k/hộp lấy 3 hộp||order|A1:3|
🔥🔥 chốt A1 🙏 2 hộp nha shop ❤️||order|A1:2|
❤️❤️ chốt A1 ❤️❤️||order|A1:1|
A1😍2 hộp||order|A1:2|
👍👍 A1 x2 👍||order|A1:2|
chốt 👍|B2|order|B2:1|
chốt|B2|order|B2:1|
chốt!!!|C3|order|C3:1|
chốt ạ 0912345678|C3|order|C3:1|0912345678
lấy 2|B2|order|B2:2|
lấy 3 nhé|C3|order|C3:3|
chốt 5|C3|order|C3:5|
chốt 2 hộp|A1|order|A1:2|
e lấy hai hộp|A1|order|A1:2|
+1|C3|order|C3:1|
+2|C3|order|C3:2|
chốt +1|C3|order|C3:1|
0912345678|C3|order|C3:1|0912345678
sđt 0987654321|C3|order|C3:1|0987654321
cho em 2 hộp nhé 0987 654 321|C3|order|C3:2|0987654321
chốt A1 2 hộp|C3|order|A1:2|
chốt||order||
mua nhé||order||
c ơi e lấy A1||order|A1:1|
t lấy A1 2 hộp||order|A1:2|
Mẹ em lấy A1||order|A1:1|
ba em lấy A1 2||order|A1:2|
chốt đơn cho e 2 A1 với ạ||order|A1:2|
e chốt A1 ck luôn||order|A1:1|
chốt A1 rồi ib e nhé||order|A1:1|
A1 2 dc ko shop||question||
A1 giá bao nhiêu ạ?||question||
A1 bn vậy shop||question||
A1 nhiêu||question||
A1 con ko||question||
còn A1 không shop||question||
còn hàng ko ạ||question||
còn hàng không|A1|question||
ship ko shop||question||
có ship tỉnh ko ạ||question||
ship hn bao nhiêu||question||
ship về Thái Nguyên mất bao lâu||question||
phí ship bn||question||
giá bn vậy||question||
bao nhiêu 1 hộp||question||
nhiêu vậy shop||question||
Cho e xin giá B2||question||
cho e hỏi A1 còn không||question||
ib e giá A1||question||
A1 hsd bao lâu||question||
chè này pha thế nào ạ||question||
mật ong có nguyên chất ko||question||
A1 khác A2 thế nào?||question||
dc ko shop||question||
A1 giá 120 nghìn à||question||
còn hàng không 0987654321|C3|question||0987654321
hủy A1||cancel|A1:1|
huỷ A1||cancel|A1:1|
hủy A1 2 hộp||cancel|A1:2|
huỷ đơn A1 nhé||cancel|A1:1|
HUỶ A1||cancel|A1:1|
huy a1||cancel|A1:1|
thôi huỷ A1 nhé||cancel|A1:1|
hủy||cancel||
hủy|B2|cancel|B2:1|
huỷ đơn|B2|cancel|B2:1|
thôi không lấy nữa||cancel||
k lấy nữa|A1|cancel|A1:1|
ko lấy nữa nha shop||cancel||
khum lấy nữa|A1|cancel|A1:1|
thôi e hok lấy nữa||cancel||
kh lấy nữa A1 nhé||cancel|A1:1|
thôi ko lấy B2||cancel|B2:1|
bỏ đơn A1||cancel|A1:1|
không mua nữa||cancel||
đổi ý rồi shop ơi||cancel||
cancel A1||cancel|A1:1|
đẹp quá 😍||none||
chào shop||none||
hello shop|A1|none||
🔥🔥🔥||none||
năm 2026 chè ngon||none||
ck rồi nha shop||none||
đã ck 240k||none||
e ib rồi||none||
shop ơi rep ib e với||none||
live hay quá||none||
xem từ đầu luôn ạ||none||
chúc shop đắt hàng||none||
đắt quá shop ơi||none||
đặt hàng A1 2 hộp||order|A1:2|
ka12 đẹp||none||
xa1 đẹp||none||
A12 có không||question||
D1 2||none||
0987654321||none||0987654321
02163852000||none||
`

const catalogue = prepareCatalogue([
	{ code: 'A1', name: 'Chè Shan tuyết', aliases: ['chè cổ thụ', 'trà shan'] },
	{ code: 'A2', name: 'Chè Shan tuyết đặc biệt' },
	{ code: 'B2', name: 'Miến dong', aliases: ['miến'] },
	{ code: 'C3', name: 'Tinh dầu quế' },
	{ code: 'D4', name: 'Mật ong bạc hà', aliases: ['mật ong'] },
])

type Case = { text: string; current: string | null; intent: string; items: Array<{ code: string; qty: number }>; phone: string | null }

const cases: Case[] = CORPUS.trim()
	.split('\n')
	.map((line) => {
		const [text, current, intent, items, phone] = line.split('|')
		return {
			text: text!,
			current: current || null,
			intent: intent!,
			items: items ? items.split(' ').map((item) => ({ code: item.split(':')[0]!, qty: Number(item.split(':')[1]) })) : [],
			phone: phone || null,
		}
	})

const read = (text: string, current: string | null) => {
	const { intent, items, phone } = parseComment(text, catalogue, current)
	return { intent, items, phone }
}

test('the corpus is broad: 150 comments or more, every intent, several products, phones and prices', () => {
	expect(cases.length).toBeGreaterThanOrEqual(150)
	for (const intent of ['order', 'question', 'cancel', 'none']) expect(cases.filter((c) => c.intent === intent).length).toBeGreaterThanOrEqual(10)
	expect(cases.filter((c) => c.items.length > 1).length).toBeGreaterThanOrEqual(10)
	expect(cases.filter((c) => c.phone).length).toBeGreaterThanOrEqual(15)
})

describe('each comment reads as a person meant it', () => {
	test.each(cases.map((c) => [c.text, c.current ?? '', c] as const))('%s (on screen: %s)', (_text, _current, c) => {
		expect(read(c.text, c.current)).toEqual({ intent: c.intent, items: c.items, phone: c.phone })
	})
})

describe('the same comment typed another way reads the same', () => {
	test('NFD (decomposed) input, as some phone keyboards send it', () => {
		for (const c of cases) expect(read(c.text.normalize('NFD'), c.current), c.text).toEqual(read(c.text, c.current))
	})
	test('without accents, and in capitals', () => {
		expect(read('chuc shop dat hang', null).intent).toBe('order')
		// Only accents tell "đắt hàng" (selling well) from "đặt hàng" (to order): those lines are left out.
		for (const c of cases.filter((c) => !c.text.includes('đắt'))) {
			expect(read(foldForMatching(c.text), c.current), c.text).toEqual(read(c.text, c.current))
			expect(read(c.text.toUpperCase(), c.current), c.text).toEqual(read(c.text, c.current))
		}
	})
})

test('every decision is explained in debug', () => {
	for (const c of cases) {
		const { debug, items, phone, intent } = parseComment(c.text, catalogue, c.current)
		if (phone) expect(debug, c.text).toContain(`phone ${phone}`)
		if (intent !== 'none') expect(debug.length, c.text).toBeGreaterThan(phone ? 1 : 0)
		for (const item of items) expect(debug.some((line) => line.includes(`${item.code} ×`)), c.text).toBe(true)
	}
})
