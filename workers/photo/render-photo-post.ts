import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import {
	PHOTO_FORMATS,
	PHOTO_VARIANTS,
	parsePhotoPostSpec,
	type PhotoCrop,
	type PhotoFormat,
	type PhotoPostSpec,
	type PhotoPostSpecInput,
	type PhotoVariant,
} from '~/studio/photo-posts/spec.ts'
import { focusCropWindow, scaledSize, workingScale, type Size } from './crop-window.ts'
import { dressFrame, type FrameDressing } from './dress-frame.ts'
import { PhotoPostError } from './errors.ts'
import { encodeJpegWithin, type EncodedJpeg } from './fit-jpeg.ts'
import { writeFileAtomically } from './write-atomically.ts'

// Renders a photo post with sharp alone (docs/decisions/030-photo-posts-with-sharp.md).
// Stateless: the spec and file locations in, JPEG files and their metadata
// out; no database, so it runs wherever the media store is mounted.

export type PhotoPostSources = {
	/** mediaId → absolute path of the original photo. */
	photos: Record<string, string>
	/** Absolute path of the co-op logo; needed when the spec shows the logo. */
	logo?: string
}

export type PhotoPostOutput = {
	/** 1-based place in the carousel. */
	position: number
	mediaId: string
	format: PhotoFormat
	variant: PhotoVariant
	path: string
	width: number
	height: number
	bytes: number
	quality: number
}

export type PhotoPostResult = { outputs: PhotoPostOutput[] }

type PhotoPlace = { mediaId: string; position: number }

// libjpeg-turbo rather than mozjpeg: mozjpeg saves about 8 % of the bytes but
// takes four to ten times as long, and the fitting loop may encode several times.
const JPEG_OPTIONS = { progressive: true, chromaSubsampling: '4:2:0' } as const

export async function renderPhotoPost(input: PhotoPostSpecInput, sources: PhotoPostSources, outDir: string): Promise<PhotoPostResult> {
	const spec = parsePhotoPostSpec(input)
	await checkSources(spec, sources)
	await fs.mkdir(outDir, { recursive: true })

	const logo = spec.logo.show ? await readLogo(sources.logo!) : null
	const dressings = new Map<PhotoFormat, FrameDressing>()
	for (const format of spec.formats) dressings.set(format, await dressFrame(spec, PHOTO_FORMATS[format], logo))

	const outputs: PhotoPostOutput[] = []
	// One photo at a time: a decoded phone photo is tens of megabytes.
	for (const [index, photo] of spec.photos.entries()) {
		const position = index + 1
		const where = { mediaId: photo.mediaId, position }
		const upright = await decodeUpright(sources.photos[photo.mediaId], spec.formats, where)
		for (const format of spec.formats) {
			const dressing = dressings.get(format)!
			const composed = await composeFrame(upright, photo.crop, dressing, index)
			for (const { variant, jpeg } of await encodeVariants(composed, spec.variants, where)) {
				const file = path.join(outDir, `${String(position).padStart(2, '0')}-${format}-${variant}.jpg`)
				await writeFileAtomically(file, jpeg.buffer)
				outputs.push({ ...where, format, variant, path: file, ...dressing.frame, bytes: jpeg.buffer.length, quality: jpeg.quality })
			}
		}
	}
	return { outputs }
}

/**
 * One JPEG per destination, each under its byte ceiling. The biggest ceiling
 * goes first and each smaller one continues from the quality the previous
 * one reached; a JPEG already under the smaller ceiling serves both.
 */
async function encodeVariants(composed: RawImage, variants: PhotoVariant[], where: PhotoPlace) {
	const encode = (quality: number) => sharp(composed.data, { raw: rawLayout(composed.info) }).jpeg({ ...JPEG_OPTIONS, quality }).toBuffer()
	const byCeiling = [...variants].sort((a, b) => PHOTO_VARIANTS[b].maxBytes - PHOTO_VARIANTS[a].maxBytes)
	const encoded: { variant: PhotoVariant; jpeg: EncodedJpeg }[] = []
	let jpeg: EncodedJpeg | null = null
	for (const variant of byCeiling) {
		const { maxBytes } = PHOTO_VARIANTS[variant]
		if (!jpeg || jpeg.buffer.length > maxBytes) jpeg = await encodeJpegWithin(maxBytes, encode, jpeg?.quality)
		if (!jpeg) throw new PhotoPostError('photo-too-detailed', where)
		encoded.push({ variant, jpeg })
	}
	return encoded
}

/** Every file is checked before any work starts, so a bad spec fails at once and names the photo. */
async function checkSources(spec: PhotoPostSpec, sources: PhotoPostSources) {
	for (const [index, photo] of spec.photos.entries()) {
		const file = sources.photos[photo.mediaId]
		if (!file || !(await isFile(file))) throw new PhotoPostError('photo-missing', { mediaId: photo.mediaId, position: index + 1 })
	}
	if (spec.logo.show && (!sources.logo || !(await isFile(sources.logo)))) throw new PhotoPostError('logo-missing')
}

async function isFile(file: string) {
	return fs.stat(file).then((stat) => stat.isFile(), () => false)
}

async function readLogo(file: string): Promise<Buffer> {
	const logo = await fs.readFile(file)
	try {
		await sharp(logo).metadata()
	} catch (cause) {
		throw new PhotoPostError('logo-unreadable', {}, { cause })
	}
	return logo
}

type RawImage = { data: Buffer; info: sharp.OutputInfo }
type UprightPhoto = RawImage & { size: Size }

/**
 * Only the pixel layout of a raw buffer travels to the next pipeline: after a
 * composite sharp reports `premultiplied: true`, and passing that on makes the
 * next pipeline divide red and green by blue as if blue were alpha.
 */
function rawLayout(info: sharp.OutputInfo) {
	return { width: info.width, height: info.height, channels: info.channels }
}

/**
 * Decodes the photo once, turned upright by its EXIF orientation (phones
 * store the sensor's pixels and a tag saying how to turn them), flattened
 * onto white, and shrunk as far as the largest crop still allows.
 */
async function decodeUpright(file: string, formats: PhotoFormat[], where: PhotoPlace): Promise<UprightPhoto> {
	try {
		const metadata = await sharp(file).metadata()
		const turned = (metadata.orientation ?? 1) >= 5
		const stored = { width: metadata.width, height: metadata.height }
		const upright = turned ? { width: stored.height, height: stored.width } : stored
		const target = scaledSize(upright, workingScale(upright, formats.map((f) => PHOTO_FORMATS[f])))
		const { data, info } = await sharp(file)
			.rotate()
			.resize(target.width, target.height, { fit: 'fill' })
			.flatten({ background: '#ffffff' })
			.removeAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true })
		return { data, info, size: { width: info.width, height: info.height } }
	} catch (cause) {
		throw new PhotoPostError('photo-unreadable', where, { cause })
	}
}

async function composeFrame(upright: UprightPhoto, crop: PhotoCrop, dressing: FrameDressing, index: number): Promise<RawImage> {
	const { frame } = dressing
	let image = sharp(upright.data, { raw: rawLayout(upright.info) })
	image =
		crop === 'attention'
			? image.resize(frame.width, frame.height, { fit: 'cover', position: sharp.strategy.attention })
			: image.extract(focusCropWindow(upright.size, frame, crop)).resize(frame.width, frame.height, { fit: 'fill' })
	return image
		.composite([...dressing.fixed, ...(dressing.counters[index] ?? [])])
		.removeAlpha()
		.raw()
		.toBuffer({ resolveWithObject: true })
}
