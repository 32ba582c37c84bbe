// What kind of file an upload really is, from its first bytes (the `file-type`
// package reads the magic numbers), never from the name or the type the
// browser claims. Pure, so that the rules are tested without files.

export type MediaKind = 'photo' | 'video' | 'audio'
export const MEDIA_KINDS: readonly MediaKind[] = ['photo', 'video', 'audio']

export type SniffedType = { ext: string; mime: string } | undefined

export type UploadRejection =
	| 'empty-file'
	| 'not-media'
	| 'unsupported-type'
	| 'heic-unsupported'
	| 'image-too-large'
	| 'corrupt-image'

export type Classification =
	| { ok: true; kind: MediaKind; extension: string; mimeType: string }
	| { ok: false; code: UploadRejection }

// Photos that the prebuilt sharp decodes.
const PHOTO_TYPES = new Set(['jpg', 'png', 'webp', 'avif', 'gif', 'tif'])
// Containers ffmpeg reads. Whether one holds video or only sound is decided
// later by ffprobe; here it is a first guess.
const VIDEO_TYPES = new Set(['mp4', 'mov', 'm4v', 'webm', 'mkv', '3gp', '3g2', 'avi', 'mpg', 'mts', 'flv', 'asf'])
const AUDIO_TYPES = new Set(['mp3', 'm4a', 'aac', 'wav', 'ogg', 'oga', 'opus', 'flac', 'amr', 'mka'])
// iPhones shoot HEIC (HEVC inside); the prebuilt sharp cannot decode it.
const HEIC_TYPES = new Set(['heic', 'heif'])

export function classifySniffedType(sniffed: SniffedType): Classification {
	if (!sniffed) return { ok: false, code: 'not-media' }
	const { ext, mime } = sniffed
	if (HEIC_TYPES.has(ext) || /^image\/hei[cf]/.test(mime)) return { ok: false, code: 'heic-unsupported' }
	if (PHOTO_TYPES.has(ext)) return { ok: true, kind: 'photo', extension: ext, mimeType: mime }
	if (VIDEO_TYPES.has(ext)) return { ok: true, kind: 'video', extension: ext, mimeType: mime }
	if (AUDIO_TYPES.has(ext)) return { ok: true, kind: 'audio', extension: ext, mimeType: mime }
	if (/^(image|video|audio)\//.test(mime)) return { ok: false, code: 'unsupported-type' }
	return { ok: false, code: 'not-media' }
}

/** True for a picture larger than `maxMegapixels` (decoding it would take too much memory). */
export function exceedsMegapixels(width: number, height: number, maxMegapixels: number) {
	return width * height > maxMegapixels * 1_000_000
}

/** A name the browser gives a HEIC photo, to warn before uploading it at all. */
export function looksLikeHeic(name: string, type: string) {
	return /^image\/hei[cf]/i.test(type) || /\.(heic|heif)$/i.test(name)
}
