// Comments from a stream the app cannot read itself (TikTok, anything else):
// pasted text, one comment a line ("Name: text", or just the text, with an
// optional "[12:03]" clock in front), or the JSON a comment exporter writes
// (an array, {comments|data: [...]}, or JSON lines, of objects with the
// author in author/name/username/nickname/user.name/from.name, the text in
// text/comment/message/content, the time in time/created_at/timestamp…).
// Pure: the live session's domain stores what comes out
// (docs/decisions/174-live-comment-import.md).

export type ImportedComment = {
	author: string
	text: string
	/** When it was written, when the source says; otherwise null (the import time is used). */
	at: Date | null
	/** A clock time in front of a pasted line ("12:03" or "12:03:45"), kept to tell repeats apart. */
	clock: string | null
}

export type ImportResult = { comments: ImportedComment[]; skipped: number }

/** More lines than a live ever gets: anything past it is left out and counted as skipped. */
export const MAX_IMPORT_COMMENTS = 20_000

const CLOCK = /^\[?(\d{1,2}:\d{2}(?::\d{2})?)\]?\s+/
const CODE_LIKE = /^[\p{L}]{1,3}\s?\d{1,3}$/u
const ORDER_START = /^(chốt|chot|lấy|lay|mua|đặt|dat|huỷ|hủy|huy|sl|x)\b/iu

/** "Name: text" when the part before the colon reads like a name, not "A1: 2" or "chốt: A1". */
function splitAuthor(line: string): { author: string; text: string } {
	const colon = line.indexOf(':')
	if (colon > 0) {
		const name = line.slice(0, colon).trim()
		const text = line.slice(colon + 1).trim()
		const words = name.split(/\s+/).length
		if (text && name.length <= 40 && words <= 5 && /\p{L}/u.test(name) && !CODE_LIKE.test(name) && !ORDER_START.test(name)) return { author: name, text }
	}
	return { author: '', text: line.trim() }
}

/** One comment a line; blank lines are not comments. */
export function parsePastedComments(pasted: string): ImportResult {
	const lines = pasted.normalize('NFC').split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
	const comments: ImportedComment[] = []
	for (const line of lines.slice(0, MAX_IMPORT_COMMENTS)) {
		const clock = CLOCK.exec(line)
		const rest = clock ? line.slice(clock[0].length) : line
		const { author, text } = splitAuthor(rest)
		if (text) comments.push({ author, text, at: null, clock: clock?.[1] ?? null })
	}
	return { comments, skipped: Math.max(0, lines.length - MAX_IMPORT_COMMENTS) }
}

function pick(entry: Record<string, unknown>, paths: string[][]): unknown {
	for (const path of paths) {
		let value: unknown = entry
		for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
		if (value !== undefined && value !== null && value !== '') return value
	}
	return undefined
}

const AUTHOR_PATHS = [['author'], ['name'], ['username'], ['nickname'], ['user', 'nickname'], ['user', 'name'], ['user', 'uniqueId'], ['from', 'name'], ['authorName'], ['uniqueId']]
const TEXT_PATHS = [['text'], ['comment'], ['message'], ['content'], ['body']]
const TIME_PATHS = [['time'], ['created_at'], ['createdAt'], ['created_time'], ['createTime'], ['timestamp'], ['date']]

/** Seconds or milliseconds since 1970 (told apart by size), or a date string. */
export function readTime(value: unknown): Date | null {
	if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}$/.test(value.trim()))) {
		const number = Number(value)
		const ms = number < 1e11 ? number * 1000 : number
		return Number.isFinite(ms) && ms > 0 ? new Date(ms) : null
	}
	if (typeof value !== 'string') return null
	const time = Date.parse(value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
	return Number.isFinite(time) ? new Date(time) : null
}

function fromExporter(entry: unknown): ImportedComment | null {
	if (!entry || typeof entry !== 'object') return null
	const record = entry as Record<string, unknown>
	const text = pick(record, TEXT_PATHS)
	if (typeof text !== 'string' || !text.trim()) return null
	const author = pick(record, AUTHOR_PATHS)
	return { author: typeof author === 'string' ? author.normalize('NFC').trim() : '', text: text.normalize('NFC').trim(), at: readTime(pick(record, TIME_PATHS)), clock: null }
}

function exporterList(parsed: unknown): unknown[] | null {
	if (Array.isArray(parsed)) return parsed
	if (parsed && typeof parsed === 'object') {
		for (const key of ['comments', 'data', 'items', 'messages']) {
			const list = (parsed as Record<string, unknown>)[key]
			if (Array.isArray(list)) return list
		}
	}
	return null
}

export class CommentFileError extends Error {
	constructor(readonly reason: 'not_comments' | 'unreadable') {
		super(reason === 'unreadable' ? 'The file is not valid JSON' : 'The file holds no comments this app can read')
		this.name = 'CommentFileError'
	}
}

/**
 * A comment file by its content: a JSON array or object holding one, JSON lines, or else
 * plain text read like a paste. Throws CommentFileError when a .json file is not JSON or
 * holds nothing that looks like comments.
 */
export function parseCommentFile(content: string, fileName: string): ImportResult {
	const text = content.replace(/^\uFEFF/, '')
	const trimmed = text.trim()
	const lower = fileName.toLowerCase()
	const looksJson = trimmed.startsWith('[') || trimmed.startsWith('{')
	if (looksJson || lower.endsWith('.json') || lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
		let entries: unknown[] | null = null
		try {
			entries = exporterList(JSON.parse(trimmed))
		} catch {
			const lines = trimmed.split(/\r?\n/).filter((line) => line.trim())
			try {
				entries = lines.map((line) => JSON.parse(line))
			} catch {
				throw new CommentFileError('unreadable')
			}
		}
		if (!entries) throw new CommentFileError('not_comments')
		const comments = entries.slice(0, MAX_IMPORT_COMMENTS).map(fromExporter)
		const kept = comments.filter((comment): comment is ImportedComment => comment !== null)
		if (kept.length === 0 && entries.length > 0) throw new CommentFileError('not_comments')
		return { comments: kept, skipped: entries.length - kept.length }
	}
	return parsePastedComments(text)
}
