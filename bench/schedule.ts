// Scheduling benchmark (npm run bench:schedule): 10,000 Reel targets across
// 500 co-ops (one Facebook Page each, 20 posts a Page, under the 30-a-day
// quota), all due at the same instant, published by the real worker process
// against a local fake Graph API (tests/support/fake-platforms.ts). When about
// half are published the worker is killed with SIGKILL and started again.
// The last line is one JSON object:
//   targets     targets scheduled
//   published   targets the database holds as published at the end
//   lag_s       due time to the last publish, seconds (goal ≤ 60)
//   p95_lag_s   95th percentile of due time to publish, seconds
//   duplicates  Reels the fake holds beyond one per target (goal 0)
//   lost        targets not published at the end (goal 0)
//   baseline_s  same run: seconds for the fake platform alone to answer as many
//               requests as the run made (Reel status reads, PUBLISH_CONCURRENCY
//               at a time, from this process): what the machine gives right now
//   ratio       lag_s / baseline_s (the machine is shared: compare ratios)
// BENCH_TARGETS / BENCH_COOPS change the size; PUBLISH_CONCURRENCY,
// WORKER_LOCK_DURATION_MS and WORKER_STALLED_INTERVAL_MS pass to the worker
// (defaults here: 50, 10000, 5000). Not run in CI.

import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const TARGETS = Number(process.env.BENCH_TARGETS ?? 10_000)
const COOPS = Number(process.env.BENCH_COOPS ?? 500)
const DEADLINE_MS = 4 * 60_000
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-schedule-'))
const prefix = `bench-schedule-${process.pid}`

Object.assign(process.env, {
	NODE_ENV: 'test',
	DATABASE_URL: `file:${path.join(work, 'bench.db')}`,
	MEDIA_ROOT: path.join(work, 'media'),
	QUEUE_PREFIX: prefix,
	ENCRYPTION_KEY: crypto.randomBytes(32).toString('hex'),
})

function log(message: string) {
	console.error(`bench:schedule ${message}`)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function main() {
	const { startFakePlatforms } = await import('#tests/support/fake-platforms.ts')
	const { freePort, startTsxProcess, waitForHealthy } = await import('#tests/support/processes.ts')
	const { deleteRedisKeys } = await import('#tests/support/redis.ts')
	execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: process.env, stdio: 'pipe' })
	const { getDb, disconnectDb, configureSqlite } = await import('~/utils/db.server.ts')
	const { encryptSecret } = await import('~/utils/encryption.server.ts')
	const { renderDirKey, resolveMediaPath } = await import('~/media/storage.server.ts')
	const { closeQueues } = await import('~/jobs/queues.server.ts')
	const db = getDb()
	await configureSqlite(db)

	// Facebook publishes each Reel by the first status call: the bench measures our engine, not a poll interval.
	const platforms = await startFakePlatforms({ reelPollsUntilPublished: 0 })
	const workers: Array<{ stop: (signal?: NodeJS.Signals) => Promise<number | null>; output: () => string }> = []
	try {
		log(`creating ${COOPS} co-ops, ${TARGETS} targets`)
		const user = await db.user.create({ data: { email: `bench-${process.pid}@example.invalid`, name: 'Bench' } })
		const token = encryptSecret('page-token')
		const perCoop = Math.ceil(TARGETS / COOPS)
		const targetIds: string[] = []
		const dueAt = new Date(Date.now() + 60 * 60_000)
		const createStarted = Date.now()
		for (let c = 0; c < COOPS; c++) {
			const coop = await db.coop.create({ data: { name: `HTX ${c}`, province: 'Yên Bái' } })
			await db.membership.create({ data: { userId: user.id, coopId: coop.id, role: 'owner' } })
			const channel = await db.channel.create({ data: { coopId: coop.id, platform: 'facebook_page', externalId: String(100_000 + c), name: `Trang ${c}`, accessToken: token } })
			const edit = await db.edit.create({ data: { coopId: coop.id, title: 'Bench', spec: '{}' } })
			const render = await db.render.create({ data: { editId: edit.id, coopId: coop.id, format: 'vertical', quality: 'final', status: 'ready', spec: '{}', cacheKey: crypto.randomUUID() } })
			const outputKey = `${renderDirKey(coop.id, render.id)}/final.mp4`
			fs.mkdirSync(path.dirname(resolveMediaPath(outputKey)), { recursive: true })
			fs.writeFileSync(resolveMediaPath(outputKey), crypto.randomBytes(16_384))
			await db.render.update({ where: { id: render.id }, data: { outputKey } })
			const count = Math.max(0, Math.min(perCoop, TARGETS - c * perCoop))
			const postIds = Array.from({ length: count }, () => crypto.randomUUID())
			const ids = Array.from({ length: count }, () => crypto.randomUUID())
			await db.post.createMany({ data: postIds.map((id, i) => ({ id, coopId: coop.id, renderId: render.id, caption: `bench ${c}-${i}` })) })
			await db.postTarget.createMany({ data: ids.map((id, i) => ({ id, postId: postIds[i]!, coopId: coop.id, channelId: channel.id, kind: 'facebook-reel', state: 'scheduled', dueAt })) })
			targetIds.push(...ids)
		}
		// All due at one instant, a little ahead so that the worker's start-up pass queues them first.
		const due = new Date(Date.now() + 30_000)
		await db.postTarget.updateMany({ data: { dueAt: due } })
		log(`created in ${Math.round((Date.now() - createStarted) / 1000)} s; all due at ${due.toISOString()}`)

		const env = {
			NODE_ENV: 'test' as const,
			DATABASE_URL: process.env.DATABASE_URL,
			MEDIA_ROOT: process.env.MEDIA_ROOT,
			QUEUE_PREFIX: prefix,
			ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
			FACEBOOK_GRAPH_URL: platforms.url,
			PLATFORM_POLL_INTERVAL_MS: '200',
			PUBLISH_CONCURRENCY: process.env.PUBLISH_CONCURRENCY ?? '50',
			WORKER_LOCK_DURATION_MS: process.env.WORKER_LOCK_DURATION_MS ?? '10000',
			WORKER_STALLED_INTERVAL_MS: process.env.WORKER_STALLED_INTERVAL_MS ?? '5000',
			PORT: String(await freePort()),
		}
		const startWorker = async () => {
			const healthPort = String(await freePort())
			const worker = startTsxProcess('workers/index.ts', { ...env, WORKER_HEALTH_PORT: healthPort })
			workers.push(worker)
			await waitForHealthy(`http://127.0.0.1:${healthPort}/healthz`, worker, 180_000)
			return worker
		}
		// The bench's database holds only these targets; a cheap count keeps the fake platform (same process) responsive.
		const published = () => db.postTarget.count({ where: { state: 'published' } })

		const first = await startWorker()
		log(`worker up ${Math.round((Date.now() - due.getTime()) / 1000)} s after due`)
		let killed = false
		const started = Date.now()
		for (;;) {
			const done = await published()
			if (!killed && done >= TARGETS / 2) {
				log(`${done} published ${Math.round((Date.now() - due.getTime()) / 1000)} s after due: SIGKILL`)
				await first.stop('SIGKILL')
				killed = true
				await startWorker()
				log(`worker up again ${Math.round((Date.now() - due.getTime()) / 1000)} s after due`)
			}
			if (done >= TARGETS || Date.now() - started > DEADLINE_MS) break
			await sleep(1000)
		}

		const rows = await db.postTarget.findMany({ select: { id: true, state: true, publishedAt: true, platformId: true } })
		const lags = rows.filter((r) => r.state === 'published' && r.publishedAt).map((r) => (r.publishedAt!.getTime() - due.getTime()) / 1000).sort((a, b) => a - b)
		const finishedReels = [...platforms.reels.values()].filter((reel) => reel.finished > 0)
		const byCaption = new Map<string, number>()
		for (const reel of finishedReels) byCaption.set(reel.description ?? '', (byCaption.get(reel.description ?? '') ?? 0) + reel.finished)
		const duplicates = [...byCaption.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0)
		const states = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }), {})
		if (process.env.BENCH_VERBOSE) for (const w of workers) log(`worker output:\n${w.output().slice(-5000)}`)
		log(`states ${JSON.stringify(states)}; reels started ${platforms.reels.size}, finished ${finishedReels.length}; requests ${platforms.requests.length}`)
		// The same-run baseline, once the workers are gone: the fake platform answering as many requests as the run sent.
		const runRequests = platforms.requests.length
		const anyReel = finishedReels[0]?.id ?? 'none'
		const concurrency = Number(env.PUBLISH_CONCURRENCY)
		await Promise.all(workers.map((w) => w.stop('SIGKILL')))
		const baselineStarted = Date.now()
		let sent = 0
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				while (sent < runRequests) {
					sent++
					await (await fetch(`${platforms.url}/v24.0/${anyReel}?fields=status&access_token=page-token`)).arrayBuffer()
				}
			}),
		)
		const baselineS = (Date.now() - baselineStarted) / 1000
		log(`baseline: ${runRequests} requests to the fake in ${baselineS.toFixed(1)} s`)
		const round = (n: number) => Math.round(n * 10) / 10
		console.log(
			JSON.stringify({
				targets: TARGETS,
				published: lags.length,
				lag_s: round(lags.at(-1) ?? Number.NaN),
				p95_lag_s: round(lags[Math.max(0, Math.ceil(lags.length * 0.95) - 1)] ?? Number.NaN),
				duplicates,
				lost: TARGETS - lags.length,
				baseline_s: round(baselineS),
				ratio: Math.round(((lags.at(-1) ?? Number.NaN) / baselineS) * 100) / 100,
			}),
		)
	} finally {
		await Promise.all(workers.map((w) => w.stop('SIGKILL')))
		await platforms.close()
		await closeQueues()
		await disconnectDb()
		await deleteRedisKeys(prefix)
		fs.rmSync(work, { recursive: true, force: true })
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error)
		process.exit(1)
	},
)
