import { expect, test } from 'vitest'
import { safeRedirectPath } from '~/utils/redirect.ts'

test('only paths on this site are followed after sign-in', () => {
	expect(safeRedirectPath('/studio/edits?tab=2')).toBe('/studio/edits?tab=2')
	expect(safeRedirectPath('//evil.example')).toBe('/')
	expect(safeRedirectPath('/\\evil.example')).toBe('/')
	expect(safeRedirectPath('https://evil.example')).toBe('/')
	expect(safeRedirectPath(null)).toBe('/')
	expect(safeRedirectPath(undefined, '/library')).toBe('/library')
	expect(safeRedirectPath('evil', '/library')).toBe('/library')
})
