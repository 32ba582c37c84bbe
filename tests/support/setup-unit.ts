import { afterEach, beforeEach, vi } from 'vitest'

// console.error fails a test unless the test expects it (it spies on it).
let errorSpy: ReturnType<typeof vi.spyOn>
beforeEach(() => {
	errorSpy = vi.spyOn(console, 'error')
})
afterEach(() => {
	const calls = errorSpy.mock.calls
	errorSpy.mockRestore()
	if (calls.length > 0 && !vi.isMockFunction(console.error)) {
		throw new Error(`console.error was called: ${calls.map((c: unknown[]) => c.map(String).join(' ')).join('\n')}`)
	}
})
