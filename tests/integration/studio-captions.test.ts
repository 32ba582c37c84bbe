import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { beforeAll, expect, test } from 'vitest'
import * as editorRoute from '~/routes/studio.$editId/route.tsx'
import type { CaptionLine } from '~/studio/captions/schema.ts'
import { createEdit } from '~/studio/edits/edits.server.ts'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'
import { createUserWithCoop } from '../../prisma/factories.ts'
import { callRoute, sessionCookie } from '#tests/support/session-requests.ts'
import { storeReadyMedia } from '#tests/support/studio-media.ts'

// "Time to the speech" for a whole edit: speech found in each trimmed clip
// lands where that clip plays in the video, after the items before it.

const run = promisify(execFile)
// The studio works without a transcription key; this file checks what it says then.
delete process.env.OPENAI_API_KEY

let coopId: string
let cookie: string
let editId: string
let spec: object

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

function post(fields: Record<string, string>) {
	const body = new FormData()
	for (const [name, value] of Object.entries(fields)) body.append(name, value)
	return new Request(`http://localhost/studio/${editId}`, { method: 'POST', headers: { cookie }, body })
}

test('typed lines are placed on the phrases, shifted by the title card and the trim', async () => {
	const answer = await callRoute(
		editorRoute.action,
		post({ intent: 'timeCaptions', title: 'Nói chuyện', spec: JSON.stringify(spec), texts: JSON.stringify(['Xin chào bà con.', 'Chè Shan tuyết ngon.']) }),
		{ editId },
	)
	expect(answer.status).toBe(200)
	const { lines, timedBy } = answer.data as { lines: CaptionLine[]; timedBy: string }
	expect(timedBy).toBe('speech')
	expect(lines.map((line) => line.text)).toEqual(['Xin chào bà con.', 'Chè Shan tuyết ngon.'])
	// Phrase 1 is 1–2.5 s of the file: 0.5–2 s into the kept part, which starts at 1 s.
	expect(lines[0].start).toBeCloseTo(1.5, 1)
	expect(lines[0].end).toBeCloseTo(3, 1)
	expect(lines[1].start).toBeCloseTo(4.5, 1)
	expect(lines[1].end).toBeCloseTo(6, 1)
})

test('a clip kept without its sound has no speech: the lines are spread evenly, and the answer says so', async () => {
	const silent = { ...spec, audio: { keepClipSound: false } }
	const answer = await callRoute(
		editorRoute.action,
		post({ intent: 'timeCaptions', title: 'Nói chuyện', spec: JSON.stringify(silent), texts: JSON.stringify(['Một', 'Hai']) }),
		{ editId },
	)
	const { lines, timedBy } = answer.data as { lines: CaptionLine[]; timedBy: string }
	expect(timedBy).toBe('even')
	expect(lines[0].start).toBe(0)
	expect(lines[1].end).toBeCloseTo(7, 1)
})

test('transcription without a key says how to time the words instead', async () => {
	const answer = await callRoute(editorRoute.action, post({ intent: 'transcribe', title: 'Nói chuyện', spec: JSON.stringify(spec) }), { editId })
	expect(answer.status).toBe(400)
	expect(answer.data).toMatchObject({ ok: false, error: { key: 'studio-captions:timing.errors.noKey' } })
})
