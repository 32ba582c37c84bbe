import fs from 'node:fs/promises'
import type { QueueEvents, Worker } from 'bullmq'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { createEdit } from '~/studio/edits/edits.server.ts'
import { cancelRender, handOffRender, requestRenders } from '~/studio/edits/renders.server.ts'
import type { EditSpecInput } from '~/studio/spec/edit-spec.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus, subscribeCoopEvents, type CoopEventOf } from '~/utils/events.server.ts'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { startRenderWorker as startEngineWorker } from '#workers/render/worker.ts'
import { startRenderBridge } from '#workers/studio/render-bridge.ts'
import { reconcileRenders } from '#workers/studio/reconcile-renders.ts'
import { createUserWithCoop } from '../../prisma/factories.ts'
import { createReadyClip, createReadyPhoto } from '#tests/support/studio-media.ts'

// The database side of rendering against the real render worker, Redis,
// SQLite and ffmpeg: rows first, jobs second, results applied from queue
// events, identical renders reused, lost jobs put back, failures in words.

let bridge: QueueEvents
let coop: { id: string }
let userId: string
let clip: { id: string; displayName: string }
let photo: { id: string }
const workers: Worker[] = []

beforeAll(async () => {
	const owner = await createUserWithCoop()
	coop = owner.coop
	userId = owner.user.id
	clip = await createReadyClip(coop.id, { width: 640, height: 360, seconds: 3, displayName: 'doi-che.mp4' })
	photo = await createReadyPhoto(coop.id, { width: 900, height: 1200 })
	bridge = await startRenderBridge()
})

afterAll(async () => {
	await Promise.all(workers.map((worker) => worker.close()))
	await bridge.close()
	await closeEventBus()
})

function startRenderWorker() {
	const worker = startEngineWorker()
	workers.push(worker)
	return worker
}

function specFor(clipId: string, overrides: Partial<EditSpecInput> = {}): EditSpecInput {
	return {
		version: 1,
		output: { formats: ['tiktok-reels'] },
		timeline: [
			{ type: 'clip', mediaId: clipId, label: 'doi-che.mp4', in: 0.5, out: 2.5 },
			{ type: 'photo', mediaId: photo.id, duration: 1, kenBurns: 'none', transitionIn: { type: 'fade', duration: 0.3 } },
		],
		...overrides,
	}
}

async function newEdit(spec: EditSpecInput, title = 'Đồi chè buổi sáng') {
	const created = await createEdit({ coopId: coop.id, userId, title, spec })
	if (!created.ok) throw new Error(`edit refused: ${JSON.stringify(created.issues)}`)
	return created.editId
}

async function settled(renderId: string) {
	for (;;) {
		const render = await getDb().render.findUniqueOrThrow({ where: { id: renderId } })
		if (render.status !== 'queued' && render.status !== 'rendering') return render
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
}

async function renderJobCount() {
	const counts = await getQueue(QUEUES.render).getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized')
	return Object.values(counts).reduce((sum, n) => sum + n, 0)
}

describe('a preview render of an edit', () => {
	let renderId: string
	let editId: string
	const events: CoopEventOf<'render.progress' | 'render.updated'>[] = []

	beforeAll(async () => {
		const unsubscribe = await subscribeCoopEvents(coop.id, (event) => {
			if (event.type === 'render.progress' || event.type === 'render.updated') events.push(event)
		})
		startRenderWorker()
		editId = await newEdit(specFor(clip.id))
		const requested = await requestRenders({ coopId: coop.id, userId, editId, quality: 'preview' })
		if (!requested.ok) throw new Error(JSON.stringify(requested.issues))
		renderId = requested.renders[0].renderId
		await settled(renderId)
		// The event follows the row's update.
		while (!events.some((event) => event.type === 'render.updated' && event.renderId === renderId && event.status === 'ready')) await new Promise((resolve) => setTimeout(resolve, 50))
		await unsubscribe()
	})

	test('the row becomes ready with the file the engine wrote, checked by ffprobe', async () => {
		const render = await getDb().render.findUniqueOrThrow({ where: { id: renderId } })
		expect(render.status).toBe('ready')
		expect(render.progress).toBe(100)
		expect(render.outputKey).toBe(`coops/${coop.id}/renders/${renderId}/tiktok-reels-preview.mp4`)
		const probe = await probeFile(resolveMediaPath(render.outputKey!))
		const metadata = JSON.parse(render.metadata!)
		// A preview is a third of 1080×1920.
		expect(probe.video).toMatchObject({ width: 360, height: 640, codec: 'h264' })
		expect(probe.audio?.codec).toBe('aac')
		expect(metadata).toMatchObject({ width: 360, height: 640, sizeBytes: (await fs.stat(resolveMediaPath(render.outputKey!))).size })
		// 2 s of clip + 1 s of photo − 0.3 s of fade.
		expect(Math.abs(probe.durationMs! - 2700)).toBeLessThanOrEqual(34)
		expect(Math.abs(metadata.durationMs - probe.durationMs!)).toBeLessThanOrEqual(34)
	})

	test('the studio heard the progress and the outcome live', () => {
		const mine = events.filter((event) => event.renderId === renderId)
		expect(mine.some((event) => event.type === 'render.progress' && typeof event.progress === 'number')).toBe(true)
		expect(mine.filter((event) => event.type === 'render.updated').map((event) => event.status)).toEqual(['queued', 'rendering', 'ready'])
		expect(mine.every((event) => event.editId === editId)).toBe(true)
	})

	test('asking again for the same edit reuses the render: no second job', async () => {
		const jobsBefore = await renderJobCount()
		const again = await requestRenders({ coopId: coop.id, userId, editId, quality: 'preview' })
		expect(again).toEqual({ ok: true, renders: [{ renderId, reused: true }] })
		expect(await renderJobCount()).toBe(jobsBefore)
	})

	test('another edit with exactly the same picture shares the file without rendering', async () => {
		const jobsBefore = await renderJobCount()
		const twin = await newEdit(specFor(clip.id), 'Bản sao')
		const requested = await requestRenders({ coopId: coop.id, userId, editId: twin, quality: 'preview' })
		if (!requested.ok) throw new Error('refused')
		expect(requested.renders[0].reused).toBe(true)
		const row = await getDb().render.findUniqueOrThrow({ where: { id: requested.renders[0].renderId } })
		expect(row).toMatchObject({ status: 'ready', reusedFromId: renderId, editId: twin })
		expect(row.outputKey).toBe((await getDb().render.findUniqueOrThrow({ where: { id: renderId } })).outputKey)
		expect(await renderJobCount()).toBe(jobsBefore)
	})

	test('a changed trim is a different video and is rendered', async () => {
		const jobsBefore = await renderJobCount()
		const changed = await newEdit(specFor(clip.id, { timeline: [{ type: 'clip', mediaId: clip.id, in: 0, out: 1.5 }] }))
		const requested = await requestRenders({ coopId: coop.id, userId, editId: changed, quality: 'preview' })
		if (!requested.ok) throw new Error('refused')
		expect(requested.renders[0].reused).toBe(false)
		expect(await renderJobCount()).toBe(jobsBefore + 1)
		expect((await settled(requested.renders[0].renderId)).status).toBe('ready')
	})

	test('a preview cannot be handed to the scheduler; a final render can', async () => {
		expect(await handOffRender(coop.id, renderId, userId)).toBe(false)
		const requested = await requestRenders({ coopId: coop.id, userId, editId, quality: 'final' })
		if (!requested.ok) throw new Error('refused')
		const final = await settled(requested.renders[0].renderId)
		expect(final.status).toBe('ready')
		const probe = await probeFile(resolveMediaPath(final.outputKey!))
		expect(probe.video).toMatchObject({ width: 1080, height: 1920 })
		expect(await handOffRender(coop.id, final.id, userId)).toBe(true)
		expect((await getDb().render.findUniqueOrThrow({ where: { id: final.id } })).handedOffAt).toBeInstanceOf(Date)
	})
})

describe('the reconciler', () => {
	test('puts back a render whose job vanished from Redis, and it completes', async () => {
		await Promise.all(workers.splice(0).map((worker) => worker.close()))
		const editId = await newEdit(specFor(clip.id, { timeline: [{ type: 'clip', mediaId: clip.id, in: 1, out: 2 }] }))
		const requested = await requestRenders({ coopId: coop.id, userId, editId, quality: 'preview' })
		if (!requested.ok) throw new Error('refused')
		const { renderId } = requested.renders[0]
		// What a Redis restart does: the job is gone, the row still says queued.
		await (await getQueue(QUEUES.render).getJob(jobIds.render(renderId)))!.remove()
		expect(await getQueue(QUEUES.render).getJob(jobIds.render(renderId))).toBeUndefined()

		expect(await reconcileRenders({ olderThanMs: 0 })).toBe(1)
		expect(await getQueue(QUEUES.render).getJob(jobIds.render(renderId))).toBeDefined()
		startRenderWorker()
		expect((await settled(renderId)).status).toBe('ready')
	})

	test('applies a result that finished while no bridge was listening', async () => {
		await bridge.close()
		try {
			const editId = await newEdit(specFor(clip.id, { timeline: [{ type: 'clip', mediaId: clip.id, in: 0.2, out: 1.2 }] }))
			const requested = await requestRenders({ coopId: coop.id, userId, editId, quality: 'preview' })
			if (!requested.ok) throw new Error('refused')
			const { renderId } = requested.renders[0]
			await jobFinished(renderId)
			expect((await getDb().render.findUniqueOrThrow({ where: { id: renderId } })).status).not.toBe('ready')
			await reconcileRenders({ olderThanMs: 0 })
			expect((await getDb().render.findUniqueOrThrow({ where: { id: renderId } })).status).toBe('ready')
		} finally {
			bridge = await startRenderBridge()
		}
	})
})

async function jobFinished(renderId: string) {
	for (;;) {
		const job = await getQueue(QUEUES.render).getJob(jobIds.render(renderId))
		const state = await job?.getState()
		if (state === 'completed' || state === 'failed') return state
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
}

describe('a render that fails', () => {
	test('a corrupt input that slipped past the request is marked failed, naming the item', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
		const broken = await createReadyClip(coop.id, { width: 320, height: 240, seconds: 2, displayName: 'hong.mp4' })
		const editId = await newEdit(specFor(broken.id, { timeline: [{ type: 'clip', mediaId: broken.id, label: 'hong.mp4', in: 0, out: 1.5 }] }))
		const requested = await requestRenders({ coopId: coop.id, userId, editId, quality: 'preview' })
		if (!requested.ok) throw new Error('refused')
		// The file is damaged after it was checked (a failing disk, a partial copy).
		await fs.writeFile(resolveMediaPath(broken.storageKey), Buffer.from('not a video any more'))
		if (workers.length === 0) startRenderWorker()
		const render = await settled(requested.renders[0].renderId)
		errors.mockRestore()

		expect(render.status).toBe('failed')
		expect(render.errorCode).toBe('rejected')
		const { issues } = JSON.parse(render.errorParams!)
		expect(issues).toEqual([expect.objectContaining({ code: 'media.unreadable', at: expect.objectContaining({ kind: 'item', index: 0, label: 'hong.mp4' }) })])
		expect(render.outputKey).toBeNull()
	})

	test('an edit naming another co-op’s clip is refused before anything is queued', async () => {
		const other = await createUserWithCoop()
		const foreign = await createReadyClip(other.coop.id, { width: 320, height: 240, seconds: 2 })
		const jobsBefore = await renderJobCount()
		const created = await createEdit({ coopId: coop.id, userId, title: 'Mượn clip', spec: specFor(foreign.id) })
		expect(created).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'media.missing', at: expect.objectContaining({ kind: 'item', index: 0 }) })] })
		// Even a spec written straight into the row cannot reach the other co-op's file.
		const edit = await getDb().edit.create({ data: { coopId: coop.id, title: 'Sửa tay', spec: JSON.stringify(specFor(foreign.id)) } })
		const requested = await requestRenders({ coopId: coop.id, userId, editId: edit.id, quality: 'preview' })
		expect(requested.ok).toBe(false)
		expect(await getDb().render.count({ where: { editId: edit.id } })).toBe(0)
		expect(await renderJobCount()).toBe(jobsBefore)
	})
})

describe('cancelling', () => {
	test('a queued render: the job is removed and the row says cancelled', async () => {
		await Promise.all(workers.splice(0).map((worker) => worker.close()))
		const editId = await newEdit(specFor(clip.id, { timeline: [{ type: 'clip', mediaId: clip.id, in: 0.4, out: 1.9 }] }))
		const requested = await requestRenders({ coopId: coop.id, userId, editId, quality: 'preview' })
		if (!requested.ok) throw new Error('refused')
		const { renderId } = requested.renders[0]
		await cancelRender(coop.id, renderId)
		expect((await getDb().render.findUniqueOrThrow({ where: { id: renderId } })).status).toBe('cancelled')
		expect(await getQueue(QUEUES.render).getJob(jobIds.render(renderId))).toBeUndefined()
	})

	test('a running render: its ffmpeg is stopped and no file is kept', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
		const long = await createReadyClip(coop.id, { width: 1280, height: 720, seconds: 20, displayName: 'dai.mp4' })
		const editId = await newEdit({ version: 1, output: { formats: ['landscape'] }, timeline: [{ type: 'clip', mediaId: long.id, in: 0, out: 20 }] })
		startRenderWorker()
		const requested = await requestRenders({ coopId: coop.id, userId, editId, quality: 'final' })
		if (!requested.ok) throw new Error('refused')
		const { renderId } = requested.renders[0]
		for (;;) {
			const row = await getDb().render.findUniqueOrThrow({ where: { id: renderId } })
			if (row.status === 'rendering' && row.progress > 0) break
			await new Promise((resolve) => setTimeout(resolve, 100))
		}
		await cancelRender(coop.id, renderId)
		expect(await jobFinished(renderId)).toBe('failed')
		errors.mockRestore()
		const refreshed = (await getQueue(QUEUES.render).getJob(jobIds.render(renderId)))!
		expect(refreshed.failedReason).toContain('"code":"cancelled"')
		const row = await getDb().render.findUniqueOrThrow({ where: { id: renderId } })
		expect(row.status).toBe('cancelled')
		const leftovers = await fs.readdir(resolveMediaPath(`coops/${coop.id}/renders/${renderId}`)).catch(() => [])
		expect(leftovers).toEqual([])
	})
})

describe('what a render request checks before anything is queued', () => {
	test('a trim past the end is measured against the media row (probed at upload), not by ffprobe in the request', async () => {
		// The file lasts 3 s; its row says 2 s. The refusal follows the row.
		const short = await createReadyClip(coop.id, { width: 320, height: 180, seconds: 3, displayName: 'ngan.mp4' })
		await getDb().media.update({ where: { id: short.id }, data: { durationMs: 2000 } })
		const editId = await newEdit(specFor(short.id))
		const before = await renderJobCount()
		const requested = await requestRenders({ coopId: coop.id, userId, editId, quality: 'preview' })
		expect(requested).toMatchObject({ ok: false, issues: [{ code: 'clip.outPastEnd', params: { out: 2.5, duration: 2 } }] })
		expect(await renderJobCount()).toBe(before)
	})

	test('a file gone from disk is refused by item', async () => {
		const gone = await createReadyClip(coop.id, { width: 320, height: 180, seconds: 3 })
		const editId = await newEdit(specFor(gone.id))
		await fs.rm(resolveMediaPath(gone.storageKey))
		const requested = await requestRenders({ coopId: coop.id, userId, editId, quality: 'preview' })
		expect(requested).toMatchObject({ ok: false, issues: [{ code: 'media.missing', at: { kind: 'item', index: 0 } }] })
	})
})
