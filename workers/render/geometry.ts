import { captionSafeArea } from '~/studio/captions/safe-area.ts'
import type { CaptionStyle } from '~/studio/captions/schema.ts'
import type { Band, Corner, FocusPoint } from '~/studio/spec/edit-spec.ts'

// Pure frame geometry shared by the stills (sharp) and the filter graph
// (ffmpeg), so a photo and a clip with the same focus point crop the same way.

export type Size = { width: number; height: number }
export type Rect = { x: number; y: number; width: number; height: number }

/**
 * The largest window of the target's aspect inside the source, centred on the
 * focus point as far as the edges allow. Even numbers: yuv420p halves chroma.
 */
export function coverCrop(source: Size, target: Size, focus: FocusPoint): Rect {
	const targetAspect = target.width / target.height
	const sourceAspect = source.width / source.height
	const width = evenDown(sourceAspect > targetAspect ? source.height * targetAspect : source.width)
	const height = evenDown(sourceAspect > targetAspect ? source.height : source.width / targetAspect)
	return {
		width,
		height,
		x: evenOffset(clamp(focus.x * source.width - width / 2, 0, source.width - width)),
		y: evenOffset(clamp(focus.y * source.height - height / 2, 0, source.height - height)),
	}
}

/** The source scaled to fit inside the target, whole picture visible. */
export function fitInside(source: Size, target: Size): Size {
	const scale = Math.min(target.width / source.width, target.height / source.height)
	return { width: evenDown(source.width * scale), height: evenDown(source.height * scale) }
}

/** Where the focus point lands inside a crop window, in fractions of the window. */
export function focusWithin(source: Size, crop: Rect, focus: FocusPoint): FocusPoint {
	return {
		x: clamp((focus.x * source.width - crop.x) / crop.width, 0, 1),
		y: clamp((focus.y * source.height - crop.y) / crop.height, 0, 1),
	}
}

const CAPTION_ROWS = 2
const CAPTION_LINE_HEIGHT = 1.3

type CaptionPlace = Pick<CaptionStyle, 'position' | 'sizePx'>

/** Height of the caption band (two rows) when the captions sit at `edge`, else 0. */
function captionBandAt(edge: 'top' | 'bottom', captions: CaptionPlace | undefined): number {
	return captions?.position === edge ? Math.round(CAPTION_ROWS * CAPTION_LINE_HEIGHT * captions.sizePx) : 0
}

/**
 * Top-left position of an overlay in a corner, inside the area the platforms'
 * own buttons leave free, and clear of the captions: below them when they sit
 * at the top, above them when they sit at the bottom.
 */
export function cornerPosition(corner: Corner, overlay: Size, frame: Size, captions?: CaptionPlace): { x: number; y: number } {
	const safe = captionSafeArea(frame.width, frame.height)
	const left = corner.endsWith('left')
	const top = corner.startsWith('top')
	return {
		x: left ? safe.left : frame.width - safe.right - overlay.width,
		y: top ? safe.top + captionBandAt('top', captions) : frame.height - safe.bottom - captionBandAt('bottom', captions) - overlay.height,
	}
}

/** A horizontal band (calls to action, words): centred, at the top, middle or bottom of the safe area. */
export function bandPosition(band: Band, overlay: Size, frame: Size, captions?: CaptionPlace): { x: number; y: number } {
	const safe = captionSafeArea(frame.width, frame.height)
	const x = Math.round((frame.width - overlay.width) / 2)
	if (band === 'top') return { x, y: safe.top + captionBandAt('top', captions) }
	if (band === 'middle') return { x, y: Math.round((frame.height - overlay.height) / 2) }
	return { x, y: frame.height - safe.bottom - captionBandAt('bottom', captions) - overlay.height }
}

/** A size rounded down to even, never below 2 pixels. */
function evenDown(value: number): number {
	return Math.max(2, Math.floor(value / 2) * 2)
}

function evenOffset(value: number): number {
	return Math.max(0, Math.floor(value / 2) * 2)
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value))
}
