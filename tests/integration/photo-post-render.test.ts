import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PHOTO_FORMATS, PHOTO_VARIANTS, type PhotoFormat, type PhotoPostSpecInput } from '~/studio/photo-posts/spec.ts'
import { PhotoPostError } from '#workers/photo/errors.ts'
import { overlayMetrics, safeInsets } from '#workers/photo/layout.ts'
import { renderPhotoPost } from '#workers/photo/render-photo-post.ts'
import { renderText } from '#workers/photo/text.ts'
import { makePhoto } from '#tests/support/media-fixtures.ts'

// Real sharp renders of generated photos; every check reads the output pixels.

let dir: string
const files = {
	phone: '', // makePhoto, stored landscape with EXIF orientation 6 (shown portrait)
	halves: '', // left half red, right half blue
	plain: '', // one flat green, so overlay colours cannot come from the photo
	noise: '', // full of detail: a JPEG at quality 90 is far over 1 MB
	logo: '', // a flat magenta mark
}
const RED = [220, 30, 30]
const BLUE = [30, 60, 220]
const GREEN = [40, 120, 60]
const MAGENTA = [255, 0, 255]

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'photo-post-'))
	files.phone = await makePhoto(path.join(dir, 'phone.jpg'), { width: 1600, height: 1200, orientation: 6 })
	files.halves = path.join(dir, 'halves.jpg')
	const half = (rgb: number[]) => ({ create: { width: 1000, height: 1000, channels: 3 as const, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
	await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#000' } })
		.composite([
			{ input: await sharp(half(RED)).png().toBuffer(), left: 0, top: 0 },
			{ input: await sharp(half(BLUE)).png().toBuffer(), left: 1000, top: 0 },
		])
		.jpeg({ quality: 95 })
		.toFile(files.halves)
	files.plain = path.join(dir, 'plain.jpg')
	await sharp({ create: { width: 1200, height: 1500, channels: 3, background: { r: GREEN[0], g: GREEN[1], b: GREEN[2] } } })
		.jpeg({ quality: 95 })
		.toFile(files.plain)
	files.noise = path.join(dir, 'noise.png')
	await sharp({ create: { width: 1080, height: 1920, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 80 } } }).png().toFile(files.noise)
	files.logo = path.join(dir, 'logo.png')
	await sharp({ create: { width: 300, height: 200, channels: 4, background: '#ff00ff' } }).png().toFile(files.logo)
})

afterAll(async () => {
	await fs.rm(dir, { recursive: true, force: true })
})

async function pixel(file: string, x: number, y: number) {
	const { data } = await sharp(file).extract({ left: Math.round(x), top: Math.round(y), width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
	return [data[0], data[1], data[2]]
}

function near(actual: number[], expected: number[], tolerance = 30) {
	return actual.every((value, i) => Math.abs(value - expected[i]) <= tolerance)
}

const bare = { version: 1 as const, logo: { show: false, corner: 'top-right' as const }, variants: ['facebook' as const] }

describe('a photo from a phone, all three formats', () => {
	const spec: PhotoPostSpecInput = {
		version: 1,
		photos: [{ mediaId: 'phone', crop: 'attention' }],
		formats: ['portrait', 'square', 'story'],
		logo: { show: true, corner: 'top-right' },
		priceBadge: { productName: 'Chè Shan tuyết cổ thụ', priceVnd: 120000, unit: 'hộp 100g' },
		headline: 'Trà xuân hái tay trên đỉnh núi',
	}
	let result: Awaited<ReturnType<typeof renderPhotoPost>>
	const out = () => path.join(dir, 'phone-out')

	beforeAll(async () => {
		result = await renderPhotoPost(spec, { photos: { phone: files.phone }, logo: files.logo }, out())
	})

	test('writes one JPEG per format and variant, at the frame size, under each ceiling', async () => {
		expect(result.outputs).toHaveLength(6)
		for (const output of result.outputs) {
			const meta = await sharp(output.path).metadata()
			const frame = PHOTO_FORMATS[output.format]
			expect(meta.format).toBe('jpeg')
			expect([meta.width, meta.height]).toEqual([frame.width, frame.height])
			expect([output.width, output.height]).toEqual([frame.width, frame.height])
			const { size } = await fs.stat(output.path)
			expect(size).toBe(output.bytes)
			expect(size).toBeLessThanOrEqual(PHOTO_VARIANTS[output.variant].maxBytes)
		}
		expect(new Set(result.outputs.map((o) => `${o.format}-${o.variant}`)).size).toBe(6)
	})

	test('leaves no temporary files behind', async () => {
		const names = await fs.readdir(out())
		expect(names.sort()).toEqual(result.outputs.map((o) => path.basename(o.path)).sort())
	})

	test('strips EXIF (no location leaks) but shows the picture upright', async () => {
		// makePhoto draws green at the top left of the stored pixels; orientation 6
		// turns the picture a quarter clockwise, so upright the green is top right.
		const output = result.outputs.find((o) => o.format === 'portrait' && o.variant === 'facebook')!
		const meta = await sharp(output.path).metadata()
		expect(meta.exif).toBeUndefined()
		expect(meta.orientation ?? 1).toBe(1)
		const { padding } = overlayMetrics(PHOTO_FORMATS.portrait)
		// Below the logo, at the right and left edges of the top band.
		const topRight = await pixel(output.path, 1080 - 5, padding * 5)
		const topLeft = await pixel(output.path, 5, padding * 5)
		const green = [0x4d, 0x7c, 0x2f]
		const yellow = [0xe2, 0xc0, 0x44]
		const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]))
		expect(distance(topRight, green)).toBeLessThan(distance(topLeft, green))
		expect(distance(topLeft, yellow)).toBeLessThan(distance(topRight, yellow))
	})

	test('puts the logo in the top-right corner of every format, inside the story safe area', async () => {
		for (const format of ['portrait', 'square', 'story'] as PhotoFormat[]) {
			const output = result.outputs.find((o) => o.format === format && o.variant === 'facebook')!
			const frame = PHOTO_FORMATS[format]
			const { padding, logoWidth } = overlayMetrics(frame)
			const top = safeInsets(frame).top + padding
			// The 3:2 logo is logoWidth wide and two thirds as tall.
			const centre = { x: frame.width - padding - logoWidth / 2, y: top + logoWidth / 3 }
			expect(near(await pixel(output.path, centre.x, centre.y), MAGENTA), `${format} logo centre`).toBe(true)
			expect(near(await pixel(output.path, frame.width - padding + 4, centre.y), MAGENTA), `${format} right of the logo`).toBe(false)
			expect(near(await pixel(output.path, padding + logoWidth / 2, centre.y), MAGENTA), `${format} top-left corner`).toBe(false)
		}
	})
})

describe('focus point crop', () => {
	for (const format of ['portrait', 'square', 'story'] as PhotoFormat[]) {
		test(`${format}: the crop follows the focus to the red or the blue side`, async () => {
			const render = (x: number, name: string) =>
				renderPhotoPost({ ...bare, photos: [{ mediaId: 'halves', crop: { x, y: 0.5 } }], formats: [format] }, { photos: { halves: files.halves } }, path.join(dir, name))
			const left = await render(0.1, `halves-left-${format}`)
			const right = await render(0.9, `halves-right-${format}`)
			const frame = PHOTO_FORMATS[format]
			// The window on a 2:1 photo is at most 1000 px wide, so one side fills it.
			for (const x of [10, frame.width / 2, frame.width - 10]) {
				expect(near(await pixel(left.outputs[0].path, x, frame.height / 2), RED), `left focus at x=${x}`).toBe(true)
				expect(near(await pixel(right.outputs[0].path, x, frame.height / 2), BLUE), `right focus at x=${x}`).toBe(true)
			}
		})
	}

	test('a focus on the seam shows both colours, red on the left', async () => {
		const { outputs } = await renderPhotoPost(
			{ ...bare, photos: [{ mediaId: 'halves', crop: { x: 0.5, y: 0.5 } }], formats: ['square'] },
			{ photos: { halves: files.halves } },
			path.join(dir, 'halves-seam'),
		)
		expect(near(await pixel(outputs[0].path, 100, 540), RED)).toBe(true)
		expect(near(await pixel(outputs[0].path, 980, 540), BLUE)).toBe(true)
	})
})

describe('price badge and headline', () => {
	test('draw the product name and price in their colours, bottom left, over a plain photo', async () => {
		const { outputs } = await renderPhotoPost(
			{ ...bare, photos: [{ mediaId: 'plain' }], formats: ['portrait'], priceBadge: { productName: 'Gạo J02 Đặc sản', priceVnd: 85000 } },
			{ photos: { plain: files.plain } },
			path.join(dir, 'badge'),
		)
		const { data, info } = await sharp(outputs[0].path).raw().toBuffer({ resolveWithObject: true })
		const counts = { cream: 0, red: 0, darkGreen: 0, cornerCream: 0 }
		for (let y = 0; y < info.height; y++) {
			for (let x = 0; x < info.width; x++) {
				const i = (y * info.width + x) * 3
				const rgb = [data[i], data[i + 1], data[i + 2]]
				const inBadgeArea = x < info.width * 0.8 && y > info.height * 0.6
				if (near(rgb, [0xff, 0xf4, 0xd6], 20)) inBadgeArea ? counts.cream++ : counts.cornerCream++
				if (inBadgeArea && near(rgb, [0xb3, 0x26, 0x1e], 40)) counts.red++
				if (inBadgeArea && near(rgb, [0x1f, 0x3d, 0x2b], 30)) counts.darkGreen++
			}
		}
		// A card with text on it: lots of cream, and many price-red and name-green text pixels.
		expect(counts.cream).toBeGreaterThan(30_000)
		expect(counts.red).toBeGreaterThan(3_000)
		expect(counts.darkGreen).toBeGreaterThan(1_000)
		expect(counts.cornerCream).toBe(0)
	})

	test('a headline adds white text on a darkened band at the bottom', async () => {
		const render = (headline: string | null, name: string) =>
			renderPhotoPost({ ...bare, photos: [{ mediaId: 'plain' }], formats: ['square'], headline }, { photos: { plain: files.plain } }, path.join(dir, name))
		const [withText, without] = await Promise.all([render('Đặt hàng sớm, nhận chè mới', 'headline'), render(null, 'no-headline')])
		const whiteInBottom = async (file: string) => {
			const { data } = await sharp(file).extract({ left: 0, top: 700, width: 1080, height: 380 }).raw().toBuffer({ resolveWithObject: true })
			let white = 0
			for (let i = 0; i < data.length; i += 3) if (data[i] > 230 && data[i + 1] > 230 && data[i + 2] > 230) white++
			return white
		}
		expect(await whiteInBottom(withText.outputs[0].path)).toBeGreaterThan(2_000)
		expect(await whiteInBottom(without.outputs[0].path)).toBe(0)
		// The band darkens the bottom edge; the top of the photo keeps its colour.
		const bottom = await pixel(withText.outputs[0].path, 1070, 1075)
		expect(bottom[1]).toBeLessThan(GREEN[1] - 30)
		expect(near(await pixel(withText.outputs[0].path, 540, 100), GREEN)).toBe(true)
	})

	test('text is drawn with the bundled Be Vietnam Pro, not a system fallback', async () => {
		const text = 'Đặt hàng ngay: chè Shan tuyết ữ ỹ'
		const ours = await renderText(text, { sizePx: 60, weight: 'bold', color: '#000000', maxWidth: 2000 })
		const fallback = await sharp({ text: { text, font: 'sans Bold 60', rgba: true, width: 2000 } }).png().toBuffer({ resolveWithObject: true })
		const extraBold = await renderText(text, { sizePx: 60, weight: 'extrabold', color: '#000000', maxWidth: 2000 })
		expect(ours.width).not.toBe(fallback.info.width)
		expect(extraBold.width).toBeGreaterThan(ours.width)
	})
})

describe('carousel', () => {
	test('N photos give N outputs with the same styling and their own "n/N" counter', async () => {
		const { outputs } = await renderPhotoPost(
			{ ...bare, photos: [{ mediaId: 'plain' }, { mediaId: 'plain' }, { mediaId: 'plain' }], formats: ['square'], counter: true },
			{ photos: { plain: files.plain } },
			path.join(dir, 'carousel'),
		)
		expect(outputs.map((o) => [o.position, path.basename(o.path)])).toEqual([
			[1, '01-square-facebook.jpg'],
			[2, '02-square-facebook.jpg'],
			[3, '03-square-facebook.jpg'],
		])
		// Counter at the top right (no logo); the rest of the frame is identical.
		const region = async (file: string, area: sharp.Region) => sharp(file).extract(area).raw().toBuffer()
		const counterArea = { left: 880, top: 20, width: 180, height: 100 }
		const body = { left: 0, top: 300, width: 1080, height: 500 }
		const [c1, c2, c3] = await Promise.all(outputs.map((o) => region(o.path, counterArea)))
		expect(c1.equals(c2)).toBe(false)
		expect(c2.equals(c3)).toBe(false)
		const [b1, b2] = await Promise.all(outputs.slice(0, 2).map((o) => region(o.path, body)))
		expect(b1.equals(b2)).toBe(true)
		// Dark pill with white text: the counter darkens the green.
		const darkPixels = [...c1].filter((v, i) => i % 3 === 1 && v < GREEN[1] - 40).length
		expect(darkPixels).toBeGreaterThan(500)
	})
})

describe('size ceilings', () => {
	test('a very detailed photo is lowered in quality until it fits Facebook and, further, Zalo', async () => {
		const { outputs } = await renderPhotoPost(
			{ ...bare, variants: ['zalo', 'facebook'], photos: [{ mediaId: 'noise' }], formats: ['story'] },
			{ photos: { noise: files.noise } },
			path.join(dir, 'noise'),
		)
		const facebook = outputs.find((o) => o.variant === 'facebook')!
		const zalo = outputs.find((o) => o.variant === 'zalo')!
		expect(facebook.bytes).toBeLessThanOrEqual(PHOTO_VARIANTS.facebook.maxBytes)
		expect(zalo.bytes).toBeLessThanOrEqual(PHOTO_VARIANTS.zalo.maxBytes)
		expect(zalo.quality).toBeLessThan(facebook.quality)
		// At quality 90 this photo is well over Zalo's ceiling: the loop really worked.
		const atFirstStep = await sharp(zalo.path).jpeg({ quality: 90 }).toBuffer()
		expect(atFirstStep.length).toBeGreaterThan(PHOTO_VARIANTS.zalo.maxBytes)
		expect((await fs.stat(zalo.path)).size).toBe(zalo.bytes)
	})
})

describe('bad input is refused before any file is written', () => {
	test('a photo whose file is missing is named', async () => {
		const out = path.join(dir, 'missing')
		const error = await renderPhotoPost(
			{ ...bare, photos: [{ mediaId: 'plain' }, { mediaId: 'gone' }], formats: ['square'] },
			{ photos: { plain: files.plain, gone: path.join(dir, 'nope.jpg') } },
			out,
		).catch((e: unknown) => e)
		expect(error).toBeInstanceOf(PhotoPostError)
		expect(error).toMatchObject({ code: 'photo-missing', params: { mediaId: 'gone', position: 2 } })
		await expect(fs.stat(out)).rejects.toThrow()
	})

	test('a file that is not a picture is reported as unreadable', async () => {
		const fake = path.join(dir, 'fake.jpg')
		await fs.writeFile(fake, 'not a jpeg at all')
		const error = await renderPhotoPost({ ...bare, photos: [{ mediaId: 'fake' }], formats: ['square'] }, { photos: { fake } }, path.join(dir, 'fake-out')).catch(
			(e: unknown) => e,
		)
		expect(error).toMatchObject({ code: 'photo-unreadable', params: { mediaId: 'fake', position: 1 } })
	})

	test('a logo that is asked for but missing', async () => {
		const error = await renderPhotoPost(
			{ ...bare, logo: { show: true, corner: 'top-left' }, photos: [{ mediaId: 'plain' }], formats: ['square'] },
			{ photos: { plain: files.plain } },
			path.join(dir, 'no-logo'),
		).catch((e: unknown) => e)
		expect(error).toMatchObject({ code: 'logo-missing' })
	})
})
