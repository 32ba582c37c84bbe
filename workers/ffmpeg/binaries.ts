import { createRequire } from 'node:module'
import { getEnv } from '~/utils/env.server.ts'

const require = createRequire(import.meta.url)

// The bundled static builds (ffmpeg 4.1) come inside registry packages;
// FFMPEG_PATH / FFPROBE_PATH let a person bring a newer ffmpeg (for xfade).
export function ffmpegPath(): string {
	return getEnv().FFMPEG_PATH || (require('@ffmpeg-installer/ffmpeg') as { path: string }).path
}

export function ffprobePath(): string {
	return getEnv().FFPROBE_PATH || (require('@ffprobe-installer/ffprobe') as { path: string }).path
}
