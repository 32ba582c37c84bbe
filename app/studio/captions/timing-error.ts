// Why caption timing could not be done, as a code the studio translates
// (studio-captions:timing.errors.<code>); every message says what to do next.

export type CaptionTimingProblem =
	| 'noKey'
	| 'badKey'
	| 'rateLimited'
	| 'serviceError'
	| 'timeout'
	| 'unreachable'
	| 'rejected'
	| 'noAudio'
	| 'unreadable'
	/** The job failed for a reason of ours, after its retries. */
	| 'unexpected'

export class CaptionTimingError extends Error {
	constructor(
		readonly problem: CaptionTimingProblem,
		/** For the message: e.g. how many seconds the service asked us to wait. */
		readonly params: Record<string, string | number> = {},
		options?: { cause?: unknown },
	) {
		super(`Caption timing failed: ${problem}`, options)
		this.name = 'CaptionTimingError'
	}
}
