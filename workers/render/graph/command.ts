import { subtitlesFilter } from '~/studio/captions/ass.ts'
import { placeItems, timelineFrames } from '~/studio/spec/timing.ts'
import { encoderArgs } from '../presets.ts'
import { loudnessAnalysisFilter, loudnessFilter, loudnormAnalysisFilter, mixFilters, musicLeg, type LoudnessPlan } from './audio-mix.ts'
import { pictureSource } from './escape.ts'
import { InputList, secondsArg } from './inputs.ts'
import { addClipInput, clipAudioLeg, clipVideoLeg, samplesFor, silentAudioLeg, stillVideoLeg } from './legs.ts'
import { joinAudio, joinVideoWithOverlays, joinVideoWithXfade, type LegTiming } from './timeline.ts'
import type { AudioPlanInput, RenderPlanInput } from './types.ts'

// Pure translation of a validated spec (with its media probed and its stills
// prepared) into ffmpeg argument arrays: the loudness measurement pass and
// the render itself, one filter graph each (docs/decisions/011-one-filter-graph.md).
// The output path is added by the runner, which writes under a temporary name.

export type FfmpegInvocation = { args: string[]; durationSeconds: number }

/**
 * A clip's picture and its sound are read as two inputs (-an / -vn). As one
 * input, reading sound for the mix also decoded pictures nobody had asked for
 * yet, and ffmpeg 4.1 queued them: about 1 GB more for the benchmark edit. A
 * single decoding thread per clip keeps a decoder's own buffers small; the
 * encoder's threads use the cores (docs/decisions/011-one-filter-graph.md).
 */
const VIDEO_INPUT_OPTIONS = ['-an', '-threads', '1']

function legTimings(plan: Pick<RenderPlanInput, 'spec'>): LegTiming[] {
	const placements = placeItems(plan.spec.timeline)
	return plan.spec.timeline.map((item, index) => {
		const transition = item.transitionIn
		const frames = placements[index].transitionFrames
		return {
			frames: placements[index].frames,
			startFrame: placements[index].startFrame,
			transitionIn: frames > 0 && transition && transition.type !== 'cut' ? { type: transition.type, frames } : null,
		}
	})
}

function clipHasSound(plan: Pick<RenderPlanInput, 'spec' | 'media'>, index: number): boolean {
	const item = plan.spec.timeline[index]
	return item.type === 'clip' && plan.spec.audio.keepClipSound && item.keepSound && Boolean(plan.media[item.mediaId]?.probe.audio)
}

/**
 * The audio graph shared by both passes, so the measurement sees exactly the
 * sound that the render normalises. Returns the label of the mix.
 */
function buildAudio(plan: AudioPlanInput, inputs: InputList, timings: readonly LegTiming[], filters: string[]): string {
	const { target, spec } = plan
	const anySound = spec.timeline.some((_, index) => clipHasSound(plan, index))
	let voice: string | null = null
	if (anySound) {
		const labels = spec.timeline.map((item, index) => {
			const label = `a${index}`
			const samples = samplesFor(timings[index].frames, target.fps)
			if (!clipHasSound(plan, index) || item.type !== 'clip') {
				filters.push(silentAudioLeg(samples, label))
				return label
			}
			const input = addClipInput(inputs, plan.media[item.mediaId].path, item, timings[index].frames, target.fps, ['-vn'])
			filters.push(clipAudioLeg(input, samples, label))
			return label
		})
		filters.push(...joinAudio(labels, timings, target, 'voice'))
		voice = 'voice'
	}
	const totalSamples = samplesFor(timelineFrames(spec.timeline), target.fps)
	const bed = spec.audio.music
	let music: { label: string; bed: NonNullable<typeof bed> } | null = null
	if (bed) {
		const input = inputs.add(plan.media[bed.mediaId].path, ['-vn', '-stream_loop', '-1', '-ss', secondsArg(bed.offset)])
		filters.push(musicLeg(input, totalSamples, 'music'))
		music = { label: 'music', bed }
	}
	filters.push(...mixFilters(voice, music, totalSamples, 'mix'))
	return 'mix'
}

/**
 * A first pass over the sound alone (no video is decoded), the same mix the
 * render makes: `measure` (ebur128, always) or `loudnorm` (its own analysis,
 * only when the peaks must be limited).
 */
export function buildLoudnessAnalysis(plan: AudioPlanInput, kind: 'measure' | 'loudnorm'): FfmpegInvocation {
	const inputs = new InputList()
	const filters: string[] = []
	const timings = legTimings(plan)
	const mix = buildAudio(plan, inputs, timings, filters)
	filters.push(kind === 'measure' ? loudnessAnalysisFilter(mix) : loudnormAnalysisFilter(mix, plan.spec.audio.loudnessLufs))
	const durationSeconds = timelineFrames(plan.spec.timeline) / plan.target.fps
	return {
		args: [...inputs.args(), '-filter_complex', filters.join(';'), '-map', '[aout]', '-f', 'null', '-'],
		durationSeconds,
	}
}

/** Whether the render's sound is worth measuring (anything audible in it). */
export function hasAudibleSound(plan: Pick<RenderPlanInput, 'spec' | 'media'>): boolean {
	return Boolean(plan.spec.audio.music) || plan.spec.timeline.some((_, index) => clipHasSound(plan, index))
}

/** The render: every leg, the transitions, overlays, captions, the mix, one encode. */
export function buildRenderCommand(plan: RenderPlanInput, loudness: LoudnessPlan): FfmpegInvocation {
	const { spec, target, stills } = plan
	const inputs = new InputList()
	const filters: string[] = []
	const timings = legTimings(plan)

	const videoLabels = spec.timeline.map((item, index) => {
		const label = `v${index}`
		const frames = timings[index].frames
		if (item.type === 'clip') {
			const medium = plan.media[item.mediaId]
			const input = addClipInput(inputs, medium.path, item, frames, target.fps, VIDEO_INPUT_OPTIONS)
			const video = medium.probe.video!
			filters.push(clipVideoLeg(input, item, { width: video.width, height: video.height }, target, frames, label))
			return label
		}
		const still = stills.items[index]
		if (!still) throw new Error(`No still was prepared for timeline item ${index + 1}`)
		filters.push(stillVideoLeg(still, target, frames, label))
		return label
	})
	filters.push(
		...(plan.transitions === 'xfade'
			? joinVideoWithXfade(videoLabels, timings, target, 'timeline')
			: joinVideoWithOverlays(videoLabels, timings, 'timeline')),
	)

	const durationSeconds = timelineFrames(spec.timeline) / target.fps
	let video = 'timeline'
	spec.overlays.forEach((overlay, index) => {
		const still = stills.overlays[index]
		const end = overlay.end ?? durationSeconds
		const next = `o${index}`
		filters.push(`${pictureSource(still.path)}[${next}p]`)
		filters.push(`[${video}][${next}p]overlay=x=${still.x}:y=${still.y}:enable='between(t,${secondsArg(overlay.start)},${secondsArg(end)})'[${next}]`)
		video = next
	})
	filters.push(`[${video}]${plan.captionsPath ? `${subtitlesFilter(plan.captionsPath)},` : ''}format=yuv420p[vout]`)

	const mix = buildAudio(plan, inputs, timings, filters)
	filters.push(loudnessFilter(mix, spec.audio.loudnessLufs, loudness, 'aout'))

	return {
		args: [
			...inputs.args(),
			'-filter_complex', filters.join(';'),
			'-map', '[vout]', '-map', '[aout]',
			...encoderArgs(target),
			'-t', secondsArg(durationSeconds),
			// Legs of different inputs reach the muxer at different times; let it wait for them.
			'-max_muxing_queue_size', '4096',
		],
		durationSeconds,
	}
}
