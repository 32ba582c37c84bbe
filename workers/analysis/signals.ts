import type { MetadataFrame } from './metadata-log.ts'
import type { FrameMotion } from './vidstab-log.ts'

// The measurements of one clip on a common clock of 0.2 s bins: what the
// single ffmpeg pass printed (brightness, change between samples, scene
// score, loudness) and the camera jerk derived from vidstab's motions.
// A bin with nothing measured is null.

export const BIN_SECONDS = 0.2

export type ClipSignals = {
	/** Average luma, 0–255 (video range: black is 16). */
	brightness: (number | null)[]
	/** Mean absolute luma change from the previous sample (signalstats YDIF), 0–255. */
	change: (number | null)[]
	/** ffmpeg's scene-change score, 0–1. */
	scene: (number | null)[]
	/** RMS level in dBFS; -Infinity for digital silence; all null when the clip has no sound. */
	loudnessDb: (number | null)[]
	/** Change of camera movement between motion samples, as a fraction of the picture's long side. */
	jerk: (number | null)[]
}

export type SignalInputs = {
	durationSeconds: number
	video: MetadataFrame[]
	audio: MetadataFrame[] | null
	motions: FrameMotion[]
	/** Frame rate and long side (pixels) of the picture vidstab measured. */
	motionFps: number
	motionLongSide: number
}

export function binCount(durationSeconds: number): number {
	return Math.max(1, Math.ceil(durationSeconds / BIN_SECONDS - 1e-9))
}

export function buildSignals({ durationSeconds, video, audio, motions, motionFps, motionLongSide }: SignalInputs): ClipSignals {
	const bins = binCount(durationSeconds)
	const videoSeries = (key: string) => binned(bins, relativeTimes(video).map((t, i) => [t, video[i].values[key]]))
	const jerkSamples: [number, number | undefined][] = motions.map((motion, i) => {
		const previous = motions[i - 1]
		if (!motion || !previous) return [i / motionFps, undefined]
		return [i / motionFps, Math.hypot(motion.dx - previous.dx, motion.dy - previous.dy) / motionLongSide]
	})
	return {
		brightness: videoSeries('lavfi.signalstats.YAVG'),
		change: videoSeries('lavfi.signalstats.YDIF'),
		scene: videoSeries('lavfi.scene_score'),
		loudnessDb: audio
			? binned(bins, relativeTimes(audio).map((t, i) => [t, audio[i].values['lavfi.astats.Overall.RMS_level']]), 'power')
			: Array.from({ length: bins }, () => null),
		jerk: binned(bins, jerkSamples),
	}
}

/** Times from the stream's first frame: files often start at a small offset. */
function relativeTimes(frames: MetadataFrame[]): number[] {
	const first = frames[0]?.time ?? 0
	return frames.map((frame) => frame.time - first)
}

/** Averages samples into bins; loudness is averaged as power, so one loud moment is not lost in dB arithmetic. */
function binned(bins: number, samples: [number, number | undefined][], mean: 'plain' | 'power' = 'plain'): (number | null)[] {
	const sums = new Array<number>(bins).fill(0)
	const counts = new Array<number>(bins).fill(0)
	for (const [time, value] of samples) {
		if (value === undefined || Number.isNaN(value)) continue
		const bin = Math.min(bins - 1, Math.max(0, Math.floor(time / BIN_SECONDS + 1e-6)))
		sums[bin] += mean === 'power' ? 10 ** (value / 10) : value
		counts[bin]++
	}
	return sums.map((sum, i) => {
		if (counts[i] === 0) return null
		const average = sum / counts[i]
		return mean === 'power' ? 10 * Math.log10(average) : average
	})
}
