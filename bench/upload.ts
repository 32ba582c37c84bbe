// Upload benchmark (npm run bench:upload): a 1 GB file sent through the real
// upload path (the built web server in its own process, tus-js-client in Node
// with the browser's 5 MiB chunks, session cookie, finish checks, the move
// into the library) and, in the same run on the same disk, a plain stream
// copy of the same file. The last line is one JSON object:
//   peak_memory_growth_mb  web server RSS at its peak during the upload minus
//                          just before it, after one small warm-up upload
//                          (goal < 64: bytes stream to disk, never whole)
//   throughput_ratio       upload MB/s ÷ plain copy MB/s
// BENCH_UPLOAD_MB changes the size (default 1024), BENCH_CHUNK_MB the tus
// chunk (default 5, as the browser; 1024 sends the file in one PATCH).

import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import * as tus from 'tus-js-client'

const SIZE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 1024)
const CHUNK_BYTES = Number(process.env.BENCH_CHUNK_MB ?? 5) * 1024 * 1024 // 5 MiB as app/media/upload-queue.ts
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-upload-'))
const prefix = `bench-upload-${process.pid}`

// This process creates the member and session in the same database the server uses.
Object.assign(process.env, {
	NODE_ENV: 'test',
	DATABASE_URL: `file:${path.join(work, 'bench.db')}`,
	MEDIA_ROOT: path.join(work, 'media'),
	QUEUE_PREFIX: prefix,
})

function log(message: string) {
	console.error(`bench:upload ${message}`)
}

/** A file that passes the upload's checks: a real MP4 header, then random bytes (nothing compresses or dedupes it). */
async function makeBigFile(file: string, sizeBytes: number) {
	const header = Buffer.from('00000020667479706973736f6d0000020069736f6d69736f32617663316d703431', 'hex')
	const out = fs.createWriteStream(file)
	out.write(header)
	const block = Buffer.alloc(8 * 1024 * 1024)
	for (let written = header.length; written < sizeBytes; written += block.length) {
		crypto.randomFillSync(block)
		const piece = block.subarray(0, Math.min(block.length, sizeBytes - written))
		if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
	}
	await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

function rssMb(pid: number) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024
}

/** Sends one file through tus as the browser does and returns the media id the server answered with. */
function uploadFile(port: number, cookie: string, file: string) {
	return new Promise<string>((resolve, reject) => {
		const upload = new tus.Upload(fs.createReadStream(file), {
			endpoint: `http://127.0.0.1:${port}/uploads`,
			chunkSize: CHUNK_BYTES,
			uploadSize: fs.statSync(file).size,
			headers: { cookie },
			metadata: { filename: path.basename(file) },
			retryDelays: null,
			onSuccess: ({ lastResponse }) => resolve(lastResponse.getHeader('Upload-Media-Id') ?? ''),
			onError: reject,
		})
		upload.start()
	})
}

async function main() {
	const { ensureBuild } = await import('#tests/support/server-env.ts')
	const { freePort, startTsxProcess, waitForHealthy } = await import('#tests/support/processes.ts')
	const { deleteRedisKeys } = await import('#tests/support/redis.ts')
	ensureBuild()
	execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: process.env, stdio: 'pipe' })
	const { createCoopMember } = await import('#tests/support/media-world.ts')
	const { sessionCookie } = await import('#tests/support/session-requests.ts')
	const { disconnectDb } = await import('~/utils/db.server.ts')
	const member = await createCoopMember('editor')
	const cookie = await sessionCookie(member.userId, { activeCoopId: member.coopId })
	await disconnectDb()

	const sizeBytes = SIZE_MB * 1024 * 1024
	const source = path.join(work, 'big.mp4')
	log(`writing a ${SIZE_MB} MB test file in ${work}`)
	await makeBigFile(source, sizeBytes)

	log('plain copy on the same disk')
	const copyStart = performance.now()
	await pipeline(fs.createReadStream(source), fs.createWriteStream(path.join(work, 'copy.mp4')))
	const copySeconds = (performance.now() - copyStart) / 1000
	fs.rmSync(path.join(work, 'copy.mp4'))

	const port = await freePort()
	const server = startTsxProcess('server/index.ts', { ...process.env, PORT: String(port) } as NodeJS.ProcessEnv)
	try {
		await waitForHealthy(`http://127.0.0.1:${port}/healthz`, server)
		// Warm up as a server in use would be: one small upload first loads every
		// module of the path (tus, file-type, the finish checks) before the baseline.
		const warmUp = path.join(work, 'warm-up.mp4')
		await makeBigFile(warmUp, 8 * 1024 * 1024)
		await uploadFile(port, cookie, warmUp)
		await new Promise((r) => setTimeout(r, 1000))
		const baseline = rssMb(server.child.pid!)
		let peak = baseline
		const sampler = setInterval(() => {
			peak = Math.max(peak, rssMb(server.child.pid!))
		}, 50)

		log(`uploading through http://127.0.0.1:${port}/uploads`)
		const uploadStart = performance.now()
		const mediaId = await uploadFile(port, cookie, source)
		const uploadSeconds = (performance.now() - uploadStart) / 1000
		clearInterval(sampler)
		peak = Math.max(peak, rssMb(server.child.pid!))
		if (!mediaId) throw new Error('the upload finished without a media id')
		const stored = path.join(process.env.MEDIA_ROOT!, 'coops', member.coopId, 'media', mediaId, 'original.mp4')
		if (fs.statSync(stored).size !== sizeBytes) throw new Error('the stored file does not have the uploaded size')

		const copyMbPerS = SIZE_MB / copySeconds
		const uploadMbPerS = SIZE_MB / uploadSeconds
		const result = {
			peak_memory_growth_mb: Math.round((peak - baseline) * 10) / 10,
			throughput_ratio: Math.round((uploadMbPerS / copyMbPerS) * 1000) / 1000,
			upload_mb_per_s: Math.round(uploadMbPerS * 10) / 10,
			copy_mb_per_s: Math.round(copyMbPerS * 10) / 10,
			server_rss_baseline_mb: Math.round(baseline),
			server_rss_peak_mb: Math.round(peak),
			file_mb: SIZE_MB,
			chunk_mb: CHUNK_BYTES / 1024 / 1024,
			goal_memory_growth_mb: 64,
		}
		console.log(JSON.stringify(result))
	} finally {
		await server.stop('SIGTERM')
		await deleteRedisKeys(prefix)
		fs.rmSync(work, { recursive: true, force: true })
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error)
		fs.rmSync(work, { recursive: true, force: true })
		process.exit(1)
	},
)
