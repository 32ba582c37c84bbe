import { UNSAFE_ErrorResponseImpl as ErrorResponse } from '@remix-run/router'
import { describe, expect, test, vi } from 'vitest'
import { handleError } from '~/entry.server.tsx'

// The web log: a 4xx answer is one line (what was asked, the status); a fault keeps its stack.

const args = (path: string, method = 'GET') => ({ request: new Request(`http://localhost${path}`, { method }), params: {}, context: {} })

describe('handleError', () => {
	test('an address that matches no page is one line, without a stack', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		const error = vi.spyOn(console, 'error').mockImplementation(() => {})
		handleError(new ErrorResponse(404, 'Not Found', new Error('No route matches URL "/khong-co"'), true), args('/khong-co'))
		handleError(new Response('Edit not found', { status: 404 }), args('/studio/abc', 'POST'))
		handleError(new ErrorResponse(403, 'Forbidden', null), args('/coop/members'))
		expect(warn.mock.calls.map((call) => call.join(' '))).toEqual(['GET /khong-co → 404', 'POST /studio/abc → 404', 'GET /coop/members → 403'])
		error.mockRestore()
		warn.mockRestore()
		expect(error).not.toHaveBeenCalled()
	})

	test('a fault in the code is logged whole, with its stack', () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {})
		const fault = new TypeError('Cannot read properties of undefined')
		handleError(fault, args('/library'))
		handleError(new ErrorResponse(500, 'Internal Server Error', fault, true), args('/library'))
		const calls = [...error.mock.calls]
		error.mockRestore()
		expect(calls).toEqual([[fault], [fault]])
	})
})
