// `npm run up`: on a fresh clone, installs what is needed, prepares the SQLite
// database, seeds the demo co-op, builds the app and starts the web and worker
// processes. `npm run dev` does the same with Vite's dev server.
// Plain Node on purpose: it must run before `npm ci`.
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'

const dev = process.argv.includes('--dev')
const run = (command, args, extraEnv = {}) =>
	execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } })

// Secrets made once per installation, never committed (.gitignore). A .env
// from before a secret existed gets the missing one added; a secret already
// there is never replaced (a new ENCRYPTION_KEY could not read what the old
// one encrypted: rotate with ENCRYPTION_KEYS_OLD, docs/decisions/115).
const existing = fs.existsSync('.env') ? fs.readFileSync('.env', 'utf8') : ''
const missing = ['SESSION_SECRET', 'ENCRYPTION_KEY'].filter((name) => !new RegExp(`^${name}=.+`, 'm').test(existing))
if (missing.length > 0) {
	const separator = existing === '' || existing.endsWith('\n') ? '' : '\n'
	const lines = missing.map((name) => `${name}=${randomBytes(32).toString('hex')}\n`).join('')
	fs.writeFileSync('.env', existing + separator + lines, { mode: 0o600 })
	console.log(`▶ wrote ${missing.join(' and ')} into .env`)
}
console.log('▶ checking dependencies (npm packages, Prisma client, Redis)')
run('bash', ['scripts/ensure-deps.sh'])
console.log('▶ preparing the database')
run('npx', ['prisma', 'migrate', 'deploy'])
console.log('▶ seeding the demo co-op (once)')
run('npx', ['tsx', 'prisma/seed.ts'])
if (!dev) {
	console.log('▶ building the app')
	run('npm', ['run', '-s', 'build'])
}

const port = process.env.PORT ?? '3000'
console.log(`
  Co-op Studio is starting at  http://localhost:${port}
  Demo login:  demo@coopstudio.vn  /  che-shan-tuyet
  Stop with Ctrl+C.
`)
const child = spawn(process.execPath, ['scripts/start.mjs', ...(dev ? ['--dev'] : [])], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
