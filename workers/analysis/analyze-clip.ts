import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { runFfmpeg } from '#workers/ffmpeg/run.ts'
import { escapeFilterValue } from '~/studio/render/filter-escape.ts'
import { parseMetadataLog } from './metadata-log.ts'
import { findFlags, suggestHighlights, type ClipFlag, type ClipSuggestion } from './scoring.ts'
import { buildSignals } from './signals.ts'
import { parseVidstabMotions } from './vidstab-log.ts'

// One cheap ffmpeg pass over a clip (docs/decisions/022-clip-highlights.md):
// decoding is most of the cost, so the decoder skips what it can (loop
// filter, non-reference frames), the picture is shrunk at once to 320 px on
// its long side, and every measurement rides on that one small stream:
//   10 fps → vidstabdetect (camera motion, for shakiness)
//    5 fps → signalstats (brightness, change) → scene score → printed
//   sound → 8 kHz → loudness every 0.2 s → printed

export type ClipAnalysis = { suggestions: ClipSuggestion[]; flags: ClipFlag[] }

const MOTION_FPS = 10
const MOTION_LONG_SIDE = 320

export async function analyzeClip(
	filePath: string,
	{ durationMs, hasAudio, signal }: { durationMs: number; hasAudio?: boolean; signal?: AbortSignal },
): Promise<ClipAnalysis> {
	const withAudio = hasAudio ?? (await probeFile(filePath)).audio !== null
	const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'coop-analysis-'))
	const files = { video: path.join(workDir, 'video.txt'), audio: path.join(workDir, 'audio.txt'), motions: path.join(workDir, 'motions.trf') }
	try {
		const side = MOTION_LONG_SIDE
		const videoChain = [
			`[0:v:0]scale=w='if(gte(iw,ih),${side},-2)':h='if(gte(iw,ih),-2,${side})':flags=fast_bilinear`,
			`fps=${MOTION_FPS}`,
			`vidstabdetect=result=${escapeFilterValue(files.motions)}:shakiness=5:accuracy=9:stepsize=6:show=0`,
			'fps=5',
			'signalstats',
			`select='gte(scene,0)'`,
			`metadata=print:file=${escapeFilterValue(files.video)}[v]`,
		].join(',')
		const audioChain = [
			'[0:a:0]aresample=8000',
			// 1600 samples at 8 kHz: one loudness reading every 0.2 s.
			'asetnsamples=n=1600:p=0',
			'astats=metadata=1:reset=1',
			`ametadata=print:key=lavfi.astats.Overall.RMS_level:file=${escapeFilterValue(files.audio)}[a]`,
		].join(',')
		await runFfmpeg(
			[
				'-skip_loop_filter', 'all',
				'-skip_frame', 'noref',
				'-i', filePath,
				'-filter_complex', withAudio ? `${videoChain};${audioChain}` : videoChain,
				'-map', '[v]', '-f', 'null', '-',
				...(withAudio ? ['-map', '[a]', '-f', 'null', '-'] : []),
			],
			// The measurements go to files; the log is only wanted when something fails.
			{ signal, logLevel: 'error' },
		)
		const [videoLog, audioLog, motionsLog] = await Promise.all([
			fs.readFile(files.video, 'utf8'),
			withAudio ? fs.readFile(files.audio, 'utf8') : Promise.resolve(null),
			fs.readFile(files.motions, 'utf8'),
		])
		const durationSeconds = durationMs / 1000
		const signals = buildSignals({
			durationSeconds,
			video: parseMetadataLog(videoLog),
			audio: audioLog === null ? null : parseMetadataLog(audioLog),
			motions: parseVidstabMotions(motionsLog),
			motionFps: MOTION_FPS,
			motionLongSide: MOTION_LONG_SIDE,
		})
		return { suggestions: suggestHighlights(signals, durationSeconds), flags: findFlags(signals, durationSeconds) }
	} finally {
		await fs.rm(workDir, { recursive: true, force: true })
	}
}
