import fs from 'node:fs/promises'
import { partialPathFor, resolveMediaPath, writeAtomically } from '~/media/storage.server.ts'
import { probeFile, type ProbedMedia } from '#workers/ffmpeg/probe.ts'
import { FfmpegError, runFfmpeg } from '#workers/ffmpeg/run.ts'
import { writeThumbFrom } from './photo.ts'
import { measureDecodableMs } from './decodable.ts'
import { MediaUnreadable } from './unreadable.ts'
import { posterArgs, posterDimensions, posterTimeSeconds, proxyArgs, proxyDimensions, waveformArgs } from './video-commands.ts'

export type TimedMediaKeys = { dir: string; thumb: string; poster: string; videoProxy: string }

export type TimedMediaFacts = {
	kind: 'video' | 'audio'
	/** What really decodes (decisions/130): a file cut short is usable up to there. */
	durationMs: number | null
	/** Set only for a file cut short: the duration its header claims. */
	fullDurationMs: number | null
	width: number | null
	height: number | null
	rotation: number
	videoCodec: string | null
	audioCodec: string | null
	hasAudio: boolean
	fps: number | null
	thumbKey: string
	posterKey: string | null
	proxyKey: string | null
}

type Options = {
	signal?: AbortSignal
	/** 0..1 through the preview encode, the slow part. */
	onProgress?: (fraction: number) => void
}

/**
 * Probes a clip or a sound file and makes what the library shows: for video
 * a poster frame, a thumbnail and the 480p preview proxy; for audio a
 * waveform thumbnail. Whether the file is video or audio is decided here by
 * its streams, whatever the upload guessed from the container.
 */
export async function prepareAudioOrVideo(
	originalPath: string,
	guessedKind: 'video' | 'audio',
	keys: TimedMediaKeys,
	options: Options = {},
): Promise<TimedMediaFacts> {
	const unreadable = guessedKind === 'audio' ? 'corrupt-audio' : 'corrupt-video'
	let header: ProbedMedia
	try {
		header = await probeFile(originalPath)
	} catch (error) {
		throw new MediaUnreadable(unreadable, error)
	}
	const probed = await measureTruncation(originalPath, header)
	if (probed.video && probed.video.width > 0 && probed.video.height > 0) return prepareVideo(originalPath, probed, keys, options)
	if (probed.audio) return prepareAudio(originalPath, probed, keys, options)
	throw new MediaUnreadable(unreadable)
}

async function prepareVideo(originalPath: string, probed: MeasuredMedia, keys: TimedMediaKeys, { signal, onProgress }: Options): Promise<TimedMediaFacts> {
	const video = probed.video!
	const hasAudio = probed.audio !== null
	await ffmpegOrUnreadable('corrupt-video', async () => {
		await writeAtomically(keys.poster, async (tempPath) => {
			await runFfmpeg(
				posterArgs(originalPath, tempPath, { atSeconds: posterTimeSeconds(probed.durationMs), ...posterDimensions(video.width, video.height) }),
				{ signal, logLevel: 'error' },
			)
		})
		await writeThumbFrom(resolveMediaPath(keys.poster), keys.thumb)
		await writeAtomically(keys.videoProxy, async (tempPath) => {
			await runFfmpeg(proxyArgs(originalPath, tempPath, { ...proxyDimensions(video.width, video.height), hasAudio, fps: video.fps }), {
				signal,
				logLevel: 'error',
				expectedSeconds: (probed.durationMs ?? 0) / 1000,
				onProgress: (progress) => probed.durationMs && onProgress?.(progress.percent / 100),
			})
		})
	})
	return {
		kind: 'video',
		durationMs: probed.durationMs,
		fullDurationMs: probed.fullDurationMs,
		width: video.width,
		height: video.height,
		rotation: video.rotation,
		videoCodec: video.codec,
		audioCodec: probed.audio?.codec ?? null,
		hasAudio,
		fps: video.fps,
		thumbKey: keys.thumb,
		posterKey: keys.poster,
		proxyKey: keys.videoProxy,
	}
}

async function prepareAudio(originalPath: string, probed: MeasuredMedia, keys: TimedMediaKeys, { signal }: Options): Promise<TimedMediaFacts> {
	const waveformPath = partialPathFor(`${keys.dir}/waveform.png`)
	await ffmpegOrUnreadable('corrupt-audio', async () => {
		try {
			await runFfmpeg(waveformArgs(originalPath, waveformPath), { signal, logLevel: 'error' })
			await writeThumbFrom(waveformPath, keys.thumb)
		} finally {
			await fs.rm(waveformPath, { force: true })
		}
	})
	return {
		kind: 'audio',
		durationMs: probed.durationMs,
		fullDurationMs: probed.fullDurationMs,
		width: null,
		height: null,
		rotation: 0,
		videoCodec: null,
		audioCodec: probed.audio!.codec,
		hasAudio: true,
		fps: null,
		thumbKey: keys.thumb,
		posterKey: null,
		proxyKey: null,
	}
}

type MeasuredMedia = ProbedMedia & { fullDurationMs: number | null }

/** Less than this decodes: nothing worth keeping. */
const MIN_USABLE_MS = 1000
/** Shorter losses (the last frame or two) are clamped silently, never announced. */
const NOTICEABLE_LOSS_MS = 500

/** Replaces the header's duration by what decodes; a file with almost nothing left is unreadable. */
async function measureTruncation(originalPath: string, probed: ProbedMedia): Promise<MeasuredMedia> {
	if (probed.durationMs === null) return { ...probed, fullDurationMs: null }
	const decodableMs = Math.round(await measureDecodableMs(originalPath, probed.durationMs))
	if (decodableMs < MIN_USABLE_MS) throw new MediaUnreadable('truncated')
	const fullDurationMs = probed.durationMs - decodableMs >= NOTICEABLE_LOSS_MS ? probed.durationMs : null
	return { ...probed, durationMs: decodableMs, fullDurationMs }
}

/** ffmpeg failing to decode what ffprobe accepted means a damaged file; anything else (cancel, no ffmpeg, disk) is retried. */
async function ffmpegOrUnreadable(code: 'corrupt-video' | 'corrupt-audio', work: () => Promise<void>) {
	try {
		await work()
	} catch (error) {
		if (error instanceof FfmpegError && error.kind === 'failed') throw new MediaUnreadable(code, error)
		throw error
	}
}
