// `npm run up`: on a fresh clone, installs what is needed, prepares the SQLite
// database, seeds the demo co-op, builds the app and starts the web and worker
// processes. `npm run dev` does the same with Vite's dev server.
// Plain Node on purpose: it must run before `npm ci`.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

const dev = process.argv.includes('--dev')
const run = (command, args, extraEnv = {}) =>
	execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } })

// Prisma's CLI warns that the schema's datasource url is unused next to the
// driver adapter; the line must stay (prisma/schema/schema.prisma says why),
// so the warning is known noise. Only that paragraph is dropped, and only
// when the command succeeds: a failure prints everything.
const PRISMA_ADAPTER_URL_WARNING = /WARNING: Your schema specifies the following datasource properties but you are using a Driver Adapter[\s\S]*?only using driver adapters\.\n*/
function runPrisma(args) {
	const result = spawnSync('npx', ['prisma', ...args], { encoding: 'utf8', env: process.env })
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
	process.stdout.write(result.status === 0 ? output.replace(PRISMA_ADAPTER_URL_WARNING, '') : output)
	if (result.status !== 0) process.exit(result.status ?? 1)
}

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
runPrisma(['migrate', 'deploy'])
console.log('▶ seeding the demo co-op (once)')
run('npx', ['tsx', 'prisma/seed.ts'])
if (!dev) {
	console.log('▶ building the app')
	run('npm', ['run', '-s', 'build'])
}

const port = process.env.PORT ?? '3000'
// Production mode on this machine's loopback address: the web process allows
// plain http for a loopback PUBLIC_URL only (server/transport-security.ts).
// Only when neither the shell nor .env names the public address.
const publicUrlSet = process.env.PUBLIC_URL || /^PUBLIC_URL=/m.test(fs.readFileSync('.env', 'utf8'))
const env = publicUrlSet ? process.env : { ...process.env, PUBLIC_URL: `http://localhost:${port}` }
const child = spawn(process.execPath, ['scripts/start.mjs', ...(dev ? ['--dev'] : [])], { stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))

// The address is printed once the web process answers its health check, so
// it never appears above a log that is still starting (or failing).
while (child.exitCode === null && !(await healthy(`http://127.0.0.1:${port}/healthz`))) await sleep(500)
if (child.exitCode === null) {
	console.log(`
  Co-op Studio is ready at  http://localhost:${port}
  Demo login:  demo@coopstudio.vn  /  che-shan-tuyet
  Stop with Ctrl+C.
`)
}

async function healthy(url) {
	try {
		return (await fetch(url)).ok
	} catch {
		return false
	}
}
