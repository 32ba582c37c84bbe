// Vietnamese mobile numbers found inside free text (a live comment, a buyer's
// note), in every common form: 0912345678, 0912.345.678, 0912 345 678,
// +84 912 345 678, 84912345678, and the 11-digit numbers retired in 2018.

/** The 11-digit prefixes moved to 10 digits in 2018 (Ministry of Information and Communications). */
const OLD_PREFIXES: Record<string, string> = {
	'0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038', '0169': '039',
	'0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
	'0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
	'0186': '056', '0188': '058', '0199': '059',
}

const MOBILE = /^0[35789]\d{8}$/

/** One number as typed → "0xxxxxxxxx", or null when it is not a mobile number. */
export function normaliseMobile(typed: string): string | null {
	let digits = typed.replace(/[^\d+]/g, '')
	if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`
	else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) digits = `0${digits.slice(2)}`
	if (digits.length === 11) {
		const moved = OLD_PREFIXES[digits.slice(0, 4)]
		if (!moved) return null
		digits = moved + digits.slice(4)
	}
	return MOBILE.test(digits) ? digits : null
}

export type FoundPhone = { phone: string; start: number; end: number }

// Digits with single spaces, dots or dashes between groups; at least 9 digits in all.
const CANDIDATE = /(?<![\d])(?:\+?84|0)(?:[ .\-]?\d){8,10}(?![\d])/g

/** Every mobile number in the text, with where it stands (so that its digits are not read as quantities). */
export function findMobiles(text: string): FoundPhone[] {
	const found: FoundPhone[] = []
	for (const match of text.matchAll(CANDIDATE)) {
		const phone = normaliseMobile(match[0])
		if (phone) found.push({ phone, start: match.index, end: match.index + match[0].length })
	}
	return found
}
