// CSV that opens safely in Excel, LibreOffice and Google Sheets (issue 12):
// a text cell starting with = + - @, a tab or a carriage return would be run
// as a formula, so it gets a leading single quote (OWASP's advice); cells
// with a comma, a quote or a line break are quoted, quotes doubled. Numbers
// we computed ourselves are written as numbers. A byte-order mark first, so
// that Excel reads the Vietnamese letters as UTF-8.

export type CsvCell = string | number | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One cell as CSV text. */
export function escapeCsvCell(cell: CsvCell): string {
	if (cell === null || cell === undefined) return ''
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
	const text = FORMULA_START.test(cell) ? `'${cell}` : cell
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Rows as one CSV document: BOM, comma-separated, CRLF line ends (RFC 4180). */
export function toCsv(rows: CsvCell[][]): string {
	return `\uFEFF${rows.map((row) => row.map(escapeCsvCell).join(',')).join('\r\n')}\r\n`
}
