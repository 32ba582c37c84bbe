import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
		})
	})
}

export type RunningProcess = { child: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> }

/** Starts `npx tsx <entry>` with `env`, keeping its output for failure messages. */
export function startTsxProcess(entry: string, env: NodeJS.ProcessEnv): RunningProcess {
	const child = spawn(process.execPath, ['--import', 'tsx', entry], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout?.on('data', (d) => (output += d))
	child.stderr?.on('data', (d) => (output += d))
	return {
		child,
		output: () => output,
		stop: (signal = 'SIGTERM') =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
				child.once('exit', (code) => resolve(code))
				child.kill(signal)
			}),
	}
}

/** Polls `url` until it answers 200, or throws with the process output. */
export async function waitForHealthy(url: string, proc: RunningProcess, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs
	while (Date.now() < deadline) {
		if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`process exited early:\n${proc.output()}`)
		try {
			const res = await fetch(url)
			if (res.ok) return
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250))
	}
	throw new Error(`${url} did not become healthy:\n${proc.output()}`)
}
