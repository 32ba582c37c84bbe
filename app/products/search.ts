import { foldForMatching } from '~/utils/vietnamese.ts'

// Accent-insensitive search without help from SQLite: each product keeps a
// folded copy of the fields people search by, and the query is folded the
// same way, so "che shan tuyet" finds "Chè Shan tuyết" and "a1" finds A1.

export function productSearchText(product: {
	name: string
	code: string
	growingArea?: string | null
	batch?: string | null
}): string {
	return foldForMatching([product.name, product.code, product.growingArea ?? '', product.batch ?? ''].join(' '))
}

/**
 * The words of a query, folded; every one must appear for a product to match.
 * Only letters and digits are kept: the words become SQL LIKE patterns, where
 * "%" and "_" would match anything.
 */
export function searchWords(query: string): string[] {
	return foldForMatching(query)
		.replace(/[^a-z0-9]+/g, ' ')
		.split(' ')
		.filter(Boolean)
		.slice(0, 8)
}
