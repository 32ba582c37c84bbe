// What a platform answered, reduced to what the publishing engine decides on
// (docs/decisions/150-publishing-clients.md). The kinds are the publish
// command's contract: auth | rate_limit | invalid | transient | unknown.

export type PlatformErrorKind = 'auth' | 'rate_limit' | 'invalid' | 'transient' | 'unknown'

export class PlatformError extends Error {
	readonly kind: PlatformErrorKind
	/** The request may have reached the platform and taken effect (a timeout or a dropped connection after sending). */
	readonly ambiguous: boolean
	/** How long the platform asked us to wait, when it said so (Retry-After, usage headers). */
	readonly retryAfterMs: number | null
	/** The platform's own code, for the log and the person's message (190, "access_token_invalid", -216…). */
	readonly platformCode: string | null

	constructor(
		kind: PlatformErrorKind,
		message: string,
		options: { ambiguous?: boolean; retryAfterMs?: number | null; platformCode?: string | number | null; cause?: unknown } = {},
	) {
		super(message, { cause: options.cause })
		this.name = 'PlatformError'
		this.kind = kind
		this.ambiguous = options.ambiguous ?? false
		this.retryAfterMs = options.retryAfterMs ?? null
		this.platformCode = options.platformCode == null ? null : String(options.platformCode)
	}
}

/** Retry-After is either seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
	if (!value) return null
	const trimmed = value.trim()
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
	// Only an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"): Date.parse alone reads "in 5" as a date in 2001.
	if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) return null
	return Math.max(0, Date.parse(trimmed) - now)
}

/** The kind an HTTP status implies when the body says nothing more specific. */
export function kindForStatus(status: number): PlatformErrorKind {
	if (status === 401) return 'auth'
	if (status === 429) return 'rate_limit'
	if (status >= 500) return 'transient'
	if (status >= 400) return 'invalid'
	return 'unknown'
}
