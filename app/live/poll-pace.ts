// How fast to read a live's comments: every second while they flow, slower
// as the live goes quiet, and slower still as Graph's usage headers fill up,
// so that one busy live never locks the co-op's Page out of the API
// (docs/decisions/172-live-comment-polling.md).

export const FAST_MS = 1_000
/** Quiet polls in a row → the wait before the next one. */
const QUIET_STEPS_MS = [1_000, 2_000, 3_000, 5_000, 8_000]
export const QUIET_MAX_MS = 8_000
/** Usage above this share of the quota: wait this long at least. */
const USAGE_FLOORS: Array<[percent: number, ms: number]> = [
	[95, 60_000],
	[85, 20_000],
	[70, 5_000],
]

type HeaderReader = { get(name: string): string | null }

function usageNumbers(entry: unknown): number[] {
	if (!entry || typeof entry !== 'object') return []
	const record = entry as Record<string, unknown>
	return ['call_count', 'total_cputime', 'total_time'].map((name) => Number(record[name])).filter((value) => Number.isFinite(value))
}

/**
 * The fullest of Graph's rate-limit meters, in percent: `x-app-usage` ({call_count, total_cputime,
 * total_time}) and `x-business-use-case-usage` ({"<id>": [{type, call_count, …}]}, Page tokens).
 * Null when neither header is there or readable.
 */
export function graphUsagePercent(headers: HeaderReader): number | null {
	const values: number[] = []
	for (const name of ['x-app-usage', 'x-business-use-case-usage']) {
		const raw = headers.get(name)
		if (!raw) continue
		let parsed: unknown
		try {
			parsed = JSON.parse(raw)
		} catch {
			continue
		}
		if (name === 'x-app-usage') values.push(...usageNumbers(parsed))
		else if (parsed && typeof parsed === 'object') for (const list of Object.values(parsed)) if (Array.isArray(list)) for (const entry of list) values.push(...usageNumbers(entry))
	}
	return values.length > 0 ? Math.max(...values) : null
}

export type PaceInput = {
	/** New comments the last poll brought. */
	newComments: number
	/** Polls in a row that brought nothing, counting the last one. */
	quietPolls: number
	usagePercent: number | null
}

/** The wait before the next poll, in ms. */
export function nextPollDelay({ newComments, quietPolls, usagePercent }: PaceInput): number {
	const pace = newComments > 0 ? FAST_MS : QUIET_STEPS_MS[Math.min(quietPolls, QUIET_STEPS_MS.length - 1)]!
	const floor = USAGE_FLOORS.find(([percent]) => (usagePercent ?? 0) >= percent)?.[1] ?? 0
	return Math.max(pace, floor)
}

/** The wait after a failed poll: what the platform asked for, else doubling from 5 s to 5 minutes. */
export function retryDelay(failuresInARow: number, retryAfterMs: number | null): number {
	const backoff = Math.min(300_000, 5_000 * 2 ** Math.max(0, failuresInARow - 1))
	return retryAfterMs != null ? Math.max(retryAfterMs, FAST_MS) : backoff
}
