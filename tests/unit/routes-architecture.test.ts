import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

// Two rules for app/routes (docs/decisions/110-route-shape.md): a route
// reads as "authorise, parse, call a domain function, answer", so nothing
// under app/routes opens the database; and every page has an error boundary.

const appDir = path.resolve('app')
const routesDir = path.join(appDir, 'routes')

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name)
		if (entry.isDirectory()) return sourceFiles(full)
		return /\.tsx?$/.test(entry.name) ? [full] : []
	})
}

/** The files Remix makes routes of (app/routes.ts: flat routes, `*.server.*` and `__*` ignored). */
function routeModules() {
	return sourceFiles(routesDir).filter((file) => {
		const relative = path.relative(routesDir, file)
		const name = path.basename(file)
		if (/\.server\.|\.test\./.test(name) || name.startsWith('__')) return false
		return !relative.includes(path.sep) || /^route\.tsx?$/.test(name)
	})
}

function parse(file: string) {
	return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
}

/** Every module specifier a file imports or re-exports, statically or with `import()`. */
function importedSpecifiers(source: ts.SourceFile) {
	const found: string[] = []
	const visit = (node: ts.Node) => {
		if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
			found.push(node.moduleSpecifier.text)
		}
		if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
			found.push(node.arguments[0].text)
		}
		ts.forEachChild(node, visit)
	}
	visit(source)
	return found
}

function resolveSpecifier(file: string, specifier: string) {
	if (specifier.startsWith('~/')) return path.join(appDir, specifier.slice(2))
	if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier)
	return specifier
}

/** The database client: our module that opens it, the generated Prisma client, or Prisma's package. */
function isDatabaseClient(resolved: string) {
	const withoutExtension = resolved.replace(/\.(ts|js)$/, '')
	return (
		withoutExtension === path.join(appDir, 'utils', 'db.server') ||
		resolved.startsWith(path.join(appDir, 'generated', 'prisma')) ||
		resolved === '@prisma/client' ||
		resolved.startsWith('@prisma/client/')
	)
}

function exportedNames(source: ts.SourceFile) {
	const names = new Set<string>()
	for (const statement of source.statements) {
		const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
		if (exported && (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))) {
			const isDefault = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)
			names.add(isDefault ? 'default' : (statement.name?.text ?? 'default'))
		}
		if (exported && ts.isVariableStatement(statement)) {
			for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text)
		}
		if (ts.isExportAssignment(statement)) names.add('default')
		if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
			for (const element of statement.exportClause.elements) names.add(element.name.text)
		}
	}
	return names
}

describe('route modules', () => {
	test('the scan sees the routes', () => {
		const modules = routeModules().map((file) => path.relative(routesDir, file))
		expect(modules).toContain('account.tsx')
		expect(modules).toContain(path.join('studio.$editId', 'route.tsx'))
		expect(modules).not.toContain(path.join('studio.$editId', 'actions.server.ts'))
	})

	test('nothing under app/routes imports the database client', () => {
		const offenders = sourceFiles(routesDir).flatMap((file) =>
			importedSpecifiers(parse(file))
				.filter((specifier) => isDatabaseClient(resolveSpecifier(file, specifier)))
				.map((specifier) => `${path.relative(appDir, file)} imports ${specifier}`),
		)
		expect(offenders).toEqual([])
	})

	test('the check recognises every way of reaching the client', () => {
		const from = path.join(routesDir, 'x.tsx')
		for (const specifier of ['~/utils/db.server.ts', '~/utils/db.server', '../utils/db.server.ts', '~/generated/prisma/client.ts', '@prisma/client']) {
			expect(isDatabaseClient(resolveSpecifier(from, specifier)), specifier).toBe(true)
		}
		expect(isDatabaseClient(resolveSpecifier(from, '~/accounts/members.server.ts'))).toBe(false)
	})

	test('every page exports an ErrorBoundary', () => {
		const pages = routeModules()
			.map((file) => ({ file: path.relative(routesDir, file), names: exportedNames(parse(file)) }))
			.filter(({ names }) => names.has('default'))
		expect(pages.length).toBeGreaterThan(15)
		expect(pages.filter(({ names }) => !names.has('ErrorBoundary')).map(({ file }) => file)).toEqual([])
	})
})
