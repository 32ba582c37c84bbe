import fs from 'node:fs/promises'
import sharp from 'sharp'
import { PREVIEW_WIDTH } from './preview.ts'

/** Where the preview of a photo-post file lives: next to it, so that deleting the set's folder deletes it too. */
export function previewPathOf(filePath: string) {
	return `${filePath}.preview-${PREVIEW_WIDTH}.webp`
}

/**
 * The preview of one finished photo-post image, made on first request and
 * kept on disk. Written under a temporary name and renamed, so that two
 * requests at once never serve half a file.
 */
export async function ensurePhotoPreview(filePath: string): Promise<string> {
	const previewPath = previewPathOf(filePath)
	if (await fs.stat(previewPath).then((s) => s.isFile(), () => false)) return previewPath
	const partial = `${previewPath}.${process.pid}-${Math.random().toString(36).slice(2)}.partial`
	await sharp(filePath).resize({ width: PREVIEW_WIDTH, withoutEnlargement: true }).webp({ quality: 72 }).toFile(partial)
	await fs.rename(partial, previewPath)
	return previewPath
}
