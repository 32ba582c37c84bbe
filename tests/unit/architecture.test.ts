import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

// The direction of dependencies (docs/decisions/100-layers-and-dependency-direction.md),
// checked on the source itself: every import, export-from, dynamic import and
// require of every .ts/.tsx file is resolved to a path in the repository (or
// a package name) and held against the rules below. A new rule is one entry
// in RULES: which files it covers, which imports it forbids, and why.

const ROOT = path.resolve(import.meta.dirname, '../..')

type Import = { file: string; line: number; specifier: string; target: string }

type Rule = {
	name: string
	/** Repository-relative path of a source file → whether the rule covers it. */
	covers: (file: string) => boolean
	/** The resolved target (repository-relative path, or the package name) → whether it is forbidden. */
	forbids: (target: string) => boolean
}

const under = (...folders: string[]) => (file: string) => folders.some((folder) => file.startsWith(`${folder}/`))
const webSide = under('app', 'server')

const RULES: Rule[] = [
	{
		name: 'the web side (app/, server/) imports nothing from workers/',
		covers: webSide,
		forbids: under('workers'),
	},
	{
		name: 'the web side never starts a process (no child_process): ffmpeg and ffprobe run in workers only',
		covers: webSide,
		forbids: (target) => target === 'child_process' || target === 'node:child_process',
	},
	{
		name: 'the web side never reaches an ffmpeg binary or the ffmpeg runner',
		covers: webSide,
		forbids: (target) => target.startsWith('@ffmpeg-installer/') || target.startsWith('@ffprobe-installer/') || target.startsWith('workers/ffmpeg/'),
	},
	{
		name: 'workers use the domain modules of app/, never its routes',
		covers: under('workers'),
		forbids: under('app/routes'),
	},
	// Platform clients (one folder per platform, arriving with publishing) get
	// their rule here: no prisma, no @remix-run, no app/routes.
]

const SOURCE = /\.(ts|tsx)$/
const SKIPPED_FOLDERS = new Set(['node_modules', 'generated', 'build'])

function sourceFiles(folder: string): string[] {
	const absolute = path.join(ROOT, folder)
	if (!fs.existsSync(absolute)) return []
	return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
		const relative = `${folder}/${entry.name}`
		if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(relative)
		return SOURCE.test(entry.name) ? [relative] : []
	})
}

const IMPORT_PATTERNS = [
	/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
	/\bimport\s*['"]([^'"]+)['"]/g,
	/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
	/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
]

/** A specifier as a repository-relative path (aliases and relative paths), or the package name as written. */
function resolveSpecifier(file: string, specifier: string): string {
	if (specifier.startsWith('~/')) return path.posix.join('app', specifier.slice(2))
	if (specifier.startsWith('#workers/')) return path.posix.join('workers', specifier.slice('#workers/'.length))
	if (specifier.startsWith('#tests/')) return path.posix.join('tests', specifier.slice('#tests/'.length))
	if (specifier.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
	return specifier
}

function importsOf(file: string, source: string): Import[] {
	return IMPORT_PATTERNS.flatMap((pattern) =>
		[...source.matchAll(pattern)].map((match) => ({
			file,
			line: source.slice(0, match.index).split('\n').length,
			specifier: match[1],
			target: resolveSpecifier(file, match[1]),
		})),
	)
}

function violations(files: { file: string; source: string }[]): string[] {
	return files.flatMap(({ file, source }) =>
		RULES.filter((rule) => rule.covers(file)).flatMap((rule) =>
			importsOf(file, source)
				.filter((found) => rule.forbids(found.target))
				.map((found) => `${found.file}:${found.line} imports '${found.specifier}': ${rule.name}`),
		),
	)
}

const repositoryFiles = () => ['app', 'server', 'workers'].flatMap(sourceFiles).map((file) => ({ file, source: fs.readFileSync(path.join(ROOT, file), 'utf8') }))

describe('layers', () => {
	test('every import in app/, server/ and workers/ follows the rules', () => {
		const files = repositoryFiles()
		expect(files.length).toBeGreaterThan(100)
		expect(violations(files)).toEqual([])
	})

	test('the check sees each way of breaking a rule', () => {
		const broken = [
			{ file: 'app/studio/edits/renders.server.ts', source: `import { inspectMedia } from '#workers/render/media-check.ts'` },
			{ file: 'app/studio/edits/a.ts', source: `export { x } from '../../../workers/render/engine.ts'` },
			{ file: 'server/index.ts', source: `const { spawn } = await import('node:child_process')` },
			{ file: 'app/routes/x.tsx', source: `import {\n\texecFile,\n} from 'child_process'` },
			{ file: 'app/utils/x.server.ts', source: `const ffmpeg = require('@ffmpeg-installer/ffmpeg')` },
			{ file: 'workers/render/x.ts', source: `import { action } from '~/routes/studio.$editId/route.tsx'` },
		]
		expect(violations(broken).map((found) => found.split(':')[0])).toEqual(broken.map(({ file }) => file))
	})

	test('what the rules allow: workers import app domain modules, the web side its own modules and packages', () => {
		const allowed = [
			{ file: 'workers/captions/processor.ts', source: `import { startCaptionTiming } from '~/studio/edits/caption-timings.server.ts'` },
			{ file: 'app/studio/edits/renders.server.ts', source: `import { renderCacheKey } from '~/studio/render/cache-key.ts'\nimport fs from 'node:fs/promises'` },
			{ file: 'server/index.ts', source: `import express from 'express'` },
		]
		expect(violations(allowed)).toEqual([])
	})
})
