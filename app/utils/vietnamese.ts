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

const THOUSANDS = ['k', 'nghin', 'ngan']

function unitMultiplier(unit: string) {
	return THOUSANDS.includes(unit) ? 1_000 : 1_000_000
}

/**
 * A VND amount as typed: "120000", "120.000", "120,000", "120k", "1.2tr",
 * "1 triệu", and the spoken shorthand "1tr2" (1.200.000), "1tr250k"
 * (1.250.000), "2k5" (2.500). Returns whole đồng, or null when it is not an amount.
 */
export function parseVndAmount(input: string): number | null {
	const text = foldForMatching(input).replace(/\s+/g, '').replace(/(d|vnd|dong|₫)$/, '')
	const spoken = /^(\d+)(k|nghin|ngan|tr|trieu|m)(\d{1,3})(k|nghin|ngan)?$/.exec(text)
	if (spoken) {
		const [, whole, unit, rest, restUnit] = spoken
		// "1tr250k": the digits after the unit count thousands; "1tr2": they are the decimals.
		if (restUnit) return unitMultiplier(unit) === 1_000_000 ? Number(whole) * 1_000_000 + Number(rest) * 1_000 : null
		return Math.round(Number(`${whole}.${rest}`) * unitMultiplier(unit))
	}
	const match = /^(\d+(?:[.,]\d+)*)(k|nghin|ngan|tr|trieu|m)?$/.exec(text)
	if (!match) return null
	const [, number, unit] = match
	let value: number
	if (unit) {
		// With a unit, a single separator is a decimal point: "1.5tr", "1,5tr".
		const parts = number.split(/[.,]/)
		value = parts.length === 2 ? Number(`${parts[0]}.${parts[1]}`) : Number(parts.join(''))
		value *= unitMultiplier(unit)
	} else {
		// Without one, separators group thousands: "120.000", "1,250,000".
		if (/[.,]/.test(number) && !/^\d{1,3}([.,]\d{3})+$/.test(number)) return null
		value = Number(number.replace(/[.,]/g, ''))
	}
	return Number.isFinite(value) ? Math.round(value) : null
}
