// Page weight of the built app's JavaScript (npm run bench:page-weight [-- --baseline <build dir>]):
// signs a fresh person up on the built server, gives them a product, three
// photos and a studio edit, then opens each main page at 360×640 in Chromium
// with an empty cache and JS coverage on (V8 block coverage through
// Playwright), and counts, per page and per chunk, the bytes of JavaScript
// shipped and the bytes never run during load.
//
// With --baseline, a second server serves another build (e.g. one made from
// main: `git worktree add /tmp/main-build main && cd /tmp/main-build && REMIX_BUILD_DIR=/tmp/base npm run build`;
// the server code here serves it) against the same database, and the same
// pages are measured there in the same run, so the ratio compares layouts and
// nothing else. Without it, the baseline is the run's own shipped bytes.
//
// Bytes are UTF-8 bytes of the file as served (uncompressed) and its gzip size
// (the server compresses with the zlib default). "unused" is what never ran
// while the page loaded; code for clicks that did not happen counts as unused,
// so unused is not all waste, but it moves only when the layout moves.
// The last line is one JSON object:
//   pages.<path>        { js_bytes, js_gzip_bytes, used_bytes, unused_bytes, chunks: { <name>: [bytes, unused] } }
//   baseline.<path>     the same for the baseline build (with --baseline)
//   ratio.<path>        js_bytes / baseline js_bytes (with --baseline)
//   totals              sums over the pages, and for the baseline
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { nanoid } from 'nanoid'
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core'
import { freePort, startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { deleteRedisKeys } from '#tests/support/redis.ts'
import { makePhoto } from '#tests/support/media-fixtures.ts'
import { languageCookie } from '~/utils/language-cookie.server.ts'

type ChunkWeight = [bytes: number, unused: number]
type PageWeight = { js_bytes: number; js_gzip_bytes: number; used_bytes: number; unused_bytes: number; chunks: Record<string, ChunkWeight> }
type CoverageEntry = { url: string; source?: string; functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[] }

const args = process.argv.slice(2)
const baselineArg = args.indexOf('--baseline')
const baselineDir = baselineArg >= 0 ? path.resolve(args[baselineArg + 1] ?? '') : undefined
const buildDir = path.resolve(process.env.REMIX_BUILD_DIR ?? 'build')
if (!fs.existsSync(path.join(buildDir, 'server/index.js'))) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' })
if (baselineDir && !fs.existsSync(path.join(baselineDir, 'server/index.js'))) throw new Error(`No build in ${baselineDir} (server/index.js missing).`)

/** Chunk name without its content hash: components-DrUb_m18.js → components. */
function chunkName(url: string) {
	const file = new URL(url).pathname.split('/').pop() ?? url
	return /^(.+)-[\w-]{8}\.js$/.exec(file)?.[1] ?? file
}

/** Bytes of `source` V8 ran at least once, from its (properly nested) block coverage ranges. */
function usedBytes(entry: CoverageEntry): number {
	const source = entry.source ?? ''
	const counts = new Int32Array(source.length)
	const ranges = entry.functions.flatMap((f) => f.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset)
	for (const r of ranges) counts.fill(r.count, r.startOffset, Math.min(r.endOffset, source.length))
	let used = 0
	let start = -1
	for (let i = 0; i <= source.length; i++) {
		const on = i < source.length && counts[i] > 0
		if (on && start < 0) start = i
		if (!on && start >= 0) {
			used += Buffer.byteLength(source.slice(start, i))
			start = -1
		}
	}
	return used
}

const id = `bench-pw${process.pid}`
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'page-weight-'))
const dbPath = path.join(tmp, 'bench.db')
const mediaRoot = path.join(tmp, 'media')
const processes: RunningProcess[] = []
let browser: Browser | undefined

async function startServer(dir: string) {
	const port = await freePort()
	const web = startTsxProcess('server/index.ts', {
		NODE_ENV: 'test',
		DATABASE_URL: `file:${dbPath}`,
		MEDIA_ROOT: mediaRoot,
		QUEUE_PREFIX: id,
		PORT: String(port),
		LOGIN_RATE_LIMIT: '1000',
		REMIX_BUILD_DIR: dir,
	})
	processes.push(web)
	await waitForHealthy(`http://127.0.0.1:${port}/healthz`, web)
	return `http://127.0.0.1:${port}`
}

/** A person, a co-op, a product, three ready photos and an edit made from them; returns the signed-in state and the edit's path. */
async function seed(origin: string) {
	const context = await browser!.newContext({ viewport: { width: 360, height: 640 } })
	const page = await context.newPage()
	const unique = nanoid(6).replace(/[^a-zA-Z0-9]/g, 'x')
	const coopName = `HTX Chè Shan Tuyết ${unique}`
	await page.goto(`${origin}/signup`)
	await page.getByLabel(/Họ và tên/).fill('Lò Thị Mai')
	await page.getByLabel(/Email/).fill(`mai.${unique}@example.vn`)
	await page.getByLabel(/Mật khẩu/).fill('mat-khau-du-dai')
	await page.getByLabel(/Tên hợp tác xã/).fill(coopName)
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
	await page.waitForURL(`${origin}/`)

	await page.goto(`${origin}/products/new`)
	await page.getByLabel('Tên sản phẩm').fill('Chè Shan tuyết Suối Giàng')
	await page.getByLabel('Giá (đồng)').fill('120k')
	await page.getByRole('button', { name: 'hộp', exact: true }).click()
	await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
	await page.waitForURL(/\/products\/(?!new)\w+$/)

	const db = new Database(dbPath)
	try {
		const coop = db.prepare('SELECT id FROM Coop WHERE name = ?').get(coopName) as { id: string }
		for (const [i, name] of ['a.jpg', 'b.jpg', 'c.jpg'].entries()) {
			const mediaId = `bench${nanoid(10).replace(/[^a-zA-Z0-9]/g, 'x')}`
			const storageKey = `coops/${coop.id}/media/${mediaId}/original.jpg`
			const file = path.join(mediaRoot, storageKey)
			fs.mkdirSync(path.dirname(file), { recursive: true })
			await makePhoto(file, { width: 800, height: 800 })
			const at = Date.now() + i
			db.prepare(
				`INSERT INTO Media (id, coopId, kind, status, displayName, mimeType, sizeBytes, sha256, storageKey, width, height, createdAt, updatedAt)
				 VALUES (?, ?, 'photo', 'ready', ?, 'image/jpeg', ?, ?, ?, 800, 800, ?, ?)`,
			).run(mediaId, coop.id, name, fs.statSync(file).size, crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'), storageKey, at, at)
		}
	} finally {
		db.close()
	}
	await page.goto(`${origin}/studio/new`)
	await page.getByLabel(/Một ngày trên nương chè/).check()
	for (const name of ['a.jpg', 'b.jpg', 'c.jpg']) await page.getByTestId('template-media').filter({ hasText: name }).click()
	await page.getByTestId('create-from-template').click()
	await page.waitForURL(/\/studio\/(?!new)\w+/)
	const editPath = new URL(page.url()).pathname
	const state = await context.storageState()
	await context.close()
	return { state, editPath }
}

/** One page load with an empty cache: the JavaScript it shipped and what of it ran. */
async function measure(origin: string, pathname: string, state: BrowserContextOptions['storageState'], extraCookie?: string): Promise<PageWeight> {
	const context = await browser!.newContext({ viewport: { width: 360, height: 640 }, storageState: state })
	if (extraCookie) {
		const [name, value] = extraCookie.split(';')[0].split('=')
		await context.addCookies([{ name, value, url: origin }])
	}
	const page = await context.newPage()
	await page.coverage.startJSCoverage({ resetOnNavigation: false })
	const response = await page.goto(`${origin}${pathname}`)
	if (!response?.ok()) throw new Error(`${pathname} answered ${response?.status()}`)
	await page.waitForLoadState('networkidle')
	const entries = (await page.coverage.stopJSCoverage()) as CoverageEntry[]
	await context.close()
	const weight: PageWeight = { js_bytes: 0, js_gzip_bytes: 0, used_bytes: 0, unused_bytes: 0, chunks: {} }
	for (const entry of entries) {
		if (!new URL(entry.url).pathname.startsWith('/assets/') || !entry.source) continue
		const bytes = Buffer.byteLength(entry.source)
		const used = usedBytes(entry)
		weight.js_bytes += bytes
		weight.js_gzip_bytes += zlib.gzipSync(entry.source).length
		weight.used_bytes += used
		weight.unused_bytes += bytes - used
		weight.chunks[chunkName(entry.url)] = [bytes, bytes - used]
	}
	return weight
}

async function measureAll(origin: string, pages: { label: string; path: string; cookie?: string }[], state: BrowserContextOptions['storageState']) {
	const result: Record<string, PageWeight> = {}
	for (const p of pages) result[p.label] = await measure(origin, p.path, state, p.cookie)
	return result
}

function totals(pages: Record<string, PageWeight>) {
	const sum = { js_bytes: 0, js_gzip_bytes: 0, used_bytes: 0, unused_bytes: 0 }
	for (const w of Object.values(pages)) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += w[k]
	return sum
}

function print(title: string, pages: Record<string, PageWeight>) {
	console.log(`\n${title}`)
	for (const [label, w] of Object.entries(pages)) {
		console.log(`  ${label.padEnd(28)} ${(w.js_bytes / 1024).toFixed(1).padStart(7)} KiB shipped (${(w.js_gzip_bytes / 1024).toFixed(1)} gzip), ${(w.unused_bytes / 1024).toFixed(1)} KiB unused`)
		const biggest = Object.entries(w.chunks).sort((a, b) => b[1][1] - a[1][1]).slice(0, 4)
		console.log(`      most unused: ${biggest.map(([n, [b, u]]) => `${n} ${(u / 1024).toFixed(1)}/${(b / 1024).toFixed(1)}`).join(', ')}`)
	}
}

try {
	execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: `file:${dbPath}` }, stdio: 'pipe' })
	fs.mkdirSync(mediaRoot, { recursive: true })
	const [origin, baselineOrigin] = await Promise.all([startServer(buildDir), baselineDir ? startServer(baselineDir) : undefined])
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	})
	const { state, editPath } = await seed(origin)
	const english = await languageCookie.serialize('en')
	const pages = [
		{ label: '/', path: '/' },
		{ label: '/library', path: '/library' },
		{ label: '/products', path: '/products' },
		{ label: '/studio', path: '/studio' },
		{ label: '/studio/<edit>', path: editPath },
		{ label: '/coop', path: '/coop' },
		{ label: '/ (English)', path: '/', cookie: english },
	]
	const current = await measureAll(origin, pages, state)
	print(`This build (${path.relative(process.cwd(), buildDir) || '.'})`, current)
	const baseline = baselineOrigin ? await measureAll(baselineOrigin, pages, state) : undefined
	if (baseline) print(`Baseline (${baselineDir})`, baseline)
	const ratio = baseline ? Object.fromEntries(Object.keys(current).map((k) => [k, Number((current[k].js_bytes / baseline[k].js_bytes).toFixed(3))])) : undefined
	const sum = totals(current)
	console.log(
		JSON.stringify({
			pages: current,
			totals: { ...sum, used_ratio: Number((sum.used_bytes / sum.js_bytes).toFixed(3)) },
			...(baseline ? { baseline, baseline_totals: totals(baseline), ratio, total_ratio: Number((sum.js_bytes / totals(baseline).js_bytes).toFixed(3)) } : {}),
		}),
	)
} finally {
	await browser?.close()
	await Promise.all(processes.map((p) => p.stop()))
	await deleteRedisKeys(id)
	fs.rmSync(tmp, { recursive: true, force: true })
}
