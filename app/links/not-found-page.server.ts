import { getT } from '~/utils/language.server.ts'

// The page a mistyped or removed short link shows: plain HTML from the
// redirect route itself (a resource route renders no React page, and the
// redirect must not pay for the app's root loader), in the visitor's language.

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export async function linkNotFoundPage(request: Request): Promise<Response> {
	const { lng, t } = await getT(request)
	const html = `<!doctype html>
<html lang="${lng}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(t('links:notFound.title'))}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#292524;background:#fafaf9}main{max-width:28rem;margin:0 auto}h1{font-size:1.5rem}a{color:#3f6212}</style>
</head><body><main><h1>${escape(t('links:notFound.title'))}</h1><p>${escape(t('links:notFound.message'))}</p>
<p><a href="/">${escape(t('links:notFound.home'))}</a></p></main></body></html>`
	return new Response(html, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } })
}
