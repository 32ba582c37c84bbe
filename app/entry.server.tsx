import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { RemixServer, isRouteErrorResponse } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from './utils/nonce.tsx'

// Remix's own server entry, plus the Content-Security-Policy nonce
// (server/content-security.ts) on every script React and Remix write inline.
// Crawlers get the whole page at once; browsers get it streamed.

declare module '@remix-run/node' {
	interface AppLoadContext {
		/** This response's CSP nonce; absent or empty when no policy is sent (development). */
		cspNonce?: string
	}
}

const ABORT_DELAY_MS = 5_000

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const nonce = loadContext.cspNonce || undefined
	const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce ?? ''}>
				<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
			</NonceProvider>,
			{
				nonce,
				[waitForAll ? 'onAllReady' : 'onShellReady']() {
					shellRendered = true
					const body = new PassThrough()
					responseHeaders.set('Content-Type', 'text/html')
					resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					// Errors while streaming after the shell are logged here; ones
					// before it reach onShellError and Remix's error boundary.
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, ABORT_DELAY_MS)
	})
}

/**
 * Remix's error log. A 4xx answer (an address that does not exist, another
 * co-op's id, a forbidden action) is about the request, not a fault in the
 * code: one line says what was asked and the status. Anything else keeps its
 * whole stack.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
	if (request.signal.aborted) return
	const status = isRouteErrorResponse(error) || error instanceof Response ? error.status : null
	if (status !== null && status >= 400 && status < 500) {
		console.warn(`${request.method} ${new URL(request.url).pathname} → ${status}`)
		return
	}
	console.error(isRouteErrorResponse(error) && 'error' in error && error.error ? error.error : error)
}
