import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'

const execFileAsync = promisify(execFile)

// The bundled ffmpeg 4.1 has no xfade; a newer one configured through
// FFMPEG_PATH has. Asked once per binary, at the first render.

const transitionsByBinary = new Map<string, Promise<'xfade' | 'overlay'>>()

export function transitionEngine(): Promise<'xfade' | 'overlay'> {
	const binary = ffmpegPath()
	let answer = transitionsByBinary.get(binary)
	if (!answer) {
		answer = execFileAsync(binary, ['-hide_banner', '-filters'], { maxBuffer: 4 * 1024 * 1024 }).then(({ stdout }) =>
			hasFilter(stdout, 'xfade') ? 'xfade' : 'overlay',
		)
		transitionsByBinary.set(binary, answer)
	}
	return answer
}

/** `ffmpeg -filters` lists one filter a line: " TSC xfade  VV->V  Cross fade ...". */
export function hasFilter(filtersListing: string, name: string): boolean {
	return filtersListing.split('\n').some((line) => line.trim().split(/\s+/)[1] === name)
}
