// Reading the motions file of ffmpeg's vidstabdetect (libvidstab, text
// format version 1). Each frame lists local motions found in fields of the
// picture:
//   Frame 4 (List 2 [(LM -3 -18 158 47 32 0.646805 0.576172),(LM ...)])
// LM = shift x, shift y, field x, field y, field size, contrast, match.
// The camera's own movement between two frames is the median shift: things
// moving inside the picture (people, leaves) are outvoted by the rest.

export type FrameMotion = { dx: number; dy: number } | null

export function parseVidstabMotions(text: string): FrameMotion[] {
	const motions: FrameMotion[] = []
	for (const row of text.split(/\r?\n/)) {
		const frame = /^Frame\s+(\d+)\s+\(List\s+\d+\s+\[(.*)\]\)/.exec(row)
		if (!frame) continue
		const shifts = [...frame[2].matchAll(/\(LM\s+(-?\d+)\s+(-?\d+)\s/g)].map((m) => [Number(m[1]), Number(m[2])])
		// Frames are numbered from 1; a frame without fields (flat picture, darkness) has no estimate.
		motions[Number(frame[1]) - 1] = shifts.length ? { dx: median(shifts.map((s) => s[0])), dy: median(shifts.map((s) => s[1])) } : null
	}
	return Array.from(motions, (motion) => motion ?? null)
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b)
	const middle = Math.floor(sorted.length / 2)
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
