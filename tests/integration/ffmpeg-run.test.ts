import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { FfmpegError, renderToFile, runFfmpeg, runFfmpegForLog, type FfmpegProgress } from '#workers/ffmpeg/run.ts'
import { runningFfmpegChildren } from '#tests/support/render-checks.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'

// The runner on its own: it knows argument arrays, not edits.

let dir: string
beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ffmpeg-run-'))
})
afterAll(async () => {
	await fs.rm(dir, { recursive: true, force: true })
})

const twoSecondsOfTestPattern = ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest']

test('renders under a temporary name, reports progress to 100 %, and names the file only once ffprobe accepts it', async () => {
	const out = path.join(dir, 'ok', 'video.mp4')
	const reports: FfmpegProgress[] = []
	const { probe } = await renderToFile(twoSecondsOfTestPattern, out, { expectedSeconds: 2, onProgress: (p) => reports.push(p) })
	expect(probe.video).toMatchObject({ width: 320, height: 240 })
	expect(await fs.readdir(path.dirname(out))).toEqual(['video.mp4'])
	expect(reports.at(-1)?.percent).toBe(100)
	expect(reports.map((r) => r.percent)).toEqual([...reports.map((r) => r.percent)].sort((a, b) => a - b))
})

test('an output that is not what was asked is refused and removed', async () => {
	const out = path.join(dir, 'short', 'video.mp4')
	const error = await renderToFile(twoSecondsOfTestPattern, out, { expectedSeconds: 5 }).catch((e: unknown) => e)
	expect(error).toBeInstanceOf(FfmpegError)
	expect((error as FfmpegError).kind).toBe('invalid-output')
	expect((error as FfmpegError).message).toMatch(/duration 2\.\d+ s instead of 5\.000 s/)
	expect(await fs.readdir(path.dirname(out))).toEqual([])
})

test('a good file already at the output path survives a failed render, byte for byte', async () => {
	const out = path.join(dir, 'kept', 'video.mp4')
	// Smaller and shorter than anything the failing runs below would write.
	const oneSmallSecond = ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=30:duration=1', '-f', 'lavfi', '-i', 'sine=duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest']
	await renderToFile(oneSmallSecond, out, { expectedSeconds: 1 })
	const good = await fs.readFile(out)
	const failures = [
		// ffmpeg succeeds, ffprobe refuses the duration.
		{ args: twoSecondsOfTestPattern, kind: 'invalid-output' },
		// ffmpeg itself fails, after opening its output.
		{ args: ['-f', 'lavfi', '-i', 'testsrc2=duration=1', '-vf', 'no_such_filter'], kind: 'failed' },
	]
	for (const failure of failures) {
		const error = await renderToFile(failure.args, out, { expectedSeconds: 5 }).catch((e: unknown) => e)
		expect(error).toMatchObject({ kind: failure.kind })
		expect(await fs.readdir(path.dirname(out))).toEqual(['video.mp4'])
		expect((await fs.readFile(out)).equals(good)).toBe(true)
	}
	expect((await probeFile(out)).video).toMatchObject({ width: 160, height: 120 })
})

test('a failing ffmpeg rejects with its exit code and the tail of its stderr', async () => {
	const error = await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=duration=1', '-vf', 'no_such_filter', '-f', 'null', '-'], { expectedSeconds: 1 }).catch((e: unknown) => e)
	expect(error).toBeInstanceOf(FfmpegError)
	expect(error).toMatchObject({ kind: 'failed', exitCode: 1 })
	expect((error as FfmpegError).stderrTail).toContain('No such filter')
})

test('a run for its log resolves with the whole log, not only its tail', async () => {
	// showinfo logs one long line a frame: 60 frames write well over the 8000 characters a tail keeps.
	const log = await runFfmpegForLog(['-f', 'lavfi', '-i', 'testsrc2=size=64x64:rate=30:duration=2', '-vf', 'showinfo', '-f', 'null', '-'])
	expect(log).toMatch(/n: *0 /)
	expect(log).toMatch(/n: *59 /)
})

test('an ffmpeg that cannot be started is told apart from one that failed', async () => {
	const saved = process.env.FFMPEG_PATH
	process.env.FFMPEG_PATH = path.join(dir, 'no-such-ffmpeg')
	resetEnvForTests()
	try {
		const error = await runFfmpeg(['-version']).catch((e: unknown) => e)
		expect(error).toBeInstanceOf(FfmpegError)
		expect(error).toMatchObject({ kind: 'not-started' })
	} finally {
		if (saved === undefined) delete process.env.FFMPEG_PATH
		else process.env.FFMPEG_PATH = saved
		resetEnvForTests()
	}
})

test('an abort kills ffmpeg', async () => {
	const cancel = new AbortController()
	// -re plays in real time: ten minutes unless the abort kills it.
	const running = runFfmpeg(['-re', '-f', 'lavfi', '-i', 'testsrc2=duration=600', '-f', 'null', '-'], {
		expectedSeconds: 600,
		signal: cancel.signal,
		onProgress: () => cancel.abort(),
	})
	const error = await running.catch((e: unknown) => e)
	expect(error).toMatchObject({ kind: 'cancelled' })
	expect(await runningFfmpegChildren()).toEqual([])
})
