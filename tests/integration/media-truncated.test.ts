import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { QueueEvents, type Worker } from 'bullmq'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { makeClip } from '#tests/support/media-fixtures.ts'
import { createCoopMember, uploadIntoLibrary, waitForMediaSettled } from '#tests/support/media-world.ts'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { startMediaWorker } from '#workers/media/worker.ts'
import { startRenderWorker } from '#workers/render/worker.ts'
import { startRenderBridge } from '#workers/studio/render-bridge.ts'
import { QUEUES } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { mediaDirKey, resolveMediaPath } from '~/media/storage.server.ts'
import { decodeRenderFailure, describeRenderFailure } from '~/studio/spec/render-failure.ts'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'
import { createEdit } from '~/studio/edits/edits.server.ts'
import { requestRenders } from '~/studio/edits/renders.server.ts'
import type { EditSpecInput } from '~/studio/spec/edit-spec.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'

// A half-written phone clip (docs/decisions/130-truncated-media.md): a
// faststart MP4 cut in half keeps a header that promises the whole length.

const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-truncated-'))
const workers: Worker[] = []
let bridge: QueueEvents
let member: { userId: string; coopId: string }
let whole: string

beforeAll(async () => {
	workers.push(startMediaWorker(), startRenderWorker())
	bridge = await startRenderBridge()
	member = await createCoopMember('owner')
	whole = await makeClip(path.join(fixtures, 'whole.mp4'), { width: 320, height: 180, seconds: 20 })
})
afterAll(async () => {
	await Promise.all(workers.map((worker) => worker.close()))
	await bridge?.close()
	await closeEventBus()
	fs.rmSync(fixtures, { recursive: true, force: true })
})

function cutTo(name: string, bytes: number) {
	const target = path.join(fixtures, name)
	const handle = fs.openSync(target, 'w')
	fs.writeSync(handle, fs.readFileSync(whole).subarray(0, bytes))
	fs.closeSync(handle)
	return target
}

/** Takes in a clip cut in half, makes an edit of `range` of it and asks for a preview render. */
async function renderHalfClip(name: string, range: { in: number; out: number }) {
	const { mediaId } = await uploadIntoLibrary(member, cutTo(name, Math.floor(fs.statSync(whole).size / 2)), { name })
	const media = await waitForMediaSettled(mediaId)
	const spec: EditSpecInput = { version: 1, output: { formats: ['tiktok-reels'] }, timeline: [{ type: 'clip', mediaId, label: name, ...range }] }
	const created = await createEdit({ coopId: member.coopId, userId: member.userId, title: `Clip ${name}`, spec })
	if (!created.ok) throw new Error(JSON.stringify(created.issues))
	const requested = await requestRenders({ coopId: member.coopId, userId: member.userId, editId: created.editId, quality: 'preview' })
	return { media, requested }
}

test('a whole clip keeps its full duration and is not marked as cut', async () => {
	const { mediaId } = await uploadIntoLibrary(member, whole, { name: 'nguyen-ven.mp4' })
	const media = await waitForMediaSettled(mediaId)
	expect(media.status).toBe('ready')
	expect(Math.abs(media.durationMs! - 20_000)).toBeLessThanOrEqual(40)
	expect(media.fullDurationMs).toBeNull()
})

test('a clip cut in half: ready, with the duration that decodes and the one its header claims', async () => {
	const half = cutTo('half.mp4', Math.floor(fs.statSync(whole).size / 2))
	expect((await probeFile(half)).durationMs).toBe(20_000)
	const { mediaId } = await uploadIntoLibrary(member, half, { name: 'cat-do.mp4' })
	const media = await waitForMediaSettled(mediaId)
	expect(media.status).toBe('ready')
	expect(media.fullDurationMs).toBe(20_000)
	expect(media.durationMs!).toBeGreaterThan(8_000)
	expect(media.durationMs!).toBeLessThan(12_000)
	// The preview holds what decodes, to within a frame or two.
	const proxy = await probeFile(resolveMediaPath(media.proxyKey!))
	expect(Math.abs(proxy.durationMs! - media.durationMs!)).toBeLessThanOrEqual(200)
})

test('a clip with almost nothing left is unusable, and says it was cut short', async () => {
	const stub = cutTo('stub.mp4', 40_000)
	const { mediaId } = await uploadIntoLibrary(member, stub, { name: 'gan-nhu-trong.mp4' })
	const media = await waitForMediaSettled(mediaId)
	expect(media).toMatchObject({ status: 'failed', errorCode: 'truncated' })
	// Its bytes are gone and so is its folder: the card alone explains.
	expect(fs.existsSync(resolveMediaPath(mediaDirKey(member.coopId, mediaId)))).toBe(false)
})

test('a render asking for seconds past the cut is given only what decodes, and succeeds', async () => {
	const { media, requested } = await renderHalfClip('cat-do-dung.mp4', { in: 6, out: 18 })
	if (!requested.ok) throw new Error(JSON.stringify(requested.issues))
	let render = await getDb().render.findUniqueOrThrow({ where: { id: requested.renders[0].renderId } })
	while (render.status === 'queued' || render.status === 'rendering') {
		await new Promise((resolve) => setTimeout(resolve, 200))
		render = await getDb().render.findUniqueOrThrow({ where: { id: render.id } })
	}
	expect(render.status).toBe('ready')
	const output = await probeFile(resolveMediaPath(render.outputKey!))
	expect(Math.abs(output.durationMs! - (media.durationMs! - 6000))).toBeLessThanOrEqual(200)
})

test('a clip starting past the cut is refused, naming the item', async () => {
	const { requested } = await renderHalfClip('cuoi-clip.mp4', { in: 15, out: 18 })
	expect(requested).toMatchObject({ ok: false, issues: [{ code: 'clip.inPastEnd', at: { kind: 'item', index: 0, label: 'cuoi-clip.mp4' } }] })
})

test('a render job reaching the worker with a range past the cut fails naming the item, and leaves no folder', async () => {
	const half = cutTo('half-worker.mp4', Math.floor(fs.statSync(whole).size / 2))
	const { mediaId } = await uploadIntoLibrary(member, half, { name: 'doi-che-cat-do.mp4' })
	const media = await waitForMediaSettled(mediaId)
	const events = new QueueEvents(QUEUES.render, { connection: createRedisConnection(), prefix: redisPrefix() })
	await events.waitUntilReady()
	const outputKey = `coops/${member.coopId}/renders/cutshort1/square-preview.mp4`
	const spec = { version: 1, timeline: [{ type: 'clip', mediaId, label: 'doi-che-cat-do.mp4', in: 2, out: 18 }] }
	const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
	const job = await getQueue(QUEUES.render).add('render', { spec, format: 'square', quality: 'preview', inputs: { [mediaId]: media.storageKey }, outputKey })
	const reason = await job.waitUntilFinished(events).then(
		() => null,
		(error: Error) => error.message,
	)
	logged.mockRestore()
	await events.close()
	const failure = decodeRenderFailure(reason ?? undefined)
	expect(failure).toMatchObject({ code: 'clipCutShort', params: { item: 'doi-che-cat-do.mp4' } })
	const [sentence] = describeRenderFailure(failure, (key, options) => `${key} ${JSON.stringify(options)}`)
	expect(sentence).toContain('doi-che-cat-do.mp4')
	expect(fs.existsSync(path.dirname(resolveMediaPath(outputKey)))).toBe(false)
})
