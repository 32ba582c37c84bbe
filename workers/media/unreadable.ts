import type { ProcessingFailure } from '~/media/failures.ts'

/**
 * The file itself is the problem (corrupt, no picture or sound in it):
 * retrying cannot help, so the media is marked failed at once and the person
 * is told what to do (media.errors.<code>).
 */
export class MediaUnreadable extends Error {
	constructor(
		readonly code: ProcessingFailure,
		readonly cause?: unknown,
	) {
		super(`media unreadable: ${code}`)
	}
}
