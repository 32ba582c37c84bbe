// A Graph API answer read the one way: the publishing client and the live
// comments client (app/live/platform/facebook-live.ts) both throw the same
// PlatformError kinds for the same Graph codes (docs/decisions/150-publishing-clients.md).

import { PlatformError, kindForStatus, parseRetryAfter } from './errors.ts'
import { field, type HttpAnswer } from './http.ts'

const AUTH_CODES = new Set([190, 102, 10, 200])
const RATE_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80004])
const TRANSIENT_CODES = new Set([1, 2])

/** Reads a Graph answer; throws a PlatformError for an error answer. */
export function graphResult(answer: HttpAnswer, what: string): Record<string, unknown> {
	const error = field(answer.json, 'error') as
		| { message?: string; code?: number; error_subcode?: number; is_transient?: boolean; error_user_msg?: string }
		| undefined
	if (answer.status < 400 && !error) {
		if (answer.json && typeof answer.json === 'object') return answer.json as Record<string, unknown>
		throw new PlatformError('unknown', `Facebook answered ${what} with something that is not JSON`)
	}
	const code = error?.code
	const message = `Facebook refused ${what}: ${error?.error_user_msg ?? error?.message ?? `HTTP ${answer.status}`}`
	const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after')) ?? regainAccessMs(answer.headers)
	let kind = kindForStatus(answer.status)
	if (code != null) {
		if (AUTH_CODES.has(code)) kind = 'auth'
		else if (RATE_CODES.has(code)) kind = 'rate_limit'
		else if (TRANSIENT_CODES.has(code) || error?.is_transient) kind = 'transient'
		else if (answer.status < 500) kind = 'invalid'
	}
	throw new PlatformError(kind, message, { platformCode: code ?? answer.status, retryAfterMs })
}

/** `estimated_time_to_regain_access` (minutes) from the Business Use Case usage header. */
export function regainAccessMs(headers: Headers): number | null {
	const raw = headers.get('x-business-use-case-usage')
	if (!raw) return null
	try {
		const usage = JSON.parse(raw) as Record<string, Array<{ estimated_time_to_regain_access?: number }>>
		const minutes = Math.max(0, ...Object.values(usage).flat().map((entry) => entry.estimated_time_to_regain_access ?? 0))
		return minutes > 0 ? minutes * 60_000 : null
	} catch {
		return null
	}
}
