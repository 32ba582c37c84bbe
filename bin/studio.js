#!/usr/bin/env node
// The `studio` command (package.json "bin"): runs bin/studio.ts through tsx,
// with the project's tsconfig so its path aliases resolve from any folder.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'bin', 'studio.ts'), ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json') },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
