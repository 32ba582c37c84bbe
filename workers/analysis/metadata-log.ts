// Reading what ffmpeg's `metadata=print:file=...` (and `ametadata`) writes:
//   frame:12   pts:2400    pts_time:2.4
//   lavfi.signalstats.YAVG=124.895
//   lavfi.scene_score=0.012000
// One block per frame. Values such as "-inf" (astats on digital silence)
// become -Infinity; anything unreadable is left out.

export type MetadataFrame = { time: number; values: Record<string, number> }

export function parseMetadataLog(text: string): MetadataFrame[] {
	const frames: MetadataFrame[] = []
	let current: MetadataFrame | null = null
	for (const row of text.split(/\r?\n/)) {
		const header = /^frame:\s*\d+\s+pts:\s*-?\d+\s+pts_time:\s*(-?[\d.]+(?:e[-+]?\d+)?)/.exec(row)
		if (header) {
			current = { time: Number(header[1]), values: {} }
			frames.push(current)
			continue
		}
		const entry = /^([\w.]+)=(.*)$/.exec(row.trim())
		if (!entry || !current) continue
		const value = entry[2].trim().toLowerCase()
		const number = value === '-inf' ? Number.NEGATIVE_INFINITY : value === 'inf' ? Number.POSITIVE_INFINITY : Number(value)
		if (!Number.isNaN(number) && value !== '') current.values[entry[1]] = number
	}
	return frames
}
