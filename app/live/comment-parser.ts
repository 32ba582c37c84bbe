import { foldForMatching } from '~/utils/vietnamese.ts'
import { findMobiles } from './phones-in-text.ts'

// What a live comment asks for: "chốt A1 2 hộp 0912 345 678" → order 2 × A1,
// phone 0912345678. Pure, fast, and it says why in `debug`. Matching is on
// the folded text (no accents, lower case: "chốt" = "chot" = "CHÔT"), codes
// and names and aliases alike (docs/decisions/170-live-comment-parser.md).

export type LiveProduct = { code: string; name: string; aliases?: string[] }
export type CommentIntent = 'order' | 'question' | 'cancel' | 'none'
export type ParsedComment = {
	intent: CommentIntent
	items: Array<{ code: string; qty: number }>
	phone: string | null
	debug: string[]
}

export type ParserCatalogue = { products: LiveProduct[]; patterns: Array<{ code: string; pattern: RegExp; what: string }> }

const UNITS = ['hop', 'goi', 'chai', 'lo', 'tui', 'bich', 'hu', 'cai', 'kg', 'can', 'cuon', 'bo', 'set', 'sp', 'phan', 'thung', 'h', 'g']
const UNIT = `(?:${UNITS.join('|')})`
const NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, bat: 7, tam: 8, chin: 9, muoi: 10 }
const WORD = `(?:${Object.keys(NUMBER_WORDS).join('|')})`

// "không" as typed in comments: khong, ko, k, kh, hong, hok, hem, khum.
const NOT = '(?:khong|ko|k|kh|hong|hok|hem|khum)'
const CANCEL = new RegExp(
	`\\b(huy|cancel|hoan don|bo don|${NOT} (?:lay|mua|dat|can) nua|thoi (?:(?:em|e|minh|mk|mik|t|toi) )?${NOT} (?:lay|mua|dat)|doi y)\\b`,
)
// "+1" (and "+2") is the oldest order of all: "me too, one".
const PLUS = /(?<![\w+])\+\s?(\d{1,2})(?!\d)/
// Not the "lâu" of "bao lâu" (how long).
const STRONG_ORDER = /\b(chot|chots|lay|(?<!bao )lau|mua|dat|order|oder)\b/g
// "Cho em…" and "ship về…" start orders and questions alike ("cho em xin giá"): a question wins over them.
const WEAK_ORDER = /\b(gui cho|ship cho|ship ve|cho (?:em|e|chi|c|minh|mik|mk|toi|anh|a|co|chu|bac))\b/
// "ship về Lục Yên" is an address in an order; "ship … ko" asks whether they ship.
const QUESTION = /\?|\b(?:con|co|ship)\b.+\b(?:khong|ko|hong|k|hok|khum)\b|\b(bao nhieu|bn|nhieu|gia|phi|hoi|con (?:khong|ko|k|hang|ko a)|co (?:khong|ko|k)|bao lau|o dau|the nao|ntn|sao|duoc khong|dc khong|dc ko|dung bao|han su dung|hsd|bao gio)\b/

function escape(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Builds the match patterns once for a product list; parse many comments with it. */
export function prepareCatalogue(products: LiveProduct[]): ParserCatalogue {
	const patterns: ParserCatalogue['patterns'] = []
	for (const product of products) {
		const code = foldForMatching(product.code).replace(/\s+/g, '')
		const codeMatch = /^([a-z]+)0*(\d+)$/.exec(code)
		// "A1", "a 1", "A01"; never the "a1" inside "ka12" or "a12".
		const codePattern = codeMatch ? `${escape(codeMatch[1]!)}\\s?0*${codeMatch[2]}` : escape(code)
		// "2xA1": an x glued to a number in front is a multiplication sign, not part of the code.
		patterns.push({ code: product.code, pattern: new RegExp(`(?:(?<![a-z0-9])|(?<=\\dx))${codePattern}(?![0-9])`, 'g'), what: `code ${product.code}` })
		for (const name of [product.name, ...(product.aliases ?? [])]) {
			const folded = foldForMatching(name)
			if (folded.length < 3) continue
			const words = folded.split(/\s+/).map(escape).join('\\s*')
			patterns.push({ code: product.code, pattern: new RegExp(`(?<![a-z0-9])${words}(?![a-z0-9])`, 'g'), what: `"${name}"` })
		}
	}
	// Longer names first, so that "chè shan tuyết đặc biệt" wins over "chè shan tuyết".
	patterns.sort((a, b) => b.pattern.source.length - a.pattern.source.length)
	return { products, patterns }
}

function wordOrDigits(token: string): number | null {
	if (/^\d{1,3}$/.test(token)) return Number(token)
	return NUMBER_WORDS[token] ?? null
}

type Mention = { code: string; start: number; end: number; what: string }

export function parseComment(text: string, catalogue: ParserCatalogue, current?: string | null): ParsedComment {
	const debug: string[] = []
	const nfc = text.normalize('NFC').toLowerCase()
	let folded = foldForMatching(text.replace(/\p{Extended_Pictographic}/gu, ' '))
	const phones = findMobiles(folded)
	const phone = phones[0]?.phone ?? null
	if (phone) debug.push(`phone ${phone}`)
	// Blank out what must not be read as a quantity: phone numbers and prices ("120k", "120.000đ", "1tr2", "2k5").
	const blank = (match: string) => ' '.repeat(match.length)
	// Blanking keeps the length, so the positions found stay right in any order.
	for (const found of phones) folded = folded.slice(0, found.start) + blank(folded.slice(found.start, found.end)) + folded.slice(found.end)
	folded = folded.replace(/\b\d+(?:k|tr|m)\d{1,3}k?\b|\b\d+(?:[.,]\d{3})+\s*(?:d|vnd|dong)?\b|\b\d+(?:[.,]\d+)?\s*(?:k|nghin|ngan|tr|trieu)\b|\b\d+\s*(?:d|vnd|dong)\b/g, (price) => {
		debug.push(`"${price}" is a price, not a quantity`)
		return blank(price)
	})

	const mentions: Mention[] = []
	const taken = new Array<boolean>(folded.length).fill(false)
	for (const { code, pattern, what } of catalogue.patterns) {
		for (const match of folded.matchAll(pattern)) {
			const start = match.index
			const end = start + match[0].length
			if (taken.slice(start, end).some(Boolean)) continue
			taken.fill(true, start, end)
			mentions.push({ code, start, end, what })
		}
	}
	mentions.sort((a, b) => a.start - b.start)

	const cancel = CANCEL.test(folded)
	const plus = PLUS.exec(folded)
	// Folded, "đặt" (to order) and "đắt" (dear: "chúc shop đắt hàng") are both "dat": the accents typed decide.
	const dear = nfc.includes('đắt') && !nfc.includes('đặt')
	const strongOrder = [...folded.matchAll(STRONG_ORDER)].find((match) => !(dear && match[1] === 'dat')) ?? plus
	const orderWord = strongOrder ?? WEAK_ORDER.exec(folded)
	const question = QUESTION.test(folded)

	const items: ParsedComment['items'] = []
	const add = (code: string, qty: number, why: string) => {
		const existing = items.find((item) => item.code === code)
		if (existing) existing.qty += qty
		else items.push({ code, qty })
		debug.push(why)
	}
	// Each quantity belongs to one mention: after it ("A1 2 hộp", "A1x2", "A1 sl 2"), or before it
	// ("2 hộp A1", "lấy hai A1") when nothing after it and the previous mention did not take it.
	// A comment whose first product has its number in front ("lấy 3 A1 4 B2") is read that way throughout.
	const quantityBefore = (before: string) => {
		const found = new RegExp(`(^|.*\\s)(?:(?:x|sl)\\s*)?(\\d{1,3}|${WORD})\\s*(${UNIT}\\b|[x×*])?\\s*$`).exec(before)
		const counts = found && (/\d/.test(found[2]!) || found[3] || /\b(chot|lay|mua|dat|order)\s*$/.test(found[1]!))
		return counts ? wordOrDigits(found[2]!) : null
	}
	const numbersLead = mentions.length > 1 && quantityBefore(folded.slice(0, mentions[0]!.start)) !== null
	let consumed = 0
	mentions.forEach((mention, index) => {
		const nextStart = mentions[index + 1]?.start ?? folded.length
		const after = folded.slice(mention.end, nextStart)
		const before = quantityBefore(folded.slice(consumed, mention.start))
		const qtyAfter = numbersLead
			? null
			: // A number word needs a unit or the end of the phrase ("A1 hai", "A1 ba nhé"): "A1 ba em thích" is the father.
				new RegExp(`^\\s*(?:[x*×:\\-]|sl|so luong)?\\s*(\\d{1,3}|${WORD}(?=\\s*${UNIT}\\b|\\s*(?:(?:nha|nhe|a|shop)\\b\\s*)?(?:[,.;!]|$)))(?!\\d)\\s*(?:${UNIT}\\b)?`).exec(after)
		const slAnywhere = /\b(?:sl|so luong)\s*:?\s*(\d{1,3})\b/.exec(after) ?? new RegExp(`(?:^|\\s)(\\d{1,3})\\s*${UNIT}\\b`).exec(after)
		const qty = numbersLead
			? (before ?? (index === mentions.length - 1 ? wordOrDigits(slAnywhere?.[1] ?? '') : null))
			: (wordOrDigits(qtyAfter?.[1] ?? '') ?? wordOrDigits(slAnywhere?.[1] ?? '') ?? before)
		consumed = mention.end + (qtyAfter?.[0].length ?? 0)
		add(mention.code, qty ?? 1, `${mention.what} → ${mention.code} × ${qty ?? 1}${qty ? '' : ' (no quantity given)'}`)
	})

	if (mentions.length === 0 && current && (orderWord || cancel || (phone && !question))) {
		const qtyMatch = new RegExp(`(?:^|\\s)(?:x|sl|so luong|chot|lay|mua|dat)?\\s*:?\\s*(\\d{1,3}|${WORD}(?=\\s*${UNIT}\\b))\\s*(?:${UNIT}\\b)?`).exec(folded)
		const qty = wordOrDigits(qtyMatch?.[1] ?? '') ?? (plus ? Number(plus[1]) : 1)
		add(current, qty, `no product named: the one on screen, ${current} × ${qty}`)
	}

	let intent: CommentIntent
	if (cancel) {
		intent = 'cancel'
		debug.push('cancel word')
	} else if (orderWord && items.length > 0 && (strongOrder || !question)) {
		intent = 'order'
		debug.push(`order word "${orderWord[0]}"`)
	} else if (question) {
		intent = 'question'
		debug.push('question')
	} else if (items.length > 0) {
		intent = 'order'
		debug.push('a product named without a question: an order')
	} else if (orderWord) {
		intent = 'order'
		debug.push(`order word "${orderWord[0]}" but no product: staff must pick one`)
	} else {
		intent = 'none'
	}
	// 'none' has no items to drop: any item makes it an order.
	return { intent, items: intent === 'question' ? [] : items, phone, debug }
}
