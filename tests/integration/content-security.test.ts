import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { ensureBuild, spawnedProcessEnv } from '#tests/support/server-env.ts'

// The built web server sends a Content-Security-Policy with a fresh nonce on
// every page, and every inline script Remix writes carries that nonce (a
// script without it would not run: the end-to-end tests, which click through
// the hydrated pages in Chromium under this policy, show nothing else needs one).

let web: RunningProcess
let origin: string

beforeAll(async () => {
	ensureBuild()
	const env = await spawnedProcessEnv()
	web = startTsxProcess('server/index.ts', env)
	origin = `http://127.0.0.1:${env.PORT}`
	await waitForHealthy(`${origin}/healthz`, web)
})

afterAll(async () => {
	await web?.stop()
})

function directives(header: string | null): Map<string, string[]> {
	return new Map((header ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name, values]))
}

test('a page allows scripts from this origin and its own nonce only, and cannot be framed', async () => {
	const response = await fetch(`${origin}/login`)
	expect(response.status).toBe(200)
	const policy = directives(response.headers.get('content-security-policy'))
	const scripts = policy.get('script-src') ?? []
	expect(scripts).toContain("'self'")
	expect(scripts).not.toContain("'unsafe-inline'")
	const nonce = /^'nonce-(.+)'$/.exec(scripts.find((source) => source.startsWith("'nonce-")) ?? '')?.[1]
	expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
	expect(policy.get('object-src')).toEqual(["'none'"])
	expect(policy.get('frame-ancestors')).toEqual(["'none'"])
	expect(policy.get('connect-src')).toEqual(["'self'"])

	// Every inline script of the page carries the nonce; scripts from files need none.
	const html = await response.text()
	const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/\bsrc=/.test(attributes))
	expect(inline.length).toBeGreaterThan(0)
	for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`)
})

test('each response gets its own nonce', async () => {
	const nonces = await Promise.all(
		[1, 2].map(async () => {
			const response = await fetch(`${origin}/login`)
			await response.text()
			return response.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1]
		}),
	)
	expect(nonces[0]).toBeTruthy()
	expect(nonces[0]).not.toBe(nonces[1])
})
