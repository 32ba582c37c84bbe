// Reading one cell of a marketplace order export (docs/decisions/180-marketplace-order-exports.md).
// Cells arrive as text (the file reader turns numbers and dates into text); here
// they become clean strings, whole đồng, quantities, instants and phone numbers.

import { normaliseMobile } from '~/live/phones-in-text.ts'
import { foldForMatching, normalizeText } from '~/utils/vietnamese.ts'

/**
 * NFC, with tabs, line breaks and runs of spaces folded and the ends trimmed.
 * TikTok Shop puts a tab after its long order ids so that Excel keeps them as text.
 */
export function cleanCell(raw: string): string {
	return normalizeText(raw)
}

/** A header as compared across layouts: accents, case, spaces and punctuation removed ("Phone #" → "phone"). */
export function foldHeader(raw: string): string {
	return foldForMatching(raw).replace(/[^a-z0-9]/g, '')
}

const DIGIT_GROUPS = /^(\d{1,3})((?:([.,])\d{3})+)(?:([.,])(\d{1,2}))?$/
const PLAIN = /^(\d+)(?:[.,](\d{1,2}))?$/

/**
 * An amount in whole đồng: "150000", "150.000", "150,000", "150000.00",
 * "1,250,000.50", "₫150.000", "150.000 đ", "-5.000"; null when it is not one.
 * VND has no minor unit, so a group of three digits after a separator is
 * always thousands, and one or two digits are decimals (rounded away).
 */
export function readVnd(raw: string): number | null {
	const text = cleanCell(raw).replace(/₫|vnd|đ/gi, '').replace(/\s/g, '')
	const negative = text.startsWith('-')
	const unsigned = negative ? text.slice(1) : text
	let value: number
	const grouped = DIGIT_GROUPS.exec(unsigned)
	if (grouped) {
		const [, head, groups, separator, decimalSeparator, decimals] = grouped
		if (groups.split(/\d+/).some((s) => s !== '' && s !== separator)) return null
		if (decimalSeparator === separator) return null
		value = Number(`${head}${groups.replaceAll(separator, '')}.${decimals ?? '0'}`)
	} else {
		const plain = PLAIN.exec(unsigned)
		if (!plain) return null
		value = Number(`${plain[1]}.${plain[2] ?? '0'}`)
	}
	const rounded = Math.round(value)
	return negative ? -rounded : rounded
}

/** A quantity: a whole number above zero ("2", "2.0" from a numeric cell). */
export function readQuantity(raw: string): number | null {
	const match = /^(\d+)(?:\.0+)?$/.exec(cleanCell(raw))
	if (!match) return null
	const quantity = Number(match[1])
	return quantity > 0 && Number.isSafeInteger(quantity) ? quantity : null
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ t]${TIME}$`)
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[-/](\d{1,2})[-/](\d{4}) ${TIME}$`)
const MONTH_NAME = new RegExp(String.raw`^(\d{1,2}) ([a-z]{3})[a-z]* (\d{4}),? ${TIME}$`)

/**
 * The marketplaces print local Vietnamese time without a zone, so the offset
 * is +07:00 (Asia/Ho_Chi_Minh has had no daylight saving since 1975).
 */
export const MARKETPLACE_OFFSET = '+07:00'

/**
 * A date and time as the exports print it, as ISO 8601 with the +07:00 offset:
 * "2026-03-14 09:21[:05]" (Shopee, and what the reader writes for date cells),
 * "14/03/2026 09:21:05" (TikTok Shop), "14 Mar 2026 09:21" (Lazada). Null when
 * it is none of them or not a real moment.
 */
export function readLocalDateTime(raw: string): string | null {
	const text = cleanCell(raw).toLowerCase()
	let parts: (string | undefined)[] | null = null
	let match = YEAR_FIRST.exec(text)
	if (match) parts = [match[1], match[2], match[3], match[4], match[5], match[6]]
	else if ((match = DAY_FIRST.exec(text))) parts = [match[3], match[2], match[1], match[4], match[5], match[6]]
	else if ((match = MONTH_NAME.exec(text))) {
		// An unknown month name becomes month 0, which the calendar check below refuses.
		parts = [match[3], String(MONTHS.indexOf(match[2]) + 1), match[1], match[4], match[5], match[6]]
	}
	if (!parts) return null
	const [year, month, day, hour, minute, second] = parts.map((part) => Number(part ?? 0))
	// A day or month out of range rolls over into another month: 31/04 becomes 1 May.
	if (new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1) return null
	if (hour > 23 || minute > 59 || second > 59) return null
	const pad = (n: number) => String(n).padStart(2, '0')
	return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${MARKETPLACE_OFFSET}`
}

/**
 * A buyer's phone as "0xxxxxxxxx", or null (masked "******678" numbers too).
 * A number kept in a numeric cell has lost its leading zero ("912345678").
 */
export function readPhone(raw: string): string | null {
	const text = cleanCell(raw)
	if (/^[35789]\d{8}$/.test(text)) return `0${text}`
	return normaliseMobile(text)
}

/** Whether a status means the order (or line) was cancelled: "Đã hủy", "Hủy", "Cancelled", "canceled". */
export function isCancelledStatus(status: string): boolean {
	const folded = foldForMatching(status)
	return /(^|[^a-z])huy($|[^a-z])/.test(folded) || /cancel/.test(folded)
}
