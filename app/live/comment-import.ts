// Comments from a stream the app cannot read itself (TikTok, anything else):
// pasted text, one comment a line ("Name: text", or just the text, with an
// optional "[12:03]" clock in front), or the JSON a comment exporter writes
// (an array, {comments|data|items|messages: [...]}, or JSON lines, of objects
// with the author in author/name/username/nickname/user.name/from.name…, the
// text in text/comment/message/content/body, the time in time/created_at/
// timestamp…). Pure: the live session's domain stores what comes out
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

const CLOCK = /^\[?(\d{1,2}:\d{2}(?::\d{2})?)\]? /
// "Name: text": a name of at most 40 characters before the first colon.
const NAMED = /^([^:]{1,40}?) ?: ?(.+)$/
const CODE_LIKE = /^\p{L}{1,3} ?\d{1,3}$/u
const ORDER_START = /^(chốt|chot|lấy|lay|mua|đặt|dat|huỷ|hủy|huy|sl|x)\b/iu

/** One line as people paste it: NFC, runs of white space as one space. */
const tidy = (line: string) => line.normalize('NFC').replace(/\s+/g, ' ').trim()

/** "Name: text" when the part before the colon reads like a name (letters, up to 5 words), not "A1: 2" or "chốt: A1". */
function splitAuthor(line: string): { author: string; text: string } {
	const named = NAMED.exec(line)
	const name = named?.[1]!
	if (named && name.split(' ').length <= 5 && /\p{L}/u.test(name) && !CODE_LIKE.test(name) && !ORDER_START.test(name)) return { author: name, text: named[2]! }
	return { author: '', text: line }
}

/** One comment a line; blank lines are not comments. */
export function parsePastedComments(pasted: string): ImportResult {
	const lines = pasted.split('\n').map(tidy).filter(Boolean)
	const comments = lines.slice(0, MAX_IMPORT_COMMENTS).map((line) => {
		const clock = CLOCK.exec(line)
		return { ...splitAuthor(line.slice(clock?.[0].length ?? 0)), at: null, clock: clock?.[1] ?? null }
	})
	return { comments, skipped: lines.length - comments.length }
}

function pick(entry: unknown, paths: string[][]): unknown {
	for (const path of paths) {
		let value = entry
		for (const key of path) value = (value as Record<string, unknown> | null | undefined)?.[key]
		if (value != null && value !== '') return value
	}
	return undefined
}

const AUTHOR_PATHS = [['author'], ['name'], ['username'], ['nickname'], ['user', 'nickname'], ['user', 'name'], ['user', 'uniqueId'], ['from', 'name'], ['authorName'], ['uniqueId']]
const TEXT_PATHS = [['text'], ['comment'], ['message'], ['content'], ['body']]
const TIME_PATHS = [['time'], ['created_at'], ['createdAt'], ['created_time'], ['createTime'], ['timestamp'], ['date']]

/** Seconds or milliseconds since 1970 (told apart by size: below 10¹¹ is seconds), or a date text. */
export function readTime(value: unknown): Date | null {
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^ *\d+ *$/.test(value) ? Number(value) : null
	const ms = number === null ? (typeof value === 'string' ? Date.parse(value) : Number.NaN) : number < 1e11 ? number * 1000 : number
	return ms > 0 ? new Date(ms) : null
}

function fromExporter(entry: unknown): ImportedComment | null {
	const text = pick(entry, TEXT_PATHS)
	if (typeof text !== 'string' || !tidy(text)) return null
	const author = pick(entry, AUTHOR_PATHS)
	return { author: typeof author === 'string' ? tidy(author) : '', text: tidy(text), at: readTime(pick(entry, TIME_PATHS)), clock: null }
}

const LIST_KEYS = ['comments', 'data', 'items', 'messages']

function exporterList(parsed: unknown): unknown[] | null {
	if (Array.isArray(parsed)) return parsed
	const key = LIST_KEYS.find((name) => Array.isArray((parsed as Record<string, unknown> | null)?.[name]))
	return key ? ((parsed as Record<string, unknown[]>)[key] ?? null) : null
}

export class CommentFileError extends Error {
	constructor(readonly reason: 'not_comments' | 'unreadable') {
		super(`comment file: ${reason}`)
		this.name = 'CommentFileError'
	}
}

function jsonEntries(text: string): unknown[] {
	try {
		const parsed: unknown = JSON.parse(text)
		// One object alone is one comment (a JSON-lines file of one line).
		return exporterList(parsed) ?? [parsed]
	} catch {
		// Not one JSON value: JSON lines, or nothing readable.
	}
	try {
		return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line))
	} catch {
		throw new CommentFileError('unreadable')
	}
}

/**
 * A comment file by its content: a JSON array or an object holding one, JSON lines, or else
 * plain text read like a paste. Throws CommentFileError when a JSON file is not JSON or
 * holds nothing that looks like comments.
 */
export function parseCommentFile(content: string, fileName: string): ImportResult {
	const text = content.replace(/^\uFEFF/, '').trim()
	if (!/^[[{]/.test(text) && !/\.(json|jsonl|ndjson)$/i.test(fileName)) return parsePastedComments(text)
	const entries = jsonEntries(text)
	const kept = entries.slice(0, MAX_IMPORT_COMMENTS).flatMap((entry) => fromExporter(entry) ?? [])
	if (kept.length === 0 && entries.length > 0) throw new CommentFileError('not_comments')
	return { comments: kept, skipped: entries.length - kept.length }
}
