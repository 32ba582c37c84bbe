import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildAssSubtitles, subtitlesFilter } from '~/studio/captions/ass.ts'
import { captionSafeArea } from '~/studio/captions/safe-area.ts'
import { captionTrackSchema, type CaptionTrackInput } from '~/studio/captions/schema.ts'
import { ffmpegPath, ffprobePath } from '#workers/ffmpeg/binaries.ts'

const run = promisify(execFile)
const WIDTH = 540
const HEIGHT = 960

let workDir: string
beforeAll(() => {
	// Spaces, a colon, a comma and a quote: the filter escaping must carry them through.
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), "coop caps: it's,"))
})
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

async function makeFlatClip(file: string, color: string) {
	await run(ffmpegPath(), [
		'-y', '-v', 'error', '-f', 'lavfi', '-i', `color=c=${color}:s=${WIDTH}x${HEIGHT}:r=30:d=2`,
		'-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=2',
		'-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file,
	])
}

/** Burns the track into the clip with the real ffmpeg/libass; returns ffmpeg's log. */
async function burn(track: CaptionTrackInput, input: string, output: string) {
	const assPath = path.join(workDir, `${path.basename(output)}.ass`)
	fs.writeFileSync(assPath, buildAssSubtitles(captionTrackSchema.parse(track), { width: WIDTH, height: HEIGHT }))
	const { stderr } = await run(ffmpegPath(), [
		'-y', '-hide_banner', '-nostats', '-v', 'info', '-i', input, '-vf', subtitlesFilter(assPath),
		'-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '12', '-pix_fmt', 'yuv420p', '-c:a', 'copy', output,
	])
	return stderr
}

type Frame = { pixel: (x: number, y: number) => [number, number, number] }

async function frameAt(file: string, seconds: number): Promise<Frame> {
	const { stdout } = await run(
		ffmpegPath(),
		['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
		{ encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
	)
	return {
		pixel: (x, y) => {
			const i = (y * WIDTH + x) * 3
			return [stdout[i], stdout[i + 1], stdout[i + 2]]
		},
	}
}

type Box = { left: number; right: number; top: number; bottom: number }

/** Pixels matching `test` inside and outside the box, and the mean x of those inside. */
function countPixels(frame: Frame, box: Box, test: (rgb: [number, number, number]) => boolean) {
	let inside = 0
	let outside = 0
	let sumX = 0
	for (let y = 0; y < HEIGHT; y++)
		for (let x = 0; x < WIDTH; x++) {
			if (!test(frame.pixel(x, y))) continue
			if (x >= box.left && x < box.right && y >= box.top && y < box.bottom) {
				inside++
				sumX += x
			} else outside++
		}
	return { inside, outside, meanX: inside ? sumX / inside : Number.NaN }
}

const isWhite = ([r, g, b]: number[]) => r > 200 && g > 200 && b > 200
const isYellow = ([r, g, b]: number[]) => r > 200 && g > 160 && b < 90

const SIZE = 56
/** Bottom-anchored captions: the text sits on the safe margin and may wrap to two rows. */
function captionRegion(): Box {
	const safe = captionSafeArea(WIDTH, HEIGHT)
	const slack = 12 // outline and shadow
	return {
		left: safe.left - slack,
		right: WIDTH - safe.right + slack,
		top: HEIGHT - safe.bottom - 2.6 * SIZE,
		bottom: HEIGHT - safe.bottom + slack,
	}
}

describe('captions burned in with libass', () => {
	test('caption pixels appear in the safe caption region only, with the spoken word highlighted', async () => {
		const clip = path.join(workDir, 'flat.mp4')
		const out = path.join(workDir, 'captioned.mp4')
		await makeFlatClip(clip, '0x305030')
		await burn(
			{
				lines: [
					{
						start: 0,
						end: 2,
						text: 'Chè Shan tuyết',
						words: [
							{ start: 0, end: 0.7, text: 'Chè' },
							{ start: 0.7, end: 1.4, text: 'Shan' },
							{ start: 1.4, end: 2, text: 'tuyết' },
						],
					},
				],
				style: { sizePx: SIZE },
			},
			clip,
			out,
		)
		const { stdout } = await run(ffprobePath(), ['-v', 'error', '-show_entries', 'stream=codec_type,width,height', '-of', 'csv=p=0', out])
		expect(stdout.trim().split('\n').sort()).toEqual(['audio', `video,${WIDTH},${HEIGHT}`])

		const region = captionRegion()
		const early = await frameAt(out, 0.3)
		const later = await frameAt(out, 1.7)
		const white = countPixels(early, region, isWhite)
		const yellowEarly = countPixels(early, region, isYellow)
		const yellowLater = countPixels(later, region, isYellow)
		expect(white.inside).toBeGreaterThan(300)
		expect(yellowEarly.inside).toBeGreaterThan(100)
		expect(white.outside + yellowEarly.outside + yellowLater.outside).toBe(0)
		// The highlight moves from the first word to the last, left to right.
		expect(yellowLater.meanX).toBeGreaterThan(yellowEarly.meanX + 50)

		// Without captions the same frame has no such pixels at all.
		const plain = countPixels(await frameAt(clip, 0.3), region, (rgb) => isWhite(rgb) || isYellow(rgb))
		expect(plain.inside).toBe(0)
	})

	test('the boxed preset darkens a box behind the words on a light clip', async () => {
		const clip = path.join(workDir, 'light.mp4')
		const out = path.join(workDir, 'boxed.mp4')
		await makeFlatClip(clip, '0xC8C8C8')
		await burn({ lines: [{ start: 0, end: 2, text: 'Giá 120.000đ' }], style: { preset: 'boxed', sizePx: SIZE } }, clip, out)
		const isDark = ([r, g, b]: number[]) => r < 110 && g < 110 && b < 110
		const dark = countPixels(await frameAt(out, 1), captionRegion(), isDark)
		expect(dark.inside).toBeGreaterThan(2000)
		expect(dark.outside).toBe(0)
	})

	test('Vietnamese diacritics render in Be Vietnam Pro with no font fallback', async () => {
		const clip = path.join(workDir, 'viet.mp4')
		await makeFlatClip(clip, '0x305030')
		const text = 'Chè Shan tuyết ngon đặc biệt – ố ặ ữ ỹ Đ'.normalize('NFD')
		const log = await burn({ lines: [{ start: 0, end: 2, text }], style: { preset: 'outline', sizePx: SIZE } }, clip, path.join(workDir, 'viet-out.mp4'))
		const selections = log.split('\n').filter((row) => row.includes('fontselect:'))
		expect(selections.length).toBeGreaterThan(0)
		for (const row of selections) expect(row).toMatch(/-> .*BeVietnamPro-ExtraBold/)
		expect(log).not.toMatch(/Glyph 0x[0-9A-F]+ not found/i)
		expect(log).not.toMatch(/Error opening memory font/)

		// The same check catches a real fallback: a character the font lacks.
		const missing = await burn({ lines: [{ start: 0, end: 2, text: 'Chè 漢' }], style: { preset: 'outline', sizePx: SIZE } }, clip, path.join(workDir, 'cjk-out.mp4'))
		expect(missing).toMatch(/Glyph 0x6F22 not found/)
	})
})
