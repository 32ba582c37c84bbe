import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { ffprobePath } from './binaries.ts'

const execFileAsync = promisify(execFile)

export type ProbedMedia = {
	formatName: string
	durationMs: number | null
	sizeBytes: number | null
	video: {
		codec: string
		/** As stored in the file, before rotation. */
		storedWidth: number
		storedHeight: number
		/** As shown: width and height swapped for 90/270° rotation. */
		width: number
		height: number
		/** Degrees clockwise to turn the stored picture to show it upright (0, 90, 180, 270). */
		rotation: number
		fps: number | null
		pixFmt: string | null
		profile: string | null
		frames: number | null
	} | null
	audio: { codec: string; sampleRate: number | null; channels: number | null } | null
}

type FfprobeStream = {
	codec_type?: string
	codec_name?: string
	width?: number
	height?: number
	avg_frame_rate?: string
	r_frame_rate?: string
	pix_fmt?: string
	profile?: string
	nb_frames?: string
	sample_rate?: string
	channels?: number
	duration?: string
	tags?: Record<string, string>
	side_data_list?: { side_data_type?: string; rotation?: number }[]
	disposition?: { attached_pic?: number }
}

type FfprobeOutput = {
	streams?: FfprobeStream[]
	format?: { format_name?: string; duration?: string; size?: string }
}

export class ProbeError extends Error {
	constructor(
		message: string,
		readonly stderr: string,
	) {
		super(message)
	}
}

/** Runs ffprobe on a file and returns what the studio needs to know about it. */
export async function probeFile(filePath: string, { timeoutMs = 60_000 } = {}): Promise<ProbedMedia> {
	try {
		const { stdout } = await execFileAsync(
			ffprobePath(),
			['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', filePath],
			{ timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
		)
		return parseProbeOutput(JSON.parse(stdout) as FfprobeOutput)
	} catch (error) {
		const stderr = (error as { stderr?: string }).stderr ?? String(error)
		throw new ProbeError('ffprobe could not read the file', stderr.slice(-2000))
	}
}

/** Pure translation of ffprobe's JSON; exported for unit tests. */
export function parseProbeOutput(output: FfprobeOutput): ProbedMedia {
	const streams = output.streams ?? []
	// Cover art inside audio files shows up as a video stream; it is not video.
	const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic)
	const audio = streams.find((s) => s.codec_type === 'audio')
	const durationSeconds = Number(output.format?.duration ?? video?.duration ?? audio?.duration)
	return {
		formatName: output.format?.format_name ?? 'unknown',
		durationMs: Number.isFinite(durationSeconds) ? Math.round(durationSeconds * 1000) : null,
		sizeBytes: output.format?.size ? Number(output.format.size) : null,
		video: video ? describeVideo(video) : null,
		audio: audio
			? {
					codec: audio.codec_name ?? 'unknown',
					sampleRate: audio.sample_rate ? Number(audio.sample_rate) : null,
					channels: audio.channels ?? null,
				}
			: null,
	}
}

function describeVideo(stream: FfprobeStream): NonNullable<ProbedMedia['video']> {
	const storedWidth = stream.width ?? 0
	const storedHeight = stream.height ?? 0
	const rotation = readRotation(stream)
	const sideways = rotation === 90 || rotation === 270
	return {
		codec: stream.codec_name ?? 'unknown',
		storedWidth,
		storedHeight,
		width: sideways ? storedHeight : storedWidth,
		height: sideways ? storedWidth : storedHeight,
		rotation,
		fps: parseRate(stream.avg_frame_rate) ?? parseRate(stream.r_frame_rate),
		pixFmt: stream.pix_fmt ?? null,
		profile: stream.profile ?? null,
		frames: stream.nb_frames ? Number(stream.nb_frames) : null,
	}
}

/**
 * Phones record sideways and store a rotation: ffmpeg 4.x exposes it as a
 * `rotate` tag (clockwise), newer builds as display-matrix side data
 * (counter-clockwise, so its sign is flipped here).
 */
export function readRotation(stream: Pick<FfprobeStream, 'tags' | 'side_data_list'>): number {
	const tag = stream.tags?.rotate
	const sideData = stream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation
	const degrees = tag !== undefined ? Number(tag) : sideData !== undefined ? -sideData : 0
	if (!Number.isFinite(degrees)) return 0
	return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360
}

function parseRate(rate: string | undefined): number | null {
	if (!rate) return null
	const [num, den] = rate.split('/').map(Number)
	if (!num || !den) return null
	return Math.round((num / den) * 1000) / 1000
}
