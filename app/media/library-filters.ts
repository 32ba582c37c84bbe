import { z } from 'zod'
import { MEDIA_KINDS } from './file-kinds.ts'

// The library's filters live in the URL (?kind=video&product=…&q=…) so that
// a filtered view can be shared, bookmarked and restored by the back button.

export const MEDIA_STATUSES = ['processing', 'ready', 'failed'] as const

// Built when parsing, not at import: the page itself only needs hasFilters and
// MEDIA_STATUSES, and a schema made at module level would bring zod (53 kB)
// to every /library visit (docs/decisions/128-page-weight.md).
function libraryFiltersSchema() {
	const optionalText = z
		.string()
		.trim()
		.max(100)
		.transform((value) => value.normalize('NFC') || undefined)
		.optional()
	return z.object({
		kind: z.enum(MEDIA_KINDS as [string, ...string[]]).optional().catch(undefined),
		status: z.enum(MEDIA_STATUSES).optional().catch(undefined),
		product: z.string().max(64).optional().catch(undefined),
		place: optionalText.catch(undefined),
		season: optionalText.catch(undefined),
		q: optionalText.catch(undefined),
	})
}

export type LibraryFilters = z.infer<ReturnType<typeof libraryFiltersSchema>>

export function parseLibraryFilters(searchParams: URLSearchParams): LibraryFilters {
	const raw = Object.fromEntries([...searchParams].filter(([, value]) => value !== ''))
	return libraryFiltersSchema().parse(raw)
}

export function hasFilters(filters: LibraryFilters) {
	return Object.values(filters).some((value) => value !== undefined)
}
