// Vietnamese text as people really type it (../shared/reference/platforms.md).

/** NFC, trimmed, inner runs of white space folded to one space. Apply before storing or comparing. */
export function normalizeText(input: string): string {
	return input.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * Case- and accent-insensitive form for matching: "Chốt ĐƠN" → "chot don".
 * đ/Đ do not decompose under NFD, so they are mapped by hand.
 */
export function foldForMatching(input: string): string {
	return normalizeText(input)
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
}

const MOBILE_PREFIXES = ['03', '05', '07', '08', '09']

/**
 * A Vietnamese mobile number in its 10-digit national form ("0912345678"),
 * accepting +84/84 prefixes and dots, dashes or spaces inside; null when it
 * is not one.
 */
export function normalizeVnMobile(input: string): string | null {
	let digits = input.replace(/[\s.\-()]/g, '')
	if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`
	else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`
	if (!/^\d{10}$/.test(digits)) return null
	return MOBILE_PREFIXES.some((p) => digits.startsWith(p)) ? digits : null
}

/**
 * A VND amount as typed: "120000", "120.000", "120,000", "120k", "1.2tr",
 * "1 triệu". Returns whole đồng, or null when it is not an amount.
 */
export function parseVndAmount(input: string): number | null {
	const text = foldForMatching(input).replace(/\s+/g, '').replace(/(d|vnd|dong|₫)$/, '')
	const match = /^(\d+(?:[.,]\d+)*)(k|nghin|ngan|tr|trieu|m)?$/.exec(text)
	if (!match) return null
	const [, number, unit] = match
	let value: number
	if (unit) {
		// With a unit, a single separator is a decimal point: "1.5tr", "1,5tr".
		const parts = number.split(/[.,]/)
		value = parts.length === 2 ? Number(`${parts[0]}.${parts[1]}`) : Number(parts.join(''))
		value *= unit === 'k' || unit === 'nghin' || unit === 'ngan' ? 1_000 : 1_000_000
	} else {
		// Without one, separators group thousands: "120.000", "1,250,000".
		if (/[.,]/.test(number) && !/^\d{1,3}([.,]\d{3})+$/.test(number)) return null
		value = Number(number.replace(/[.,]/g, ''))
	}
	return Number.isFinite(value) ? Math.round(value) : null
}
