import type { EditSpec, FocusPoint, KenBurnsMove } from '~/studio/spec/edit-spec.ts'
import type { ProbedMedia } from '#workers/ffmpeg/probe.ts'
import type { RenderTarget } from '../presets.ts'

/** One medium the spec references: where it is and what ffprobe saw. */
export type RenderMedium = { path: string; probe: ProbedMedia }
export type RenderMedia = Record<string, RenderMedium>

/**
 * A photo or title card made ready by sharp. Without motion the image is
 * already the output frame; with motion it is the Ken Burns source (target
 * aspect, a little larger than the frame) and `focus` is where to zoom.
 */
export type ItemStill = { path: string; motion: { move: Exclude<KenBurnsMove, 'none'>; focus: FocusPoint } | null }

/** An overlay picture at its final pixel size and place. */
export type OverlayStill = { path: string; x: number; y: number; width: number; height: number }

export type PreparedStills = {
	/** By timeline index; null for clips. */
	items: (ItemStill | null)[]
	/** By overlay index. */
	overlays: OverlayStill[]
}

/** Everything the pure graph builder needs; files are only named, never read. */
export type RenderPlanInput = {
	spec: EditSpec
	media: RenderMedia
	stills: PreparedStills
	target: RenderTarget
	/** The captions as an .ass file, when the spec has caption lines. */
	captionsPath?: string
	/** xfade needs ffmpeg ≥ 4.3; the bundled 4.1 builds transitions from fade + overlay. */
	transitions: 'xfade' | 'overlay'
}

/** The sound needs only the spec, the probed media and the target, not the stills. */
export type AudioPlanInput = Pick<RenderPlanInput, 'spec' | 'media' | 'target'>

/** The mix as measured by the first pass (ebur128): enough to decide on one gain. */
export type LoudnessMeasurement = {
	inputI: number
	inputTp: number
	inputLra: number
	inputThresh: number
}

/**
 * loudnorm's own first pass, run only when the peaks need limiting: its
 * measurement plus `targetOffset`, how far its limiting falls short of the
 * target, which the second pass makes up (without it a peaky mix ends
 * several LU quiet).
 */
export type LoudnormAnalysis = LoudnessMeasurement & { targetOffset: number }
