// Pure geometry for cropping an upright photo to an output frame.

export type Size = { width: number; height: number }
export type Rect = { left: number; top: number; width: number; height: number }
export type FocusPoint = { x: number; y: number }

function clamp(value: number, min: number, max: number) {
	return Math.min(Math.max(value, min), max)
}

/** The largest window of the frame's aspect ratio that fits inside the image. */
export function largestWindow(image: Size, frame: Size): Size {
	const aspect = frame.width / frame.height
	if (image.width / image.height > aspect) {
		const width = Math.min(image.width, Math.round(image.height * aspect))
		return { width, height: image.height }
	}
	return { width: image.width, height: Math.min(image.height, Math.round(image.width / aspect)) }
}

/**
 * The crop window centred on the person's focus point (fractions of the
 * upright image), slid back inside the image where the centre would push it
 * over an edge: a focus in the far corner gives the corner-most window, not a
 * smaller one, so every output keeps as much of the photo as the frame allows.
 */
export function focusCropWindow(image: Size, frame: Size, focus: FocusPoint): Rect {
	const window = largestWindow(image, frame)
	const left = clamp(Math.round(focus.x * image.width - window.width / 2), 0, image.width - window.width)
	const top = clamp(Math.round(focus.y * image.height - window.height / 2), 0, image.height - window.height)
	return { left, top, ...window }
}

/**
 * How far the photo can be shrunk right after decoding while every frame's
 * crop window still holds at least the frame's pixels (never above 1: small
 * photos are not enlarged before cropping). Working on the shrunk copy keeps a
 * 48-megapixel phone photo from being held in memory three times over.
 */
export function workingScale(image: Size, frames: Size[]): number {
	const needed = frames.map((frame) => frame.width / largestWindow(image, frame).width)
	return Math.min(1, Math.max(...needed))
}

/**
 * The image size after `workingScale` (at most 1, so at scale 1 the size is
 * unchanged), rounded up so a window never ends one pixel short of its frame.
 */
export function scaledSize(image: Size, scale: number): Size {
	return { width: Math.ceil(image.width * scale), height: Math.ceil(image.height * scale) }
}
