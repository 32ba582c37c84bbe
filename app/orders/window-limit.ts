// A fixed-window counter per key (the webhook's rate limit per webhookId).
// Pure: the caller passes the time. In the web process's memory, as the
// sign-in limits are (docs/decisions/126): one web process takes the webhook.

export class WindowLimit {
	private readonly windows = new Map<string, { start: number; count: number }>()

	constructor(
		readonly limit: number,
		readonly windowMs: number,
	) {}

	/** Counts one request for `key`; false when the key has used up its window. */
	take(key: string, nowMs: number): boolean {
		const window = this.windows.get(key)
		if (!window || nowMs - window.start >= this.windowMs) {
			this.forgetOld(nowMs)
			this.windows.set(key, { start: nowMs, count: 1 })
			return true
		}
		if (window.count >= this.limit) return false
		window.count++
		return true
	}

	/** Keys seen in the current window (bounded memory under many keys). */
	get size(): number {
		return this.windows.size
	}

	private forgetOld(nowMs: number) {
		for (const [key, window] of this.windows) if (nowMs - window.start >= this.windowMs) this.windows.delete(key)
	}
}
