// Promo codes (issue 12): how a typed code is stored, and where one is found
// in a marketplace order (docs/decisions/187-order-imports-and-promo-codes.md).
// Pure: the web form, the import and the webhook share it.

import { foldForMatching } from '~/utils/vietnamese.ts'

export const PROMO_CODE_MIN = 3
export const PROMO_CODE_MAX = 20

export type PromoCodeProblem = 'empty' | 'too-short' | 'too-long' | 'bad-characters'
export type PromoCodeReading = { ok: true; code: string } | { ok: false; problem: PromoCodeProblem }

/**
 * A code as typed → how it is stored: accents folded (a code read aloud on a
 * live is typed "chè10" or "CHE10"), spaces dropped, upper-case. Letters,
 * digits and inner hyphens only, 3 to 20 characters.
 */
export function normalisePromoCode(typed: string): PromoCodeReading {
	const code = foldForMatching(typed).replace(/\s/g, '').toUpperCase()
	if (code === '') return { ok: false, problem: 'empty' }
	if (!/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(code)) return { ok: false, problem: 'bad-characters' }
	if (code.length < PROMO_CODE_MIN) return { ok: false, problem: 'too-short' }
	if (code.length > PROMO_CODE_MAX) return { ok: false, problem: 'too-long' }
	return { ok: true, code }
}

/**
 * The first of `codes` (stored form) written in `text` as a whole word, in
 * any case and with or without accents: "mã che10 nhé" finds CHE10, "CHE100"
 * does not. Where two codes start at the same place the longer one wins.
 */
export function findPromoCode(text: string | null, codes: readonly string[]): string | null {
	if (!text) return null
	const folded = foldForMatching(text).toUpperCase()
	let best: { code: string; at: number } | null = null
	for (const code of codes) {
		const at = wholeWordIndex(folded, code)
		if (at < 0) continue
		if (!best || at < best.at || (at === best.at && code.length > best.code.length)) best = { code, at }
	}
	return best?.code ?? null
}

const isWordChar = (char: string | undefined) => char !== undefined && /[A-Z0-9]/.test(char)

function wholeWordIndex(text: string, code: string): number {
	let from = 0
	for (;;) {
		const at = text.indexOf(code, from)
		if (at < 0) return -1
		if (!isWordChar(text[at - 1]) && !isWordChar(text[at + code.length])) return at
		from = at + 1
	}
}

/**
 * The promo code a marketplace order carries: the export's own voucher code
 * when it has one (Shopee's English `Voucher Code`), kept even when the co-op
 * has not entered it yet, else a known code found in the buyer's note.
 */
export function promoCodeOfImportedOrder(order: { voucher: string | null; note: string | null }, codes: readonly string[]): string | null {
	if (order.voucher) {
		const voucher = normalisePromoCode(order.voucher)
		if (voucher.ok) return voucher.code
	}
	return findPromoCode(order.note, codes)
}
