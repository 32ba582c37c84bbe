import type { RequestHandler } from 'express'
import { followLink } from '~/links/links.server.ts'
import { isSlugShaped } from '~/links/slug.ts'

// The short link's fast path (docs/decisions/183-tracked-links.md): a known
// slug is answered here, before compression, static files, the page CSP and
// Remix's request conversion, which together cost most of a redirect's time
// (bench/links.ts). Anything else (an unknown slug, a link that leads nowhere)
// goes on to the Remix route app/routes/l.$slug.ts, which answers the same
// way and renders the translated 404 page.
export function linkRedirects(): RequestHandler {
	return (req, res, next) => {
		const slug = req.params.slug ?? ''
		if (req.method !== 'GET' && req.method !== 'HEAD') return next()
		if (!isSlugShaped(slug)) return next()
		followLink(slug, { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null, referrer: req.get('referer') ?? null }).then(
			(location) => {
				if (!location) return next()
				res.writeHead(302, { location, 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' }).end()
			},
			next,
		)
	}
}
