import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ffmpegPath } from './binaries.ts'
import { probeFile, type ProbedMedia } from './probe.ts'

// The one place that spawns ffmpeg: progress from `-progress pipe:1` when
// asked, the tail of stderr kept for the log (or the whole log for callers
// that parse what filters report there), cancellation through an AbortSignal,
// no ffmpeg left behind when the worker dies. It knows nothing about edits or
// media: callers hand it an argument array.

export type FfmpegProgress = {
	/** 0..100 of the expected duration. */
	percent: number
	outSeconds: number
	/** Output media seconds per wall second, as ffmpeg reports it. */
	speed: number | null
}

type ProgressReporting =
	| {
			/** Length of the output in seconds, to turn ffmpeg's out_time into a percentage. */
			expectedSeconds: number
			onProgress?: (progress: FfmpegProgress) => void
	  }
	| { expectedSeconds?: undefined; onProgress?: undefined }

export type RunOptions = ProgressReporting & {
	signal?: AbortSignal
	/** ffmpeg's `-v`: `info` is where filters such as silencedetect and loudnorm report. */
	logLevel?: 'info' | 'error'
	/** How much of stderr to keep (characters from the end). */
	stderrTailChars?: number
}

/**
 * - `not-started`: ffmpeg could not be started (no binary, no permission, no memory to fork);
 * - `failed`: it ran and exited non-zero or was killed from outside (`exitCode` null);
 * - `cancelled`: the caller's AbortSignal stopped it;
 * - `invalid-output`: it succeeded but ffprobe refused what it wrote.
 */
export type FfmpegFailureKind = 'not-started' | 'failed' | 'cancelled' | 'invalid-output'

export class FfmpegError extends Error {
	constructor(
		message: string,
		readonly kind: FfmpegFailureKind,
		readonly stderrTail: string,
		readonly exitCode: number | null = null,
	) {
		super(message)
		this.name = 'FfmpegError'
	}
}

const running = new Set<ChildProcess>()
let exitHookInstalled = false

/**
 * A child survives its parent unless it is killed: when the worker process
 * exits, whatever ffmpeg is still running goes with it.
 */
function installExitHook() {
	if (exitHookInstalled) return
	exitHookInstalled = true
	process.once('exit', killAllFfmpeg)
}

/** Kills every ffmpeg this process started and that is still running. */
export function killAllFfmpeg() {
	for (const child of running) child.kill('SIGKILL')
}

const SETPRIV = '/usr/bin/setpriv'
let setprivAvailable: boolean | undefined

/**
 * A worker killed outright (SIGKILL, out of memory) cannot stop its ffmpeg,
 * which would go on encoding for nobody. On Linux, util-linux's setpriv asks
 * the kernel to kill ffmpeg when the worker dies (PR_SET_PDEATHSIG).
 */
function dieWithParent(): string[] {
	setprivAvailable ??= process.platform === 'linux' && existsSync(SETPRIV)
	return setprivAvailable ? [SETPRIV, '--pdeathsig', 'KILL', '--'] : []
}

/** setpriv exits 126 or 127 (util-linux's EX_EXEC_FAILED, EX_EXEC_ENOENT) when it cannot execute ffmpeg. */
function setprivCouldNotExecute(code: number | null, stderrTail: string) {
	return (code === 126 || code === 127) && stderrTail.startsWith('setpriv: failed to execute')
}

const DEFAULT_STDERR_TAIL = 8000
/** A parsed log is a few lines per second of media; this bounds a runaway one. */
const MAX_LOG_CHARS = 32 * 1024 * 1024

/** Runs ffmpeg with `args` to the end. Resolves with the stderr tail; rejects with an FfmpegError. */
export async function runFfmpeg(args: readonly string[], options: RunOptions = {}): Promise<{ stderrTail: string }> {
	const { stderrTail } = await spawnFfmpeg(args, options, false)
	return { stderrTail }
}

/**
 * Runs ffmpeg for what it reports on stderr (silencedetect, say) and resolves
 * with the whole log; rejects with an FfmpegError like `runFfmpeg`.
 */
export async function runFfmpegForLog(args: readonly string[], options: RunOptions = {}): Promise<string> {
	const { log } = await spawnFfmpeg(args, options, true)
	return log
}

function spawnFfmpeg(args: readonly string[], options: RunOptions, keepLog: boolean): Promise<{ stderrTail: string; log: string }> {
	const { signal, logLevel = 'info', stderrTailChars = DEFAULT_STDERR_TAIL } = options
	const progress = options.onProgress ? new ProgressParser(options.expectedSeconds, options.onProgress) : null
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(new FfmpegError('ffmpeg was cancelled before it started', 'cancelled', ''))
			return
		}
		installExitHook()
		const [command, ...commandArgs] = [
			...dieWithParent(),
			ffmpegPath(),
			...['-hide_banner', '-nostdin', '-y', '-nostats', '-v', logLevel],
			...(progress ? ['-progress', 'pipe:1'] : []),
			...args,
		]
		const child = spawn(command, commandArgs, { stdio: ['ignore', progress ? 'pipe' : 'ignore', 'pipe'] })
		running.add(child)
		let stderrTail = ''
		const logChunks: string[] = []
		let logLength = 0
		let cancelled = false
		const onAbort = () => {
			cancelled = true
			child.kill('SIGKILL')
		}
		signal?.addEventListener('abort', onAbort, { once: true })

		child.stderr!.setEncoding('utf8')
		child.stderr!.on('data', (chunk: string) => {
			stderrTail = (stderrTail + chunk).slice(-stderrTailChars)
			if (keepLog && logLength <= MAX_LOG_CHARS) {
				logChunks.push(chunk)
				logLength += chunk.length
			}
		})
		if (progress) {
			child.stdout!.setEncoding('utf8')
			child.stdout!.on('data', (chunk: string) => progress.push(chunk))
		}

		child.once('error', (error) => {
			running.delete(child)
			signal?.removeEventListener('abort', onAbort)
			reject(new FfmpegError(`ffmpeg could not start: ${error.message}`, 'not-started', stderrTail))
		})
		child.once('close', (code, killSignal) => {
			running.delete(child)
			signal?.removeEventListener('abort', onAbort)
			if (cancelled) reject(new FfmpegError('ffmpeg was cancelled', 'cancelled', stderrTail, code))
			else if (code === 0) resolve({ stderrTail, log: logChunks.join('') })
			else if (setprivCouldNotExecute(code, stderrTail)) reject(new FfmpegError(`ffmpeg could not start: ${stderrTail.trim()}`, 'not-started', stderrTail, code))
			else reject(new FfmpegError(`ffmpeg failed (${killSignal ? `killed by ${killSignal}` : `exit code ${code}`})`, 'failed', stderrTail, code))
		})
	})
}

/** Reads `key=value` blocks of -progress; out_time_us is microseconds (ffmpeg 4 also mislabels it out_time_ms). */
export class ProgressParser {
	private buffer = ''
	private outSeconds = 0
	private speed: number | null = null

	constructor(
		private readonly expectedSeconds: number,
		private readonly onProgress?: (progress: FfmpegProgress) => void,
	) {}

	push(chunk: string) {
		this.buffer += chunk
		const lines = this.buffer.split('\n')
		this.buffer = lines.pop() ?? ''
		for (const line of lines) this.readLine(line.trim())
	}

	private readLine(line: string) {
		const separator = line.indexOf('=')
		if (separator < 0) return
		const key = line.slice(0, separator)
		const value = line.slice(separator + 1)
		if (key === 'out_time_us' || key === 'out_time_ms') {
			const micros = Number(value)
			if (Number.isFinite(micros) && micros >= 0) this.outSeconds = micros / 1e6
		} else if (key === 'speed') {
			const speed = Number.parseFloat(value)
			this.speed = Number.isFinite(speed) ? speed : null
		} else if (key === 'progress') {
			const done = value === 'end'
			const percent = done ? 100 : Math.min(99.9, (this.outSeconds / Math.max(this.expectedSeconds, 0.001)) * 100)
			this.onProgress?.({ percent: Math.round(percent * 10) / 10, outSeconds: this.outSeconds, speed: this.speed })
		}
	}
}

export type OutputExpectations = {
	video?: boolean
	audio?: boolean
	/** Allowed difference between the probed and the expected duration, seconds. */
	durationToleranceSeconds?: number
}

/**
 * Renders into `outputPath`: ffmpeg writes a temporary name in the same
 * folder (same file system, so the final rename is atomic), ffprobe checks
 * the streams and the duration, and only then does the file take its name.
 * On any failure, cancellation included, no file is left behind.
 */
export async function renderToFile(
	args: readonly string[],
	outputPath: string,
	options: RunOptions & { expectedSeconds: number; expect?: OutputExpectations },
): Promise<{ probe: ProbedMedia; stderrTail: string }> {
	const { dir, name, ext } = path.parse(outputPath)
	await fs.mkdir(dir, { recursive: true })
	// ".part-" is what app/media/storage.server.ts's cleanup recognises as left over.
	const tempPath = path.join(dir, `${name}.part-${crypto.randomBytes(6).toString('hex')}${ext}`)
	try {
		const { stderrTail } = await runFfmpeg([...args, tempPath], options)
		const probe = await probeFile(tempPath).catch((error: Error & { stderr?: string }) => {
			throw new FfmpegError(`ffprobe could not read the output: ${error.message}`, 'invalid-output', error.stderr ?? stderrTail)
		})
		checkOutput(probe, options.expectedSeconds, options.expect ?? {}, stderrTail)
		await fs.rename(tempPath, outputPath)
		return { probe, stderrTail }
	} finally {
		await fs.rm(tempPath, { force: true })
	}
}

function checkOutput(probe: ProbedMedia, expectedSeconds: number, expect: OutputExpectations, stderrTail: string) {
	const { video = true, audio = true, durationToleranceSeconds = 0.1 } = expect
	const problems: string[] = []
	if (video && !probe.video) problems.push('no video stream')
	if (audio && !probe.audio) problems.push('no audio stream')
	const seconds = (probe.durationMs ?? 0) / 1000
	if (Math.abs(seconds - expectedSeconds) > durationToleranceSeconds) {
		problems.push(`duration ${seconds.toFixed(3)} s instead of ${expectedSeconds.toFixed(3)} s`)
	}
	// The container's duration is its longest stream's: padded sound can hide pictures that stopped early.
	const pictureSeconds = probe.video?.frames && probe.video.fps ? probe.video.frames / probe.video.fps : null
	if (video && pictureSeconds !== null && Math.abs(pictureSeconds - expectedSeconds) > durationToleranceSeconds) {
		problems.push(`${probe.video!.frames} frames (${pictureSeconds.toFixed(3)} s) instead of ${expectedSeconds.toFixed(3)} s`)
	}
	if (problems.length > 0) throw new FfmpegError(`ffmpeg's output is not what was asked: ${problems.join(', ')}`, 'invalid-output', stderrTail)
}
