import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parseEditSpec, type EditSpecInput } from '~/studio/spec/edit-spec.ts'
import { describeSpecIssue, studioTranslator } from '~/studio/spec/messages.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { RenderFailedError, RenderRejectedError, renderEdit } from '#workers/render/engine.ts'
import { makeAudio } from '#tests/support/media-fixtures.ts'
import {
	boundsOf,
	countBrightTextPixels,
	frameAt,
	integratedLoudness,
	loudnessOf,
	isLightPixel,
	longestRunPerRow,
	looksLike,
	makeColourClip,
	pixel,
	runningFfmpegChildren,
	topLevelBoxes,
	type Frame,
} from '#tests/support/render-checks.ts'

// Real renders with the bundled ffmpeg, checked by ffprobe and by reading
// frames back. Previews (360×640) keep them quick; one render is full size.

const RED: [number, number, number] = [255, 0, 0]
const BLUE: [number, number, number] = [0, 0, 255]
const GREEN: [number, number, number] = [0, 255, 0]
const YELLOW: [number, number, number] = [255, 255, 0]
const MAGENTA: [number, number, number] = [255, 0, 255]
const ORANGE: [number, number, number] = [255, 140, 0]
const TITLE_GREEN: [number, number, number] = [0x2f, 0x5d, 0x1e]

let dir: string
const media: Record<string, string> = {}

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'render-engine-'))
	const file = (name: string) => path.join(dir, name)
	// Red on the left third, blue elsewhere: the crop window's place shows in the colour.
	media.redLeft = await makeColourClip(file('red-left.mp4'), { width: 640, height: 360, seconds: 3, background: 'blue', boxes: [{ x: 0, y: 0, w: 213, h: 360, color: 'red' }], tone: 440 })
	// Stored landscape, green above yellow, with a phone's rotation tag.
	media.phone = await makeColourClip(file('phone.mp4'), { width: 640, height: 360, seconds: 3, background: 'yellow', boxes: [{ x: 0, y: 0, w: 640, h: 180, color: 'lime' }], tone: 660, rotate: 90 })
	media.photo = file('photo.jpg')
	await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ff8c00' } }).jpeg().toFile(media.photo)
	media.logo = file('logo.png')
	await sharp({ create: { width: 200, height: 200, channels: 4, background: { r: 255, g: 0, b: 255, alpha: 1 } } }).png().toFile(media.logo)
	media.music = await makeAudio(file('music.m4a'), { seconds: 4 })
	media.long = await makeColourClip(file('long.mp4'), { width: 640, height: 360, seconds: 30, background: 'gray', tone: 300 })
})

afterAll(async () => {
	await fs.rm(dir, { recursive: true, force: true })
})

function specOf(input: Omit<EditSpecInput, 'version'>) {
	const parsed = parseEditSpec({ version: 1, ...input })
	if (!parsed.success) throw new Error(JSON.stringify(parsed.issues))
	return parsed.spec
}

describe('an edit with every kind of item, overlay and sound', () => {
	const out = () => path.join(dir, 'everything.mp4')
	const size = { width: 360, height: 640 }
	let result: Awaited<ReturnType<typeof renderEdit>>
	const progress: number[] = []

	beforeAll(async () => {
		const spec = specOf({
			timeline: [
				{ type: 'clip', mediaId: 'redLeft', in: 0, out: 2, focus: { x: 0, y: 0.5 } },
				{ type: 'clip', mediaId: 'redLeft', in: 0.5, out: 2.5, focus: { x: 1, y: 0.5 } },
				{ type: 'clip', mediaId: 'phone', in: 0, out: 2, transitionIn: { type: 'fade', duration: 0.5 } },
				{ type: 'photo', mediaId: 'photo', duration: 2, kenBurns: 'zoom-in' },
				{ type: 'title', lines: ['Cảm ơn', 'Hợp tác xã Suối Giàng'], duration: 1.5, transitionIn: { type: 'slide-left', duration: 0.5 } },
			],
			captions: { lines: [{ start: 0.2, end: 1.8, text: 'Chè Shan tuyết ngon' }] },
			overlays: [{ type: 'logo', mediaId: 'logo', corner: 'top-right' }],
			audio: { music: { mediaId: 'music', volume: 0.3 } },
		})
		result = await renderEdit({ spec, mediaPaths: media, format: 'tiktok-reels', quality: 'preview', outputPath: out(), onProgress: (p) => progress.push(p) })
	})

	test('the file has the asked size, streams and duration (within one frame), moov before mdat', async () => {
		const probe = await probeFile(out())
		expect(probe.video).toMatchObject({ codec: 'h264', width: 360, height: 640, pixFmt: 'yuv420p', profile: 'High', fps: 30 })
		expect(probe.audio).toEqual({ codec: 'aac', sampleRate: 48000, channels: 2 })
		// 2 + 2 + 2 + 2 + 1.5 s, less two 0.5 s transitions.
		expect(Math.abs((probe.durationMs ?? 0) / 1000 - 8.5)).toBeLessThanOrEqual(1 / 30)
		const boxes = await topLevelBoxes(out())
		expect(boxes.indexOf('moov')).toBeGreaterThan(-1)
		expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'))
		expect(result).toMatchObject({ width: 360, height: 640, transitions: 'overlay' })
		expect(progress.at(-1)).toBe(100)
		expect(progress).toEqual([...progress].sort((a, b) => a - b))
	})

	test('the crop follows the focus point', async () => {
		expect(looksLike(pixel(await frameAt(out(), 1, size), 180, 320), RED)).toBe(true)
		expect(looksLike(pixel(await frameAt(out(), 2.5, size), 180, 320), BLUE)).toBe(true)
	})

	test("a phone clip is shown upright: its halves side by side, as the phone's rotation says", async () => {
		const { video } = await probeFile(media.phone)
		expect(video?.rotation === 90 || video?.rotation === 270).toBe(true)
		// Turning clockwise a quarter moves the stored top (green) to the right.
		const [left, right] = video?.rotation === 90 ? [YELLOW, GREEN] : [GREEN, YELLOW]
		const frame = await frameAt(out(), 4.5, size)
		for (const y of [150, 500]) {
			expect(looksLike(pixel(frame, 60, y), left)).toBe(true)
			expect(looksLike(pixel(frame, 300, y), right)).toBe(true)
		}
	})

	test('a fade mixes both pictures halfway through', async () => {
		const middle = pixel(await frameAt(out(), 3.75, size), 180, 320)
		expect(looksLike(middle, BLUE)).toBe(false)
		expect(looksLike(middle, GREEN) || looksLike(middle, YELLOW)).toBe(false)
	})

	test('the photo and the title card fill the frame', async () => {
		expect(looksLike(pixel(await frameAt(out(), 6, size), 100, 400), ORANGE)).toBe(true)
		expect(looksLike(pixel(await frameAt(out(), 8.3, size), 20, 620), TITLE_GREEN, 25)).toBe(true)
	})

	test('the logo sits in the top-right corner, inside the platform-safe margins', async () => {
		// 18 % of 360 px wide = 65 px, right inset 15 % (54 px), top inset 12 % (77 px).
		for (const seconds of [1, 6]) {
			const frame = await frameAt(out(), seconds, size)
			expect(looksLike(pixel(frame, 241 + 32, 77 + 32), MAGENTA)).toBe(true)
			expect(looksLike(pixel(frame, 241 - 10, 77 + 32), MAGENTA)).toBe(false)
			expect(looksLike(pixel(frame, 20, 77 + 32), MAGENTA)).toBe(false)
		}
	})

	test('caption pixels appear in the caption region while the line is on, and only then', async () => {
		const region = { x: 0, y: 320, width: 360, height: 320 }
		expect(countBrightTextPixels(await frameAt(out(), 1, size), region)).toBeGreaterThan(100)
		expect(countBrightTextPixels(await frameAt(out(), 2.5, size), region)).toBe(0)
	})

	test('the mix is at −14 LUFS integrated (±1), as measured by ebur128', async () => {
		expect(Math.abs((await integratedLoudness(out())) + 14)).toBeLessThanOrEqual(1)
		expect(result.loudness?.integratedLufs).toBeCloseTo(-14, 0)
	})
})

test('a voice with peaks far above its loudness reaches −14 LUFS with the peaks limited, not clipped', async () => {
	// Syllable-like bursts with a sharp click every 2.3 s: peaks ~20 dB over
	// the loudness (raw phone speech is like that), so a plain gain to −14
	// LUFS would clip; loudnorm has to limit them.
	const voice = "aevalsrc='(0.1+0.9*pow(abs(sin(2*PI*1.7*t)),6))*0.25*sin(2*PI*180*t)*(0.6+0.4*sin(2*PI*5*t))+if(lt(mod(t\\,2.3)\\,0.01)\\,0.8*sin(2*PI*900*t)\\,0)':s=48000:c=stereo"
	const peaky = await makeColourClip(path.join(dir, 'peaky.mp4'), { width: 640, height: 360, seconds: 8, background: 'gray', sound: voice })
	const out = path.join(dir, 'peaky-out.mp4')
	const spec = specOf({ timeline: [{ type: 'clip', mediaId: 'peaky', in: 0, out: 8 }] })
	const result = await renderEdit({ spec, mediaPaths: { ...media, peaky }, format: 'square', quality: 'preview', outputPath: out })
	const measured = await loudnessOf(out)
	expect(Math.abs(measured.integratedLufs + 14)).toBeLessThanOrEqual(1)
	// −1.5 dBTP asked; AAC may overshoot a little, a clipped click would read ≥ 0.
	expect(measured.truePeakDbtp).toBeLessThan(-0.5)
	// The figures come from loudnorm's own report in the render (a plain gain reports its plan).
	expect(result.loudness?.integratedLufs).toBeCloseTo(-14, 0)
	expect(result.loudness?.truePeakDbtp).toBeCloseTo(-1.5, 1)
})

test('a final render has the full size of its format; the Zalo format stays under its size limit', async () => {
	const spec = specOf({ timeline: [{ type: 'clip', mediaId: 'redLeft', in: 0, out: 1 }] })
	const reels = await renderEdit({ spec, mediaPaths: media, format: 'tiktok-reels', quality: 'final', outputPath: path.join(dir, 'final.mp4') })
	expect(reels).toMatchObject({ width: 1080, height: 1920, video: { profile: 'High', pixFmt: 'yuv420p', fps: 30 }, audio: { sampleRate: 48000 } })
	expect(Math.abs(reels.durationSeconds - 1)).toBeLessThanOrEqual(1 / 30)
	const zalo = await renderEdit({ spec, mediaPaths: media, format: 'zalo', quality: 'final', outputPath: path.join(dir, 'zalo.mp4') })
	expect(zalo).toMatchObject({ width: 720, height: 1280 })
	expect(zalo.sizeBytes).toBeLessThan(50 * 1024 * 1024)
})

test('contain-blur shows the whole picture over a blurred fill of itself, not black bars', async () => {
	const out = path.join(dir, 'contain.mp4')
	const spec = specOf({ timeline: [{ type: 'clip', mediaId: 'redLeft', in: 0, out: 1, fit: 'contain-blur' }] })
	await renderEdit({ spec, mediaPaths: media, format: 'square', quality: 'preview', outputPath: out })
	const frame = await frameAt(out, 0.5, { width: 360, height: 360 })
	// The 16:9 picture, whole, across the middle: red third on the left, blue on the right.
	expect(looksLike(pixel(frame, 40, 180), RED)).toBe(true)
	expect(looksLike(pixel(frame, 320, 180), BLUE)).toBe(true)
	// Above it, the blurred fill: coloured, not a black bar.
	const [r, g, b] = pixel(frame, 320, 20)
	expect(r + g + b).toBeGreaterThan(150)
})

function restoreEnv(name: string, value: string | undefined) {
	if (value === undefined) delete process.env[name]
	else process.env[name] = value
	resetEnvForTests()
}

// Debian's ffmpeg (5.1) has xfade; the bundled 4.1 does not. Where it is
// installed, the same edit must render through xfade with the same timing.
const newerFfmpeg = '/usr/bin/ffmpeg'
const hasNewerFfmpeg = await fs.access(newerFfmpeg).then(() => true, () => false)

test.skipIf(!hasNewerFfmpeg)('with a newer ffmpeg the transitions use xfade, on the same frames', async () => {
	const saved = { ffmpeg: process.env.FFMPEG_PATH, ffprobe: process.env.FFPROBE_PATH }
	process.env.FFMPEG_PATH = newerFfmpeg
	process.env.FFPROBE_PATH = '/usr/bin/ffprobe'
	resetEnvForTests()
	try {
		const out = path.join(dir, 'xfade.mp4')
		const spec = specOf({
			timeline: [
				{ type: 'clip', mediaId: 'redLeft', in: 0, out: 2, focus: { x: 0, y: 0.5 } },
				{ type: 'clip', mediaId: 'redLeft', in: 0, out: 2, focus: { x: 1, y: 0.5 }, transitionIn: { type: 'fade', duration: 0.5 } },
				{ type: 'title', lines: ['Hết'], duration: 1.5, transitionIn: { type: 'slide-up', duration: 0.5 } },
			],
		})
		const result = await renderEdit({ spec, mediaPaths: media, format: 'tiktok-reels', quality: 'preview', outputPath: out })
		expect(result.transitions).toBe('xfade')
		expect(Math.abs(result.durationSeconds - 4.5)).toBeLessThanOrEqual(1 / 30)
		const size = { width: 360, height: 640 }
		expect(looksLike(pixel(await frameAt(out, 1, size), 180, 320), RED)).toBe(true)
		const crossing = pixel(await frameAt(out, 1.75, size), 180, 320)
		expect(looksLike(crossing, RED) || looksLike(crossing, BLUE)).toBe(false)
		expect(looksLike(pixel(await frameAt(out, 2.8, size), 180, 320), BLUE)).toBe(true)
		expect(looksLike(pixel(await frameAt(out, 4.2, size), 20, 620), TITLE_GREEN, 25)).toBe(true)
	} finally {
		restoreEnv('FFMPEG_PATH', saved.ffmpeg)
		restoreEnv('FFPROBE_PATH', saved.ffprobe)
	}
})

describe('bad input is rejected before ffmpeg runs', () => {
	test('a missing file, a corrupt file and a trim past the end, each named by its item', async () => {
		const corrupt = path.join(dir, 'corrupt.mp4')
		await fs.writeFile(corrupt, Buffer.alloc(4096, 7))
		const spec = specOf({
			timeline: [
				{ type: 'clip', mediaId: 'redLeft', label: 'doi-che.mp4', in: 0, out: 3.5 },
				{ type: 'photo', mediaId: 'gone', duration: 2 },
				{ type: 'clip', mediaId: 'corrupt', out: 1 },
			],
		})
		const out = path.join(dir, 'rejected.mp4')
		const error = await renderEdit({ spec, mediaPaths: { ...media, gone: path.join(dir, 'nothing.jpg'), corrupt }, format: 'square', quality: 'preview', outputPath: out }).catch((e: unknown) => e)
		expect(error).toBeInstanceOf(RenderRejectedError)
		const t = studioTranslator('vi')
		expect((error as RenderRejectedError).issues.map((issue) => describeSpecIssue(issue, t))).toEqual([
			'Mục 1 (clip “doi-che.mp4”): điểm kết thúc 3,5 s vượt quá độ dài clip 3,0 s. Hãy kéo điểm kết thúc vào trong clip.',
			'Mục 2 (ảnh): không tìm thấy tệp “gone”. Có thể tệp đã bị xoá; hãy chọn lại từ thư viện.',
			'Mục 3 (clip): tệp “corrupt” bị hỏng hoặc không đọc được. Hãy tải tệp lên lại.',
		])
		await expect(fs.access(out)).rejects.toThrow()
	})
})

describe('failures', () => {
	test('a cancelled render kills ffmpeg and leaves no file behind', async () => {
		const out = path.join(dir, 'cancelled', 'out.mp4')
		const cancel = new AbortController()
		const spec = specOf({ timeline: [{ type: 'clip', mediaId: 'long', in: 0, out: 30 }] })
		let ffmpegSeenRunning = false
		const rendering = renderEdit({
			spec,
			mediaPaths: media,
			format: 'landscape',
			quality: 'final',
			outputPath: out,
			signal: cancel.signal,
			onProgress: (percent) => {
				if (percent <= 10 || cancel.signal.aborted) return
				void runningFfmpegChildren().then((pids) => {
					ffmpegSeenRunning = pids.length > 0
					cancel.abort()
				})
			},
		})
		const error = await rendering.catch((e: unknown) => e)
		expect(ffmpegSeenRunning).toBe(true)
		expect(error).toBeInstanceOf(RenderFailedError)
		expect((error as RenderFailedError).code).toBe('cancelled')
		expect(await runningFfmpegChildren()).toEqual([])
		expect(await fs.readdir(path.dirname(out))).toEqual([])
	})

	test('when ffmpeg cannot deliver what was asked, the render fails with the stderr tail and no file', async () => {
		// Faststart, then cut in half: ffprobe still reads the full length from
		// the moov box, but the pictures stop halfway.
		const whole = await makeColourClip(path.join(dir, 'whole.mp4'), { width: 640, height: 360, seconds: 4, background: 'teal', tone: 500 })
		const bytes = await fs.readFile(whole)
		const truncated = path.join(dir, 'truncated.mp4')
		await fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
		const out = path.join(dir, 'failed', 'out.mp4')
		const spec = specOf({ timeline: [{ type: 'clip', mediaId: 'truncated', in: 0, out: 4 }] })
		const error = await renderEdit({ spec, mediaPaths: { truncated }, format: 'square', quality: 'preview', outputPath: out }).catch((e: unknown) => e)
		expect(error).toBeInstanceOf(RenderFailedError)
		const failure = error as RenderFailedError
		expect(['outputInvalid', 'ffmpegFailed']).toContain(failure.code)
		expect(failure.stderrTail.length).toBeGreaterThan(0)
		expect(await fs.readdir(path.dirname(out))).toEqual([])
	})
})

describe('a price tag with an old price struck through, and words in a band', () => {
	const out = () => path.join(dir, 'price-and-words.mp4')
	const size = { width: 360, height: 640 }
	// The tag sits in the top-left corner (inside the safe area from x 29, y 77); nothing else is light there.
	const tagArea = { x: 0, y: 0, width: 220, height: 300 }
	const bottomBand = { x: 0, y: 400, width: 360, height: 240 }

	beforeAll(async () => {
		media.dark = await makeColourClip(path.join(dir, 'dark.mp4'), { width: 640, height: 360, seconds: 2, background: 'black' })
		const spec = specOf({
			timeline: [{ type: 'clip', mediaId: 'dark', in: 0, out: 2 }],
			overlays: [
				{ type: 'price', productName: 'Chè', priceVnd: 120000, compareAtPriceVnd: 150000, unit: 'hộp', start: 0, end: 1 },
				// The same tag without the old price, to tell the strike from the strokes of the digits.
				{ type: 'price', productName: 'Chè', priceVnd: 120000, unit: 'hộp', start: 1, end: 2 },
				{ type: 'text', text: 'Chè Shan tuyết', band: 'bottom', start: 1, end: 2 },
			],
		})
		await renderEdit({ spec, mediaPaths: media, format: 'tiktok-reels', quality: 'preview', outputPath: out() })
	})

	test('the old price is struck by a line across it, above the new price, dimmer than it', async () => {
		const frame = await frameAt(out(), 0.5, size)
		const runs = longestRunPerRow(frame, tagArea, isLightPixel)
		const struck = runs.filter((row) => row.length >= 35)
		expect(struck.length).toBeGreaterThan(0)
		expect(struck.length).toBeLessThanOrEqual(4)
		const line = struck[0]
		// Glyphs of the old price just above and below the line, but not as one unbroken run.
		for (const offset of [-4, 4]) {
			const row = runs.find((r) => r.y === line.y + offset)!
			expect(row.length).toBeGreaterThan(0)
			expect(row.length).toBeLessThan(35)
		}
		// The new price is below the old one: light pixels further down the tag.
		const below = runs.filter((r) => r.y > line.y + 10 && r.length > 0)
		expect(below.length).toBeGreaterThan(15)
		// Dimmer: the line's pixels are less white than the brightest of the new price.
		const lineLuma = averageLuma(frame, line.x + 5, line.y, line.length - 10)
		const newPriceLuma = Math.max(...below.map((r) => averageLuma(frame, r.x, r.y, r.length)))
		expect(newPriceLuma - lineLuma).toBeGreaterThan(25)
	})

	test('without an old price no line crosses the tag', async () => {
		const runs = longestRunPerRow(await frameAt(out(), 1.5, size), tagArea, isLightPixel)
		expect(runs.some((row) => row.length > 0)).toBe(true)
		expect(runs.every((row) => row.length < 35)).toBe(true)
	})

	test('the words show in the bottom band inside their window only, centred', async () => {
		expect(countBrightTextPixels(await frameAt(out(), 0.5, size), bottomBand)).toBe(0)
		const frame = await frameAt(out(), 1.5, size)
		expect(countBrightTextPixels(frame, bottomBand)).toBeGreaterThan(100)
		const words = boundsOf(frame, bottomBand, isLightPixel)!
		expect(Math.abs(words.left - (size.width - 1 - words.right))).toBeLessThanOrEqual(6)
	})
})

function averageLuma(frame: Frame, x: number, y: number, length: number): number {
	let sum = 0
	for (let i = 0; i < length; i++) {
		const [r, g, b] = pixel(frame, x + i, y)
		sum += 0.299 * r + 0.587 * g + 0.114 * b
	}
	return sum / length
}
