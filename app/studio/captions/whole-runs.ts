import { foldForMatching } from '~/utils/vietnamese.ts'

// Runs of words a caption screen must never cut in two: a phone number
// ("0912 345 678", "+84 912 345 678"), an amount with its currency or unit
// ("120.000 đ", "2 triệu", "3 kg") and a product code with its quantity
// ("A1 2 hộp"). Read across two screens they stop making sense: a buyer who
// sees "Zalo" then "0912 345 678" has lost half of what to dial
// (docs/decisions/136-caption-tokens-that-stay-whole.md).

/** A group of digits as written inside a number: "0912", "345", "120.000", "+84", "1,5". Trailing punctuation belongs to the sentence. */
const DIGIT_GROUP = /^\(?\+?\d+(?:[.,]\d+)*\)?[,.;:!?…]?$/u
/** A product code as co-ops print them: "A1", "SP01", "CTT-2". */
const PRODUCT_CODE = /^[A-Z]{1,4}-?\d{1,4}$/u
/**
 * Words that belong to the number before them: currencies, the amount words,
 * and the packing and weight units a co-op sells in (folded: no diacritics).
 */
const UNIT_WORDS = new Set([
	'd', '₫', 'dong', 'vnd', 'k', 'nghin', 'ngan', 'tr', 'trieu', 'ty',
	'hop', 'goi', 'tui', 'chai', 'lo', 'hu', 'thung', 'bao', 'bo', 'cai', 'qua', 'canh', 'cay', 'bich', 'set',
	'kg', 'g', 'gr', 'gam', 'lang', 'can', 'tan', 'ta', 'yen', 'l', 'lit', 'ml',
])

/** "678." ends a sentence; "1,5" does not (its mark is inside, not at the end). */
function endsSentence(word: string): boolean {
	return /[,.;:!?…]$/u.test(word)
}

function isDigitGroup(word: string): boolean {
	return DIGIT_GROUP.test(word)
}

function isUnitWord(word: string): boolean {
	// "đ/hộp": the unit before the slash decides.
	return UNIT_WORDS.has(foldForMatching(word).split('/')[0].replace(/[,.;:!?…]+$/u, ''))
}

/**
 * The words split into runs (each a count of consecutive words) that stay on
 * one screen; a word that belongs to no such run is a run of one.
 */
export function wholeRuns(words: readonly string[]): number[] {
	const runs: number[] = []
	let index = 0
	while (index < words.length) {
		const length = runAt(words, index)
		runs.push(length)
		index += length
	}
	return runs
}

/** How many words from `start` stay together. */
function runAt(words: readonly string[], start: number): number {
	let end = start
	// A product code takes the quantity after it: "A1 2 hộp".
	if (PRODUCT_CODE.test(words[end]) && end + 1 < words.length && isDigitGroup(words[end + 1])) end++
	if (!isDigitGroup(words[end])) return 1
	// Digit groups in a row are one number ("0912 345 678"), unless a sentence ends between them.
	while (end + 1 < words.length && !endsSentence(words[end]) && isDigitGroup(words[end + 1])) end++
	if (end + 1 < words.length && !endsSentence(words[end]) && isUnitWord(words[end + 1])) end++
	return end - start + 1
}
