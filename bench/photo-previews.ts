// Studio page weight from photo sets (npm run bench:photo-previews -- <photo.jpg>…):
// each photo given is cut to the three photo-set formats at 1080 px (4:5, 1:1,
// 9:16) and saved as JPEG at quality 85, about what the photo worker writes;
// then the bytes the studio grid sends for them are compared before and after
// the 320-px WebP previews (app/studio/photo-posts/preview.server.ts). Use real
// photographs: synthetic pictures shrink far better than photos do.
// The last line is one JSON object:
//   jpeg_bytes     the full 1080-px JPEGs the grid used to show
//   preview_bytes  the WebP previews it shows now
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { ensurePhotoPreview } from '~/studio/photo-posts/preview.server.ts'

const FORMATS = [
	[1080, 1350],
	[1080, 1080],
	[1080, 1920],
] as const

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'photo-previews-'))
try {
	const photos = process.argv.slice(2)
	if (photos.length === 0) throw new Error('Give one or more photographs (JPEG or PNG) to cut into the photo-set formats.')
	let files = 0
	let jpegBytes = 0
	let previewBytes = 0
	for (const [i, photo] of photos.entries()) {
		for (const [width, height] of FORMATS) {
			const file = path.join(dir, `${i}-${width}x${height}.jpg`)
			await sharp(photo).rotate().resize(width, height, { fit: 'cover' }).jpeg({ quality: 85, mozjpeg: true }).toFile(file)
			jpegBytes += (await fs.stat(file)).size
			previewBytes += (await fs.stat(await ensurePhotoPreview(file))).size
			files++
		}
	}
	console.log(JSON.stringify({ files, jpeg_bytes: jpegBytes, preview_bytes: previewBytes, saved_kib: Math.round((jpegBytes - previewBytes) / 1024) }))
} finally {
	await fs.rm(dir, { recursive: true, force: true })
}
