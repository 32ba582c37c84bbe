import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import { promisify } from 'node:util'
import type { Worker } from 'bullmq'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import * as editorRoute from '~/routes/studio.$editId/route.tsx'
import type { CoopEventOf } from '~/events/registry.ts'
import type { CaptionTimingView } from '~/studio/captions/caption-timing-status.ts'
import { captionTimingsOwingWork } from '~/studio/edits/caption-timings.server.ts'
import { createEdit } from '~/studio/edits/edits.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus, subscribeCoopEvents, type CoopEvent } from '~/utils/events.server.ts'
import { reconcileCaptionTimings } from '#workers/captions/reconcile.ts'
import { startCaptionTimingWorker } from '#workers/captions/worker.ts'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'
import { createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, sessionCookie } from '#tests/support/session-requests.ts'
import { createReadyClip, storeReadyMedia } from '#tests/support/studio-media.ts'

// "Time to the speech" for a whole edit, as background work: the request
// only queues it (no ffmpeg in the web process); the caption-timing worker
// finds the speech in each trimmed clip, places it where that clip plays in
// the video, stores the lines and sends them as a live event.

const run = promisify(execFile)
// The studio works without a transcription key; this file checks what it says then.
delete process.env.OPENAI_API_KEY

let coopId: string
let cookie: string
let editId: string
let spec: object
let worker: Worker | undefined

beforeAll(async () => {
	const owner = await createUserWithCoop()
	coopId = owner.coop.id
	cookie = await sessionCookie(owner.user.id, { activeCoopId: coopId })
	// Two "phrases" of tone (1–2.5 s and 4–5.5 s) over quiet room noise.
	const phrases = await storeReadyMedia(coopId, 'video', 'mp4', 'noi-chuyen.mp4', (file) =>
		run(ffmpegPath(), [
			'-y', '-v', 'error',
			'-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=15:duration=7',
			'-f', 'lavfi', '-i', "aevalsrc='0.5*sin(2*PI*220*t)*(between(t,1,2.5)+between(t,4,5.5))+0.002*(random(0)-0.5)':s=48000:d=7",
			'-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-b:a', '96k', '-shortest', file,
		]),
	)
	spec = {
		version: 1,
		timeline: [
			{ type: 'title', lines: ['Chè Shan tuyết'], duration: 1 },
			{ type: 'clip', mediaId: phrases.id, in: 0.5, out: 6.5 },
		],
	}
	const created = await createEdit({ coopId, userId: owner.user.id, title: 'Nói chuyện', spec: spec as never })
	if (!created.ok) throw new Error(JSON.stringify(created.issues))
	editId = created.editId
})

afterAll(async () => {
	await worker?.close()
	await closeEventBus()
})

function post(fields: Record<string, string>) {
	const body = new FormData()
	for (const [name, value] of Object.entries(fields)) body.append(name, value)
	return new Request(`http://localhost/studio/${editId}`, { method: 'POST', headers: { cookie }, body })
}

async function askToTime(timedSpec: object, texts: string[]): Promise<CaptionTimingView> {
	const answer = await callRoute(
		editorRoute.action,
		post({ intent: 'timeCaptions', title: 'Nói chuyện', spec: JSON.stringify(timedSpec), texts: JSON.stringify(texts) }),
		{ editId },
	)
	expect(answer.status).toBe(202)
	return (answer.data as { captionTiming: CaptionTimingView }).captionTiming
}

/** Listens before the worker starts, so no event can be missed. */
async function followTiming(captionTimingId: string) {
	const seen: string[] = []
	let finish: (event: CoopEventOf<'caption-timing.updated'>) => void = () => {}
	const finished = new Promise<CoopEventOf<'caption-timing.updated'>>((resolve) => (finish = resolve))
	const stop = await subscribeCoopEvents(coopId, (event: CoopEvent) => {
		if (event.type !== 'caption-timing.updated' || event.captionTimingId !== captionTimingId) return
		seen.push(String(event.status))
		if (event.status === 'ready' || event.status === 'failed') finish(event as CoopEventOf<'caption-timing.updated'>)
	})
	return { seen, finished: finished.finally(() => stop()) }
}

test('the request answers at once with a queued job; the lines of the worker arrive as a live event and are stored', async () => {
	// No caption worker runs yet: whatever the answer holds was not made by ffmpeg in the request.
	const asked = await askToTime(spec, ['Xin chào bà con.', 'Chè Shan tuyết ngon.'])
	expect(asked).toMatchObject({ editId, kind: 'speech', status: 'queued' })
	expect(asked.lines).toBeUndefined()
	const job = await getQueue(QUEUES.captionTiming).getJob(jobIds.captionTiming(asked.captionTimingId))
	expect(await job?.getState()).toBe('waiting')

	const { seen, finished } = await followTiming(asked.captionTimingId)
	worker = startCaptionTimingWorker()
	const event = await finished
	expect(seen).toEqual(['running', 'ready'])
	expect(event.timedBy).toBe('speech')
	const lines = event.lines!
	expect(lines.map((line) => line.text)).toEqual(['Xin chào bà con.', 'Chè Shan tuyết ngon.'])
	// Phrase 1 is 1–2.5 s of the file: 0.5–2 s into the kept part, which starts at 1 s.
	expect(lines[0].start).toBeCloseTo(1.5, 1)
	expect(lines[0].end).toBeCloseTo(3, 1)
	expect(lines[1].start).toBeCloseTo(4.5, 1)
	expect(lines[1].end).toBeCloseTo(6, 1)

	const row = await getDb().captionTiming.findUniqueOrThrow({ where: { id: asked.captionTimingId } })
	expect(row.status).toBe('ready')
	expect(JSON.parse(row.lines!)).toEqual(lines)
	// A reload of the editor finds the result the screen has not saved yet.
	const page = await callRoute(editorRoute.loader, new Request(`http://localhost/studio/${editId}`, { headers: { cookie } }), { editId })
	expect((page.data as { captionTiming: CaptionTimingView }).captionTiming).toMatchObject({ captionTimingId: asked.captionTimingId, status: 'ready', lines })
})

test('a clip kept without its sound has no speech: the lines are spread evenly, and the result says so', async () => {
	const silent = { ...spec, audio: { keepClipSound: false } }
	const asked = await askToTime(silent, ['Một', 'Hai'])
	const { finished } = await followTiming(asked.captionTimingId)
	worker ??= startCaptionTimingWorker()
	const { lines, timedBy } = await finished
	expect(timedBy).toBe('even')
	expect(lines![0].start).toBe(0)
	expect(lines![1].end).toBeCloseTo(7, 1)
})

test('a clip whose sound cannot be read: the timing fails with what to do next, stored and sent, without a retry', async () => {
	const broken = await createReadyClip(coopId, { width: 160, height: 90, seconds: 3, displayName: 'hong.mp4' })
	// Its bytes went bad on disk after it was probed at upload.
	await fs.writeFile(resolveMediaPath(broken.storageKey), 'not a video')
	const asked = await askToTime({ version: 1, timeline: [{ type: 'clip', mediaId: broken.id, in: 0, out: 2 }] }, ['Một'])
	const { finished } = await followTiming(asked.captionTimingId)
	worker ??= startCaptionTimingWorker()
	const event = await finished
	expect(event).toMatchObject({ status: 'failed', error: { problem: 'unreadable' } })
	expect(event.lines).toBeUndefined()
	const row = await getDb().captionTiming.findUniqueOrThrow({ where: { id: asked.captionTimingId } })
	expect(row).toMatchObject({ status: 'failed', errorCode: 'unreadable' })
	const job = await getQueue(QUEUES.captionTiming).getJob(jobIds.captionTiming(asked.captionTimingId))
	expect(job?.attemptsMade).toBe(1)
})

test('a timing whose job Redis lost is put back by the reconciler and finishes', async () => {
	// No worker may take the job before it is "lost": the earlier tests' worker is stopped first.
	await worker?.close()
	worker = undefined
	const asked = await askToTime(spec, ['Xin chào bà con.'])
	await getQueue(QUEUES.captionTiming).remove(jobIds.captionTiming(asked.captionTimingId))
	await getDb().captionTiming.update({ where: { id: asked.captionTimingId }, data: { updatedAt: new Date(Date.now() - 60_000) } })
	expect(await captionTimingsOwingWork({ olderThanMs: 30_000 })).toContain(asked.captionTimingId)

	const { finished } = await followTiming(asked.captionTimingId)
	expect(await reconcileCaptionTimings({ olderThanMs: 30_000 })).toBe(1)
	expect(await getQueue(QUEUES.captionTiming).getJob(jobIds.captionTiming(asked.captionTimingId))).toBeTruthy()
	worker = startCaptionTimingWorker()
	expect(await finished).toMatchObject({ status: 'ready', timedBy: 'speech' })
	expect(await captionTimingsOwingWork({ olderThanMs: 0 })).not.toContain(asked.captionTimingId)
})

test('transcription without a key says how to time the words instead, and queues nothing', async () => {
	const before = await getDb().captionTiming.count()
	const answer = await callRoute(editorRoute.action, post({ intent: 'transcribe', title: 'Nói chuyện', spec: JSON.stringify(spec) }), { editId })
	expect(answer.status).toBe(400)
	expect(answer.data).toMatchObject({ ok: false, error: { key: 'studio-captions:timing.errors.noKey' } })
	expect(await getDb().captionTiming.count()).toBe(before)
})
