import type { FocusPoint } from '~/studio/spec/edit-spec.ts'

// Where the output frame falls on the source picture when it is filled by
// cropping ("cover"): the studio draws this box so that a person sees what a
// tap on the focus point does before anything is rendered. Fractions of the
// upright source picture.

export type CropBox = { left: number; top: number; width: number; height: number }

export function coverCropBox(source: { width: number; height: number }, frame: { width: number; height: number }, focus: FocusPoint): CropBox {
	const sourceAspect = source.width / source.height
	const frameAspect = frame.width / frame.height
	if (frameAspect < sourceAspect) {
		const width = frameAspect / sourceAspect
		return { left: clampWindow(focus.x, width), top: 0, width, height: 1 }
	}
	const height = sourceAspect / frameAspect
	return { left: 0, top: clampWindow(focus.y, height), width: 1, height }
}

/** The window's start so that it centres on `centre` without leaving the picture. */
function clampWindow(centre: number, size: number) {
	return Math.min(1 - size, Math.max(0, centre - size / 2))
}

/** A tap at (clientX, clientY) on an element, as a focus point. */
export function focusFromTap(rect: { left: number; top: number; width: number; height: number }, clientX: number, clientY: number): FocusPoint {
	const round = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000
	return { x: round((clientX - rect.left) / rect.width), y: round((clientY - rect.top) / rect.height) }
}
