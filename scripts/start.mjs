// Starts the web process and the worker process together, prefixes their
// output, passes SIGINT/SIGTERM on so both shut down gracefully, and stops the
// other when one of them dies. Plain Node: it runs before anything is built.
//
// Each child runs in its own process group (`detached`), so that Ctrl+C or a
// SIGTERM sent to this whole group reaches the children once, from here. If
// they shared our group they would get the signal from the terminal and again
// from us, and close-with-grace takes a second signal as "exit now": the
// worker would drop its active jobs instead of finishing them.
import { spawn } from 'node:child_process'

const mode = process.argv.includes('--dev') ? 'development' : 'production'
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? mode }

const processes = [
	{ name: 'web   ', entry: 'server/index.ts', color: 32 },
	{ name: 'worker', entry: 'workers/index.ts', color: 36 },
].map(({ name, entry, color }) => {
	const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
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
// Closing the terminal no longer reaches the children directly.
process.on('SIGHUP', () => stopAll('SIGTERM'))

let exitCode = 0
await Promise.all(
	processes.map(
		({ name, child }) =>
			new Promise((resolve) =>
				child.on('exit', (code, signal) => {
					if (stopping) {
						if (code !== 0) {
							console.error(`${name} did not stop cleanly (${signal ?? `exit ${code}`}).`)
							exitCode = 1
						}
					} else {
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
