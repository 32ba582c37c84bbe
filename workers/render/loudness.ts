import type { LoudnessMeasurement, LoudnormAnalysis } from './graph/types.ts'

// What ffmpeg prints about loudness: ebur128's summary (the measurement),
// and loudnorm's JSON block (print_format=json), both from its own first
// pass and from a render that limited the peaks.

type LoudnormReport = {
	input_i: string
	input_tp: string
	input_lra: string
	input_thresh: string
	target_offset: string
	output_i: string
	output_tp: string
}

function lastLoudnormReport(stderr: string): LoudnormReport | null {
	const start = stderr.lastIndexOf('{')
	const end = stderr.lastIndexOf('}')
	if (start < 0 || end < start) return null
	try {
		const report = JSON.parse(stderr.slice(start, end + 1)) as Partial<LoudnormReport>
		return typeof report.output_i === 'string' ? (report as LoudnormReport) : null
	} catch {
		return null
	}
}

/** "-inf" (silence) reads as -Infinity. */
function level(value: string): number {
	return value === '-inf' ? Number.NEGATIVE_INFINITY : Number(value)
}

/**
 * The first pass's measurement from ebur128's closing summary, or null when
 * stderr has none:
 *   Integrated loudness:  I: -22.1 LUFS  Threshold: -33.5 LUFS
 *   Loudness range:       LRA: 9.5 LU ...
 *   True peak:            Peak: -20.4 dBFS
 */
export function parseLoudnessMeasurement(stderr: string): LoudnessMeasurement | null {
	const start = stderr.lastIndexOf('Summary:')
	if (start < 0) return null
	const summary = stderr.slice(start)
	const integrated = /Integrated loudness:\s+I:\s+(\S+) LUFS\s+Threshold:\s+(\S+) LUFS/.exec(summary)
	const range = /Loudness range:\s+LRA:\s+(\S+) LU\b/.exec(summary)
	const peak = /True peak:\s+Peak:\s+(\S+) dBFS/.exec(summary)
	if (!integrated || !range || !peak) return null
	return { inputI: level(integrated[1]), inputThresh: level(integrated[2]), inputLra: level(range[1]), inputTp: level(peak[1]) }
}

/** loudnorm's first pass (run when the peaks must be limited), or null when stderr has no report. */
export function parseLoudnormAnalysis(stderr: string): LoudnormAnalysis | null {
	const report = lastLoudnormReport(stderr)
	if (!report) return null
	return {
		inputI: level(report.input_i),
		inputTp: level(report.input_tp),
		inputLra: level(report.input_lra),
		inputThresh: level(report.input_thresh),
		targetOffset: level(report.target_offset),
	}
}

/** What the render's loudnorm produced (the output's integrated loudness and true peak). */
export function parseLoudnessResult(stderr: string): { integratedLufs: number; truePeakDbtp: number } | null {
	const report = lastLoudnormReport(stderr)
	if (!report) return null
	return { integratedLufs: level(report.output_i), truePeakDbtp: level(report.output_tp) }
}
