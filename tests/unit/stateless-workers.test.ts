import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

// Render and photo post work runs on any machine that shares Redis and the
// media store (docs/decisions/014-stateless-render-workers.md): nothing their
// processors import, directly or through other modules, may open the database.

const root = path.resolve(import.meta.dirname, '../..')
const DATABASE_MODULES = [/^app\/utils\/db\.server\.ts$/, /^app\/generated\/prisma\//]

/** Every project module `entry` imports, transitively (type-only imports included: they would still need the schema). */
function importClosure(entry: string): Set<string> {
	const seen = new Set<string>()
	const visit = (file: string) => {
		if (seen.has(file)) return
		seen.add(file)
		const source = fs.readFileSync(path.join(root, file), 'utf8')
		for (const [, specifier] of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
			const target = resolve(file, specifier!)
			if (target) visit(target)
		}
	}
	visit(entry)
	return seen
}

function resolve(from: string, specifier: string): string | null {
	const mapped = specifier.startsWith('~/')
		? path.join('app', specifier.slice(2))
		: specifier.startsWith('#workers/')
			? path.join('workers', specifier.slice('#workers/'.length))
			: specifier.startsWith('.')
				? path.join(path.dirname(from), specifier)
				: null
	if (!mapped) return null
	for (const candidate of [mapped, `${mapped}.ts`, `${mapped}/index.ts`]) {
		if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return candidate
	}
	return null
}

test.each(['workers/render/processor.ts', 'workers/photo/processor.ts'])('%s reaches no database module', (entry) => {
	const closure = [...importClosure(entry)]
	expect(closure.length).toBeGreaterThan(3)
	expect(closure.filter((file) => DATABASE_MODULES.some((pattern) => pattern.test(file)))).toEqual([])
})

test('the check sees a database import when there is one', () => {
	expect([...importClosure('workers/studio/photo-post-results.ts')]).toContain('app/utils/db.server.ts')
})
