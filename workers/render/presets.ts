import os from 'node:os'
import { OUTPUT_FORMATS, OUTPUT_FPS, type OutputFormatId } from '~/studio/spec/formats.ts'

// Encoder settings per output format. Every output is H.264 High, yuv420p,
// 30 fps, AAC 48 kHz stereo, moov first (+faststart), so platforms take it
// without re-encoding surprises. The x264 preset was chosen by measurement
// (docs/decisions/012-encoder-preset.md).

export type RenderQuality = 'final' | 'preview'

export type RenderTarget = {
	format: OutputFormatId
	quality: RenderQuality
	width: number
	height: number
	fps: number
	x264Preset: string
	crf: number
	/** Set when the format has a size ceiling: a capped CRF keeps the file under it. */
	maxVideoKbps?: number
	audioKbps: number
	maxBytes?: number
	/** x264's frame threads (x264ThreadsFor). */
	threads: number
}

export const FINAL_X264_PRESET = 'veryfast'
/**
 * A short lookahead (5 frames) on its own thread with a 2-frame buffer: the
 * lookahead off ffmpeg's main thread, which already decodes and filters,
 * is what lets a render use both cores (docs/decisions/012-encoder-preset.md).
 */
export const X264_PARAMS = 'rc-lookahead=5:sync-lookahead=2'

/**
 * x264's own choice, 1.5 frame threads a core: while ffmpeg's main thread
 * decodes and filters the next frame, a third frame in flight keeps both
 * cores busy (5 % faster than one a core on 2 cores, for ~20 MB).
 */
export function x264ThreadsFor(cores: number): number {
	return Math.max(1, Math.ceil(cores * 1.5))
}
const FINAL_CRF = 21
// A preview is for checking the cut on a phone: a third of the size, encoded
// as fast as x264 goes while still writing the High profile.
const PREVIEW_SCALE = 3
const PREVIEW_X264_PRESET = 'superfast'
const PREVIEW_CRF = 28
const AUDIO_KBPS = 128
/** Room left for the MP4 container and the encoder overshooting its cap. */
const SIZE_SAFETY = 0.9

export function renderTarget(
	format: OutputFormatId,
	quality: RenderQuality,
	durationSeconds: number,
	{ threads = x264ThreadsFor(os.availableParallelism()) }: { threads?: number } = {},
): RenderTarget {
	const frame = OUTPUT_FORMATS[format]
	if (quality === 'preview') {
		return {
			format,
			quality,
			width: even(frame.width / PREVIEW_SCALE),
			height: even(frame.height / PREVIEW_SCALE),
			fps: OUTPUT_FPS,
			x264Preset: PREVIEW_X264_PRESET,
			crf: PREVIEW_CRF,
			audioKbps: 96,
			threads,
		}
	}
	return {
		format,
		quality,
		width: frame.width,
		height: frame.height,
		fps: OUTPUT_FPS,
		x264Preset: FINAL_X264_PRESET,
		crf: FINAL_CRF,
		audioKbps: AUDIO_KBPS,
		threads,
		...(frame.maxBytes ? { maxBytes: frame.maxBytes, maxVideoKbps: videoKbpsForSize(frame.maxBytes, durationSeconds) } : {}),
	}
}

/** The video bitrate that, with the audio, fills `maxBytes` over the duration (with a safety margin). */
export function videoKbpsForSize(maxBytes: number, durationSeconds: number, audioKbps = AUDIO_KBPS): number {
	const totalKbps = (maxBytes * 8 * SIZE_SAFETY) / 1000 / Math.max(durationSeconds, 1)
	// Above ~8 Mb/s a 720p picture gains nothing visible; below 300 kb/s it falls apart.
	return Math.round(Math.min(8000, Math.max(300, totalKbps - audioKbps)))
}

/** Encoder arguments for the output file. */
export function encoderArgs(target: RenderTarget): string[] {
	const args = [
		'-c:v', 'libx264',
		'-preset', target.x264Preset,
		'-crf', String(target.crf),
		'-profile:v', 'high',
		'-pix_fmt', 'yuv420p',
		'-r', String(target.fps),
		// A keyframe every 2 s: platforms seek and cut on them.
		'-g', String(target.fps * 2),
		'-threads', String(target.threads),
		'-x264-params', X264_PARAMS,
	]
	if (target.maxVideoKbps) {
		args.push('-maxrate', `${target.maxVideoKbps}k`, '-bufsize', `${target.maxVideoKbps * 2}k`)
	}
	args.push('-c:a', 'aac', '-b:a', `${target.audioKbps}k`, '-ar', '48000', '-ac', '2', '-movflags', '+faststart')
	return args
}

function even(value: number): number {
	return Math.round(value / 2) * 2
}
