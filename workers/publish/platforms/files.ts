import fs from 'node:fs'
import path from 'node:path'

/** A local file as a Blob that streams from disk when sent (no copy of a video in memory). */
export async function fileBlob(filePath: string, type: string) {
	const blob = await fs.openAsBlob(filePath, { type })
	return { blob, size: blob.size, name: path.basename(filePath) }
}

export function contentTypeFor(filePath: string) {
	const extension = path.extname(filePath).toLowerCase()
	if (extension === '.jpg' || extension === '.jpeg') return 'image/jpeg'
	if (extension === '.png') return 'image/png'
	if (extension === '.webp') return 'image/webp'
	if (extension === '.mov') return 'video/quicktime'
	if (extension === '.webm') return 'video/webm'
	return 'video/mp4'
}
