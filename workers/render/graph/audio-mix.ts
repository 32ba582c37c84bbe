import type { MusicBed } from '~/studio/spec/edit-spec.ts'
import { AUDIO_FORMAT, AUDIO_RATE } from './legs.ts'
import type { LoudnessMeasurement } from './types.ts'

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

/** First pass: measure the mix alone. loudnorm prints its JSON on stderr at the end. */
export function loudnessAnalysisFilter(input: string, targetLufs: number): string {
	return `[${input}]loudnorm=I=${targetLufs}:TP=${TRUE_PEAK_DBTP}:LRA=11:print_format=json[aout]`
}

export type LoudnessPlan =
	| { kind: 'silent' }
	/** One gain for the whole mix: what loudnorm's linear mode does, without its 192 kHz detour. */
	| { kind: 'gain'; gainDb: number; integratedLufs: number; truePeakDbtp: number }
	/** The gain would push peaks over the ceiling: loudnorm limits them (its dynamic mode). */
	| { kind: 'loudnorm'; measured: LoudnessMeasurement }

/** Decides the second pass from the first one's measurement. */
export function planLoudness(measured: LoudnessMeasurement | null, targetLufs: number): LoudnessPlan {
	if (!measured || measured.inputI < SILENCE_LUFS) return { kind: 'silent' }
	const gainDb = round2(targetLufs - measured.inputI)
	if (measured.inputTp + gainDb <= TRUE_PEAK_DBTP) {
		return { kind: 'gain', gainDb, integratedLufs: round2(measured.inputI + gainDb), truePeakDbtp: round2(measured.inputTp + gainDb) }
	}
	return { kind: 'loudnorm', measured }
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
	const { measured } = plan
	// A wide-ranged mix would make loudnorm leave linear mode; allow its own range (loudnorm caps at 20).
	const range = Math.min(20, Math.max(11, Math.ceil(measured.inputLra)))
	return (
		`[${input}]loudnorm=I=${targetLufs}:TP=${TRUE_PEAK_DBTP}:LRA=${range}` +
		`:measured_I=${measured.inputI}:measured_TP=${measured.inputTp}:measured_LRA=${measured.inputLra}` +
		`:measured_thresh=${measured.inputThresh}:offset=${measured.targetOffset}:linear=true:print_format=json,aresample=${AUDIO_RATE}[${output}]`
	)
}

function round2(value: number): number {
	return Math.round(value * 100) / 100
}

function round3(value: number): number {
	return Math.round(value * 1000) / 1000
}
