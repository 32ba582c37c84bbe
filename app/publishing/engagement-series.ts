// The geometry of the engagement chart (app/publishing/engagement-chart.tsx):
// snapshots grouped into one line per channel, scaled into an SVG box. Pure,
// so that the server renders the same picture the browser shows.

export const METRICS = ['views', 'likes', 'comments', 'shares'] as const
export type Metric = (typeof METRICS)[number]

/**
 * One snapshot as a loader sends it (takenAt as an ISO string after the trip,
 * a Date before it). Without a channel, the snapshots are one target's and
 * make one line (the post page draws a chart per target that way).
 */
export type ChartSnapshot = {
	takenAt: string | Date
	views: number | null
	likes: number | null
	comments: number | null
	shares: number | null
	source?: string
	targetId?: string
	channelId?: string
	channelName?: string
	platform?: string
}

export type ChannelSeries = {
	channelId: string
	/** Empty for the one line of snapshots that name no channel. */
	channelName: string
	platform: string
	/** Oldest first. */
	snapshots: ChartSnapshot[]
}

/** One line per channel, in the order the channels first appear; each line oldest first. */
export function seriesByChannel(snapshots: ChartSnapshot[]): ChannelSeries[] {
	const byChannel = new Map<string, ChannelSeries>()
	for (const snapshot of snapshots) {
		const channelId = snapshot.channelId ?? ''
		let series = byChannel.get(channelId)
		if (!series) {
			series = { channelId, channelName: snapshot.channelName ?? '', platform: snapshot.platform ?? '', snapshots: [] }
			byChannel.set(channelId, series)
		}
		series.snapshots.push(snapshot)
	}
	for (const series of byChannel.values()) series.snapshots.sort((a, b) => timeOf(a) - timeOf(b))
	return [...byChannel.values()]
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1), so the axis reads in round numbers. */
export function roundCeiling(value: number): number {
	if (value <= 1) return 1
	const power = 10 ** Math.floor(Math.log10(value))
	const step = [1, 2, 5, 10].find((m) => m * power >= value)!
	return step * power
}

export type Box = { width: number; height: number; left: number; right: number; top: number; bottom: number }

export type PlottedLine = { channelId: string; path: string; points: Array<{ x: number; y: number; value: number; time: number }> }

/** A snapshot's moment in ms, whether it came as a Date or as an ISO string. */
export const timeOf = (snapshot: Pick<ChartSnapshot, 'takenAt'>) => new Date(snapshot.takenAt).getTime()

export type Plot = { lines: PlottedLine[]; max: number; from: number; to: number }

/**
 * Scales one metric of every channel into the box: time left to right (a
 * single moment sits in the middle), zero at the bottom and a round maximum
 * at the top. Snapshots without that number are left out of its line.
 */
export function plotMetric(series: ChannelSeries[], metric: Metric, box: Box): Plot {
	const known = series.flatMap((s) => s.snapshots.filter((snapshot) => snapshot[metric] !== null))
	const times = known.map(timeOf)
	const from = times.length ? Math.min(...times) : 0
	const to = times.length ? Math.max(...times) : 0
	const max = roundCeiling(Math.max(0, ...known.map((snapshot) => snapshot[metric]!)))
	const innerWidth = box.width - box.left - box.right
	const innerHeight = box.height - box.top - box.bottom
	const x = (time: number) => round(box.left + (to === from ? innerWidth / 2 : ((time - from) / (to - from)) * innerWidth))
	const y = (value: number) => round(box.top + innerHeight - (value / max) * innerHeight)
	const lines = series
		.map((s) => {
			const points = s.snapshots
				.filter((snapshot) => snapshot[metric] !== null)
				.map((snapshot) => ({ x: x(timeOf(snapshot)), y: y(snapshot[metric]!), value: snapshot[metric]!, time: timeOf(snapshot) }))
			const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ')
			return { channelId: s.channelId, path, points }
		})
		.filter((line) => line.points.length > 0)
	return { lines, max, from, to }
}

/** Which metrics any snapshot has a number for, in the fixed order. */
export function metricsWithNumbers(snapshots: ChartSnapshot[]): Metric[] {
	return METRICS.filter((metric) => snapshots.some((snapshot) => snapshot[metric] !== null))
}

const round = (value: number) => Math.round(value * 10) / 10
