import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import { promisify } from 'node:util'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'

// Fixtures and checks for render tests: clips drawn from solid colours (so a
// pixel says which part of the source it came from), frames read back as RGB,
// the MP4's top-level box order, the loudness as ebur128 measures it.

const execFileAsync = promisify(execFile)

export type ColourClipOptions = {
	width: number
	height: number
	seconds: number
	/** The background colour, and boxes drawn over it (ffmpeg colour names or 0xRRGGBB). */
	background: string
	boxes?: { x: number; y: number; w: number; h: number; color: string }[]
	/** Hz of a sine tone on the sound track; no sound when neither this nor `sound` is given. */
	tone?: number
	/** Any lavfi audio source (48 kHz) instead of the tone. */
	sound?: string
	/** A rotation stored as phones do (the pixels stay as drawn). */
	rotate?: 90 | 270
}

export async function makeColourClip(outPath: string, options: ColourClipOptions) {
	const { width, height, seconds, background, boxes = [], tone, rotate } = options
	const sound = options.sound ?? (tone ? `sine=frequency=${tone}:sample_rate=48000` : null)
	const draw = boxes.map((b) => `,drawbox=x=${b.x}:y=${b.y}:w=${b.w}:h=${b.h}:color=${b.color}:t=fill`).join('')
	const args = ['-y', '-v', 'error', '-f', 'lavfi', '-i', `color=c=${background}:s=${width}x${height}:r=30:d=${seconds}${draw}`]
	if (sound) args.push('-f', 'lavfi', '-t', String(seconds), '-i', sound)
	args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p')
	if (sound) args.push('-c:a', 'aac', '-b:a', '96k')
	args.push('-movflags', '+faststart')
	const encoded = rotate ? `${outPath}.stored.mp4` : outPath
	await execFileAsync(ffmpegPath(), [...args, encoded])
	if (rotate) {
		// ffmpeg drops a rotate tag while encoding; a remux keeps it.
		await execFileAsync(ffmpegPath(), ['-y', '-v', 'error', '-i', encoded, '-c', 'copy', '-metadata:s:v:0', `rotate=${rotate}`, outPath])
		await fs.rm(encoded)
	}
	return outPath
}

export type Frame = { width: number; height: number; rgb: Buffer }

/** The frame shown at `seconds`, as raw RGB. */
export async function frameAt(file: string, seconds: number, size: { width: number; height: number }): Promise<Frame> {
	const { stdout } = await execFileAsync(
		ffmpegPath(),
		['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
		{ encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
	)
	return { ...size, rgb: stdout }
}

export function pixel(frame: Frame, x: number, y: number): [number, number, number] {
	const i = (Math.round(y) * frame.width + Math.round(x)) * 3
	return [frame.rgb[i], frame.rgb[i + 1], frame.rgb[i + 2]]
}

/** Near a colour, allowing for YUV rounding and compression. */
export function looksLike(actual: [number, number, number], expected: [number, number, number], tolerance = 40): boolean {
	return actual.every((value, i) => Math.abs(value - expected[i]) <= tolerance)
}

type Region = { x: number; y: number; width: number; height: number }

/** How many pixels of a region are close to white or to a highlight yellow: caption text. */
export function countBrightTextPixels(frame: Frame, region: Region): number {
	let count = 0
	for (let y = region.y; y < region.y + region.height; y++) {
		for (let x = region.x; x < region.x + region.width; x++) {
			const [r, g] = pixel(frame, x, y)
			if (r > 200 && g > 180) count++
		}
	}
	return count
}

/** Light pixels (luma over 150): white or pale text on a dark picture or a saturated tag. */
export function isLightPixel([r, g, b]: [number, number, number]): boolean {
	return 0.299 * r + 0.587 * g + 0.114 * b > 150
}

/**
 * For each row of a region, its longest unbroken run of pixels that pass
 * `test`: a line drawn across text spans a whole word, glyph strokes do not.
 */
export function longestRunPerRow(frame: Frame, region: Region, test: (rgb: [number, number, number]) => boolean): { y: number; x: number; length: number }[] {
	const rows = []
	for (let y = region.y; y < region.y + region.height; y++) {
		let best = { y, x: region.x, length: 0 }
		let start = -1
		for (let x = region.x; x <= region.x + region.width; x++) {
			const inside = x < region.x + region.width && test(pixel(frame, x, y))
			if (inside && start < 0) start = x
			if (!inside && start >= 0) {
				if (x - start > best.length) best = { y, x: start, length: x - start }
				start = -1
			}
		}
		rows.push(best)
	}
	return rows
}

/** The smallest box around every pixel of a region that passes `test`, or null when none does. */
export function boundsOf(frame: Frame, region: Region, test: (rgb: [number, number, number]) => boolean): { left: number; right: number; top: number; bottom: number } | null {
	let box: { left: number; right: number; top: number; bottom: number } | null = null
	for (let y = region.y; y < region.y + region.height; y++) {
		for (let x = region.x; x < region.x + region.width; x++) {
			if (!test(pixel(frame, x, y))) continue
			box = box
				? { left: Math.min(box.left, x), right: Math.max(box.right, x), top: Math.min(box.top, y), bottom: Math.max(box.bottom, y) }
				: { left: x, right: x, top: y, bottom: y }
		}
	}
	return box
}

/** Top-level MP4 boxes in file order ("ftyp", "moov", "mdat", ...). */
export async function topLevelBoxes(file: string): Promise<string[]> {
	const handle = await fs.open(file, 'r')
	try {
		const { size } = await handle.stat()
		const boxes: string[] = []
		const header = Buffer.alloc(16)
		let offset = 0
		while (offset + 8 <= size) {
			await handle.read(header, 0, 16, offset)
			let length = header.readUInt32BE(0)
			const type = header.toString('latin1', 4, 8)
			if (length === 1) length = Number(header.readBigUInt64BE(8))
			else if (length === 0) length = size - offset
			boxes.push(type)
			if (length < 8) break
			offset += length
		}
		return boxes
	} finally {
		await handle.close()
	}
}

/** Integrated loudness (LUFS) as ffmpeg's EBU R128 meter measures the file. */
export async function integratedLoudness(file: string): Promise<number> {
	return (await loudnessOf(file)).integratedLufs
}

/** Integrated loudness (LUFS) and true peak (dBTP) of the file's sound, by ffmpeg's EBU R128 meter. */
export async function loudnessOf(file: string): Promise<{ integratedLufs: number; truePeakDbtp: number }> {
	const { stderr } = await execFileAsync(
		ffmpegPath(),
		['-hide_banner', '-nostats', '-i', file, '-map', '0:a', '-af', 'ebur128=peak=true:framelog=verbose', '-f', 'null', '-'],
		{ maxBuffer: 32 * 1024 * 1024 },
	)
	const summary = stderr.slice(stderr.lastIndexOf('Summary:'))
	const integrated = /I:\s+(-?[\d.]+) LUFS/.exec(summary)
	const peak = /Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)
	if (!integrated || !peak) throw new Error(`No loudness in ebur128 output: ${summary}`)
	return { integratedLufs: Number(integrated[1]), truePeakDbtp: peak[1] === '-inf' ? Number.NEGATIVE_INFINITY : Number(peak[1]) }
}

/** ffmpeg processes that are children of this process (Linux /proc). */
export async function runningFfmpegChildren(): Promise<number[]> {
	const pids = await fs.readdir('/proc').catch(() => [] as string[])
	const children: number[] = []
	for (const pid of pids.filter((p) => /^\d+$/.test(p))) {
		const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
		if (status.includes(`PPid:\t${process.pid}\n`) && /Name:\s+ffmpeg/.test(status)) children.push(Number(pid))
	}
	return children
}
