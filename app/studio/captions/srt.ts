import { captionLineSchema, type CaptionLine } from './schema.ts'
import { spreadLinesEvenly } from './line-timing.ts'
import { splitLongLine } from './text-lines.ts'

// SRT as people actually have it: from CapCut, YouTube, Subtitle Edit, hand
// edits in Notepad. Reading is tolerant of the usual variations (BOM, CRLF,
// "." or "," before milliseconds, missing cue numbers or final blank line,
// <i>/<font> tags, {\an8} tags); what cannot be read is reported with the
// cue's number so the person can find it in their file.

export type SrtProblem = 'timing' | 'endBeforeStart'

export class SrtParseError extends Error {
	constructor(
		/** The number written in the file, or the cue's position when it has none. */
		readonly cue: number,
		readonly problem: SrtProblem,
	) {
		super(`SRT cue ${cue}: ${problem}`)
		this.name = 'SrtParseError'
	}
}

const TIME = String.raw`(?:(\d{1,2}):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?`
const TIMING_LINE = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}`)

export function parseSrt(input: string): CaptionLine[] {
	const rows = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
	const isBlank = (i: number) => rows[i].trim() === ''
	const isTiming = (i: number) => i < rows.length && TIMING_LINE.test(rows[i])
	// A cue starts at its number followed by a timing line, or at a bare timing line.
	const isNumberedStart = (i: number) => /^\s*\d+\s*$/.test(rows[i]) && isTiming(i + 1)
	const lines: CaptionLine[] = []
	let position = 0
	let i = 0
	while (i < rows.length) {
		if (isBlank(i)) {
			i++
			continue
		}
		position++
		let cue = position
		if (isNumberedStart(i)) cue = Number(rows[i++].trim())
		else if (!isTiming(i)) throw new SrtParseError(/^\s*\d+\s*$/.test(rows[i]) ? Number(rows[i].trim()) : position, 'timing')
		const match = TIMING_LINE.exec(rows[i++]) as RegExpExecArray
		const textRows: string[] = []
		while (i < rows.length && !isBlank(i) && !isTiming(i) && !isNumberedStart(i)) textRows.push(rows[i++])
		const start = toSeconds(match.slice(1, 5))
		const end = toSeconds(match.slice(5, 9))
		if (end <= start) throw new SrtParseError(cue, 'endBeforeStart')
		// A cue without text (a common artefact of editors) carries nothing to show.
		const parts = splitLongLine(cleanCueText(textRows.join(' '))).filter((part) => part !== '')
		lines.push(...spreadLinesEvenly(parts, start, end).map((line) => captionLineSchema.parse(line)))
	}
	return lines.sort((a, b) => a.start - b.start)
}

function toSeconds([hours, minutes, seconds, millis]: (string | undefined)[]): number {
	// "5" after the separator is 500 ms, as players read it.
	const fraction = millis ? Number(millis.padEnd(3, '0')) / 1000 : 0
	return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds) + fraction
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function cleanCueText(raw: string): string {
	return raw
		.replace(/<[^>]*>/g, '')
		.replace(/\{\\[^}]*\}/g, '')
		.replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name])
		.normalize('NFC')
		.replace(/\s+/g, ' ')
		.trim()
}

/** Numbered cues with CRLF line ends, which every player and editor reads. */
export function formatSrt(lines: CaptionLine[]): string {
	return [...lines]
		.sort((a, b) => a.start - b.start)
		.map((line, i) => `${i + 1}\r\n${srtTime(line.start)} --> ${srtTime(line.end)}\r\n${line.text}\r\n`)
		.join('\r\n')
}

export function srtTime(seconds: number): string {
	const millis = Math.round(seconds * 1000)
	const h = Math.floor(millis / 3_600_000)
	const m = Math.floor((millis % 3_600_000) / 60_000)
	const s = Math.floor((millis % 60_000) / 1000)
	const ms = millis % 1000
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')},${String(ms).padStart(3, '0')}`
}
