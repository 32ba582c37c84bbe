// The console's paste box, behind one small adapter: comment capture
// (`importPastedComments` in app/live/comments.server.ts) is built on another
// branch. The integrator points `importPasted` at it; until then the paste box
// answers that capture is not installed, and nothing pretends to work.

export type PasteResult = { ok: true; added: number } | { ok: false; reason: 'capture_missing' }

type Importer = (sessionId: string, text: string) => Promise<{ added: number } | number>

let importer: Importer | null = null

/** Wires the real importer (the integrator calls this, or replaces the body of importPasted). */
export function setCommentImporter(next: Importer | null) {
	importer = next
}

export async function importPasted(sessionId: string, text: string): Promise<PasteResult> {
	if (!importer) return { ok: false, reason: 'capture_missing' }
	const result = await importer(sessionId, text.normalize('NFC'))
	return { ok: true, added: typeof result === 'number' ? result : result.added }
}
