import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { analyzeClip } from '#workers/analysis/analyze-clip.ts'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'

const run = promisify(execFile)
const encode = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac']

let workDir: string
beforeAll(() => {
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-analysis-test-'))
})
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

describe('analyzeClip on generated clips', () => {
	test('a dark, silent start and a bright, moving, sounding middle: suggestion in the middle, dark flag at the start', async () => {
		const file = path.join(workDir, 'dark-then-lively.mp4')
		// 0–4 s near-black and silent; 4–10 s test pattern in motion with a tone; 10–14 s flat grey with faint hiss.
		await run(ffmpegPath(), [
			'-y', '-v', 'error',
			'-f', 'lavfi', '-i', 'color=c=0x0a0a0a:s=640x360:r=30:d=4',
			'-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=30:d=6',
			'-f', 'lavfi', '-i', 'color=c=0x808080:s=640x360:r=30:d=4',
			'-f', 'lavfi', '-i', 'aevalsrc=0:s=48000:d=4',
			'-f', 'lavfi', '-i', 'sine=f=330:r=48000:d=6',
			'-f', 'lavfi', '-i', 'anoisesrc=r=48000:a=0.001:d=4',
			'-filter_complex', '[0:v][3:a][1:v][4:a][2:v][5:a]concat=n=3:v=1:a=1[v][a]',
			'-map', '[v]', '-map', '[a]', ...encode, file,
		])
		const { suggestions, flags } = await analyzeClip(file, { durationMs: 14_000 })
		const [best] = suggestions
		expect(best.start).toBeGreaterThanOrEqual(4)
		expect(best.end).toBeLessThanOrEqual(10)
		expect(best.end - best.start).toBeGreaterThanOrEqual(2)
		expect(best.reasons).toEqual(expect.arrayContaining(['motion', 'sound']))
		for (const other of suggestions.slice(1)) expect(other.score).toBeLessThanOrEqual(best.score)

		const darkFlags = flags.filter((f) => f.kind === 'dark')
		expect(darkFlags).toHaveLength(1)
		expect(darkFlags[0].start).toBe(0)
		expect(darkFlags[0].end).toBeCloseTo(4, 0)
		expect(flags).toContainEqual(expect.objectContaining({ kind: 'silent', start: 0 }))
		expect(flags.some((f) => f.kind === 'shaky')).toBe(false)
	})

	test('a steady pan then a shaking camera: shaky flag on the second half, suggestion on the first', async () => {
		const file = path.join(workDir, 'steady-then-shaky.mp4')
		// One still frame seen through a moving crop: a slow pan for 5 s, then hand-held jitter.
		await run(ffmpegPath(), [
			'-y', '-v', 'error',
			'-f', 'lavfi', '-i', 'testsrc2=s=1400x800:r=30:d=1',
			'-f', 'lavfi', '-i', 'sine=f=330:r=48000:d=10',
			'-filter_complex',
			"[0:v]loop=loop=299:size=1:start=0,setpts=N/30/TB,crop=w=1200:h=675:x='if(lt(t,5),60+20*t,150+30*sin(t*19)+15*sin(t*41))':y='if(lt(t,5),60,60+30*cos(t*23))',scale=640:360[v]",
			'-map', '[v]', '-map', '1:a', '-t', '10', ...encode, file,
		])
		const { suggestions, flags } = await analyzeClip(file, { durationMs: 10_000, hasAudio: true })
		const shaky = flags.filter((f) => f.kind === 'shaky')
		expect(shaky).toHaveLength(1)
		expect(shaky[0].start).toBeGreaterThanOrEqual(4.6)
		expect(shaky[0].start).toBeLessThanOrEqual(5.4)
		expect(shaky[0].end).toBeCloseTo(10, 0)
		expect(suggestions[0].end).toBeLessThanOrEqual(5.2)
		expect(suggestions[0].reasons).toContain('steady')
	})

	test('a portrait clip without sound is analysed and flagged silent', async () => {
		const file = path.join(workDir, 'portrait-mute.mp4')
		await run(ffmpegPath(), ['-y', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=360x640:r=30:d=3', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file])
		const { suggestions, flags } = await analyzeClip(file, { durationMs: 3000 })
		expect(suggestions.length).toBeGreaterThan(0)
		expect(flags).toEqual([{ start: 0, end: 3, kind: 'silent' }])
	})
})
