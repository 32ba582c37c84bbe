// Facebook refuses photos of 4 MB and more and Zalo takes about 1 MB: a JPEG
// is encoded at a high quality first and re-encoded a step lower until it
// fits. A typical 1080-px photo fits at the first step; only very detailed
// ones (foliage, gravel) need the lower ones.

export const JPEG_QUALITY_STEPS = [90, 85, 80, 75, 70, 64, 58, 50, 42, 35] as const

export type EncodedJpeg = { buffer: Buffer; quality: number }

/**
 * Encodes with the highest quality step whose output is at most `maxBytes`.
 * `below` skips the steps at and above a quality already known to be too big
 * (file size falls as quality falls, so a second, smaller ceiling starts
 * where the first one ended). Returns null when even the lowest step is too big.
 */
export async function encodeJpegWithin(
	maxBytes: number,
	encode: (quality: number) => Promise<Buffer>,
	below = Infinity,
): Promise<EncodedJpeg | null> {
	for (const quality of JPEG_QUALITY_STEPS) {
		if (quality >= below) continue
		const buffer = await encode(quality)
		if (buffer.length <= maxBytes) return { buffer, quality }
	}
	return null
}
