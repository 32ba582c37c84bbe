import type { ClipItem, FocusPoint, KenBurnsMove } from '~/studio/spec/edit-spec.ts'
import { coverCrop, fitInside, type Size } from '../geometry.ts'
import type { RenderTarget } from '../presets.ts'
import { pictureSource } from './escape.ts'
import { InputList, secondsArg } from './inputs.ts'
import type { ItemStill } from './types.ts'

// One "leg" per timeline item: a video stream of exactly `frames` frames at
// the output size, rate and pixel format, and an audio stream of exactly the
// same length. Equal, exact legs are what make transitions line up, with
// xfade or without it.

export const AUDIO_RATE = 48_000
export const AUDIO_FORMAT = 'aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo'
/** Ken Burns: how far the zoom goes, and the fixed zoom a pan travels inside. */
const KEN_BURNS_ZOOM = 1.2
const KEN_BURNS_PAN_ZOOM = 1.15
/** Blurred background of contain-blur: drawn at this fraction of the frame, blurred, scaled up. */
const BLUR_BACKGROUND_DIVISOR = 8

export function samplesFor(frames: number, fps: number): number {
	return Math.round((frames * AUDIO_RATE) / fps)
}

/** The -ss/-t input of a clip, with a small margin so rounding never leaves the leg a frame short. */
export function addClipInput(inputs: InputList, path: string, item: ClipItem, frames: number, fps: number, extra: string[] = []): number {
	return inputs.add(path, [...extra, '-ss', secondsArg(item.in), '-t', secondsArg(frames / fps + 0.1)])
}

/** Video leg of a clip: rate first (fewer frames to crop), then crop at the focus point before scaling (fewer pixels). */
export function clipVideoLeg(input: number, item: ClipItem, source: Size, target: RenderTarget, frames: number, label: string): string {
	const head = [`fps=${target.fps}`, 'tpad=stop_mode=clone:stop=3', `trim=end_frame=${frames}`, 'setpts=PTS-STARTPTS']
	const frame = { width: target.width, height: target.height }
	if (item.fit === 'contain-blur') return containBlurLeg(`[${input}:v]${head.join(',')}`, source, frame, item.focus, label)
	return `[${input}:v]${[...head, ...coverFilters(source, frame, item.focus)].join(',')}[${label}]`
}

function coverFilters(source: Size, frame: Size, focus: FocusPoint): string[] {
	const crop = coverCrop(source, frame, focus)
	const filters: string[] = []
	if (crop.width !== source.width || crop.height !== source.height) filters.push(`crop=${crop.width}:${crop.height}:${crop.x}:${crop.y}`)
	if (crop.width !== frame.width || crop.height !== frame.height) filters.push(`scale=${frame.width}:${frame.height}`)
	filters.push('setsar=1', 'format=yuv420p')
	return filters
}

/**
 * The whole picture, fitted, over a blurred fill of itself. The blur works on
 * a small copy (cheap), then scales up, where softness is the point.
 */
function containBlurLeg(source: string, size: Size, frame: Size, focus: FocusPoint, label: string): string {
	const fitted = fitInside(size, frame)
	const small = { width: even(frame.width / BLUR_BACKGROUND_DIVISOR), height: even(frame.height / BLUR_BACKGROUND_DIVISOR) }
	const crop = coverCrop(size, frame, focus)
	return [
		`${source},split=2[${label}bg][${label}fg]`,
		`[${label}bg]crop=${crop.width}:${crop.height}:${crop.x}:${crop.y},scale=${small.width}:${small.height},boxblur=6:2,scale=${frame.width}:${frame.height},setsar=1[${label}bgb]`,
		`[${label}fg]scale=${fitted.width}:${fitted.height},setsar=1[${label}fgs]`,
		`[${label}bgb][${label}fgs]overlay=${(frame.width - fitted.width) / 2}:${(frame.height - fitted.height) / 2},format=yuv420p[${label}]`,
	].join(';')
}

/**
 * Video leg of a photo or title card. A still converts its pixels once and
 * repeats the frame; Ken Burns lets zoompan make every frame from the one
 * pre-sized source (docs/decisions/011-one-filter-graph.md).
 */
export function stillVideoLeg(still: ItemStill, target: RenderTarget, frames: number, label: string): string {
	const source = pictureSource(still.path)
	if (!still.motion) {
		return `${source},format=yuv420p,setsar=1,loop=loop=${frames - 1}:size=1:start=0,setpts=N/(${target.fps}*TB),fps=${target.fps}[${label}]`
	}
	const { z, x, y } = kenBurnsExpressions(still.motion.move, still.motion.focus, frames)
	return `${source},format=yuv420p,zoompan=z='${z}':x='${x}':y='${y}':d=${frames}:s=${target.width}x${target.height}:fps=${target.fps},setsar=1[${label}]`
}

/** zoompan expressions: `on` is the output frame number, `zoom` the zoom just computed. */
export function kenBurnsExpressions(move: Exclude<KenBurnsMove, 'none'>, focus: FocusPoint, frames: number) {
	const progress = `on/${Math.max(frames - 1, 1)}`
	const towardFocus = (axis: 'x' | 'y') => {
		const extent = axis === 'x' ? 'iw' : 'ih'
		return `max(0,min(${extent}-${extent}/zoom,${round4(focus[axis])}*${extent}-${extent}/zoom/2))`
	}
	const grow = round4(KEN_BURNS_ZOOM - 1)
	switch (move) {
		case 'zoom-in':
			return { z: `1+${grow}*${progress}`, x: towardFocus('x'), y: towardFocus('y') }
		case 'zoom-out':
			return { z: `${KEN_BURNS_ZOOM}-${grow}*${progress}`, x: towardFocus('x'), y: towardFocus('y') }
		case 'pan-right':
			return { z: String(KEN_BURNS_PAN_ZOOM), x: `(iw-iw/zoom)*${progress}`, y: towardFocus('y') }
		case 'pan-left':
			return { z: String(KEN_BURNS_PAN_ZOOM), x: `(iw-iw/zoom)*(1-${progress})`, y: towardFocus('y') }
	}
}

/** Audio leg of a clip with sound: resampled, padded with silence if short, cut to the exact sample count. */
export function clipAudioLeg(input: number, samples: number, label: string): string {
	return `[${input}:a]asetpts=PTS-STARTPTS,aresample=${AUDIO_RATE},${AUDIO_FORMAT},apad,atrim=end_sample=${samples},asetpts=N/SR/TB[${label}]`
}

/** Silence for photos, title cards and clips without sound, so every leg has audio and crossfades line up. */
export function silentAudioLeg(samples: number, label: string): string {
	return `anullsrc=r=${AUDIO_RATE}:cl=stereo,${AUDIO_FORMAT},atrim=end_sample=${samples},asetpts=N/SR/TB[${label}]`
}

function even(value: number): number {
	return Math.max(2, Math.round(value / 2) * 2)
}

function round4(value: number): number {
	return Math.round(value * 10_000) / 10_000
}
