import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { ffprobePath } from '#workers/ffmpeg/binaries.ts'

const execFileAsync = promisify(execFile)

// A phone that stops writing a clip halfway (or an upload cut short and then
// finished by hand) leaves a faststart MP4 whose header still promises the
// whole length: ffprobe's duration is the header's, the bytes end earlier,
// and ffmpeg crashes when a render seeks past them. What counts is how far
// the packets really reach (docs/decisions/130-truncated-media.md).

/** Listing the packets of the last seconds confirms a whole file without reading it all. */
const TAIL_SECONDS = 3
/** A whole file's last packet ends within a frame or two of the header's duration. */
const WHOLE_TOLERANCE_MS = 250

type PacketListing = { lastEndMs: number | null; lastStartByStream: Map<string, number>; partial: boolean }

/**
 * How many milliseconds of the file can be decoded. Reads only the last
 * seconds of a whole file; only a file that turns out short is listed from
 * the start (packets only, nothing decoded, so a 2 GB clip costs one read of
 * its bytes). Returns the header's duration when the file is whole.
 */
export async function measureDecodableMs(filePath: string, headerMs: number): Promise<number> {
	const tail = await listPackets(filePath, Math.max(0, headerMs / 1000 - TAIL_SECONDS))
	if (!tail.partial && tail.lastEndMs !== null && tail.lastEndMs >= headerMs - WHOLE_TOLERANCE_MS) return headerMs
	const whole = await listPackets(filePath, null)
	if (whole.lastStartByStream.size === 0) return 0
	// The last packet read may itself be cut: what decodes for certain ends
	// where each stream's last packet begins, and a render needs every stream.
	return Math.min(headerMs, ...whole.lastStartByStream.values())
}

async function listPackets(filePath: string, fromSeconds: number | null): Promise<PacketListing> {
	const args = ['-v', 'error', '-show_entries', 'packet=stream_index,pts_time,duration_time', '-of', 'csv=p=0']
	if (fromSeconds !== null) args.push('-read_intervals', `${fromSeconds.toFixed(3)}%`)
	const { stdout, stderr } = await execFileAsync(ffprobePath(), [...args, filePath], { timeout: 600_000, maxBuffer: 256 * 1024 * 1024 }).catch(
		(error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? 'ffprobe failed' }),
	)
	let lastEndMs: number | null = null
	const lastStartByStream = new Map<string, number>()
	for (const line of stdout.split('\n')) {
		const [stream, pts, duration] = line.split(',')
		const startMs = Number(pts) * 1000
		if (!stream || !pts || !Number.isFinite(startMs)) continue
		const endMs = startMs + (Number(duration) || 0) * 1000
		lastEndMs = Math.max(lastEndMs ?? 0, endMs)
		lastStartByStream.set(stream, Math.max(lastStartByStream.get(stream) ?? 0, startMs))
	}
	return { lastEndMs, lastStartByStream, partial: /partial file|invalid|error/i.test(stderr) }
}
