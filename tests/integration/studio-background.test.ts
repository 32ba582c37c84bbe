import fs from 'node:fs/promises'
import type { QueueEvents, Worker } from 'bullmq'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { clipHintsFromAnalysis } from '~/studio/edits/analysis.server.ts'
import { readPhotoPostOutputs, requestPhotoPost } from '~/studio/edits/photo-posts.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { processPhotoPost } from '#workers/photo/processor.ts'
import { startWorker } from '#workers/runtime.ts'
import { processClipAnalysis } from '#workers/studio/analysis-processor.ts'
import { reconcileClipAnalyses, startAnalysisTrigger } from '#workers/studio/analysis-trigger.ts'
import { startPhotoPostBridge } from '#workers/studio/photo-post-results.ts'
import { reconcilePhotoPosts } from '#workers/studio/reconcile-photo-posts.ts'
import { createProduct } from '~/products/products.server.ts'
import { createUserWithCoop, productInput } from '../../prisma/factories.ts'
import { createReadyClip, createReadyPhoto } from '#tests/support/studio-media.ts'

// The studio's other database-side work: clip analysis after a video is
// ready, and photo post sets, each with its reconciler.

const workers: Worker[] = []
let trigger: QueueEvents
let photoPostBridge: QueueEvents
let coop: { id: string }
let userId: string

beforeAll(async () => {
	const owner = await createUserWithCoop()
	coop = owner.coop
	userId = owner.user.id
	trigger = await startAnalysisTrigger()
	photoPostBridge = await startPhotoPostBridge()
})

afterAll(async () => {
	await Promise.all(workers.map((worker) => worker.close()))
	await trigger.close()
	await photoPostBridge.close()
	await closeEventBus()
})

async function until<T>(read: () => Promise<T | null | undefined>): Promise<T> {
	for (;;) {
		const value = await read()
		if (value) return value
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
}

describe('clip analysis', () => {
	test('a video whose media job completes is analysed, and its suggestions lie inside the clip', async () => {
		const clip = await createReadyClip(coop.id, { width: 480, height: 270, seconds: 4 })
		workers.push(startWorker(QUEUES.analysis, processClipAnalysis))
		// The media worker finishing this file is what the studio listens for.
		const mediaWorker = startWorker(QUEUES.media, async () => ({ processed: true }))
		workers.push(mediaWorker)
		await getQueue(QUEUES.media).add('process', { mediaId: clip.id }, { jobId: jobIds.mediaProcessing(clip.id) })

		const analysis = await until(() => getDb().mediaAnalysis.findUnique({ where: { mediaId: clip.id } }))
		expect(analysis.status).toBe('ready')
		const hints = clipHintsFromAnalysis(analysis)!
		expect(hints.highlights.length).toBeGreaterThan(0)
		for (const range of hints.highlights) {
			expect(range.start).toBeGreaterThanOrEqual(0)
			expect(range.end).toBeLessThanOrEqual(4)
			expect(range.end).toBeGreaterThan(range.start)
		}
	})

	test('the reconciler queues analysis for ready videos that were missed, and only for videos', async () => {
		const clip = await createReadyClip(coop.id, { width: 320, height: 240, seconds: 2 })
		const photo = await createReadyPhoto(coop.id)
		expect(await reconcileClipAnalyses({ olderThanMs: 0 })).toBeGreaterThanOrEqual(1)
		expect(await getQueue(QUEUES.analysis).getJob(jobIds.clipAnalysis(clip.id))).toBeDefined()
		expect(await getQueue(QUEUES.analysis).getJob(jobIds.clipAnalysis(photo.id))).toBeUndefined()
		await until(() => getDb().mediaAnalysis.findUnique({ where: { mediaId: clip.id } }))
	})
})

describe('photo post sets', () => {
	test('a product and two photos become the 4:5, 1:1 and 9:16 set, for Facebook and Zalo', async () => {
		const product = await createProduct(coop.id, productInput({ name: 'Chè búp khô', priceVnd: 120000 }))
		const photos = [await createReadyPhoto(coop.id, { width: 1600, height: 1200 }), await createReadyPhoto(coop.id, { width: 1000, height: 1500 })]
		workers.push(startWorker(QUEUES.photoPost, processPhotoPost))
		const requested = await requestPhotoPost(coop.id, userId, {
			title: 'Ảnh bán chè',
			productId: product.id,
			mediaIds: photos.map((p) => p.id),
			formats: ['portrait', 'square', 'story'],
			headline: 'Hái tay trên núi',
			showPrice: true,
			showLogo: true,
		})
		if (!requested.ok) throw new Error(requested.error)
		const row = await until(async () => {
			const current = await getDb().photoPostRender.findUniqueOrThrow({ where: { id: requested.photoPostId } })
			return current.status === 'ready' || current.status === 'failed' ? current : null
		})
		expect(row.status).toBe('ready')
		const outputs = readPhotoPostOutputs(row.outputs)
		expect(outputs).toHaveLength(2 * 3 * 2)
		const expected = { portrait: [1080, 1350], square: [1080, 1080], story: [1080, 1920] } as const
		for (const output of outputs) {
			expect(output.key.startsWith(`coops/${coop.id}/renders/${row.id}/`)).toBe(true)
			const metadata = await sharp(resolveMediaPath(output.key)).metadata()
			expect([metadata.width, metadata.height]).toEqual(expected[output.format])
			if (output.variant === 'zalo') expect(output.bytes).toBeLessThanOrEqual(1024 * 1024)
		}
	})

	test('photos of another co-op are refused and nothing is queued', async () => {
		const other = await createUserWithCoop()
		const foreign = await createReadyPhoto(other.coop.id)
		const before = await getDb().photoPostRender.count()
		const requested = await requestPhotoPost(coop.id, userId, { title: 'Mượn ảnh', mediaIds: [foreign.id], formats: ['square'], showPrice: false, showLogo: false })
		expect(requested).toEqual({ ok: false, error: 'photosUnavailable' })
		expect(await getDb().photoPostRender.count()).toBe(before)
	})

	test('a set whose job vanished is queued again by the reconciler and finished', async () => {
		await Promise.all(workers.splice(0).map((worker) => worker.close()))
		const photo = await createReadyPhoto(coop.id, { width: 900, height: 900 })
		const requested = await requestPhotoPost(coop.id, userId, { title: 'Lạc mất', mediaIds: [photo.id], formats: ['square'], showPrice: false, showLogo: false })
		if (!requested.ok) throw new Error(requested.error)
		await (await getQueue(QUEUES.photoPost).getJob(jobIds.photoPost(requested.photoPostId)))!.remove()
		expect(await reconcilePhotoPosts({ olderThanMs: 0 })).toBe(1)
		workers.push(startWorker(QUEUES.photoPost, processPhotoPost))
		const row = await until(async () => {
			const current = await getDb().photoPostRender.findUniqueOrThrow({ where: { id: requested.photoPostId } })
			return current.status === 'ready' ? current : null
		})
		expect(readPhotoPostOutputs(row.outputs)).toHaveLength(2)
	})

	test('a photo gone from the store fails the set with its code, naming the photo', async () => {
		await Promise.all(workers.splice(0).map((worker) => worker.close()))
		const photo = await createReadyPhoto(coop.id, { width: 800, height: 800 })
		const requested = await requestPhotoPost(coop.id, userId, { title: 'Mất ảnh', mediaIds: [photo.id], formats: ['square'], showPrice: false, showLogo: false })
		if (!requested.ok) throw new Error(requested.error)
		await fs.rm(resolveMediaPath(photo.storageKey))
		// The worker logs the failed job; that is expected here.
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
		workers.push(startWorker(QUEUES.photoPost, processPhotoPost))
		const row = await until(async () => {
			const current = await getDb().photoPostRender.findUniqueOrThrow({ where: { id: requested.photoPostId } })
			return current.status === 'failed' ? current : null
		})
		errors.mockRestore()
		expect(row.errorCode).toBe('photo-missing')
		expect(JSON.parse(row.errorParams!)).toEqual({ mediaId: photo.id, position: 1 })
	})

	test('a set finished while no bridge listened is recorded by the reconciler from the job’s result', async () => {
		await photoPostBridge.close()
		try {
			const photo = await createReadyPhoto(coop.id, { width: 700, height: 900 })
			const requested = await requestPhotoPost(coop.id, userId, { title: 'Không ai nghe', mediaIds: [photo.id], formats: ['portrait'], showPrice: false, showLogo: false })
			if (!requested.ok) throw new Error(requested.error)
			const job = (await getQueue(QUEUES.photoPost).getJob(jobIds.photoPost(requested.photoPostId)))!
			await until(async () => ((await job.getState()) === 'completed' ? true : null))
			expect((await getDb().photoPostRender.findUniqueOrThrow({ where: { id: requested.photoPostId } })).status).toBe('queued')

			expect(await reconcilePhotoPosts({ olderThanMs: 0 })).toBe(1)
			const row = await getDb().photoPostRender.findUniqueOrThrow({ where: { id: requested.photoPostId } })
			expect(row.status).toBe('ready')
			const outputs = readPhotoPostOutputs(row.outputs)
			expect(outputs).toHaveLength(2)
			for (const output of outputs) expect((await sharp(resolveMediaPath(output.key)).metadata()).width).toBe(1080)
		} finally {
			photoPostBridge = await startPhotoPostBridge()
		}
	})
})
