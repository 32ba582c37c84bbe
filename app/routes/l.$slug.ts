import type { LoaderFunctionArgs } from '@remix-run/node'
import { followLink } from '~/links/links.server.ts'
import { linkNotFoundPage } from '~/links/not-found-page.server.ts'
import { isSlugShaped } from '~/links/slug.ts'

// The short link: no sign-in, no session, no root loader (a resource route).
// It answers at once; the click is written a moment later (decision 183).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const slug = params.slug ?? ''
	const location = isSlugShaped(slug)
		? await followLink(slug, {
				ip: (context as { clientAddress?: string }).clientAddress ?? 'unknown',
				userAgent: request.headers.get('user-agent'),
				referrer: request.headers.get('referer'),
			})
		: null
	if (!location) return linkNotFoundPage(request)
	return new Response(null, { status: 302, headers: { location, 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' } })
}
