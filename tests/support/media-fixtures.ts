import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'

const execFileAsync = promisify(execFile)

export type ClipOptions = {
	width?: number
	height?: number
	seconds?: number
	fps?: number
	/** A 440 Hz tone (or `tone` Hz) on the audio track; false for a silent clip. */
	audio?: boolean
	tone?: number
	/** Store a rotate tag, as phones do (the picture stays as generated). */
	rotate?: 0 | 90 | 180 | 270
	/** Target video bitrate, to make a file of a given size (e.g. '8M'). */
	bitrate?: string
}

/** Generates a real H.264/AAC MP4 with ffmpeg's test pattern. */
export async function makeClip(outPath: string, options: ClipOptions = {}) {
	const { width = 640, height = 360, seconds = 2, fps = 30, audio = true, tone = 440, rotate = 0, bitrate } = options
	const args = ['-y', '-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`]
	if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=${tone}:sample_rate=48000:duration=${seconds}`)
	args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p')
	if (bitrate) args.push('-b:v', bitrate, '-maxrate', bitrate, '-bufsize', bitrate, '-x264-params', 'nal-hrd=cbr')
	if (audio) args.push('-c:a', 'aac', '-b:a', '96k', '-shortest')
	if (rotate) args.push('-metadata:s:v:0', `rotate=${rotate}`)
	args.push('-movflags', '+faststart', outPath)
	await execFileAsync(ffmpegPath(), args, { timeout: 300_000 })
	return outPath
}

/** Generates a JPEG photo with a gradient and an optional EXIF orientation. */
export async function makePhoto(outPath: string, { width = 1200, height = 900, orientation }: { width?: number; height?: number; orientation?: number } = {}) {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
		<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#4d7c2f"/><stop offset="1" stop-color="#e2c044"/></linearGradient></defs>
		<rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="#ffffff"/></svg>`
	let image = sharp(Buffer.from(svg)).jpeg({ quality: 85 })
	if (orientation) image = image.withMetadata({ orientation })
	await image.toFile(outPath)
	return outPath
}

/** A short music-like bed: two tones, for audio-library tests. */
export async function makeAudio(outPath: string, { seconds = 5 } = {}) {
	await execFileAsync(ffmpegPath(), [
		'-y', '-v', 'error', '-f', 'lavfi', '-i', `sine=frequency=262:sample_rate=48000:duration=${seconds}`,
		'-f', 'lavfi', '-i', `sine=frequency=330:sample_rate=48000:duration=${seconds}`,
		'-filter_complex', 'amix=inputs=2', '-c:a', 'aac', '-b:a', '128k', outPath,
	])
	return outPath
}
