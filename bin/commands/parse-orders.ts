// studio parse-orders: the orders in a marketplace export file (Shopee, Lazada,
// TikTok Shop; .xlsx or .csv), read as the order import reads them
// (app/orders/marketplace-orders.ts, docs/decisions/180-marketplace-order-exports.md).
//
//   studio parse-orders <file>
//
// Prints one JSON object a line: {"source", "orderId", "createdAt", "status",
// "cancelled", "items": [{"sku", "name", "qty", "amount"}], "total", "voucher",
// "phone"}. Rows that cannot be read are named on stderr with their line
// number and their order is left out; the file was read, so the exit code is
// 0 (the orders printed are the ones an import would take). A file that
// cannot be read at all (missing, not a spreadsheet, a layout no marketplace
// uses) prints what is wrong on stderr and exits with 1; bad usage exits 2.

import { parseArgs } from 'node:util'
import { describeRowProblem, HEADER_SEARCH_ROWS, type MarketplaceOrder } from '~/orders/marketplace-orders.ts'
import { ExportFileError, readExportFile } from '~/orders/read-export.server.ts'

export const PARSE_ORDERS_USAGE = 'Usage: studio parse-orders <export.xlsx|export.csv>'

export class ParseOrdersUsageError extends Error {}

const EXIT = { unreadable: 1 } as const

function contractLine(order: MarketplaceOrder): string {
	const { source, orderId, createdAt, status, cancelled, items, total, voucher, phone } = order
	return JSON.stringify({ source, orderId, createdAt, status, cancelled, items, total, voucher, phone })
}

export async function parseOrdersCommand(argv: string[]): Promise<number> {
	let positionals
	try {
		;({ positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} }))
	} catch (error) {
		throw new ParseOrdersUsageError(`${(error as Error).message}\n${PARSE_ORDERS_USAGE}`)
	}
	if (positionals.length !== 1) throw new ParseOrdersUsageError(PARSE_ORDERS_USAGE)
	const [file] = positionals
	let reading
	try {
		reading = await readExportFile(file)
	} catch (error) {
		if (!(error instanceof ExportFileError)) throw error
		console.error(`${file}: cannot read the orders: ${error.message}`)
		return EXIT.unreadable
	}
	if (!reading.ok) {
		if (reading.reason === 'empty') console.error(`${file}: cannot read the orders: the file has no rows; export the orders again`)
		else {
			const closest = reading.closest
			console.error(
				`${file}: cannot read the orders: unknown layout: ` +
					(closest
						? `the columns look like ${closest.label} but ${closest.missing.map((h) => `"${h}"`).join(', ')} ${closest.missing.length === 1 ? 'is' : 'are'} missing. `
						: `no row among the first ${HEADER_SEARCH_ROWS} has the column names of a Shopee, Lazada or TikTok Shop order export. `) +
					'Export the orders again from the marketplace without changing the columns.',
			)
		}
		return EXIT.unreadable
	}
	for (const order of reading.orders) process.stdout.write(`${contractLine(order)}\n`)
	for (const problem of reading.problems) console.error(`${file}: ${describeRowProblem(problem)}`)
	return 0
}
