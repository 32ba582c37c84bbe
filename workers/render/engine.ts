import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { RenderedVideo } from '~/jobs/definitions.ts'
import { buildAssSubtitles } from '~/studio/captions/ass.ts'
import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import { OUTPUT_FORMATS, type OutputFormatId } from '~/studio/spec/formats.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'
import type { RenderFailureCode } from '~/studio/spec/render-failure.ts'
import { checkMedia } from '~/studio/render/media-check.ts'
import { timelineSeconds } from '~/studio/spec/timing.ts'
import { FfmpegError, renderToFile, runFfmpeg } from '#workers/ffmpeg/run.ts'
import { transitionEngine } from './capabilities.ts'
import { planLoudness, type LoudnessPlan } from './graph/audio-mix.ts'
import { buildLoudnessAnalysis, buildRenderCommand, hasAudibleSound } from './graph/command.ts'
import type { AudioPlanInput, RenderMedia, RenderPlanInput } from './graph/types.ts'
import { parseLoudnessMeasurement, parseLoudnessResult, parseLoudnormAnalysis } from './loudness.ts'
import { inspectMedia } from './media-check.ts'
import { renderTarget, type RenderQuality } from './presets.ts'
import { prepareStills } from './stills/prepare.ts'

// One render, start to finish: check the media, draw the stills, measure the
// loudness, run the one ffmpeg, verify the file. Used by the render worker,
// the command line and the benchmark alike. No database, no queue: files in,
// a file and its metadata out.

export type RenderRequest = {
	spec: EditSpec
	/** Media id → absolute file path. */
	mediaPaths: Record<string, string | undefined>
	format: OutputFormatId
	quality: RenderQuality
	outputPath: string
	signal?: AbortSignal
	/** 0..100 over the whole render. */
	onProgress?: (percent: number) => void
	maxImageMegapixels?: number
}

/** The spec cannot be rendered with these media; nothing ran. */
export class RenderRejectedError extends Error {
	constructor(readonly issues: SpecIssue[]) {
		super(`The edit cannot be rendered: ${issues.map((i) => i.code).join(', ')}`)
		this.name = 'RenderRejectedError'
	}
}

/** ffmpeg ran and did not produce a usable file. `code` picks the person's message; the stderr tail is for the log. */
export class RenderFailedError extends Error {
	constructor(
		readonly code: Exclude<RenderFailureCode, 'unexpected'>,
		message: string,
		readonly stderrTail = '',
		readonly params: Record<string, string | number> = {},
		/** ffmpeg was killed from outside (out of memory, say) or could not start: another attempt may succeed. */
		readonly transient = false,
	) {
		super(message)
		this.name = 'RenderFailedError'
	}
}

/** Share of the progress bar for the stills and the loudness measurement; the render takes the rest. */
const PREPARATION_SHARE = 8

export async function renderEdit(request: RenderRequest): Promise<RenderedVideo> {
	const { spec, format, quality, outputPath, signal } = request
	const report = (percent: number) => request.onProgress?.(Math.round(Math.min(100, percent) * 10) / 10)

	const inspected = await inspectMedia(spec, request.mediaPaths)
	const issues = checkMedia(spec, inspected, { maxImageMegapixels: request.maxImageMegapixels ?? 100 })
	if (issues.length > 0) throw new RenderRejectedError(issues)
	const media: RenderMedia = {}
	for (const [id, medium] of Object.entries(inspected)) {
		if (medium.status === 'ok' && medium.probe) media[id] = { path: medium.path, probe: medium.probe }
	}
	const mediaPaths = Object.fromEntries(Object.entries(inspected).flatMap(([id, m]) => (m.status === 'ok' ? [[id, m.path]] : [])))

	const durationSeconds = timelineSeconds(spec)
	const target = renderTarget(format, quality, durationSeconds)
	const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'coop-render-'))
	try {
		const transitions = await transitionEngine()
		// The stills (sharp, Node's threads) and the loudness measurement (an
		// audio-only ffmpeg) need nothing of each other: both cores work at once.
		const [stills, loudness, captionsPath] = await Promise.all([
			prepareStills(spec, mediaPaths, target, workDir),
			hasAudibleSound({ spec, media })
				? planSound({ spec, media, target }, signal, (p) => report((p * PREPARATION_SHARE) / 100))
				: ({ kind: 'silent' } satisfies LoudnessPlan),
			writeCaptions(spec, format, workDir),
		])
		report(PREPARATION_SHARE)
		const plan: RenderPlanInput = { spec, media, stills, target, captionsPath, transitions }

		const render = buildRenderCommand(plan, loudness)
		const { probe, stderrTail } = await renderToFile(render.args, outputPath, {
			expectedSeconds: render.durationSeconds,
			signal,
			onProgress: (p) => report(PREPARATION_SHARE + (p.percent * (100 - PREPARATION_SHARE)) / 100),
			expect: { video: true, audio: true, durationToleranceSeconds: 1 / target.fps + 0.03 },
		}).catch((error: unknown) => {
			throw asRenderFailure(error)
		})
		const sizeBytes = (await fs.stat(outputPath)).size
		if (target.maxBytes && sizeBytes > target.maxBytes) {
			await fs.rm(outputPath, { force: true })
			throw new RenderFailedError('outputTooLarge', `The output is ${sizeBytes} bytes, over the format's ${target.maxBytes}`, '', {
				mb: Math.ceil(sizeBytes / 1024 / 1024),
				maxMb: Math.floor(target.maxBytes / 1024 / 1024),
			})
		}
		report(100)
		return {
			durationSeconds: (probe.durationMs ?? 0) / 1000,
			sizeBytes,
			width: probe.video!.width,
			height: probe.video!.height,
			video: { codec: probe.video!.codec, profile: probe.video!.profile, pixFmt: probe.video!.pixFmt, fps: probe.video!.fps },
			audio: { codec: probe.audio!.codec, sampleRate: probe.audio!.sampleRate, channels: probe.audio!.channels },
			loudness: outputLoudness(loudness, stderrTail),
			transitions: plan.transitions,
		}
	} finally {
		await fs.rm(workDir, { recursive: true, force: true })
	}
}

function outputLoudness(plan: LoudnessPlan, stderrTail: string): RenderedVideo['loudness'] {
	if (plan.kind === 'silent') return null
	if (plan.kind === 'gain') return { integratedLufs: plan.integratedLufs, truePeakDbtp: plan.truePeakDbtp }
	return parseLoudnessResult(stderrTail)
}

/** PlayRes is the full-size format: libass scales a preview down with everything else. */
async function writeCaptions(spec: EditSpec, format: OutputFormatId, workDir: string): Promise<string | undefined> {
	if (!spec.captions?.lines.length) return undefined
	const captionsPath = path.join(workDir, 'captions.ass')
	await fs.writeFile(captionsPath, buildAssSubtitles(spec.captions, OUTPUT_FORMATS[format]))
	return captionsPath
}

/**
 * Measures the mix and decides its loudness: one gain when the peaks allow
 * it, otherwise loudnorm, given its own first pass (only then: it costs three
 * times the measurement).
 */
async function planSound(plan: AudioPlanInput, signal: AbortSignal | undefined, onProgress: (percent: number) => void): Promise<LoudnessPlan> {
	const measured = await analyseSound(plan, 'measure', parseLoudnessMeasurement, signal, onProgress)
	const decision = planLoudness(measured, plan.spec.audio.loudnessLufs)
	if (decision.kind !== 'limit') return decision
	return { kind: 'loudnorm', analysis: await analyseSound(plan, 'loudnorm', parseLoudnormAnalysis, signal, () => {}) }
}

async function analyseSound<T>(
	plan: AudioPlanInput,
	kind: 'measure' | 'loudnorm',
	parse: (stderr: string) => T | null,
	signal: AbortSignal | undefined,
	onProgress: (percent: number) => void,
): Promise<T> {
	const analysis = buildLoudnessAnalysis(plan, kind)
	const { stderrTail } = await runFfmpeg(analysis.args, {
		expectedSeconds: analysis.durationSeconds,
		signal,
		onProgress: (p) => onProgress(p.percent),
	}).catch((error: unknown) => {
		throw asRenderFailure(error)
	})
	const result = parse(stderrTail)
	if (!result) throw new RenderFailedError('ffmpegFailed', `The loudness pass (${kind}) printed no report`, stderrTail)
	return result
}

function asRenderFailure(error: unknown): RenderFailedError {
	if (!(error instanceof FfmpegError)) return new RenderFailedError('ffmpegFailed', String(error))
	const code = error.kind === 'cancelled' ? 'cancelled' : error.kind === 'invalid-output' ? 'outputInvalid' : 'ffmpegFailed'
	const transient = error.kind === 'not-started' || (error.kind === 'failed' && error.exitCode === null)
	return new RenderFailedError(code, error.message, error.stderrTail, {}, transient)
}
