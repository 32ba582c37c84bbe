// Which clicks count (docs/decisions/183-tracked-links.md): a person's click
// counts once per hour per link; the next click counts again exactly one hour
// after the last counted one. Bots never count, and do not move the window.

export const REPEAT_WINDOW_MS = 60 * 60 * 1000

/** True when a click at `at` repeats the visitor's counted click at `lastCountedAt` on the same link. */
export function isRepeat(lastCountedAt: Date | null | undefined, at: Date): boolean {
	if (!lastCountedAt) return false
	const since = at.getTime() - lastCountedAt.getTime()
	return since >= 0 && since < REPEAT_WINDOW_MS
}

export type PendingCount = { key: string; at: Date; bot: boolean }

/**
 * `counted` for each click, in the order given. `lastCounted` holds, per
 * visitor-and-link key, the latest counted click already stored; clicks of
 * the same key within this list are taken in time order.
 */
export function countClicks(pending: readonly PendingCount[], lastCounted: ReadonlyMap<string, Date>): boolean[] {
	const latest = new Map(lastCounted)
	const order = pending.map((_, index) => index).sort((a, b) => pending[a]!.at.getTime() - pending[b]!.at.getTime())
	const counted = new Array<boolean>(pending.length).fill(false)
	for (const index of order) {
		const click = pending[index]!
		if (click.bot || isRepeat(latest.get(click.key), click.at)) continue
		counted[index] = true
		latest.set(click.key, click.at)
	}
	return counted
}
