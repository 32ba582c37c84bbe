// The base that relative paths are resolved against. Any http(s) origin gives
// the same answer, because only the path, query and fragment of the result are
// kept; the browser then resolves that path against the app's real origin.
const APP_ORIGIN = 'http://app.invalid'

// C0 controls and DEL. Browsers silently drop tab, CR and LF while parsing a
// URL (so `/\t/evil.example` becomes `//evil.example`), and Node refuses to
// send any of them in a `Location` header.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/**
 * A path on this origin to redirect to, or `fallback`. The value is parsed with
 * the WHATWG URL rules the browser itself uses and kept only when it stays on
 * the app's origin; what comes back is the parsed path, query and fragment, so
 * the browser reads it exactly as we did (docs/decisions/125-redirect-rule.md).
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof to !== 'string' || !to.startsWith('/') || CONTROL_CHARACTERS.test(to)) return fallback
	let parsed: URL
	try {
		parsed = new URL(to, APP_ORIGIN)
	} catch {
		return fallback
	}
	if (parsed.origin !== APP_ORIGIN) return fallback
	const path = `${parsed.pathname}${parsed.search}${parsed.hash}`
	// `/.//evil.example` parses to the path `//evil.example`, which a browser
	// reads as another host once it is sent back as a `Location`.
	if (!path.startsWith('/') || path.startsWith('//')) return fallback
	return path
}
