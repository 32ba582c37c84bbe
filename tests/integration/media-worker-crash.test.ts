import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, expect, test } from 'vitest'
import { makeClip } from '#tests/support/media-fixtures.ts'
import { createCoopMember, recordCoopEvents, uploadIntoLibrary, waitForMediaSettled } from '#tests/support/media-world.ts'
import { startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { spawnedProcessEnv } from '#tests/support/server-env.ts'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'

const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-crash-'))
const started: RunningProcess[] = []
afterEach(async () => {
	await Promise.all(started.splice(0).map((p) => p.stop('SIGKILL')))
})
afterAll(async () => {
	await closeEventBus()
	fs.rmSync(fixtures, { recursive: true, force: true })
})

/** Processes whose command line mentions `needle` (an ffmpeg working on one media folder). */
function processesMentioning(needle: string) {
	return fs
		.readdirSync('/proc')
		.filter((entry) => /^\d+$/.test(entry))
		.filter((pid) => {
			try {
				return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle)
			} catch {
				return false
			}
		})
}

test('a closing worker stops ffmpeg and hands the job back; a killed one loses it to the next; the media ends ready', async () => {
	// Short locks so that the next worker notices the dead one within seconds.
	const env = await spawnedProcessEnv({ NODE_ENV: 'test', WORKER_LOCK_DURATION_MS: '3000', WORKER_STALLED_INTERVAL_MS: '1000' })
	const clip = await makeClip(path.join(fixtures, 'long.mp4'), { width: 960, height: 540, seconds: 30 })
	const member = await createCoopMember('editor')
	const events = await recordCoopEvents(member.coopId)
	const startWorker = () => {
		const worker = startTsxProcess('workers/index.ts', env)
		started.push(worker)
		return worker
	}
	/** The preview encode has started (again) and reported progress: the job is in the middle of its slow part. */
	const encodingAgain = async (mediaId: string) => {
		const seen = events.events.length
		await events.waitFor((e) => events.events.indexOf(e) >= seen && e.type === 'media.progress' && e.mediaId === mediaId)
	}
	const ffmpegGone = async (mediaId: string) => {
		for (let i = 0; i < 40 && processesMentioning(mediaId).length > 0; i++) await new Promise((r) => setTimeout(r, 50))
		expect(processesMentioning(mediaId)).toEqual([])
	}

	const first = startWorker()
	await waitForHealthy(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/healthz`, first)
	const { mediaId } = await uploadIntoLibrary(member, clip)
	await encodingAgain(mediaId)
	const job = await getQueue('media').getJob(jobIds.mediaProcessing(mediaId))
	expect(await first.stop('SIGTERM')).toBe(0)
	await ffmpegGone(mediaId)
	expect(await job!.getState()).toBe('waiting')

	const second = startWorker()
	await encodingAgain(mediaId)
	await second.stop('SIGKILL')
	await ffmpegGone(mediaId)

	startWorker()
	const media = await waitForMediaSettled(mediaId, 150_000)
	await events.stop()
	expect(media.status).toBe('ready')
	const proxy = await probeFile(resolveMediaPath(media.proxyKey!))
	expect(proxy.video).toMatchObject({ codec: 'h264', width: 854, height: 480 })
	expect(Math.abs(proxy.durationMs! - 30_000)).toBeLessThanOrEqual(100)
	const files = fs.readdirSync(path.dirname(resolveMediaPath(media.storageKey))).sort()
	expect(files).toEqual(['original.mp4', 'poster.jpg', 'proxy.mp4', 'thumb.jpg'])
	// Neither interruption counted as a failed attempt: the one attempt made is the one that finished.
	const finished = (await getQueue('media').getJob(jobIds.mediaProcessing(mediaId)))!
	expect(finished).toMatchObject({ attemptsStarted: 3, attemptsMade: 1, stalledCounter: 1 })
})
