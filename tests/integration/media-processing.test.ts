import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Worker } from 'bullmq'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { makeAudio, makeClip, makePhoto } from '#tests/support/media-fixtures.ts'
import { createCoopMember, recordCoopEvents, uploadIntoLibrary, waitForMediaSettled } from '#tests/support/media-world.ts'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { startMediaWorker } from '#workers/media/worker.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'

const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-media-fixtures-'))
let worker: Worker
let member: { userId: string; coopId: string }

beforeAll(async () => {
	worker = startMediaWorker()
	member = await createCoopMember('editor')
})
afterAll(async () => {
	await worker?.close()
	await closeEventBus()
	fs.rmSync(fixtures, { recursive: true, force: true })
})

const fixture = (name: string) => path.join(fixtures, name)
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

test('a phone clip recorded sideways: duration, upright size, thumbnail, poster and a 480p proxy; the page is told', async () => {
	// Stored landscape, left half red: shown upright (turned 90° clockwise) the red half is on top.
	const clip = await makeClip(fixture('sideways.mp4'), { width: 640, height: 360, seconds: 2, fps: 30, rotate: 90, pattern: 'halves' })
	const events = await recordCoopEvents(member.coopId)
	const { mediaId } = await uploadIntoLibrary(member, clip, { name: 'Hái chè sáng sớm.mp4' })
	await events.waitFor((e) => e.type === 'media.updated' && e.mediaId === mediaId)
	await events.stop()
	const media = await waitForMediaSettled(mediaId)

	expect(media).toMatchObject({ status: 'ready', kind: 'video', width: 360, height: 640, rotation: 90, hasAudio: true, videoCodec: 'h264', audioCodec: 'aac' })
	expect(Math.abs(media.durationMs! - 2000)).toBeLessThanOrEqual(34)
	expect(media.sha256).toBe(sha256(clip))
	expect(media.displayName).toBe('Hái chè sáng sớm.mp4')

	const thumb = await sharp(resolveMediaPath(media.thumbKey!)).metadata()
	expect(thumb.format).toBe('jpeg')
	expect(thumb.height! > thumb.width!).toBe(true)
	const poster = await colourAt(resolveMediaPath(media.posterKey!))
	expect(poster.size).toEqual([360, 640])
	expect(poster.top).toBe('red')
	expect(poster.bottom).toBe('blue')

	const proxy = await probeFile(resolveMediaPath(media.proxyKey!))
	expect(proxy.video).toMatchObject({ codec: 'h264', width: 360, height: 640, rotation: 0 })
	expect(proxy.audio?.codec).toBe('aac')
	expect(Math.abs(proxy.durationMs! - 2000)).toBeLessThanOrEqual(100)
	expect(fs.readdirSync(path.dirname(resolveMediaPath(media.storageKey))).sort()).toEqual(['original.mp4', 'poster.jpg', 'proxy.mp4', 'thumb.jpg'])

	expect(events.events.filter((e) => e.type !== 'media.progress')).toEqual([
		{ type: 'media.created', mediaId, status: 'processing' },
		{ type: 'media.updated', mediaId, status: 'ready' },
	])
})

test('a photo with EXIF orientation 6 is shown upright: portrait size, rotation 90, upright thumbnail and preview', async () => {
	const photo = await makePhoto(fixture('rotated.jpg'), { width: 1200, height: 900, orientation: 6 })
	const { mediaId } = await uploadIntoLibrary(member, photo)
	const media = await waitForMediaSettled(mediaId)
	expect(media).toMatchObject({ status: 'ready', kind: 'photo', width: 900, height: 1200, rotation: 90 })
	const thumb = await sharp(resolveMediaPath(media.thumbKey!)).metadata()
	expect([thumb.width, thumb.height]).toEqual([360, 480])
	const preview = await sharp(resolveMediaPath(media.proxyKey!)).metadata()
	expect([preview.width, preview.height]).toEqual([900, 1200])
	// The original stays as uploaded, orientation tag and all.
	expect((await sharp(resolveMediaPath(media.storageKey)).metadata()).orientation).toBe(6)
})

test('a music bed: audio kind, duration and a waveform thumbnail', async () => {
	const audio = await makeAudio(fixture('bed.m4a'), { seconds: 3 })
	const { mediaId } = await uploadIntoLibrary(member, audio, { name: 'Nhạc nền.m4a' })
	const media = await waitForMediaSettled(mediaId)
	expect(media).toMatchObject({ status: 'ready', kind: 'audio', hasAudio: true, audioCodec: 'aac', width: null })
	expect(Math.abs(media.durationMs! - 3000)).toBeLessThanOrEqual(50)
	expect((await sharp(resolveMediaPath(media.thumbKey!)).metadata()).width).toBe(480)
})

test('a corrupt video fails with a reason, its file is removed and the card stays', async () => {
	const good = fs.readFileSync(await makeClip(fixture('good.mp4'), { seconds: 1 }))
	// The container header survives (so the upload passes the magic-byte check), the rest is noise.
	const corrupt = Buffer.concat([good.subarray(0, 32), crypto.randomBytes(200_000)])
	fs.writeFileSync(fixture('corrupt.mp4'), corrupt)
	const { mediaId } = await uploadIntoLibrary(member, fixture('corrupt.mp4'))
	const media = await waitForMediaSettled(mediaId)
	expect(media).toMatchObject({ status: 'failed', errorCode: 'corrupt-video', thumbKey: null, proxyKey: null })
	expect(fs.existsSync(resolveMediaPath(media.storageKey))).toBe(false)
	// No empty folder is left behind either (decision 130).
	expect(fs.existsSync(path.dirname(resolveMediaPath(media.storageKey)))).toBe(false)
})

test('the same bytes twice: the second copy points at the first, unless they chose to keep it', async () => {
	const photo = await makePhoto(fixture('twice.jpg'), { width: 640, height: 480 })
	const first = await uploadIntoLibrary(member, photo, { name: 'Lần 1.jpg' })
	await waitForMediaSettled(first.mediaId)
	const second = await uploadIntoLibrary(member, photo, { name: 'Lần 2.jpg' })
	expect(await waitForMediaSettled(second.mediaId)).toMatchObject({ status: 'ready', duplicateOfId: first.mediaId })
	const kept = await uploadIntoLibrary(member, photo, { name: 'Lần 3.jpg', keepDuplicate: true })
	expect(await waitForMediaSettled(kept.mediaId)).toMatchObject({ status: 'ready', duplicateOfId: null, duplicateAccepted: true })

	// Another co-op's identical file is not a duplicate of this one's.
	const other = await createCoopMember('editor')
	const elsewhere = await uploadIntoLibrary(other, photo)
	expect(await waitForMediaSettled(elsewhere.mediaId)).toMatchObject({ status: 'ready', duplicateOfId: null })
})

test('a media row deleted while its job waits is skipped without recreating files', async () => {
	const photo = await makePhoto(fixture('gone.jpg'), { width: 320, height: 240 })
	await worker.pause()
	const { mediaId } = await uploadIntoLibrary(member, photo)
	const media = await getDb().media.findUniqueOrThrow({ where: { id: mediaId } })
	const dir = path.dirname(resolveMediaPath(media.storageKey))
	await getDb().media.delete({ where: { id: mediaId } })
	fs.rmSync(dir, { recursive: true })
	worker.resume()
	expect(await getJobResult(mediaId)).toEqual({ outcome: 'skipped', detail: 'deleted' })
	expect(fs.existsSync(dir)).toBe(false)
})

/** The size of a picture and the dominant colour near its top and bottom edges. */
async function colourAt(file: string) {
	const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true })
	const colour = (y: number) => {
		const offset = (y * info.width + Math.floor(info.width / 2)) * info.channels
		const [r, , b] = [data[offset], data[offset + 1], data[offset + 2]]
		return r > 200 && b < 60 ? 'red' : b > 200 && r < 60 ? 'blue' : `rgb(${r},${b})`
	}
	return { size: [info.width, info.height], top: colour(10), bottom: colour(info.height - 10) }
}

async function getJobResult(mediaId: string) {
	const { getQueue } = await import('~/jobs/queues.server.ts')
	const { jobIds } = await import('~/jobs/definitions.ts')
	const deadline = Date.now() + 30_000
	while (Date.now() < deadline) {
		const job = await getQueue('media').getJob(jobIds.mediaProcessing(mediaId))
		if (job?.finishedOn) return job.returnvalue
		await new Promise((r) => setTimeout(r, 100))
	}
	throw new Error('job did not complete')
}
