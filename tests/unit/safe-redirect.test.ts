import { describe, expect, test } from 'vitest'
import { safeRedirectPath } from '~/utils/redirect.ts'

// Each value is what the route receives after the query string or form body
// was decoded, so `/%09/evil.example` in a link arrives here as a real tab.
describe('safeRedirectPath keeps paths on this origin', () => {
	test.each([
		['/', '/'],
		['/studio', '/studio'],
		['/library?kind=video#top', '/library?kind=video#top'],
		['/coop/members', '/coop/members'],
		// Percent-encoded slashes and backslashes stay inside one path segment.
		['/%2f%2fevil.example', '/%2f%2fevil.example'],
		['/%5cevil.example', '/%5cevil.example'],
		['/%09/evil.example', '/%09/evil.example'],
		['/a/../studio', '/studio'],
	])('%j stays %j', (value, expected) => {
		expect(safeRedirectPath(value)).toBe(expected)
	})
})

describe('safeRedirectPath refuses every way off the origin', () => {
	test.each([
		['tab', '/\t/evil.example'],
		['leading tab', '\t//evil.example'],
		['line feed', '/\n/evil.example'],
		['carriage return', '/\r/evil.example'],
		['CRLF header injection', '/studio\r\nSet-Cookie: x=1'],
		['NUL', '/\u0000/evil.example'],
		['protocol-relative', '//evil.example'],
		['slash backslash', '/\\evil.example'],
		['backslash slash', '\\/evil.example'],
		['double backslash', '\\\\evil.example'],
		['slash tab backslash', '/\t\\evil.example'],
		['dot segment to an empty segment', '/.//evil.example'],
		['dot-dot to an empty segment', '/a/..//evil.example'],
		['absolute https', 'https://evil.example/'],
		['absolute http', 'http://evil.example'],
		['scheme-relative with credentials', '//user@evil.example'],
		['javascript', 'javascript:alert(1)'],
		['javascript with a comment', 'javascript://%0aalert(1)'],
		['mixed-case scheme', 'JaVaScRiPt:alert(1)'],
		['data URL', 'data:text/html,<script>alert(1)</script>'],
		['no leading slash', 'evil.example'],
		['empty', ''],
	])('%s', (_family, value) => {
		expect(safeRedirectPath(value)).toBe('/')
	})

	test('a refused value falls back to the given path', () => {
		expect(safeRedirectPath('//evil.example', '/coop')).toBe('/coop')
		expect(safeRedirectPath(null, '/coop')).toBe('/coop')
		expect(safeRedirectPath(undefined)).toBe('/')
	})

	test('what comes back never leaves the origin when a browser resolves it', () => {
		const values = ['/\t/evil.example', '/.//evil.example', '/\\evil.example', '/%2f%2fevil.example', '/studio']
		for (const value of values) {
			const resolved = new URL(safeRedirectPath(value), 'https://studio.example.vn')
			expect(resolved.origin).toBe('https://studio.example.vn')
		}
	})
})
