import type { TransitionType } from '~/studio/spec/edit-spec.ts'
import type { RenderTarget } from '../presets.ts'
import { samplesFor } from './legs.ts'

// Joins the legs into one timeline. With xfade (ffmpeg ≥ 4.3) each
// transition is one filter whose offset counts on the timeline built so far.
// With the bundled ffmpeg 4.1 every leg is cut into head / body / tail and
// only the frames that two items share go through the blend: bodies pass
// straight to one concat (docs/decisions/013-transitions-without-xfade.md).

export type LegTiming = {
	frames: number
	/** Where the leg starts on the output timeline. */
	startFrame: number
	/** Transition from the previous leg; null for a cut and for the first leg. */
	transitionIn: { type: Exclude<TransitionType, 'cut'>; frames: number } | null
}

const XFADE_NAMES: Record<Exclude<TransitionType, 'cut'>, string> = {
	fade: 'fade',
	'slide-left': 'slideleft',
	'slide-up': 'slideup',
}

export function joinVideoWithXfade(labels: readonly string[], timings: readonly LegTiming[], target: RenderTarget, output: string): string[] {
	if (labels.length === 1) return [`[${labels[0]}]null[${output}]`]
	const filters: string[] = []
	let current = labels[0]
	for (let i = 1; i < labels.length; i++) {
		const next = i === labels.length - 1 ? output : `xv${i}`
		const transition = timings[i].transitionIn
		filters.push(
			transition
				? `[${current}][${labels[i]}]xfade=transition=${XFADE_NAMES[transition.type]}:duration=${seconds(transition.frames, target.fps)}:offset=${seconds(timings[i].startFrame, target.fps)}[${next}]`
				: `[${current}][${labels[i]}]concat=n=2:v=1:a=0[${next}]`,
		)
		current = next
	}
	return filters
}

export function joinVideoWithOverlays(labels: readonly string[], timings: readonly LegTiming[], output: string): string[] {
	const filters: string[] = []
	const pieces: string[] = []
	labels.forEach((label, i) => {
		const headFrames = timings[i].transitionIn?.frames ?? 0
		const tailFrames = timings[i + 1]?.transitionIn?.frames ?? 0
		const bodyFrames = timings[i].frames - headFrames - tailFrames
		const parts: { name: string; trim: string }[] = []
		if (headFrames > 0) parts.push({ name: `${label}h`, trim: `trim=end_frame=${headFrames}` })
		if (bodyFrames > 0) parts.push({ name: `${label}b`, trim: `trim=start_frame=${headFrames}:end_frame=${headFrames + bodyFrames}` })
		if (tailFrames > 0) parts.push({ name: `${label}t`, trim: `trim=start_frame=${headFrames + bodyFrames}` })
		if (parts.length === 1 && bodyFrames > 0) {
			pieces.push(label)
		} else {
			filters.push(`[${label}]split=${parts.length}${parts.map((p) => `[${p.name}s]`).join('')}`)
			for (const part of parts) filters.push(`[${part.name}s]${part.trim},setpts=PTS-STARTPTS[${part.name}]`)
			if (headFrames > 0) {
				filters.push(transitionPiece(timings[i].transitionIn!, `${labels[i - 1]}t`, `${label}h`, `${label}x`))
				pieces.push(`${label}x`)
			}
			if (bodyFrames > 0) pieces.push(`${label}b`)
		}
	})
	filters.push(
		pieces.length === 1 ? `[${pieces[0]}]null[${output}]` : `${pieces.map((p) => `[${p}]`).join('')}concat=n=${pieces.length}:v=1:a=0[${output}]`,
	)
	return filters
}

/**
 * The shared frames of two items. A fade lays the incoming frames, alpha
 * rising, over the outgoing ones; a slide stacks the two pictures and moves
 * a frame-sized window across them (both move, as xfade's slides do).
 */
function transitionPiece(transition: NonNullable<LegTiming['transitionIn']>, outgoing: string, incoming: string, output: string): string {
	const { frames } = transition
	const progress = `(n+1)/${frames + 1}`
	switch (transition.type) {
		case 'fade':
			return `[${incoming}]format=yuva420p,fade=t=in:s=0:n=${frames}:alpha=1[${incoming}a];[${outgoing}][${incoming}a]overlay=format=yuv420,format=yuv420p[${output}]`
		case 'slide-left':
			return `[${outgoing}][${incoming}]hstack=inputs=2,crop=w=in_w/2:h=in_h:x='floor(in_w/2*${progress})':y=0[${output}]`
		case 'slide-up':
			return `[${outgoing}][${incoming}]vstack=inputs=2,crop=w=in_w:h=in_h/2:x=0:y='floor(in_h/2*${progress})'[${output}]`
	}
}

/** Audio follows the same cuts: acrossfade where the pictures cross, concat where they cut. */
export function joinAudio(labels: readonly string[], timings: readonly LegTiming[], target: RenderTarget, output: string): string[] {
	if (labels.length === 1) return [`[${labels[0]}]anull[${output}]`]
	const filters: string[] = []
	let current = labels[0]
	for (let i = 1; i < labels.length; i++) {
		const next = i === labels.length - 1 ? output : `xa${i}`
		const transition = timings[i].transitionIn
		filters.push(
			transition
				? `[${current}][${labels[i]}]acrossfade=ns=${samplesFor(transition.frames, target.fps)}:c1=tri:c2=tri[${next}]`
				: `[${current}][${labels[i]}]concat=n=2:v=0:a=1[${next}]`,
		)
		current = next
	}
	return filters
}

function seconds(frames: number, fps: number): string {
	return String(Math.round((frames / fps) * 10_000) / 10_000)
}
