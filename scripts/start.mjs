// Starts the web process and the worker process together, prefixes their
// output, forwards SIGINT/SIGTERM so both shut down gracefully, and stops the
// other when one of them dies. Plain Node: it runs before anything is built.
import { spawn } from 'node:child_process'

const mode = process.argv.includes('--dev') ? 'development' : 'production'
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? mode }

const processes = [
	{ name: 'web   ', entry: 'server/index.ts', color: 32 },
	{ name: 'worker', entry: 'workers/index.ts', color: 36 },
].map(({ name, entry, color }) => {
	const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
	const prefix = `\x1b[${color}m${name}\x1b[0m │ `
	const write = (stream) => (chunk) => {
		for (const line of chunk.toString().split('\n')) if (line) stream.write(prefix + line + '\n')
	}
	child.stdout.on('data', write(process.stdout))
	child.stderr.on('data', write(process.stderr))
	return { name: name.trim(), child }
})

let stopping = false
function stopAll(signal) {
	if (stopping) return
	stopping = true
	for (const { child } of processes) if (child.exitCode === null) child.kill(signal)
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal))

let exitCode = 0
await Promise.all(
	processes.map(
		({ name, child }) =>
			new Promise((resolve) =>
				child.on('exit', (code, signal) => {
					if (!stopping) {
						console.error(`${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.`)
						exitCode = 1
						stopAll('SIGTERM')
					}
					resolve()
				}),
			),
	),
)
process.exit(exitCode)
