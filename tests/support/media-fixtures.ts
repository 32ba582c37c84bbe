import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
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
	/** Store a rotation as phones do (degrees clockwise to show it upright); the picture stays as generated. */
	rotate?: 0 | 90 | 180 | 270
	/** Target video bitrate, to make a file of a given size (e.g. '8M'). */
	bitrate?: string
	/** `halves`: left half red, right half blue, so a test can tell which way a picture was turned. */
	pattern?: 'testsrc2' | 'halves'
}

function videoSource({ width, height, fps, seconds, pattern }: Required<Pick<ClipOptions, 'width' | 'height' | 'fps' | 'seconds' | 'pattern'>>) {
	if (pattern === 'testsrc2') return `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`
	const half = `s=${width / 2}x${height}:r=${fps}:d=${seconds}`
	return `color=red:${half}[left];color=blue:${half}[right];[left][right]hstack`
}

/** Generates a real H.264/AAC MP4 with ffmpeg's test pattern. */
export async function makeClip(outPath: string, options: ClipOptions = {}) {
	const { width = 640, height = 360, seconds = 2, fps = 30, audio = true, tone = 440, rotate = 0, bitrate, pattern = 'testsrc2' } = options
	const encodedPath = rotate ? `${outPath}.unrotated.mp4` : outPath
	const args = ['-y', '-v', 'error', '-f', 'lavfi', '-i', videoSource({ width, height, fps, seconds, pattern })]
	if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=${tone}:sample_rate=48000:duration=${seconds}`)
	args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p')
	if (bitrate) args.push('-b:v', bitrate, '-maxrate', bitrate, '-bufsize', bitrate, '-x264-params', 'nal-hrd=cbr')
	if (audio) args.push('-c:a', 'aac', '-b:a', '96k', '-shortest')
	args.push('-movflags', '+faststart', encodedPath)
	await execFileAsync(ffmpegPath(), args, { timeout: 300_000 })
	if (rotate) {
		// The bundled ffmpeg 4.1 drops a rotate tag given while encoding, and on
		// a stream copy it stores the opposite turn (tag 90 reads back as 270, in
		// ffmpeg 4.1 and in ffprobe alike): hence the copy, with 360 − rotate.
		const tag = String((360 - rotate) % 360)
		await execFileAsync(ffmpegPath(), ['-y', '-v', 'error', '-i', encodedPath, '-c', 'copy', '-metadata:s:v:0', `rotate=${tag}`, '-movflags', '+faststart', outPath])
		await fs.rm(encodedPath, { force: true })
	}
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
