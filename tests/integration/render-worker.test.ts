import fs from 'node:fs/promises'
import path from 'node:path'
import { QueueEvents, type Job, type Worker } from 'bullmq'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { QUEUES, type RenderJob, type RenderJobResult } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { requestRenderCancel } from '~/jobs/render-cancel.server.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { decodeRenderFailure } from '~/studio/spec/render-failure.ts'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { startRenderWorker } from '#workers/render/worker.ts'
import { makeColourClip, runningFfmpegChildren } from '#tests/support/render-checks.ts'

// The stateless render worker on the real Redis: a job of a spec and storage
// keys in, a file under MEDIA_ROOT and its metadata out; cancels reach it
// over pub/sub; a stopping worker kills its ffmpeg and hands the job back.

let worker: Worker
let events: QueueEvents
const progress = new Map<string, number[]>()

beforeAll(async () => {
	await fs.mkdir(resolveMediaPath('coops/c1/media/clip1'), { recursive: true })
	await makeColourClip(resolveMediaPath('coops/c1/media/clip1/original.mp4'), { width: 640, height: 360, seconds: 3, background: 'navy', tone: 440 })
	await fs.mkdir(resolveMediaPath('coops/c1/media/clip2'), { recursive: true })
	await makeColourClip(resolveMediaPath('coops/c1/media/clip2/original.mp4'), { width: 640, height: 360, seconds: 40, background: 'olive', tone: 330 })
	events = new QueueEvents(QUEUES.render, { connection: createRedisConnection(), prefix: redisPrefix() })
	events.on('progress', ({ jobId, data }) => progress.set(jobId, [...(progress.get(jobId) ?? []), data as number]))
	await events.waitUntilReady()
	worker = startRenderWorker()
	await worker.waitUntilReady()
})

afterAll(async () => {
	await worker?.close()
	await events?.close()
})

function payload(spec: unknown, outputKey: string, inputs: Record<string, string> = { clip1: 'coops/c1/media/clip1/original.mp4' }): RenderJob {
	return { spec, format: 'square', quality: 'preview', inputs, outputKey }
}

/** A failing job is logged by the worker (console.error); these tests expect that, and restore it at their end. */
function expectFailureLogs() {
	return vi.spyOn(console, 'error').mockImplementation(() => {})
}

async function settle(job: Job) {
	return job.waitUntilFinished(events).then(
		(value: RenderJobResult) => ({ value, failure: null }),
		(error: Error) => ({ value: null, failure: decodeRenderFailure(error.message) }),
	)
}

test('a job renders the spec into its output key and returns the metadata, reporting progress on the way', async () => {
	const spec = { version: 1, timeline: [{ type: 'clip', mediaId: 'clip1', in: 0.5, out: 2.5 }] }
	const job = await getQueue(QUEUES.render).add('render', payload(spec, 'coops/c1/renders/r1/square-preview.mp4'), { jobId: 'render-r1' })
	const { value, failure } = await settle(job)
	expect(failure).toBeNull()
	expect(value).toMatchObject({ outputKey: 'coops/c1/renders/r1/square-preview.mp4', width: 360, height: 360, transitions: 'overlay' })
	expect(value!.durationSeconds).toBeCloseTo(2, 1)
	const probe = await probeFile(resolveMediaPath('coops/c1/renders/r1/square-preview.mp4'))
	expect(probe.video).toMatchObject({ width: 360, height: 360 })
	const reported = progress.get('render-r1') ?? []
	expect(reported.length).toBeGreaterThan(0)
	expect(reported.at(-1)).toBe(100)
})

test('a spec that cannot be rendered fails at once, with the problems as data for the studio', async () => {
	const logged = expectFailureLogs()
	const spec = { version: 1, timeline: [{ type: 'clip', mediaId: 'clip1', label: 'ngan.mp4', in: 0, out: 9 }, { type: 'clip', mediaId: 'deleted', out: 1 }] }
	const job = await getQueue(QUEUES.render).add('render', payload(spec, 'coops/c1/renders/r2/square-preview.mp4'))
	const { failure } = await settle(job)
	expect(failure).toEqual({
		code: 'rejected',
		issues: [
			{ code: 'clip.outPastEnd', at: { kind: 'item', index: 0, itemType: 'clip', label: 'ngan.mp4' }, params: { out: 9, duration: 3 } },
			{ code: 'media.missing', at: { kind: 'item', index: 1, itemType: 'clip' }, params: { mediaId: 'deleted' } },
		],
	})
	// Unrecoverable: no second attempt at a spec that cannot work.
	expect((await getQueue(QUEUES.render).getJob(job.id!))?.attemptsMade).toBe(1)
	expect(logged).toHaveBeenCalled()
	logged.mockRestore()
})

test('a storage key reaching outside MEDIA_ROOT is refused, never retried', async () => {
	const logged = expectFailureLogs()
	const spec = { version: 1, timeline: [{ type: 'clip', mediaId: 'clip1', out: 1 }] }
	const job = await getQueue(QUEUES.render).add('render', payload(spec, '../../etc/out.mp4'))
	const { failure } = await settle(job)
	expect(failure).toMatchObject({ code: 'unexpected' })
	expect((await getQueue(QUEUES.render).getJob(job.id!))?.attemptsMade).toBe(1)
	logged.mockRestore()
})

const longSpec = { version: 1, timeline: [{ type: 'clip', mediaId: 'clip2', in: 0, out: 40 }] }
const longInputs = { clip2: 'coops/c1/media/clip2/original.mp4' }

const exists = (file: string) => fs.access(file).then(() => true, () => false)

function whenRendering(jobId: string, then: () => void) {
	const listener = ({ jobId: id, data }: { jobId: string; data: unknown }) => {
		if (id !== jobId || typeof data !== 'number' || data <= 10) return
		events.off('progress', listener)
		then()
	}
	events.on('progress', listener)
}

test("a person's cancel reaches the worker running the job: ffmpeg stops, no file is left, no retry", async () => {
	const logged = expectFailureLogs()
	const outputKey = 'coops/c1/renders/r3/landscape-final.mp4'
	const job = await getQueue(QUEUES.render).add('render', { ...payload(longSpec, outputKey, longInputs), format: 'landscape', quality: 'final' }, { jobId: 'render-r3' })
	let ffmpegWasRunning = false
	whenRendering('render-r3', () => {
		void runningFfmpegChildren().then((pids) => {
			ffmpegWasRunning = pids.length > 0
			void requestRenderCancel('render-r3')
		})
	})
	const { failure } = await settle(job)
	expect(ffmpegWasRunning).toBe(true)
	expect(failure).toMatchObject({ code: 'cancelled' })
	expect(await runningFfmpegChildren()).toEqual([])
	// Neither a file nor an empty folder is left.
	expect(await exists(resolveMediaPath('coops/c1/renders/r3'))).toBe(false)
	expect((await getQueue(QUEUES.render).getJob('render-r3'))?.attemptsMade).toBe(1)
	logged.mockRestore()
})

test('a worker that stops kills its ffmpeg and hands the job back for another attempt', async () => {
	const logged = expectFailureLogs()
	const outputKey = 'coops/c1/renders/r4/landscape-final.mp4'
	await getQueue(QUEUES.render).add('render', { ...payload(longSpec, outputKey, longInputs), format: 'landscape', quality: 'final' }, { jobId: 'render-r4' })
	await new Promise<void>((resolve) => whenRendering('render-r4', resolve))
	await worker.close()
	expect(await runningFfmpegChildren()).toEqual([])
	const job = await getQueue(QUEUES.render).getJob('render-r4')
	expect(job?.attemptsMade).toBe(1)
	expect(['delayed', 'waiting']).toContain(await job?.getState())
	expect(decodeRenderFailure(job?.failedReason)).toMatchObject({ code: 'cancelled' })
	expect(await exists(resolveMediaPath('coops/c1/renders/r4'))).toBe(false)
	await job?.remove()
	logged.mockRestore()
})
