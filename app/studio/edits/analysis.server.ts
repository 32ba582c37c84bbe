import type { ClipHighlight } from '~/studio/templates/types.ts'
import { getDb } from '~/utils/db.server.ts'
import type { ClipFlag, ClipHints } from './clip-hints.ts'

// Reading what clip analysis stored (MediaAnalysis, written by
// workers/studio/analysis-processor.ts): highlights best first, flags in
// time order, both in seconds of the source clip.

type AnalysisRow = { status: string; suggestions: string; flags: string }

export function storedHighlights(row: AnalysisRow): ClipHighlight[] {
	return row.status === 'ready' ? (JSON.parse(row.suggestions) as ClipHighlight[]) : []
}

export function storedFlags(row: AnalysisRow): ClipFlag[] {
	return row.status === 'ready' ? (JSON.parse(row.flags) as ClipFlag[]) : []
}

export function clipHintsFromAnalysis(row: AnalysisRow): ClipHints | null {
	if (row.status !== 'ready') return null
	return {
		highlights: storedHighlights(row).map(({ start, end }) => ({ start, end })),
		flags: storedFlags(row),
	}
}

/** Highlights of several clips at once, for the templates. */
export async function highlightsByMedia(coopId: string, mediaIds: string[]): Promise<Map<string, ClipHighlight[]>> {
	const rows = await getDb().mediaAnalysis.findMany({ where: { coopId, mediaId: { in: mediaIds } } })
	return new Map(rows.map((row) => [row.mediaId, storedHighlights(row)]))
}
