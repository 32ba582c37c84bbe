// Failures a person can act on carry a code (translated by the studio under
// studioTemplates:photoPost.errors.<code>) and the item they concern; the
// cause stays in the message for the log.

export const PHOTO_POST_ERROR_CODES = ['photo-missing', 'photo-unreadable', 'photo-too-detailed', 'logo-missing', 'logo-unreadable'] as const

export type PhotoPostErrorCode = (typeof PHOTO_POST_ERROR_CODES)[number]

export class PhotoPostError extends Error {
	constructor(
		readonly code: PhotoPostErrorCode,
		readonly params: { mediaId?: string; position?: number } = {},
		options?: { cause?: unknown },
	) {
		const where = params.mediaId ? ` (photo ${params.position ?? '?'}: ${params.mediaId})` : ''
		super(`${code}${where}`, options)
		this.name = 'PhotoPostError'
	}
}
