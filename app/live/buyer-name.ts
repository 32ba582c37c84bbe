// Buyers' names as the overlay shows them to everyone watching: the way they
// are addressed and one initial ("Chị H***"), never the whole name. The
// staff console shows the full name; only the public overlay masks it.

/** Words Vietnamese sellers address buyers with, kept whole because they say nothing about who it is. */
const HONORIFICS = new Set(['chị', 'anh', 'cô', 'chú', 'bác', 'em', 'bà', 'ông', 'dì', 'cậu', 'mợ', 'thím'])

const MASK = '***'

/**
 * "chị hoa nguyễn" → "Chị H***"; "Nguyễn Văn Minh" → "N***"; "" → "".
 * The honorific is capitalised; the initial is the first letter of the next word.
 */
export function maskBuyerName(name: string): string {
	const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean)
	if (words.length === 0) return ''
	const first = words[0]!.toLocaleLowerCase('vi')
	if (HONORIFICS.has(first)) {
		const title = capitalise(first)
		const next = words[1]
		return next ? `${title} ${initialOf(next)}${MASK}` : title
	}
	return `${initialOf(words[0]!)}${MASK}`
}

function capitalise(word: string): string {
	return word.charAt(0).toLocaleUpperCase('vi') + word.slice(1)
}

function initialOf(word: string): string {
	// The first letter or digit, so "@hoa.88" still gives "H".
	const letter = /[\p{L}\p{N}]/u.exec(word)?.[0] ?? '?'
	return letter.toLocaleUpperCase('vi')
}
