import type { IncomingHttpHeaders } from 'node:http'
import type { Request, RequestHandler } from 'express'
import en from '~/locales/en/common.json' with { type: 'json' }
import vi from '~/locales/vi/common.json' with { type: 'json' }
import { languageCookie } from '~/utils/language-cookie.server.ts'
import { SESSION_COOKIE_NAME } from '~/utils/session.server.ts'

// Every state-changing request must come from a page of this origin
// (docs/decisions/127-origin-checks-and-sign-out.md). Browsers send `Origin`
// on every POST, PUT, PATCH and DELETE; `Referer` is the fallback. The host
// compared is the one Remix compares in its own check (X-Forwarded-Host, else
// Host), so that nothing this guard lets through is later refused by Remix
// with a bare 500.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE_NAME}=`)

/** Why a state-changing request is refused, or null when it came from this origin. */
export function crossSiteReason(method: string, headers: IncomingHttpHeaders): string | null {
	if (!STATE_CHANGING.has(method)) return null
	const forwardedHost = headers['x-forwarded-host']
	const host = (Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost)?.split(',')[0]?.trim() || headers.host
	if (!host) return 'no Host header'
	const source = headers.origin ?? headers.referer
	if (source === undefined) {
		// Only a tool, never a browser, sends neither; without a session it can
		// only reach what a signed-out visitor can (sign-in, sign-up).
		return SESSION_COOKIE.test(headers.cookie ?? '') ? 'signed-in request with neither Origin nor Referer' : null
	}
	const sourceHost = hostOf(source)
	return sourceHost === host ? null : `from ${sourceHost ?? JSON.stringify(source)}, not ${host}`
}

function hostOf(value: string) {
	try {
		return new URL(value).host || null
	} catch {
		return null
	}
}

/** Refuses cross-site state changes with 403 and a short page in the person's language, logging one line. */
export function refuseCrossSiteRequests(): RequestHandler {
	return async (req, res, next) => {
		const reason = crossSiteReason(req.method, req.headers)
		if (!reason) return next()
		console.warn(`refused ${req.method} ${req.path}: ${reason}`)
		res.status(403).type('html').send(await refusedPage(req))
	}
}

async function refusedPage(req: Request) {
	const lng = (await languageCookie.parse(req.headers.cookie ?? null)) === 'en' ? 'en' : 'vi'
	const { refused } = lng === 'en' ? en : vi
	return `<!doctype html><html lang="${lng}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${refused.title} · Co-op Studio</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${refused.title}</h1><p>${refused.body}</p><p><a href="/">${refused.home}</a></p></body></html>`
}
