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

/** Why a photo post job failed, as the database side records it. */
export type PhotoPostFailure = { code: PhotoPostErrorCode | 'unexpected'; params: { mediaId?: string; position?: number }; detail: string }

const FAILURE_PREFIX = 'photo-post-failure:'

/** Carried in BullMQ's failedReason (a string) from the stateless worker to the database side. */
export function encodePhotoPostFailure(error: PhotoPostError): string {
	const failure: PhotoPostFailure = { code: error.code, params: error.params, detail: error.message }
	return FAILURE_PREFIX + JSON.stringify(failure)
}

/** Reads a failedReason; anything `encodePhotoPostFailure` did not write is "unexpected", with the text as detail. */
export function decodePhotoPostFailure(reason: string | undefined): PhotoPostFailure {
	if (reason?.startsWith(FAILURE_PREFIX)) {
		try {
			return JSON.parse(reason.slice(FAILURE_PREFIX.length)) as PhotoPostFailure
		} catch {
			// Fall through: a truncated reason is still a failure to record.
		}
	}
	return { code: 'unexpected', params: {}, detail: reason ?? '' }
}
