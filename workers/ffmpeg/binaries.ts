import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

// The bundled static builds (ffmpeg 4.1) come inside registry packages;
// FFMPEG_PATH / FFPROBE_PATH let a person bring a newer ffmpeg (for xfade).
export function ffmpegPath(): string {
	return process.env.FFMPEG_PATH || (require('@ffmpeg-installer/ffmpeg') as { path: string }).path
}

export function ffprobePath(): string {
	return process.env.FFPROBE_PATH || (require('@ffprobe-installer/ffprobe') as { path: string }).path
}
