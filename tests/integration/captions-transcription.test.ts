import { execFile } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { CaptionTimingError } from '~/studio/captions/timing-error.ts'
import { captionLinesByTranscription } from '#workers/captions/timing.ts'
import { ffprobePath } from '#workers/ffmpeg/binaries.ts'
import { makeClip } from '#tests/support/media-fixtures.ts'

const run = promisify(execFile)

// A small server speaking OpenAI's transcription API on loopback: multipart
// in, verbose_json out, or the failures the client must handle.
type Mode = 'ok' | 'unauthorized' | 'rate-limited-once' | 'rate-limited' | 'server-error' | 'hang'
type Received = { path: string; authorization: string | undefined; fields: Record<string, string[]>; fileType: string; fileName: string; filePath: string }

let mode: Mode = 'ok'
let received: Received[] = []
let server: http.Server
let baseURL: string
let workDir: string
const sockets = new Set<Socket>()

const transcript = {
	task: 'transcribe',
	language: 'vietnamese',
	duration: 3,
	text: 'Chè Shan tuyết, ngon lắm! Mua đi.',
	segments: [
		{ id: 0, start: 0.2, end: 1.8, text: ' Chè Shan tuyết, ngon lắm!', no_speech_prob: 0.02, avg_logprob: -0.25 },
		{ id: 1, start: 2, end: 2.8, text: ' Mua đi.', no_speech_prob: 0.02, avg_logprob: -0.3 },
	],
	words: [
		{ word: 'Chè', start: 0.2, end: 0.5 },
		{ word: 'Shan', start: 0.5, end: 0.8 },
		{ word: 'tuyết', start: 0.8, end: 1.1 },
		{ word: 'ngon', start: 1.1, end: 1.4 },
		{ word: 'lắm', start: 1.4, end: 1.8 },
		{ word: 'Mua', start: 2, end: 2.4 },
		{ word: 'đi', start: 2.4, end: 2.8 },
	],
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
	const request = new Request(`http://loopback${req.url}`, {
		method: req.method,
		headers: req.headers as Record<string, string>,
		body: Readable.toWeb(req) as ReadableStream,
		duplex: 'half',
	} as RequestInit)
	const form = await request.formData()
	const fields: Record<string, string[]> = {}
	let file: File | null = null
	for (const [name, value] of form.entries()) {
		if (typeof value === 'string') (fields[name] ??= []).push(value)
		else file = value
	}
	const filePath = path.join(workDir, `received-${received.length}.mp3`)
	if (file) fs.writeFileSync(filePath, Buffer.from(await file.arrayBuffer()))
	received.push({ path: req.url ?? '', authorization: req.headers.authorization, fields, fileType: file?.type ?? '', fileName: file?.name ?? '', filePath })

	const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
		res.writeHead(status, { 'content-type': 'application/json', ...headers })
		res.end(JSON.stringify(body))
	}
	const apiError = (message: string, type: string) => ({ error: { message, type, param: null, code: null } })
	if (mode === 'hang') return
	if (mode === 'unauthorized') return json(401, apiError('Incorrect API key provided: sk-bad.', 'invalid_request_error'))
	if (mode === 'rate-limited' || (mode === 'rate-limited-once' && received.length === 1))
		return json(429, apiError('Rate limit reached for whisper-1.', 'requests'), { 'retry-after': '120', 'retry-after-ms': '5' })
	if (mode === 'server-error') return json(500, apiError('The server had an error.', 'server_error'), { 'retry-after-ms': '5' })
	json(200, transcript)
}

let clip: string
beforeAll(async () => {
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-whisper-'))
	clip = await makeClip(path.join(workDir, 'speech.mp4'), { seconds: 6, width: 320, height: 180 })
	server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			res.writeHead(400)
			res.end(String(error))
		})
	})
	server.on('connection', (socket) => {
		sockets.add(socket)
		socket.on('close', () => sockets.delete(socket))
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
})

afterAll(async () => {
	for (const socket of sockets) socket.destroy()
	await new Promise((resolve) => server.close(resolve))
	fs.rmSync(workDir, { recursive: true, force: true })
})

beforeEach(() => {
	mode = 'ok'
	received = []
})

const settings = (overrides: Record<string, unknown> = {}) => ({ apiKey: 'sk-test-key', baseURL, maxRetries: 2, timeoutMs: 10_000, ...overrides })

async function timingError(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (error instanceof CaptionTimingError) return error
		throw error
	}
	throw new Error('expected a CaptionTimingError')
}

describe('transcription with whisper-1', () => {
	test('sends small mono audio with the agreed parameters and returns punctuated lines with word times', async () => {
		const lines = await captionLinesByTranscription(
			{ filePath: clip, inSeconds: 1, durationSeconds: 3, timelineStartSeconds: 10 },
			{ settings: settings(), prompt: 'Shan tuyết, Suối Giàng' },
		)
		expect(received).toHaveLength(1)
		const [request] = received
		expect(request.path).toBe('/v1/audio/transcriptions')
		expect(request.authorization).toBe('Bearer sk-test-key')
		expect(request.fields.model).toEqual(['whisper-1'])
		expect(request.fields.response_format).toEqual(['verbose_json'])
		expect(request.fields.language).toEqual(['vi'])
		expect(request.fields['timestamp_granularities[]']).toContain('word')
		expect(request.fields.prompt).toEqual(['Shan tuyết, Suối Giàng'])
		expect(request.fileType).toBe('audio/mpeg')

		const { stdout } = await run(ffprobePath(), ['-v', 'error', '-show_entries', 'stream=codec_name,channels,sample_rate:format=duration', '-of', 'json', request.filePath])
		const probed = JSON.parse(stdout) as { streams: { codec_name: string; channels: number; sample_rate: string }[]; format: { duration: string } }
		expect(probed.streams).toEqual([{ codec_name: 'mp3', channels: 1, sample_rate: '16000' }])
		expect(Number(probed.format.duration)).toBeCloseTo(3, 0)

		expect(lines.map((l) => [l.start, l.end, l.text])).toEqual([
			[10.2, 11.8, 'Chè Shan tuyết, ngon lắm!'],
			[12, 12.8, 'Mua đi.'],
		])
		expect(lines[0].words?.map((w) => w.text)).toEqual(['Chè', 'Shan', 'tuyết,', 'ngon', 'lắm!'])
		expect(lines[0].words?.[2]).toEqual({ start: 10.8, end: 11.1, text: 'tuyết,' })
	})

	test('a long part is sent in chunks whose times are put back in place', async () => {
		const lines = await captionLinesByTranscription({ filePath: clip, durationSeconds: 6 }, { settings: settings(), chunkSeconds: 3 })
		expect(received).toHaveLength(2)
		expect(lines.map((l) => l.start)).toEqual([0.2, 2, 3.2, 5])
	})

	test('a bad key is reported at once, asking to check the key', async () => {
		mode = 'unauthorized'
		const error = await timingError(captionLinesByTranscription({ filePath: clip, durationSeconds: 2 }, { settings: settings() }))
		expect(error.problem).toBe('badKey')
		expect(received).toHaveLength(1)
	})

	test('a rate limit is retried as the server asks, and succeeds when it lifts', async () => {
		mode = 'rate-limited-once'
		const lines = await captionLinesByTranscription({ filePath: clip, durationSeconds: 3 }, { settings: settings() })
		expect(received).toHaveLength(2)
		expect(lines).toHaveLength(2)
	})

	test('a rate limit that lasts becomes a message with the wait the server named', async () => {
		mode = 'rate-limited'
		const error = await timingError(captionLinesByTranscription({ filePath: clip, durationSeconds: 2 }, { settings: settings() }))
		expect(error.problem).toBe('rateLimited')
		expect(error.params.minutes).toBe(2)
		expect(received).toHaveLength(3)
	})

	test('server errors are retried, then reported', async () => {
		mode = 'server-error'
		const error = await timingError(captionLinesByTranscription({ filePath: clip, durationSeconds: 2 }, { settings: settings({ maxRetries: 1 }) }))
		expect(error.problem).toBe('serviceError')
		expect(received).toHaveLength(2)
	})

	test('a server that never answers times out', async () => {
		mode = 'hang'
		const error = await timingError(captionLinesByTranscription({ filePath: clip, durationSeconds: 2 }, { settings: settings({ timeoutMs: 400, maxRetries: 1 }) }))
		expect(error.problem).toBe('timeout')
		expect(received).toHaveLength(2)
	})

	test('without a key, or with nothing listening, the person is told what to do', async () => {
		expect((await timingError(captionLinesByTranscription({ filePath: clip, durationSeconds: 2 }, { settings: settings({ apiKey: '' }) }))).problem).toBe('noKey')
		const closed = http.createServer()
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
		const port = (closed.address() as AddressInfo).port
		await new Promise((resolve) => closed.close(resolve))
		const error = await timingError(
			captionLinesByTranscription({ filePath: clip, durationSeconds: 2 }, { settings: settings({ baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 }) }),
		)
		expect(error.problem).toBe('unreachable')
		expect(received).toHaveLength(0)
	})

	test('a clip without sound is reported before anything is sent', async () => {
		const silentVideo = await makeClip(path.join(workDir, 'no-audio.mp4'), { seconds: 1, width: 160, height: 90, audio: false })
		const error = await timingError(captionLinesByTranscription({ filePath: silentVideo, durationSeconds: 1 }, { settings: settings() }))
		expect(error.problem).toBe('noAudio')
		expect(received).toHaveLength(0)
	})
})
