import sharp from 'sharp'
import { writeAtomically } from '~/media/storage.server.ts'
import { MediaUnreadable } from './unreadable.ts'

export const THUMB_SIZE = 480
export const PHOTO_PROXY_SIZE = 1600

/** EXIF orientation → degrees clockwise to show the stored picture upright (mirrored variants turn the same way). */
const ROTATION_BY_ORIENTATION: Record<number, number> = { 1: 0, 2: 0, 3: 180, 4: 180, 5: 90, 6: 90, 7: 270, 8: 270 }

export function rotationFromOrientation(orientation: number | undefined) {
	return ROTATION_BY_ORIENTATION[orientation ?? 1] ?? 0
}

export type PhotoFacts = { width: number; height: number; rotation: number }

/**
 * Reads a photo's size and EXIF orientation and writes its thumbnail and
 * 1600 px preview, both turned upright. The original stays as uploaded.
 */
export async function preparePhoto(
	originalPath: string,
	keys: { thumb: string; proxy: string },
	{ maxMegapixels }: { maxMegapixels: number },
): Promise<PhotoFacts> {
	const open = () => sharp(originalPath, { limitInputPixels: Math.round(maxMegapixels * 1_000_000), failOn: 'error' })
	const metadata = await open()
		.metadata()
		.catch(() => null)
	if (!metadata?.width || !metadata.height) throw new MediaUnreadable('corrupt-image')
	const rotation = rotationFromOrientation(metadata.orientation)
	const sideways = rotation === 90 || rotation === 270
	try {
		for (const [key, size, quality] of [
			[keys.thumb, THUMB_SIZE, 78],
			[keys.proxy, PHOTO_PROXY_SIZE, 82],
		] as const) {
			await writeAtomically(key, async (tempPath) => {
				await open()
					.rotate()
					.resize(size, size, { fit: 'inside', withoutEnlargement: true })
					.flatten({ background: '#ffffff' })
					.jpeg({ quality, mozjpeg: true })
					.toFile(tempPath)
			})
		}
	} catch (error) {
		throw new MediaUnreadable('corrupt-image', error)
	}
	return {
		width: sideways ? metadata.height : metadata.width,
		height: sideways ? metadata.width : metadata.height,
		rotation,
	}
}

/** A JPEG thumbnail of any picture ffmpeg produced (a poster frame, a waveform). */
export async function writeThumbFrom(sourcePath: string, thumbKey: string) {
	await writeAtomically(thumbKey, async (tempPath) => {
		await sharp(sourcePath)
			.resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
			.flatten({ background: '#f3f8ef' })
			.jpeg({ quality: 78, mozjpeg: true })
			.toFile(tempPath)
	})
}
