import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'
import { expect, test } from 'vitest'
import { classifySniffedType, exceedsMegapixels, looksLikeHeic } from '~/media/file-kinds.ts'

/** The first bytes of an ISO-BMFF file (MP4, MOV, HEIC) with the given major brand. */
function ftyp(brand: string, compatible: string[] = []) {
	const brands = [brand, ...compatible]
	const box = Buffer.alloc(16 + brands.length * 4)
	box.writeUInt32BE(box.length, 0)
	box.write('ftyp', 4, 'latin1')
	box.write(brand, 8, 'latin1')
	brands.forEach((b, i) => box.write(b, 16 + i * 4, 'latin1'))
	return Buffer.concat([box, Buffer.alloc(64)])
}

test('a text file renamed .mp4 is not media', async () => {
	const sniffed = await fileTypeFromBuffer(Buffer.from('Xin chào, đây là một tệp văn bản.\n'.repeat(50)))
	expect(classifySniffedType(sniffed)).toEqual({ ok: false, code: 'not-media' })
})

test('an iPhone HEIC photo is named as such, not as an unknown file', async () => {
	const sniffed = await fileTypeFromBuffer(ftyp('heic', ['mif1', 'heic']))
	expect(sniffed?.ext).toBe('heic')
	expect(classifySniffedType(sniffed)).toEqual({ ok: false, code: 'heic-unsupported' })
})

test('MP4 and MOV are video, M4A audio, JPEG a photo, by their bytes', async () => {
	expect(classifySniffedType(await fileTypeFromBuffer(ftyp('isom', ['mp41'])))).toMatchObject({ ok: true, kind: 'video', extension: 'mp4' })
	expect(classifySniffedType(await fileTypeFromBuffer(ftyp('qt  ')))).toMatchObject({ ok: true, kind: 'video', extension: 'mov' })
	expect(classifySniffedType(await fileTypeFromBuffer(ftyp('M4A ')))).toMatchObject({ ok: true, kind: 'audio', extension: 'm4a' })
	const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#4d7c2f' } }).jpeg().toBuffer()
	expect(classifySniffedType(await fileTypeFromBuffer(jpeg))).toEqual({ ok: true, kind: 'photo', extension: 'jpg', mimeType: 'image/jpeg' })
})

test('pictures sharp cannot decode are refused as unsupported, other files as not media', () => {
	expect(classifySniffedType({ ext: 'psd', mime: 'image/vnd.adobe.photoshop' })).toEqual({ ok: false, code: 'unsupported-type' })
	expect(classifySniffedType({ ext: 'pdf', mime: 'application/pdf' })).toEqual({ ok: false, code: 'not-media' })
	expect(classifySniffedType(undefined)).toEqual({ ok: false, code: 'not-media' })
})

test('megapixel limit and HEIC names', () => {
	expect(exceedsMegapixels(10_000, 10_000, 100)).toBe(false)
	expect(exceedsMegapixels(10_001, 10_000, 100)).toBe(true)
	expect(looksLikeHeic('IMG_0001.HEIC', '')).toBe(true)
	expect(looksLikeHeic('photo.jpg', 'image/heif')).toBe(true)
	expect(looksLikeHeic('photo.jpg', 'image/jpeg')).toBe(false)
})
