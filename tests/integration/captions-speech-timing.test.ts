import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CaptionTimingError } from '~/studio/captions/timing-error.ts'
import { detectSpeech } from '#workers/captions/audio.ts'
import { captionLinesFromTypedText } from '#workers/captions/timing.ts'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'
import { makeClip } from '#tests/support/media-fixtures.ts'

const run = promisify(execFile)

let workDir: string
let phrases: string
beforeAll(async () => {
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-speech-'))
	phrases = path.join(workDir, 'phrases.mp4')
	// Two "phrases" of tone (1–2.5 s and 4–5.5 s) over quiet room noise, in a 7 s clip with video.
	await run(ffmpegPath(), [
		'-y', '-v', 'error',
		'-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=15:duration=7',
		'-f', 'lavfi', '-i', "aevalsrc='0.5*sin(2*PI*220*t)*(between(t,1,2.5)+between(t,4,5.5))+0.002*(random(0)-0.5)':s=48000:d=7",
		'-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-b:a', '96k', '-shortest', phrases,
	])
})
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

describe('typed captions timed to speech with silencedetect', () => {
	test('finds the two phrases', async () => {
		const speech = await detectSpeech({ filePath: phrases, durationSeconds: 7 })
		expect(speech).toHaveLength(2)
		expect(speech[0].start).toBeCloseTo(1, 1)
		expect(speech[0].end).toBeCloseTo(2.5, 1)
		expect(speech[1].start).toBeCloseTo(4, 1)
		expect(speech[1].end).toBeCloseTo(5.5, 1)
	})

	test('puts one typed line on each phrase, on the output timeline', async () => {
		const { lines, timedBy } = await captionLinesFromTypedText(
			{ filePath: phrases, inSeconds: 0.5, durationSeconds: 6, timelineStartSeconds: 10 },
			'Xin chào bà con.\nChè Shan tuyết ngon.',
			'speech',
		)
		expect(timedBy).toBe('speech')
		expect(lines.map((l) => l.text)).toEqual(['Xin chào bà con.', 'Chè Shan tuyết ngon.'])
		expect(lines[0].start).toBeCloseTo(10.5, 1)
		expect(lines[0].end).toBeCloseTo(12, 1)
		expect(lines[1].start).toBeCloseTo(13.5, 1)
		expect(lines[1].end).toBeCloseTo(15, 1)
	})

	test('spreads lines evenly when asked, or when nothing is heard', async () => {
		const even = await captionLinesFromTypedText({ filePath: phrases, durationSeconds: 7 }, 'chè ngon\ngạo ngon', 'even')
		expect(even.timedBy).toBe('even')
		expect(even.lines.map((l) => [l.start, l.end])).toEqual([
			[0, 3.5],
			[3.5, 7],
		])

		const quiet = await makeClip(path.join(workDir, 'quiet.mp4'), { seconds: 3, width: 160, height: 90, audio: false })
		const silentTrack = path.join(workDir, 'silent-track.mp4')
		await run(ffmpegPath(), ['-y', '-v', 'error', '-i', quiet, '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-c:v', 'copy', '-c:a', 'aac', '-shortest', silentTrack])
		const fallback = await captionLinesFromTypedText({ filePath: silentTrack, durationSeconds: 3 }, 'một\nhai', 'speech')
		expect(fallback.timedBy).toBe('even')
		expect(fallback.lines).toHaveLength(2)
		expect(fallback.lines[1].end).toBe(3)

		await expect(captionLinesFromTypedText({ filePath: quiet, durationSeconds: 3 }, 'một', 'speech')).rejects.toBeInstanceOf(CaptionTimingError)
	})
})
