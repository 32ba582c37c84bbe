import { PlatformError } from './errors.ts'

export type HttpAnswer = { status: number; headers: Headers; text: string; json: unknown }

export type RequestOptions = {
	method?: string
	headers?: Record<string, string>
	body?: BodyInit
	/**
	 * True for a request whose success is visible to people (a post, a publish
	 * step): a timeout or a dropped connection after sending it is ambiguous,
	 * since the platform may have acted on it. A read or an upload of bytes that
	 * nobody sees yet is never ambiguous.
	 */
	commits?: boolean
}

/**
 * One HTTP request with a time limit. Network failures become PlatformErrors:
 * refused before anything was sent is transient; a timeout or a reset after
 * sending is transient too, and ambiguous when the request commits.
 */
export async function request(url: string, timeoutMs: number, options: RequestOptions = {}): Promise<HttpAnswer> {
	let response: Response
	try {
		response = await fetch(url, {
			method: options.method ?? 'GET',
			headers: options.headers,
			body: options.body,
			signal: AbortSignal.timeout(timeoutMs),
			// Undici needs this for a streamed body; harmless for the others.
			...(options.body instanceof ReadableStream ? { duplex: 'half' } : {}),
		} as RequestInit)
	} catch (error) {
		throw networkError(url, error, options.commits ?? false, timeoutMs)
	}
	let text: string
	try {
		text = await response.text()
	} catch (error) {
		// The platform answered but the body was cut: it did receive the request.
		throw networkError(url, error, options.commits ?? false, timeoutMs)
	}
	let json: unknown = null
	if (text) {
		try {
			json = JSON.parse(text)
		} catch {
			json = null
		}
	}
	return { status: response.status, headers: response.headers, text, json }
}

function networkError(url: string, error: unknown, commits: boolean, timeoutMs: number) {
	const cause = error as { name?: string; cause?: { code?: string } }
	const code = cause.cause?.code
	const timedOut = cause.name === 'TimeoutError' || cause.name === 'AbortError'
	// Refused or unresolved: nothing reached the platform, so nothing can have happened there.
	const neverSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
	const host = safeHost(url)
	const message = timedOut
		? `${host} did not answer within ${Math.round(timeoutMs / 1000)} s`
		: `the connection to ${host} failed (${code ?? cause.name ?? 'network error'})`
	return new PlatformError('transient', message, { ambiguous: commits && !neverSent, cause: error })
}

function safeHost(url: string) {
	try {
		return new URL(url).host
	} catch {
		return 'the platform'
	}
}

/** A field of a JSON object, or undefined; platforms' answers are read defensively. */
export function field(value: unknown, ...path: string[]): unknown {
	let current = value
	for (const key of path) {
		if (!current || typeof current !== 'object') return undefined
		current = (current as Record<string, unknown>)[key]
	}
	return current
}

export function stringField(value: unknown, ...path: string[]): string | null {
	const found = field(value, ...path)
	if (typeof found === 'string' && found) return found
	if (typeof found === 'number') return String(found)
	return null
}
