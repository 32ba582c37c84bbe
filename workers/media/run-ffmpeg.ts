import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'

export class FfmpegError extends Error {
	constructor(
		message: string,
		readonly stderr: string,
	) {
		super(message)
	}
}

export type FfmpegRunOptions = {
	/** Aborting kills ffmpeg (job cancelled, worker closing). */
	signal?: AbortSignal
	/** Called with the output time reached, in ms, as ffmpeg reports it (`-progress pipe:1`). */
	onProgress?: (outTimeMs: number) => void
}

/**
 * Runs ffmpeg as a child process, so that the worker's event loop stays free
 * for lock renewals. `args` must not name an input or output ffmpeg should ask
 * about: `-y` and `-nostdin` are added. Resolves when ffmpeg exits 0.
 */
export function runFfmpeg(args: string[], { signal, onProgress }: FfmpegRunOptions = {}): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(abortError(signal))
		const [command, ...commandArgs] = [
			...dieWithParent(),
			ffmpegPath(),
			...['-hide_banner', '-nostdin', '-y', '-v', 'error', '-progress', 'pipe:1', '-nostats'],
			...args,
		]
		const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
		let stderr = ''
		let pending = ''
		child.stderr.on('data', (chunk: Buffer) => {
			stderr = (stderr + chunk.toString()).slice(-4000)
		})
		child.stdout.on('data', (chunk: Buffer) => {
			pending += chunk.toString()
			const lines = pending.split('\n')
			pending = lines.pop() ?? ''
			for (const line of lines) {
				const match = /^out_time_(?:us|ms)=(\d+)/.exec(line)
				// ffmpeg 4.x prints microseconds under both names.
				if (match && onProgress) onProgress(Math.floor(Number(match[1]) / 1000))
			}
		})
		const kill = () => child.kill('SIGKILL')
		signal?.addEventListener('abort', kill, { once: true })
		child.on('error', (error) => {
			signal?.removeEventListener('abort', kill)
			reject(error)
		})
		child.on('close', (code, killedBy) => {
			signal?.removeEventListener('abort', kill)
			if (signal?.aborted) return reject(abortError(signal))
			if (code === 0) return resolve()
			reject(new FfmpegError(`ffmpeg exited with ${code ?? killedBy}`, stderr))
		})
	})
}

const SETPRIV = '/usr/bin/setpriv'
let setprivAvailable: boolean | undefined

/**
 * A worker killed outright (SIGKILL, out of memory) cannot stop its ffmpeg,
 * which would go on encoding for nobody. On Linux, util-linux's setpriv asks
 * the kernel to kill ffmpeg when the worker dies (PR_SET_PDEATHSIG).
 */
function dieWithParent(): string[] {
	setprivAvailable ??= process.platform === 'linux' && fs.existsSync(SETPRIV)
	return setprivAvailable ? [SETPRIV, '--pdeathsig', 'KILL', '--'] : []
}

function abortError(signal: AbortSignal) {
	const error = new Error(`ffmpeg stopped: ${String(signal.reason ?? 'aborted')}`)
	error.name = 'AbortError'
	return error
}
