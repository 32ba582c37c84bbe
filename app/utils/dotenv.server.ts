import fs from 'node:fs'

// `npm run up` writes a .env with random secrets on first start; the web and
// worker processes read it here. Real environment variables win over it.
export function loadDotEnv(file = '.env') {
	if (process.env.NODE_ENV === 'test' || !fs.existsSync(file)) return
	const fromShell = { ...process.env }
	process.loadEnvFile(file)
	Object.assign(process.env, fromShell)
}
