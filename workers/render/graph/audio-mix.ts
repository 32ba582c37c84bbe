import type { MusicBed } from '~/studio/spec/edit-spec.ts'
import { AUDIO_FORMAT, AUDIO_RATE } from './legs.ts'
import type { LoudnessMeasurement, LoudnormAnalysis } from './types.ts'

// The sound after the timeline: the clips' own sound, a music bed under it
// (ducked while the clips speak), then loudness normalisation.

/** Usual ceiling for social video: leaves room for the AAC encoder's overshoot. */
const TRUE_PEAK_DBTP = -1.5
/** Anything quieter than this is silence: loudnorm would only amplify noise. */
const SILENCE_LUFS = -60

/** The music input's chain: from its offset, looped if short, cut to the video's length. */
export function musicLeg(input: number, totalSamples: number, label: string): string {
	return `[${input}:a]asetpts=PTS-STARTPTS,aresample=${AUDIO_RATE},${AUDIO_FORMAT},apad,atrim=end_sample=${totalSamples},asetpts=N/SR/TB[${label}]`
}

/**
 * Mixes `voice` (may be absent: no clip keeps its sound) and `music` (may be
 * absent) into `output`. amix divides each input by the sum of the weights,
 * so the mix is multiplied back by that sum: the voice keeps its level and
 * the music sits at its chosen volume.
 */
export function mixFilters(voice: string | null, music: { label: string; bed: MusicBed } | null, totalSamples: number, output: string): string[] {
	if (!music && voice) return [`[${voice}]anull[${output}]`]
	if (!music) return [`anullsrc=r=${AUDIO_RATE}:cl=stereo,${AUDIO_FORMAT},atrim=end_sample=${totalSamples}[${output}]`]
	const volume = round3(music.bed.volume)
	if (!voice) return [`[${music.label}]volume=${volume}[${output}]`]
	const weights = `weights='1 ${volume}'`
	const restore = `volume=${round3(1 + music.bed.volume)}`
	if (!music.bed.duckUnderSpeech) {
		return [`[${voice}][${music.label}]amix=inputs=2:duration=first:dropout_transition=0:${weights},${restore}[${output}]`]
	}
	// The clips' sound keys a compressor on the music: about 15 dB less music
	// while someone speaks, back within half a second after.
	return [
		`[${voice}]asplit=2[${voice}m][${voice}k]`,
		`[${music.label}][${voice}k]sidechaincompress=threshold=0.015:ratio=8:attack=20:release=450:makeup=1[${music.label}d]`,
		`[${voice}m][${music.label}d]amix=inputs=2:duration=first:dropout_transition=0:${weights},${restore}[${output}]`,
	]
}

/**
 * First pass: measure the mix alone. ebur128 prints a summary (integrated
 * loudness, its gate, range, true peak) when it ends, at a third of the CPU
 * of loudnorm's first pass, which also runs its limiter on the sound. That is
 * all a plain gain needs; loudnorm's own pass runs only for a mix whose peaks
 * must be limited. `framelog=verbose` keeps ten lines a second out of the log.
 */
export function loudnessAnalysisFilter(input: string): string {
	return `[${input}]ebur128=peak=true:framelog=verbose[aout]`
}

/** loudnorm's first pass, for a mix whose peaks must be limited: it prints its JSON on stderr at the end. */
export function loudnormAnalysisFilter(input: string, targetLufs: number): string {
	return `[${input}]loudnorm=I=${targetLufs}:TP=${TRUE_PEAK_DBTP}:LRA=11:print_format=json[aout]`
}

/** One gain for the whole mix: what loudnorm's linear mode does, without its 192 kHz detour. */
type GainPlan = { kind: 'gain'; gainDb: number; integratedLufs: number; truePeakDbtp: number }

export type LoudnessPlan =
	| { kind: 'silent' }
	| GainPlan
	/** The gain would push peaks over the ceiling: loudnorm limits them (its dynamic mode). */
	| { kind: 'loudnorm'; analysis: LoudnormAnalysis }

/** What the measurement decides; `limit` asks for loudnorm's own analysis before the render. */
export type LoudnessDecision = { kind: 'silent' } | GainPlan | { kind: 'limit' }

/** Decides the second pass from the first one's measurement. */
export function planLoudness(measured: LoudnessMeasurement | null, targetLufs: number): LoudnessDecision {
	if (!measured || measured.inputI < SILENCE_LUFS) return { kind: 'silent' }
	const gainDb = round2(targetLufs - measured.inputI)
	if (measured.inputTp + gainDb <= TRUE_PEAK_DBTP) {
		return { kind: 'gain', gainDb, integratedLufs: round2(measured.inputI + gainDb), truePeakDbtp: round2(measured.inputTp + gainDb) }
	}
	return { kind: 'limit' }
}

/**
 * Second pass. A plain gain when the peaks allow it (loudnorm in linear mode
 * would apply the same gain, but resamples to 192 kHz and holds ~115 MB of
 * buffers doing so); otherwise loudnorm with the measured values, whose
 * output is 192 kHz, hence the resample.
 */
export function loudnessFilter(input: string, targetLufs: number, plan: LoudnessPlan, output: string): string {
	if (plan.kind === 'silent') return `[${input}]anull[${output}]`
	if (plan.kind === 'gain') return `[${input}]volume=${plan.gainDb}dB[${output}]`
	const { analysis } = plan
	// A wide-ranged mix would make loudnorm leave linear mode; allow its own range (loudnorm caps at 20).
	const range = Math.min(20, Math.max(11, Math.ceil(analysis.inputLra)))
	return (
		`[${input}]loudnorm=I=${targetLufs}:TP=${TRUE_PEAK_DBTP}:LRA=${range}` +
		`:measured_I=${analysis.inputI}:measured_TP=${analysis.inputTp}:measured_LRA=${analysis.inputLra}` +
		`:measured_thresh=${analysis.inputThresh}:offset=${analysis.targetOffset}:linear=true:print_format=json,aresample=${AUDIO_RATE}[${output}]`
	)
}

function round2(value: number): number {
	return Math.round(value * 100) / 100
}

function round3(value: number): number {
	return Math.round(value * 1000) / 1000
}
