import sharp from 'sharp'
import type { FitMode, FocusPoint } from '~/studio/spec/edit-spec.ts'
import { coverCrop, fitInside, focusWithin, type Size } from '../geometry.ts'

// Photos become frames with sharp (EXIF orientation applied): a still frame at
// the output size, or the Ken Burns source: cropped to the output's aspect and
// only as large as zoompan needs (docs/decisions/012-encoder-preset.md has the
// measurement behind the factor).

/**
 * zoompan picks whole source pixels for its window each frame; a source this
 * much larger than the output keeps a slow zoom from visibly stepping while
 * costing far less than the 4–8× sources often suggested.
 */
export const KEN_BURNS_SOURCE_SCALE = 1.5

async function uprightSize(path: string): Promise<Size> {
	const { width = 0, height = 0, orientation } = await sharp(path).metadata()
	// EXIF orientations 5–8 turn the picture a quarter: width and height swap.
	return orientation && orientation >= 5 ? { width: height, height: width } : { width, height }
}

/**
 * The photo as a frame of `frame` size: cropped at the focus point (cover)
 * or whole over a blurred fill of itself (contain-blur). Returns where the
 * focus point ended up in the frame, for a zoom towards it.
 */
export async function drawPhotoFrame(path: string, frame: Size, fit: FitMode, focus: FocusPoint): Promise<{ jpeg: Buffer; focus: FocusPoint }> {
	const source = await uprightSize(path)
	const crop = coverCrop(source, frame, focus)
	const region = { left: crop.x, top: crop.y, width: crop.width, height: crop.height }
	if (fit === 'cover') {
		const jpeg = await sharp(path).rotate().extract(region).resize(frame.width, frame.height).jpeg({ quality: 90 }).toBuffer()
		return { jpeg, focus: focusWithin(source, crop, focus) }
	}
	const fitted = fitInside(source, frame)
	const left = Math.round((frame.width - fitted.width) / 2)
	const top = Math.round((frame.height - fitted.height) / 2)
	const [background, foreground] = await Promise.all([
		sharp(path)
			.rotate()
			.extract(region)
			.resize(Math.max(2, Math.round(frame.width / 8)), Math.max(2, Math.round(frame.height / 8)))
			.blur(3)
			.toBuffer()
			.then((small) => sharp(small).resize(frame.width, frame.height).toBuffer()),
		sharp(path).rotate().resize(fitted.width, fitted.height).toBuffer(),
	])
	const jpeg = await sharp(background)
		.composite([{ input: foreground, left, top }])
		.jpeg({ quality: 90 })
		.toBuffer()
	return {
		jpeg,
		focus: { x: (left + focus.x * fitted.width) / frame.width, y: (top + focus.y * fitted.height) / frame.height },
	}
}

/** The size of a Ken Burns source for an output frame. */
export function kenBurnsSourceSize(frame: Size): Size {
	const even = (value: number) => Math.round(value / 2) * 2
	return { width: even(frame.width * KEN_BURNS_SOURCE_SCALE), height: even(frame.height * KEN_BURNS_SOURCE_SCALE) }
}
