// The console's paste box and comment file: comments typed, copied or exported
// from another stream (TikTok or anything else) go through comment capture's
// importers (app/live/comments.server.ts, decision 174), which keep each
// comment once and turn orders into the viewer's pending order.

import { CommentFileError, importCommentFile, importPastedComments } from './comments.server.ts'

export type PasteResult = { ok: true; added: number; skipped: number } | { ok: false; reason: 'unreadable' | 'not_comments' }

export async function importPasted(sessionId: string, text: string): Promise<PasteResult> {
	const result = await importPastedComments(sessionId, text.normalize('NFC'))
	return { ok: true, added: result.added, skipped: result.skipped }
}

export async function importFile(sessionId: string, content: Buffer, fileName: string): Promise<PasteResult> {
	try {
		const result = await importCommentFile(sessionId, content, fileName)
		return { ok: true, added: result.added, skipped: result.skipped }
	} catch (error) {
		if (error instanceof CommentFileError) return { ok: false, reason: error.reason }
		throw error
	}
}
