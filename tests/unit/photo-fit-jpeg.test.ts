import { expect, test } from 'vitest'
import { JPEG_QUALITY_STEPS, encodeJpegWithin } from '#workers/photo/fit-jpeg.ts'

/** A stand-in encoder whose output size grows with quality, recording what it was asked for. */
function fakeEncoder(bytesAt: (quality: number) => number) {
	const asked: number[] = []
	const encode = async (quality: number) => {
		asked.push(quality)
		return Buffer.alloc(bytesAt(quality))
	}
	return { encode, asked }
}

test('keeps the first (highest) quality when it already fits', async () => {
	const { encode, asked } = fakeEncoder(() => 500_000)
	const result = await encodeJpegWithin(4_000_000, encode)
	expect(result?.quality).toBe(JPEG_QUALITY_STEPS[0])
	expect(asked).toEqual([JPEG_QUALITY_STEPS[0]])
})

test('lowers the quality step by step until the file fits', async () => {
	const { encode, asked } = fakeEncoder((q) => q * 20_000)
	const result = await encodeJpegWithin(1_500_000, encode)
	// 75 × 20 000 = 1 500 000 is the first size at or under the ceiling.
	expect(result?.quality).toBe(75)
	expect(result?.buffer.length).toBe(1_500_000)
	expect(asked).toEqual([90, 85, 80, 75])
})

test('continues below a quality already known to be too big', async () => {
	const { encode, asked } = fakeEncoder((q) => q * 20_000)
	const result = await encodeJpegWithin(1_000_000, encode, 75)
	expect(result?.quality).toBe(50)
	expect(asked).toEqual([70, 64, 58, 50])
})

test('gives up with null when even the lowest step is too big', async () => {
	const { encode, asked } = fakeEncoder(() => 5_000_000)
	expect(await encodeJpegWithin(4_000_000, encode)).toBeNull()
	expect(asked).toEqual([...JPEG_QUALITY_STEPS])
})

test('the quality steps only ever go down', () => {
	for (let i = 1; i < JPEG_QUALITY_STEPS.length; i++) expect(JPEG_QUALITY_STEPS[i]).toBeLessThan(JPEG_QUALITY_STEPS[i - 1])
})
