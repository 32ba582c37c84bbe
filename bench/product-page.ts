// Weight and speed of the public product page (npm run bench:product-page):
// starts the real built server on a fresh database with one seeded product
// (three real photos, a story, traceability, a bank account), then loads the
// page as a phone's first view would: the HTML, then every stylesheet,
// script, module preload, icon and image the HTML asks for (srcset resolved
// for a 360 px wide screen at 2× density), counting the bytes on the wire as
// the server sends them (compressed, headers included).
//
// Time to first byte is compared with a static file of the same bytes served
// by the same server in the same run: public/ is what the server's static
// handler serves (copied into build/client by the build), so the file is
// written there for the run and removed after. Medians of 30 requests each,
// after a warm-up; the photo variants are made on the warm-up request.
//
// The last line is one JSON object:
//   bytes            first view's bytes on the wire (goal < 150000)
//   ttfb_ms          median time to first byte of the page
//   static_ttfb_ms   the same for the static file
//   ttfb_ratio       ttfb_ms / static_ttfb_ms
//   html_bytes, css_bytes, js_bytes, image_bytes, other_bytes, requests
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { freePort, startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { makePhoto } from '#tests/support/media-fixtures.ts'
import { deleteRedisKeys } from '#tests/support/redis.ts'

const buildDir = path.resolve(process.env.REMIX_BUILD_DIR ?? 'build')
if (!fs.existsSync(path.join(buildDir, 'server/index.js'))) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' })

const id = `bench-pp${process.pid}`
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'product-page-'))
const dbPath = path.join(tmp, 'bench.db')
const mediaRoot = path.join(tmp, 'media')
const staticName = `bench-static-${process.pid}.html`
const staticPath = path.join(buildDir, 'client', staticName)
const processes: RunningProcess[] = []

type Fetched = { status: number; wireBytes: number; ttfbMs: number; body: Buffer; headers: http.IncomingHttpHeaders }

/** One GET as a phone browser sends it; the bytes are counted as they arrive, before decompression. */
function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
	return new Promise((resolve, reject) => {
		const started = process.hrtime.bigint()
		const request = http.get(url, { headers: { 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'Mozilla/5.0 (Linux; Android 10) bench', ...headers }, agent: false }, (response) => {
			let ttfbMs = 0
			const chunks: Buffer[] = []
			let wire = 0
			response.once('data', () => (ttfbMs = Number(process.hrtime.bigint() - started) / 1e6))
			response.on('data', (chunk: Buffer) => {
				wire += chunk.length
				chunks.push(chunk)
			})
			response.on('end', () => {
				const raw = Buffer.concat(chunks)
				const encoding = response.headers['content-encoding']
				const body = encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : encoding === 'deflate' ? zlib.inflateSync(raw) : raw
				const headerBytes = response.rawHeaders.reduce((sum, part, i) => sum + Buffer.byteLength(part) + (i % 2 ? 2 : 2), 0) + 17
				resolve({ status: response.statusCode ?? 0, wireBytes: wire + headerBytes, ttfbMs: ttfbMs || Number(process.hrtime.bigint() - started) / 1e6, body, headers: response.headers })
			})
		})
		request.on('error', reject)
	})
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** The srcset candidate a 360 px screen at 2× picks for `sizes` (only "(...) Nvw, Mpx" forms are written by the page). */
function pickFromSrcset(srcset: string, sizes: string | null): string {
	const candidates = srcset.split(',').map((part) => {
		const [url, w] = part.trim().split(/\s+/)
		return { url, width: Number.parseInt(w, 10) }
	})
	const vw = /(\d+)vw/.exec(sizes ?? '')?.[1]
	const needed = (vw ? (360 * Number(vw)) / 100 : 360) * 2
	return (candidates.sort((a, b) => a.width - b.width).find((c) => c.width >= needed) ?? candidates[candidates.length - 1]).url
}

function attribute(tag: string, name: string): string | null {
	return new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? null
}

/** Every sub-resource a browser fetches on first view: stylesheets, scripts, preloads, icons, images. */
function subresources(html: string) {
	const found: { url: string; kind: 'css' | 'js' | 'image' | 'other' }[] = []
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = attribute(tag, 'rel') ?? ''
		const href = attribute(tag, 'href')
		if (!href) continue
		if (rel === 'stylesheet') found.push({ url: href, kind: 'css' })
		else if (rel === 'modulepreload' || rel === 'preload') found.push({ url: href, kind: 'js' })
		else if (rel.includes('icon')) found.push({ url: href, kind: 'other' })
	}
	for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
		const src = attribute(tag, 'src')
		if (src) found.push({ url: src, kind: 'js' })
	}
	for (const match of html.matchAll(/import\s*\(?\s*["']([^"']+\.js)["']/g)) found.push({ url: match[1], kind: 'js' })
	for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
		const srcset = attribute(tag, 'srcset') ?? attribute(tag, 'srcSet')
		const src = srcset ? pickFromSrcset(srcset, attribute(tag, 'sizes')) : attribute(tag, 'src')
		if (src) found.push({ url: src, kind: 'image' })
	}
	for (const [tag] of html.matchAll(/<video\b[^>]*>/gi)) {
		const poster = attribute(tag, 'poster')
		if (poster) found.push({ url: poster, kind: 'image' })
	}
	const seen = new Set<string>()
	return found.filter((r) => (seen.has(r.url) ? false : (seen.add(r.url), true)))
}

async function seed(): Promise<string> {
	process.env.DATABASE_URL = `file:${dbPath}`
	process.env.MEDIA_ROOT = mediaRoot
	process.env.QUEUE_PREFIX = id
	execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env }, stdio: 'pipe' })
	const { createUserWithCoop, createTestProduct } = await import('../prisma/factories.ts')
	const { getDb, disconnectDb } = await import('~/utils/db.server.ts')
	const { coop } = await createUserWithCoop({ coopName: 'HTX Chè Shan Tuyết Suối Giàng' })
	await getDb().coop.update({ where: { id: coop.id }, data: { phone: '0912345678', bankBin: '970436', bankAccount: '0011223344', bankAccountName: 'HTX CHE SUOI GIANG' } })
	const { id: productId } = await createTestProduct(coop.id, {
		name: 'Chè Shan tuyết cổ thụ Suối Giàng',
		code: 'A1',
		priceVnd: 180_000,
		unit: 'hộp 200g',
		description: 'Búp chè hái tay từ những cây chè cổ thụ hàng trăm năm tuổi trên độ cao 1.400 m, sao bằng chảo gang theo cách của người Mông.\n'.repeat(4),
		growingArea: 'Suối Giàng, Văn Chấn, Yên Bái',
		producerGroup: 'Tổ hợp tác chè cổ thụ Suối Giàng',
		batch: 'SG-2026-11',
		harvestDate: '2026-11-02',
		certifications: ['vietgap', 'ocop-4'],
	})
	for (let position = 0; position < 3; position++) {
		const mediaId = `benchpp${position}${crypto.randomBytes(4).toString('hex')}`
		const storageKey = `coops/${coop.id}/media/${mediaId}/original.jpg`
		const file = path.join(mediaRoot, storageKey)
		fs.mkdirSync(path.dirname(file), { recursive: true })
		await makePhoto(file, { width: 1600, height: 1200 })
		await getDb().media.create({
			data: { id: mediaId, coopId: coop.id, kind: 'photo', status: 'ready', displayName: `${position}.jpg`, mimeType: 'image/jpeg', sizeBytes: BigInt(fs.statSync(file).size), storageKey, width: 1600, height: 1200 },
		})
		await getDb().productPhoto.create({ data: { productId, mediaId, position } })
	}
	const { publicSlug } = await getDb().product.findUniqueOrThrow({ where: { id: productId }, select: { publicSlug: true } })
	await disconnectDb()
	return `/p/${publicSlug}`
}

try {
	const pagePath = await seed()
	const port = await freePort()
	const web = startTsxProcess('server/index.ts', {
		NODE_ENV: 'test',
		DATABASE_URL: `file:${dbPath}`,
		MEDIA_ROOT: mediaRoot,
		QUEUE_PREFIX: id,
		PORT: String(port),
		REMIX_BUILD_DIR: buildDir,
	})
	processes.push(web)
	const origin = `http://127.0.0.1:${port}`
	await waitForHealthy(`${origin}/healthz`, web)

	// First view: the page, then everything it asks for (the warm-up also makes the photo variants).
	const warm = await get(origin + pagePath)
	if (warm.status !== 200) throw new Error(`the product page answered ${warm.status}`)
	const html = warm.body.toString('utf8')
	for (const resource of subresources(html)) await get(new URL(resource.url, origin).href)

	const page = await get(origin + pagePath)
	const weights = { html: page.wireBytes, css: 0, js: 0, image: 0, other: 0 }
	const resources = subresources(page.body.toString('utf8'))
	for (const resource of resources) {
		const fetched = await get(new URL(resource.url, origin).href)
		if (fetched.status !== 200) throw new Error(`${resource.url} answered ${fetched.status}`)
		weights[resource.kind] += fetched.wireBytes
	}
	const bytes = weights.html + weights.css + weights.js + weights.image + weights.other

	// TTFB against a static file of the same bytes from the same server.
	fs.writeFileSync(staticPath, page.body)
	const pageTimes: number[] = []
	const staticTimes: number[] = []
	for (let i = 0; i < 5; i++) await Promise.all([get(origin + pagePath), get(`${origin}/${staticName}`)])
	for (let i = 0; i < 30; i++) {
		// Alternated, so that anything else on the machine weighs on both alike.
		pageTimes.push((await get(origin + pagePath)).ttfbMs)
		staticTimes.push((await get(`${origin}/${staticName}`)).ttfbMs)
	}
	const ttfb = median(pageTimes)
	const staticTtfb = median(staticTimes)
	console.log(`page ${pagePath}: ${resources.length + 1} requests, html ${weights.html} B, css ${weights.css} B, js ${weights.js} B, images ${weights.image} B`)
	console.log(
		JSON.stringify({
			bytes,
			ttfb_ms: Math.round(ttfb * 100) / 100,
			static_ttfb_ms: Math.round(staticTtfb * 100) / 100,
			ttfb_ratio: Math.round((ttfb / staticTtfb) * 100) / 100,
			html_bytes: weights.html,
			css_bytes: weights.css,
			js_bytes: weights.js,
			image_bytes: weights.image,
			other_bytes: weights.other,
			requests: resources.length + 1,
		}),
	)
} finally {
	await Promise.all(processes.map((p) => p.stop()))
	fs.rmSync(staticPath, { force: true })
	await deleteRedisKeys(id).catch(() => undefined)
	fs.rmSync(tmp, { recursive: true, force: true })
}
