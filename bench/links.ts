// Redirect throughput of the short link (npm run bench:links): the built app
// serving /l/<slug> against a bare Node `http` server that answers the same
// 302, both loaded by the same generator (autocannon, keep-alive connections)
// in the same run, one after the other with the same settings.
//
// The app's side is the whole path a phone's request takes: Express with its
// middleware, Remix's resource route, the slug lookup (cached in memory after
// the first hit), the click id, and the click queued for the buffered writer.
// Every response is checked to be a 302. After the run the clicks written to
// the database are counted, so a redirect that "won" by dropping its click
// would show.
//
// Options: --seconds N (default 10), --connections N (default 32).
// The last line is one JSON object:
//   ratio          our requests/s ÷ the bare server's (goal ≥ 0.5)
//   p95_ms         our 95th-percentile latency
//   rps, baseline_rps, baseline_p95_ms, requests (ours), clicks_written, seconds, connections
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { freePort, startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
	const index = args.indexOf(`--${name}`)
	return index >= 0 ? Number(args[index + 1]) : fallback
}
const seconds = option('seconds', 10)
const connections = option('connections', 32)

const buildDir = path.resolve(process.env.REMIX_BUILD_DIR ?? 'build')
if (!fs.existsSync(path.join(buildDir, 'server/index.js'))) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' })

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-links-'))
const dbPath = path.join(tmp, 'bench.db')
const processes: RunningProcess[] = []
const PHONE = 'Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'

/** A co-op, a product with a public page, and one link to it; returns the slug. */
async function seed() {
	process.env.DATABASE_URL = `file:${dbPath}`
	process.env.MEDIA_ROOT = path.join(tmp, 'media')
	const { createUserWithCoop, createTestProduct } = await import('../prisma/factories.ts')
	const { createCustomLink } = await import('~/links/links.server.ts')
	const { disconnectDb } = await import('~/utils/db.server.ts')
	const { coop } = await createUserWithCoop()
	const product = await createTestProduct(coop.id, { name: 'Chè Shan tuyết Suối Giàng' })
	const link = await createCustomLink(coop.id, { productId: product.id, destination: 'product-page' })
	if (!link.ok) throw new Error(`could not make the link: ${link.problem}`)
	await disconnectDb()
	return link.slug
}

async function clicksWritten(): Promise<number> {
	const { getDb } = await import('~/utils/db.server.ts')
	return getDb().click.count()
}

/** A bare Node http server in its own process, answering every request with the same kind of 302. */
async function startBare(): Promise<{ url: string; stop: () => void }> {
	const port = await freePort()
	const code = `
		const http = require('node:http')
		const crypto = require('node:crypto')
		http.createServer((req, res) => {
			res.writeHead(302, { location: '/p/che-shan-tuyet?c=' + crypto.randomBytes(16).toString('base64url'), 'cache-control': 'private, no-store' })
			res.end()
		}).listen(${port}, '127.0.0.1', () => console.log('ready'))`
	const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
	await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
	return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') }
}

type Measured = { rps: number; p95: number; requests: number; wrong: number }

/** Loads `url` for `duration` seconds; every answer must be a 302. */
async function load(url: string, duration: number): Promise<Measured> {
	const latencies: number[] = []
	let wrong = 0
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon({ url, connections, duration, headers: { 'user-agent': PHONE } }, (error, done) => (error ? reject(error) : resolve(done)))
		instance.on('response', (_client, statusCode, _bytes, responseTime) => {
			if (statusCode !== 302) wrong++
			latencies.push(responseTime)
		})
	})
	latencies.sort((a, b) => a - b)
	const p95 = latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)]! : NaN
	return { rps: result.requests.total / duration, p95, requests: result.requests.total, wrong: wrong + result.errors + result.timeouts }
}

let bare: Awaited<ReturnType<typeof startBare>> | undefined
try {
	execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: `file:${dbPath}` }, stdio: 'pipe' })
	const slug = await seed()
	const port = await freePort()
	const web = startTsxProcess('server/index.ts', {
		NODE_ENV: 'test',
		DATABASE_URL: `file:${dbPath}`,
		MEDIA_ROOT: path.join(tmp, 'media'),
		QUEUE_PREFIX: `bench-links${process.pid}`,
		PORT: String(port),
		REMIX_BUILD_DIR: buildDir,
	})
	processes.push(web)
	await waitForHealthy(`http://127.0.0.1:${port}/healthz`, web)
	bare = await startBare()
	const ours = `http://127.0.0.1:${port}/l/${slug}`

	// Warm both (JIT, the slug cache, SQLite's pages), then measure each with the same settings.
	await load(bare.url, 2)
	await load(ours, 2)
	const baseline = await load(bare.url, seconds)
	const measured = await load(ours, seconds)
	if (measured.wrong || baseline.wrong) throw new Error(`answers that were not 302: ours ${measured.wrong}, bare ${baseline.wrong}\n${web.output()}`)

	await web.stop('SIGTERM')
	const clicks = await clicksWritten()
	console.log(`bare http 302:  ${baseline.rps.toFixed(0)} req/s, p95 ${baseline.p95} ms`)
	console.log(`/l/${slug}:      ${measured.rps.toFixed(0)} req/s, p95 ${measured.p95} ms, ${clicks} clicks written`)
	console.log(
		JSON.stringify({
			ratio: Number((measured.rps / baseline.rps).toFixed(3)),
			p95_ms: measured.p95,
			requests: measured.requests,
			baseline_rps: Math.round(baseline.rps),
			rps: Math.round(measured.rps),
			baseline_p95_ms: baseline.p95,
			clicks_written: clicks,
			seconds,
			connections,
		}),
	)
} finally {
	bare?.stop()
	await Promise.all(processes.map((p) => p.stop()))
	fs.rmSync(tmp, { recursive: true, force: true })
}
