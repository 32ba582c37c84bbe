// Opens a marketplace export file (.xlsx or .csv) and reads its orders
// (docs/decisions/180-marketplace-order-exports.md): the file's rows become
// text here, and marketplace-orders.ts does the rest.

import fs from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { readMarketplaceExport, type ExportReading, type ExportRow } from './marketplace-orders.ts'

export type ExportFileProblem = 'unopenable' | 'xls' | 'not-spreadsheet' | 'broken-xlsx' | 'broken-csv'

/** A file that cannot be read as an order export; the message says what to do, `problem` names it for a translated screen. */
export class ExportFileError extends Error {
	constructor(
		message: string,
		readonly problem: ExportFileProblem,
	) {
		super(message)
	}
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1')
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A cell as text. Excel stores a date as a wall-clock serial without a zone and
 * ExcelJS hands it over as that wall clock in UTC, so the UTC fields are the
 * marketplace's local time.
 */
function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return ''
	if (value instanceof Date) {
		return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`
	}
	if (typeof value !== 'object') return String(value)
	if ('richText' in value) return value.richText.map((run) => run.text).join('')
	if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue)
	if ('text' in value) return String(value.text)
	return ''
}

async function xlsxSheets(bytes: Buffer): Promise<ExportRow[][]> {
	const workbook = new ExcelJS.Workbook()
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
	} catch (error) {
		throw new ExportFileError(`it is not a readable .xlsx workbook (${(error as Error).message}); export it again from the marketplace`, 'broken-xlsx')
	}
	return workbook.worksheets.map((sheet) => {
		const rows: ExportRow[] = []
		sheet.eachRow({ includeEmpty: false }, (row) => {
			const values = row.values as ExcelJS.CellValue[]
			// row.values starts at index 1 (column A).
			rows.push({ line: row.number, cells: values.slice(1).map((v) => cellText(v)) })
		})
		return rows
	})
}

function csvRows(bytes: Buffer): ExportRow[] {
	const text = bytes.toString('utf8')
	const firstLine = text.split(/\r?\n/, 1)[0]
	const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
	let records: { record: string[]; info: { lines: number } }[]
	try {
		records = parse(text, { bom: true, info: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as unknown as typeof records
	} catch (error) {
		throw new ExportFileError(`it is not a readable CSV file (${(error as Error).message}); export it again from the marketplace`, 'broken-csv')
	}
	let previousEnd = 0
	return records.map(({ record, info }) => {
		const row = { line: previousEnd + 1, cells: record }
		previousEnd = info.lines
		return row
	})
}

/** Reads an export file; throws ExportFileError when the file itself cannot be read. */
export async function readExportFile(filePath: string): Promise<ExportReading> {
	const bytes = await fs.readFile(filePath).catch((error: NodeJS.ErrnoException) => {
		throw new ExportFileError(error.code === 'ENOENT' ? 'the file does not exist' : `the file cannot be opened (${error.code ?? error.message})`, 'unopenable')
	})
	return readExportBytes(bytes)
}

/** Reads an export's bytes (an upload kept in memory, never written to disk); throws ExportFileError as above. */
export async function readExportBytes(bytes: Buffer): Promise<ExportReading> {
	if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
		throw new ExportFileError('it is an old Excel 97–2003 (.xls) file; open it in Excel or LibreOffice, save it as .xlsx or .csv, and try again', 'xls')
	}
	if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
		if (bytes.subarray(0, 4096).includes(0)) throw new ExportFileError('it is neither an .xlsx nor a .csv file; export the orders from the marketplace as .xlsx or .csv', 'not-spreadsheet')
		return readMarketplaceExport(csvRows(bytes))
	}
	const sheets = await xlsxSheets(bytes)
	// Shopee names its sheet "orders", Lazada "sheet1": take the first sheet that is an order export.
	const readings = sheets.map((rows) => readMarketplaceExport(rows))
	return readings.find((reading) => reading.ok) ?? readings.find((reading) => !reading.ok && reading.reason === 'unknown-layout') ?? { ok: false, reason: 'empty' }
}
