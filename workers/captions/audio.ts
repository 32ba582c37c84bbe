import path from 'node:path'
import { parseSilenceDetect, speechBetweenSilences, type TimeSpan } from '~/studio/captions/silence.ts'
import { CaptionTimingError } from '~/studio/captions/timing-error.ts'
import { FfmpegError, runFfmpegForLog } from '../ffmpeg/run.ts'

// The sound of the part of a clip that captions are made for. Times in and
// out of these functions are relative to the start of that part.

export type AudioPart = {
	filePath: string
	/** The in point within the file, seconds. */
	inSeconds?: number
	durationSeconds: number
}

const inputArgs = (part: AudioPart) => ['-ss', String(part.inSeconds ?? 0), '-t', String(part.durationSeconds), '-i', part.filePath]

/**
 * Cuts the part into mono 16 kHz MP3 files of at most `chunkSeconds` (32
 * kbit/s: 25 MB, the transcription upload limit, would hold 100 minutes;
 * ten-minute chunks keep each request quick and a retry cheap). Speech
 * recognisers work at 16 kHz, so nothing they use is lost.
 */
export async function extractSpeechAudio(part: AudioPart, outDir: string, { chunkSeconds = 600, signal }: { chunkSeconds?: number; signal?: AbortSignal } = {}) {
	const chunks: { filePath: string; offsetSeconds: number }[] = []
	for (let offset = 0; offset < part.durationSeconds; offset += chunkSeconds) {
		const filePath = path.join(outDir, `speech-${chunks.length}.mp3`)
		const length = Math.min(chunkSeconds, part.durationSeconds - offset)
		await runAudioFfmpeg(
			[...inputArgs({ ...part, inSeconds: (part.inSeconds ?? 0) + offset, durationSeconds: length }), '-map', '0:a:0', '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'libmp3lame', '-b:a', '32k', filePath],
			signal,
		)
		chunks.push({ filePath, offsetSeconds: offset })
	}
	return chunks
}

export type SpeechDetectionOptions = {
	/** Quieter than this counts as silence. Phone recordings outdoors sit around −45 dB between words. */
	noiseDb?: number
	/** A pause must last this long to separate two phrases. */
	minSilenceSeconds?: number
	signal?: AbortSignal
}

/**
 * Stretches where someone (or something) is heard, from ffmpeg's
 * silencedetect. A high-pass filter first removes wind rumble and handling
 * noise below the voice, which would otherwise hide the pauses.
 */
export async function detectSpeech(part: AudioPart, { noiseDb = -32, minSilenceSeconds = 0.3, signal }: SpeechDetectionOptions = {}): Promise<TimeSpan[]> {
	const log = await runAudioFfmpeg(
		[...inputArgs(part), '-map', '0:a:0', '-vn', '-af', `highpass=f=120,silencedetect=noise=${noiseDb}dB:d=${minSilenceSeconds}`, '-f', 'null', '-'],
		signal,
	)
	return speechBetweenSilences(parseSilenceDetect(log, part.durationSeconds), part.durationSeconds)
}

async function runAudioFfmpeg(args: string[], signal?: AbortSignal): Promise<string> {
	try {
		return await runFfmpegForLog(args, { signal })
	} catch (error) {
		// A cancel or a missing ffmpeg stays as it is; ffmpeg failing on this file is the person's to hear about.
		if (!(error instanceof FfmpegError && error.kind === 'failed')) throw error
		if (/matches no streams/.test(error.stderrTail)) throw new CaptionTimingError('noAudio', {}, { cause: error })
		throw new CaptionTimingError('unreadable', {}, { cause: error })
	}
}
