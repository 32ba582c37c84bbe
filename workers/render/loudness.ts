import type { LoudnessMeasurement } from './graph/types.ts'

// loudnorm ends its run by printing a JSON block on stderr (print_format=json).

type LoudnormReport = {
	input_i: string
	input_tp: string
	input_lra: string
	input_thresh: string
	output_i: string
	output_tp: string
	target_offset: string
}

function lastLoudnormReport(stderr: string): LoudnormReport | null {
	const start = stderr.lastIndexOf('{')
	const end = stderr.lastIndexOf('}')
	if (start < 0 || end < start) return null
	try {
		const report = JSON.parse(stderr.slice(start, end + 1)) as Partial<LoudnormReport>
		return typeof report.input_i === 'string' ? (report as LoudnormReport) : null
	} catch {
		return null
	}
}

/** "-inf" (silence) reads as -Infinity. */
function level(value: string): number {
	return value.trim() === '-inf' ? Number.NEGATIVE_INFINITY : Number(value)
}

/** The first pass's measurement, or null when stderr has no report. */
export function parseLoudnessMeasurement(stderr: string): LoudnessMeasurement | null {
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
