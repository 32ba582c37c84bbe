import { spawn } from 'node:child_process'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'

// Analysis filters (silencedetect, the metadata printer) report on ffmpeg's
// log, so unlike a render the whole log is the result. It stays small: a few
// lines per second of media.

const MAX_LOG_CHARS = 32 * 1024 * 1024

export class FfmpegAnalysisError extends Error {
	constructor(
		message: string,
		readonly stderrTail: string,
	) {
		super(message)
		this.name = 'FfmpegAnalysisError'
	}
}

/**
 * Runs ffmpeg and resolves with everything it wrote to stderr: at `info`
 * (where silencedetect reports) unless told otherwise. Aborting kills it.
 */
export function runFfmpegForLog(args: string[], { signal, logLevel = 'info' }: { signal?: AbortSignal; logLevel?: 'info' | 'error' } = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(abortError(signal))
		const child = spawn(ffmpegPath(), ['-hide_banner', '-nostdin', '-nostats', '-v', logLevel, ...args], {
			stdio: ['ignore', 'ignore', 'pipe'],
		})
		const chunks: string[] = []
		let length = 0
		child.stderr.setEncoding('utf8')
		child.stderr.on('data', (chunk: string) => {
			if (length > MAX_LOG_CHARS) return
			chunks.push(chunk)
			length += chunk.length
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
			const log = chunks.join('')
			if (code === 0) return resolve(log)
			reject(new FfmpegAnalysisError(`ffmpeg exited with ${code ?? killedBy}`, log.slice(-4000)))
		})
	})
}

function abortError(signal: AbortSignal) {
	const error = new Error(`ffmpeg stopped: ${String(signal.reason ?? 'aborted')}`)
	error.name = 'AbortError'
	return error
}
