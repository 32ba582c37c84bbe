import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// What the browser downloads, checked on a real client build (its own folder,
// with source maps so that every chunk names its modules). The rules, and the
// numbers behind them, are in docs/decisions/128-page-weight.md:
//  1. One language per page: the chunks every page loads hold no interface
//     strings; each language's strings are in one chunk of their own, which
//     no page imports statically (entry.client.tsx loads the person's one).
//  2. The chunks every page loads hold only what every page needs: no route,
//     studio, media, product, live or publishing module, and none of the
//     libraries only some pages use (drag and drop, uploads, forms, zod).
//  3. Studio-only code (app/studio, @dnd-kit) is only in chunks that only
//     studio routes import.
//  4. The JavaScript every page loads stays within a budget (bytes are
//     deterministic for a given lockfile and source).
//  5. Libraries a page imports on demand stay out of every static import:
//     tus-js-client comes when a file is sent, not with /library; and /library
//     (the most visited page after home) loads no zod.

const buildDir = path.resolve(`tmp/page-weight-build-${process.pid}`)
const assets = path.join(buildDir, 'client/assets')

/** What every page downloads, in bytes: the measured 2026-12-07 value (322,115 with the source-map comments) plus room for about 10 KiB of app-shell growth. */
const EVERY_PAGE_BUDGET = 332_000

/** Modules that belong to some pages only, so never in a chunk every page loads. */
const PAGE_SPECIFIC = [/\/app\/routes\//, /\/app\/studio\//, /\/app\/media\//, /\/app\/products\//, /\/app\/live\//, /\/app\/publishing\//, /node_modules\/(@dnd-kit|tus-js-client|@conform-to|zod)\//]
/** Loaded only through import(): in no chunk that the entry or a route imports statically. */
const ON_DEMAND = [/node_modules\/tus-js-client\//]
const STUDIO_ONLY = [/\/app\/studio\//, /node_modules\/@dnd-kit\//]

type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, { module: string; imports?: string[] }> }
let manifest: Manifest
let chunks: Map<string, { code: string; sources: string[] }>

beforeAll(() => {
	fs.rmSync(buildDir, { recursive: true, force: true })
	// NODE_ENV as `npm run build` has it: the test runner's `test` would ship React's development build.
	execFileSync('npx', ['remix', 'vite:build', '--sourcemapClient'], { env: { ...process.env, NODE_ENV: 'production', REMIX_BUILD_DIR: buildDir }, stdio: 'pipe' })
	const manifestFile = fs.readdirSync(assets).find((f) => /^manifest-\w+\.js$/.test(f))
	if (!manifestFile) throw new Error('No Remix manifest in the client build')
	manifest = JSON.parse(
		fs
			.readFileSync(path.join(assets, manifestFile), 'utf8')
			.replace(/^window\.__remixManifest=/, '')
			.replace(/;\s*$/, ''),
	)
	chunks = new Map()
	for (const file of fs.readdirSync(assets).filter((f) => f.endsWith('.js') && !f.startsWith('manifest-'))) {
		const map = JSON.parse(fs.readFileSync(path.join(assets, `${file}.map`), 'utf8')) as { sources: string[] }
		chunks.set(`/assets/${file}`, { code: fs.readFileSync(path.join(assets, file), 'utf8'), sources: map.sources.map((s) => path.resolve(assets, s)) })
	}
}, 300_000)

afterAll(() => {
	fs.rmSync(buildDir, { recursive: true, force: true })
})

/** The chunks every page loads: the client entry, the root route and what they import. */
function everyPage(): string[] {
	const root = manifest.routes.root
	return [...new Set([manifest.entry.module, ...manifest.entry.imports, root.module, ...(root.imports ?? [])])]
}

/** Route ids that load `chunk` as their module or one of its static imports. */
function importers(chunk: string): string[] {
	const ids = Object.entries(manifest.routes)
		.filter(([, r]) => r.module === chunk || r.imports?.includes(chunk))
		.map(([id]) => id)
	if (manifest.entry.module === chunk || manifest.entry.imports.includes(chunk)) ids.push('entry')
	return ids
}

function leaves(value: unknown): string[] {
	if (typeof value === 'string') return [value]
	if (value && typeof value === 'object') return Object.values(value).flatMap(leaves)
	return []
}

/** Strings of one language that the other does not have, long enough to be unmistakable, and written as-is in a JS chunk. */
function distinctiveStrings(lng: 'vi' | 'en', other: 'vi' | 'en') {
	const read = (l: string) => fs.readdirSync(`app/locales/${l}`).flatMap((f) => leaves(JSON.parse(fs.readFileSync(`app/locales/${l}/${f}`, 'utf8'))))
	const theirs = new Set(read(other))
	return [...new Set(read(lng))].filter((s) => s.length >= 16 && !/["'\\\n]/.test(s) && !theirs.has(s))
}

function chunkName(chunk: string) {
	return /\/assets\/(.+)-[\w-]{8}\.js$/.exec(chunk)?.[1] ?? chunk
}

describe('rule 1: one language per page', () => {
	for (const [lng, other] of [
		['vi', 'en'],
		['en', 'vi'],
	] as const) {
		test(`the ${lng} strings are in the locale-${lng} chunk only, which no page imports statically`, () => {
			const strings = distinctiveStrings(lng, other)
			expect(strings.length).toBeGreaterThan(100)
			const holders = [...chunks].filter(([, c]) => strings.some((s) => c.code.includes(s))).map(([chunk]) => chunk)
			expect(holders.map(chunkName)).toEqual([`locale-${lng}`])
			const [own] = holders
			expect(strings.filter((s) => !chunks.get(own)!.code.includes(s))).toEqual([])
			expect(importers(own)).toEqual([])
		})
	}

	test('the chunks every page loads hold no interface strings of either language', () => {
		const strings = [...distinctiveStrings('vi', 'en'), ...distinctiveStrings('en', 'vi')]
		const found = everyPage().flatMap((chunk) => strings.filter((s) => chunks.get(chunk)!.code.includes(s)).map((s) => `${chunkName(chunk)}: ${s}`))
		expect(found).toEqual([])
	})
})

test('rule 2: the chunks every page loads hold no module that only some pages use', () => {
	const found = everyPage().flatMap((chunk) =>
		chunks
			.get(chunk)!
			.sources.filter((s) => PAGE_SPECIFIC.some((p) => p.test(s)))
			.map((s) => `${chunkName(chunk)}: ${path.relative(process.cwd(), s)}`),
	)
	expect(everyPage().length).toBeGreaterThan(2)
	expect(found).toEqual([])
})

test('rule 3: studio-only code is only in chunks that only studio routes import', () => {
	const studioChunks = [...chunks].filter(([, c]) => c.sources.some((s) => STUDIO_ONLY.some((p) => p.test(s))))
	expect(studioChunks.length).toBeGreaterThan(0)
	const strays = studioChunks.flatMap(([chunk]) => importers(chunk).filter((id) => !id.startsWith('routes/studio')).map((id) => `${chunkName(chunk)} ← ${id}`))
	expect(strays).toEqual([])
})

test('rule 4: the JavaScript every page loads stays within its budget', () => {
	const bytes = everyPage().reduce((sum, chunk) => sum + Buffer.byteLength(chunks.get(chunk)!.code), 0)
	expect(bytes).toBeLessThanOrEqual(EVERY_PAGE_BUDGET)
})

describe('rule 5: libraries some pages load on demand or not at all', () => {
	test('tus-js-client is in no chunk a page imports statically', () => {
		const holders = [...chunks].filter(([, c]) => c.sources.some((s) => ON_DEMAND.some((p) => p.test(s))))
		expect(holders.length).toBeGreaterThan(0)
		expect(holders.flatMap(([chunk]) => importers(chunk).map((id) => `${chunkName(chunk)} ← ${id}`))).toEqual([])
	})

	test('/library loads no zod', () => {
		const library = manifest.routes['routes/library._index']
		const loaded = [...everyPage(), library.module, ...(library.imports ?? [])]
		expect(loaded.flatMap((chunk) => chunks.get(chunk)!.sources.filter((s) => /node_modules\/zod\//.test(s)))).toEqual([])
		// The same rule finds zod where a page does use it.
		const coop = manifest.routes['routes/coop._index']
		expect((coop.imports ?? []).some((chunk) => chunks.get(chunk)!.sources.some((s) => /node_modules\/zod\//.test(s)))).toBe(true)
	})
})
