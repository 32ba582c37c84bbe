// Co-op Studio on the command line: renders an edit spec with the same
// engine as the render worker (docs/edit-spec.md, "Command line"), and
// publishes to a platform like the publishing worker (bin/commands/publish.ts),
// reads live comments like the livestream console (bin/commands/parse-comments.ts),
// and reads marketplace order exports like the order import (bin/commands/parse-orders.ts).
//
//   npm run -s studio -- render <spec.json> --out <file.mp4>
//        [--format tiktok-reels] [--preview] [--input <mediaId>=<path>]... [--lang vi|en]
//   npm run -s studio -- reencrypt
//        rewrites every encrypted column under ENCRYPTION_KEY (docs/decisions/115).
//   npm run -s studio -- rebuild-results [--coop <id>]
//        recomputes the results tables from clicks and orders (docs/decisions/190).
//
// Media ids are resolved, in order: --input flags, then an "inputs" object
// in the spec file ({ "clip-1": "clips/doi-che.mp4" }), then the id itself
// taken as a path. Relative paths are relative to the spec file's folder.

import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parseEditSpec } from '~/studio/spec/edit-spec.ts'
import { OUTPUT_FORMAT_IDS, type OutputFormatId } from '~/studio/spec/formats.ts'
import { describeSpecIssue, studioTranslator } from '~/studio/spec/messages.ts'
import { describeRenderFailure } from '~/studio/spec/render-failure.ts'
import { usedMediaIds } from '~/studio/render/cache-key.ts'
import { RenderFailedError, RenderRejectedError, renderEdit } from '#workers/render/engine.ts'
import { ParseCommentsUsageError, parseCommentsCommand } from './commands/parse-comments.ts'
import { ParseOrdersUsageError, parseOrdersCommand } from './commands/parse-orders.ts'
import { PublishUsageError, publishCommand } from './commands/publish.ts'
import { rebuildResultsCommand } from './commands/rebuild-results.ts'
import { reencryptCommand } from './commands/reencrypt.ts'

const EXIT = { usage: 2, invalidSpec: 3, renderFailed: 4, interrupted: 130 } as const

const USAGE = `Usage: studio render <spec.json> --out <file.mp4> [--format <${OUTPUT_FORMAT_IDS.join('|')}>] [--preview] [--input <mediaId>=<path>]... [--lang vi|en]`

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
	if (argv[0] === 'publish') return publishCommand(argv.slice(1))
	if (argv[0] === 'parse-comments') return parseCommentsCommand(argv.slice(1))
	if (argv[0] === 'parse-orders') return parseOrdersCommand(argv.slice(1))
	if (argv[0] === 'reencrypt') return reencryptCommand(argv.slice(1))
	if (argv[0] === 'rebuild-results') return rebuildResultsCommand(argv.slice(1))
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			out: { type: 'string', short: 'o' },
			format: { type: 'string', short: 'f' },
			preview: { type: 'boolean', default: false },
			input: { type: 'string', short: 'i', multiple: true, default: [] },
			lang: { type: 'string', default: 'vi' },
			help: { type: 'boolean', short: 'h', default: false },
		},
	})
	if (values.help) {
		console.log(USAGE)
		return 0
	}
	const [command, specFile] = positionals
	if (command !== 'render' || !specFile || !values.out) throw new UsageError(USAGE)
	const lang = values.lang === 'en' ? 'en' : 'vi'
	const t = studioTranslator(lang)

	const specText = await fs.readFile(specFile, 'utf8').catch((error: Error) => {
		throw new UsageError(`Cannot read ${specFile}: ${error.message}`)
	})
	const parsed = parseEditSpec(specText)
	if (!parsed.success) {
		console.error(`${specFile}:`)
		for (const issue of parsed.issues) console.error(`  ${describeSpecIssue(issue, t)}`)
		return EXIT.invalidSpec
	}
	const spec = parsed.spec
	const format = (values.format ?? spec.output.formats[0]) as OutputFormatId
	if (!OUTPUT_FORMAT_IDS.includes(format)) throw new UsageError(`Unknown format "${values.format}". ${USAGE}`)

	const mediaPaths = resolveMedia(specText, specFile, values.input, usedMediaIds(spec))
	const outputPath = path.resolve(values.out)
	// Ctrl-C stops ffmpeg and removes the half-written file.
	const cancel = new AbortController()
	process.once('SIGINT', () => cancel.abort())
	let shown = -1
	try {
		const result = await renderEdit({
			spec,
			mediaPaths,
			format,
			quality: values.preview ? 'preview' : 'final',
			outputPath,
			signal: cancel.signal,
			onProgress: (percent) => {
				const step = Math.floor(percent / 10) * 10
				if (step === shown) return
				shown = step
				process.stderr.write(`${step}% `)
			},
		})
		process.stderr.write('\n')
		console.log(
			`${outputPath}: ${result.width}×${result.height}, ${result.durationSeconds.toFixed(2)} s, ${(result.sizeBytes / 1024 / 1024).toFixed(1)} MB` +
				(result.loudness ? `, ${result.loudness.integratedLufs.toFixed(1)} LUFS` : ''),
		)
		return 0
	} catch (error) {
		process.stderr.write('\n')
		if (error instanceof RenderRejectedError) {
			console.error(`${specFile}:`)
			for (const line of describeRenderFailure({ code: 'rejected', issues: error.issues }, t)) console.error(`  ${line}`)
			return EXIT.invalidSpec
		}
		if (error instanceof RenderFailedError) {
			for (const line of describeRenderFailure({ code: error.code, params: error.params }, t)) console.error(line)
			if (error.code === 'cancelled') return EXIT.interrupted
			console.error(`${error.message}\n${error.stderrTail}`)
			return EXIT.renderFailed
		}
		throw error
	}
}

function resolveMedia(specText: string, specFile: string, flags: string[], ids: string[]): Record<string, string> {
	const base = path.dirname(path.resolve(specFile))
	const fromSpec = (JSON.parse(specText) as { inputs?: Record<string, unknown> }).inputs ?? {}
	const fromFlags: Record<string, string> = {}
	for (const flag of flags) {
		const separator = flag.indexOf('=')
		if (separator < 1) throw new UsageError(`--input takes <mediaId>=<path>, not "${flag}"`)
		fromFlags[flag.slice(0, separator)] = flag.slice(separator + 1)
	}
	return Object.fromEntries(
		ids.map((id) => {
			const given = fromFlags[id] ?? (typeof fromSpec[id] === 'string' ? (fromSpec[id] as string) : id)
			return [id, path.resolve(base, given)]
		}),
	)
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		const usage = error instanceof UsageError || error instanceof PublishUsageError || error instanceof ParseCommentsUsageError ||
			error instanceof ParseOrdersUsageError
		console.error(usage ? error.message : error)
		process.exit(usage ? EXIT.usage : 1)
	},
)
