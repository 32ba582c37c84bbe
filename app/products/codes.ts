import { foldForMatching } from '~/utils/vietnamese.ts'

// Livestream codes ("chốt A1 2 hộp"): one to three letters, then one to three
// digits. Letters first keeps a code apart from quantities and phone numbers in
// a comment; plain ASCII lets buyers type it on any keyboard
// (docs/decisions/006-product-catalogue.md).
export const PRODUCT_CODE_PATTERN = /^[A-Z]{1,3}[0-9]{1,3}$/

const MAX_CODE_NUMBER = 999

/**
 * "a-1", " â 1 ", "đ2", "A01" → "A1", "A1", "D2", "A1": accents and separators
 * dropped, upper-case, no leading zeros (a buyer typing "A01" means A1).
 */
export function normalizeProductCode(input: string): string {
	return foldForMatching(input)
		.replace(/[\s\-_.]/g, '')
		.toUpperCase()
		.replace(/^([A-Z]+)0+(?=\d)/, '$1')
}

export function isValidProductCode(code: string): boolean {
	return PRODUCT_CODE_PATTERN.test(code)
}

function splitCode(code: string): { prefix: string; number: number } | null {
	const match = /^([A-Z]{1,3})([0-9]{1,3})$/.exec(code)
	return match ? { prefix: match[1], number: Number(match[2]) } : null
}

/**
 * The code to offer for a new product: the next number after the highest one
 * in the series of the most recently created product (A1, A2 → A3), so that
 * a co-op that groups its codes by kind (A tea, B rice) keeps doing so. Falls
 * back to the first free one-letter code ("A1" for a first product), and to
 * null only when all 26 × 999 of those are taken.
 */
export function suggestNextCode(existingCodes: string[], latestCode?: string | null): string | null {
	const taken = new Set(existingCodes.map(normalizeProductCode))
	const latest = latestCode ? splitCode(normalizeProductCode(latestCode)) : null
	if (latest) {
		const numbersInSeries = [...taken]
			.map(splitCode)
			.filter((c) => c?.prefix === latest.prefix)
			.map((c) => c!.number)
		// Every taken number of the series is at or below its maximum, so the next one is free.
		const next = Math.max(0, ...numbersInSeries) + 1
		if (next <= MAX_CODE_NUMBER) return `${latest.prefix}${next}`
	}
	for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
		for (let n = 1; n <= MAX_CODE_NUMBER; n++) {
			if (!taken.has(`${letter}${n}`)) return `${letter}${n}`
		}
	}
	return null
}
