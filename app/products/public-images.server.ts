import fs from 'node:fs/promises'
import sharp from 'sharp'
import { mediaDirKey, resolveMediaPath, writeAtomically } from '~/media/storage.server.ts'
import { OG_IMAGE, type PublicImageFile } from './public-image-urls.ts'
import { findPublicPhotoSource } from './public-product.server.ts'

// Public photo variants, made on first request from the photo's 1600 px proxy
// and kept beside it (a media item's pixels never change, so the file and its
// address are fixed: served with immutable caching).

function variantKey(coopId: string, mediaId: string, file: PublicImageFile) {
	return `${mediaDirKey(coopId, mediaId)}/${file.kind === 'og' ? 'public-og.jpg' : `public-w${file.width}.webp`}`
}

async function makeVariant(sourcePath: string, targetKey: string, file: PublicImageFile) {
	await writeAtomically(targetKey, async (partial) => {
		const image = sharp(sourcePath, { failOn: 'none' }).rotate()
		if (file.kind === 'og') {
			await image.resize(OG_IMAGE.width, OG_IMAGE.height, { fit: 'cover', position: 'attention' }).jpeg({ quality: 78, mozjpeg: true }).toFile(partial)
		} else {
			await image.resize({ width: file.width, withoutEnlargement: true }).webp({ quality: 70, effort: 4 }).toFile(partial)
		}
	})
}

/** The file of one public variant (made now if it was never asked for), or null when the photo is not on a visible page. */
export async function publicImagePath(slug: string, mediaId: string, file: PublicImageFile): Promise<string | null> {
	const source = await findPublicPhotoSource(slug, mediaId)
	if (!source) return null
	const key = variantKey(source.coopId, source.mediaId, file)
	const target = resolveMediaPath(key)
	const exists = await fs.stat(target).then(
		(s) => s.isFile(),
		() => false,
	)
	if (!exists) await makeVariant(resolveMediaPath(source.sourceKey), key, file)
	return target
}
