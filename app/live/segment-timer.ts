// The run sheet's clock: each product has a segment of `segmentSeconds`; the
// console shows the time left in the segment on screen, and the report splits
// the live's timeline into the segments that really happened.

export type SegmentClock = { elapsedSeconds: number; leftSeconds: number; overrunSeconds: number }

/** Time in the current segment: left counts down to 0, then overrun counts up. Before the start, nothing has elapsed. */
export function segmentClock(startedAt: Date | null, segmentSeconds: number, now: Date): SegmentClock {
	const length = Math.max(0, Math.floor(segmentSeconds))
	const elapsed = startedAt ? Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 1000)) : 0
	return { elapsedSeconds: elapsed, leftSeconds: Math.max(0, length - elapsed), overrunSeconds: Math.max(0, elapsed - length) }
}

/** "4:05", "0:09", "1:02:03": minutes and seconds, hours only when needed. */
export function formatClock(totalSeconds: number): string {
	const seconds = Math.max(0, Math.floor(totalSeconds))
	const h = Math.floor(seconds / 3600)
	const m = Math.floor((seconds % 3600) / 60)
	const s = seconds % 60
	const ss = String(s).padStart(2, '0')
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

export type SegmentStart = { itemId: string; startedAt: Date }
export type Segment = { itemId: string; start: Date; end: Date }

/**
 * The segments of a live from when each product went on screen: each lasts
 * until the next one starts, the last until the live ended. Products that
 * never went on screen have no segment; a product put on screen twice keeps
 * only its latest start (what LiveItem.startedAt records).
 */
export function segmentsOf(starts: SegmentStart[], liveEnd: Date): Segment[] {
	const sorted = [...starts].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
	const segments: Segment[] = []
	for (let i = 0; i < sorted.length; i++) {
		const start = sorted[i]!.startedAt
		const end = i + 1 < sorted.length ? sorted[i + 1]!.startedAt : liveEnd
		if (end.getTime() > start.getTime()) segments.push({ itemId: sorted[i]!.itemId, start, end })
	}
	return segments
}
