// studio parse-comments: live comments in, order intents out, with the same
// parser as the livestream console (app/live/comment-parser.ts).
//
//   studio parse-comments --products <products.json> [--debug] < comments.jsonl
//
// Each input line is {"text", "author"?, "current"?} (current: the code of the
// product on screen); each output line is {"intent", "items": [{"code","qty"}],
// "phone"}. The products file is a JSON array of {"code", "name", "aliases"?}.
// A line that is not a comment answers with an "error" field (and exit code 1).

import fs from 'node:fs/promises'
import readline from 'node:readline'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { parseComment, prepareCatalogue } from '~/live/comment-parser.ts'

export const PARSE_COMMENTS_USAGE = 'Usage: studio parse-comments --products <products.json> [--debug] < comments.jsonl'

export class ParseCommentsUsageError extends Error {}

const productsSchema = z.array(z.object({ code: z.string().min(1), name: z.string(), aliases: z.array(z.string()).optional() }))
const commentSchema = z.object({ text: z.string(), author: z.string().optional(), current: z.string().nullish() })

export async function parseCommentsCommand(argv: string[]): Promise<number> {
	let values
	try {
		;({ values } = parseArgs({ args: argv, options: { products: { type: 'string' }, debug: { type: 'boolean', default: false } } }))
	} catch (error) {
		throw new ParseCommentsUsageError(`${(error as Error).message}\n${PARSE_COMMENTS_USAGE}`)
	}
	if (!values.products) throw new ParseCommentsUsageError(`--products is missing\n${PARSE_COMMENTS_USAGE}`)
	const raw = await fs.readFile(values.products, 'utf8').catch((error: Error) => {
		throw new ParseCommentsUsageError(`Cannot read ${values.products}: ${error.message}`)
	})
	let products
	try {
		products = productsSchema.parse(JSON.parse(raw))
	} catch {
		throw new ParseCommentsUsageError(`${values.products} must be a JSON array of {"code", "name", "aliases"?}`)
	}
	const catalogue = prepareCatalogue(products)
	let bad = 0
	let lineNumber = 0
	for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
		lineNumber++
		if (!line.trim()) continue
		let comment
		try {
			comment = commentSchema.parse(JSON.parse(line))
		} catch {
			bad++
			const error = `line ${lineNumber}: not a comment object {"text", "author"?, "current"?}`
			console.error(error)
			// One output line per input line, so that answers stay beside their comments.
			process.stdout.write(`${JSON.stringify({ intent: 'none', items: [], phone: null, error })}\n`)
			continue
		}
		const parsed = parseComment(comment.text, catalogue, comment.current)
		const out = { intent: parsed.intent, items: parsed.items, phone: parsed.phone, ...(values.debug ? { debug: parsed.debug } : {}) }
		process.stdout.write(`${JSON.stringify(out)}\n`)
	}
	return bad > 0 ? 1 : 0
}
