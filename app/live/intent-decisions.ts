// What the console decides about a viewer's pending order before touching
// the database: whether a confirm may go ahead, how two intents merge, what an
// edit may change, the order lines at the lineup's prices, and stock.
// Pure, so that every case is tested; live-console.server.ts applies them.

export type IntentItem = { code: string; qty: number }
export type IntentState = 'pending' | 'confirmed' | 'rejected' | 'merged'

export type IntentSnapshot = { state: string; version: number; decidedByName: string | null }

export type ConfirmDecision =
	| { go: true }
	| { go: false; reason: 'already_confirmed'; by: string | null }
	| { go: false; reason: 'already_decided'; state: string; by: string | null }
	| { go: false; reason: 'changed' }

/**
 * A staff member asks to confirm (or reject, merge, edit) the intent they saw
 * at `seenVersion`. Only a pending intent at that same version goes ahead;
 * otherwise they are told who got there first, or that it changed meanwhile.
 */
export function decideOnIntent(current: IntentSnapshot | null, seenVersion: number): ConfirmDecision {
	if (!current) return { go: false, reason: 'changed' }
	if (current.state === 'confirmed') return { go: false, reason: 'already_confirmed', by: current.decidedByName }
	if (current.state !== 'pending') return { go: false, reason: 'already_decided', state: current.state, by: current.decidedByName }
	if (current.version !== seenVersion) return { go: false, reason: 'changed' }
	return { go: true }
}

/** Reads the stored items JSON; anything malformed is dropped, quantities must be whole and positive, codes upper-case. */
export function parseIntentItems(json: string): IntentItem[] {
	let value: unknown
	try {
		value = JSON.parse(json)
	} catch {
		return []
	}
	if (!Array.isArray(value)) return []
	const items: IntentItem[] = []
	for (const entry of value) {
		const code = typeof entry?.code === 'string' ? entry.code.trim().toUpperCase() : ''
		const qty = entry?.qty
		if (code && Number.isInteger(qty) && qty > 0) items.push({ code, qty })
	}
	return items
}

/** Two intents of one viewer as one: quantities of the same code add up, first-seen order kept. */
export function mergeItems(a: IntentItem[], b: IntentItem[]): IntentItem[] {
	const merged = new Map<string, number>()
	for (const item of [...a, ...b]) merged.set(item.code, (merged.get(item.code) ?? 0) + item.qty)
	return [...merged].map(([code, qty]) => ({ code, qty }))
}

export type LineupItem = { id: string; code: string; name: string; priceVnd: number; productId: string; stockOpened: number | null }
export type PricedLine = { productId: string; code: string; name: string; priceVnd: number; qty: number }

/**
 * Order lines at the lineup's price (the price as sold in this live).
 * Returns the codes not in the lineup instead when there are any.
 */
export function linesAtLineupPrice(items: IntentItem[], lineup: LineupItem[]): { lines: PricedLine[]; unknown: string[] } {
	const byCode = new Map(lineup.map((item) => [item.code.toUpperCase(), item]))
	const unknown = items.filter((item) => !byCode.has(item.code.toUpperCase())).map((item) => item.code)
	if (unknown.length > 0) return { lines: [], unknown }
	const upper = items.map((item) => ({ code: item.code.toUpperCase(), qty: item.qty }))
	const lines = mergeItems(upper, []).map(({ code, qty }) => {
		const item = byCode.get(code)!
		return { productId: item.productId, code: item.code, name: item.name, priceVnd: item.priceVnd, qty }
	})
	return { lines, unknown: [] }
}

export type StockLine = { itemId: string; code: string; sold: number; opened: number | null; left: number | null; oversold: boolean }

/** Sold against opened per lineup item; `oversold` once sold passes what was opened (no limit when none was set). */
export function stockLines(lineup: LineupItem[], soldByCode: Map<string, number>): StockLine[] {
	return lineup.map((item) => {
		const sold = soldByCode.get(item.code) ?? 0
		const opened = item.stockOpened
		return { itemId: item.id, code: item.code, sold, opened, left: opened === null ? null : opened - sold, oversold: opened !== null && sold > opened }
	})
}

/** True when adding `items` to what is sold would pass the stock opened for any product. */
export function wouldOversell(items: IntentItem[], stock: StockLine[]): string[] {
	const byCode = new Map(stock.map((line) => [line.code, line]))
	return mergeItems(items, [])
		.filter(({ code, qty }) => {
			const line = byCode.get(code)
			return line !== undefined && line.opened !== null && line.sold + qty > line.opened
		})
		.map(({ code }) => code)
}

/** Reads an edit form's items: "A1 x2, B3 x1" or one per line "A1 2"; null when any part cannot be read. */
export function parseItemsTyped(text: string): IntentItem[] | null {
	const parts = text.split(/[,;\n]+/).map((part) => part.trim()).filter(Boolean)
	if (parts.length === 0) return null
	const items: IntentItem[] = []
	for (const part of parts) {
		const match = /^([\p{L}\p{N}-]+)\s*(?:x|×|\*)?\s*(\d{1,4})?$/iu.exec(part)
		if (!match) return null
		const qty = match[2] === undefined ? 1 : Number(match[2])
		if (qty <= 0) return null
		items.push({ code: match[1]!.toUpperCase(), qty })
	}
	return mergeItems(items, [])
}

/** The same items written back the way the edit box shows them ("A1 x2, B3 x1"). */
export function itemsTyped(items: IntentItem[]): string {
	return items.map((item) => `${item.code} x${item.qty}`).join(', ')
}

/** Fills {name}, {qty}, {unit}, {product}, {total}, {code}, {phone}; unknown placeholders stay as written. */
export function fillReply(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole))
}
