// ffmpeg argument lists for the media worker: pure, so that they are tested
// without running ffmpeg. ffmpeg turns phone video upright by itself when it
// decodes (autorotate), so the sizes here are the displayed ones.

/** The studio scrubber's preview: small enough to stream on slow mobile data. */
export const PROXY_SHORT_SIDE = 480
export const POSTER_LONG_SIDE = 1280

/** Even dimensions (H.264 with 4:2:0 needs them) with the short side at most `shortSide`; never enlarged. */
export function proxyDimensions(width: number, height: number, shortSide = PROXY_SHORT_SIDE) {
	const scale = Math.min(1, shortSide / Math.min(width, height))
	return { width: even(width * scale), height: even(height * scale) }
}

/** Dimensions with the long side at most `longSide`; never enlarged. */
export function posterDimensions(width: number, height: number, longSide = POSTER_LONG_SIDE) {
	const scale = Math.min(1, longSide / Math.max(width, height))
	return { width: even(width * scale), height: even(height * scale) }
}

function even(value: number) {
	return Math.max(2, Math.round(value / 2) * 2)
}

/** A frame a second in (past black first frames and fades), or a quarter of the way into a shorter clip. */
export function posterTimeSeconds(durationMs: number | null) {
	if (!durationMs || durationMs <= 0) return 0
	return Math.min(1, (durationMs / 1000) * 0.25)
}

export function posterArgs(input: string, output: string, { atSeconds, width, height }: { atSeconds: number; width: number; height: number }) {
	return ['-ss', atSeconds.toFixed(3), '-i', input, '-frames:v', '1', '-vf', `scale=${width}:${height},setsar=1`, '-q:v', '3', output]
}

export type ProxyOptions = { width: number; height: number; hasAudio: boolean; fps: number | null }

/** 480p H.264, CRF 28, at most 30 fps, AAC stereo, moov atom first so that playback starts before the download ends. */
export function proxyArgs(input: string, output: string, { width, height, hasAudio, fps }: ProxyOptions) {
	const filters = [`scale=${width}:${height}`, 'setsar=1']
	if (fps && fps > 30) filters.push('fps=30')
	return [
		'-i', input,
		'-map', '0:v:0',
		...(hasAudio ? ['-map', '0:a:0'] : []),
		'-vf', filters.join(','),
		'-c:v', 'libx264', '-preset', 'veryfast', '-crf', '28', '-pix_fmt', 'yuv420p', '-profile:v', 'main',
		...(hasAudio ? ['-c:a', 'aac', '-b:a', '96k', '-ac', '2'] : ['-an']),
		'-movflags', '+faststart',
		output,
	]
}

/** A picture of the sound's loudness over time, the thumbnail of a music bed or voice-over. */
export function waveformArgs(input: string, output: string) {
	return ['-i', input, '-filter_complex', 'aformat=channel_layouts=mono,showwavespic=s=640x240:colors=0x3f6827', '-frames:v', '1', output]
}
