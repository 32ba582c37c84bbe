// A viewer's pending order as comments arrive, in pure steps: who the viewer
// is, what an order or a cancel does to what they already asked for, whether
// a comment is a repeat, and which products would sell past the stock opened
// for the live (docs/decisions/173-live-comment-ingestion.md).

import { foldForMatching } from '~/utils/vietnamese.ts'
import type { CommentIntent } from './comment-parser.ts'

export type IntentItem = { code: string; qty: number }

/** The same viewer across comments: the platform's id when there is one, else the name as folded (pasted comments). */
export function viewerKeyFor(author: { authorId?: string | null; author: string }): string {
	if (author.authorId) return `id:${author.authorId}`
	return `name:${foldForMatching(author.author)}`
}

/** What a comment does to a viewer's pending items: an order adds, a cancel takes away (all of them when it names none). */
export function applyToItems(pending: IntentItem[], intent: CommentIntent, items: IntentItem[]): IntentItem[] {
	if (intent === 'order') {
		const next = pending.map((item) => ({ ...item }))
		for (const item of items) {
			const found = next.find((existing) => existing.code === item.code)
			if (found) found.qty += item.qty
			else next.push({ code: item.code, qty: item.qty })
		}
		return next
	}
	if (intent === 'cancel') {
		if (items.length === 0) return []
		const cancelled = new Set(items.map((item) => item.code))
		return pending.filter((item) => !cancelled.has(item.code))
	}
	return pending
}

/** The key a repeat is recognised by: "Chốt A1!!" and "chot a1" are the same comment. */
export function repeatKey(text: string): string {
	return foldForMatching(text.replace(/\p{Extended_Pictographic}/gu, ' ')).replace(/[^\p{L}\p{N}+]+/gu, ' ').trim()
}

/** Sums quantities per code over several item lists. */
export function totalsByCode(lists: IntentItem[][]): Map<string, number> {
	const totals = new Map<string, number>()
	for (const list of lists) for (const item of list) totals.set(item.code, (totals.get(item.code) ?? 0) + item.qty)
	return totals
}

export type StockLine = { code: string; stockOpened: number | null; pending: number; confirmed: number; oversold: boolean }

/** Per product of the lineup: asked (pending), sold (confirmed), and whether together they pass the stock opened. */
export function stockLines(lineup: Array<{ code: string; stockOpened: number | null }>, pending: Map<string, number>, confirmed: Map<string, number>): StockLine[] {
	return lineup.map(({ code, stockOpened }) => {
		const asked = pending.get(code) ?? 0
		const sold = confirmed.get(code) ?? 0
		return { code, stockOpened, pending: asked, confirmed: sold, oversold: stockOpened !== null && asked + sold > stockOpened }
	})
}

/** Reads a stored items column defensively: anything that is not a list of {code, qty ≥ 1} is dropped. */
export function readItems(json: string): IntentItem[] {
	let parsed: unknown
	try {
		parsed = JSON.parse(json)
	} catch {
		return []
	}
	if (!Array.isArray(parsed)) return []
	return parsed.flatMap((entry) => {
		const code = (entry as { code?: unknown })?.code
		const qty = (entry as { qty?: unknown })?.qty
		return typeof code === 'string' && typeof qty === 'number' && Number.isInteger(qty) && qty > 0 ? [{ code, qty }] : []
	})
}

/**
 * A comment that is only a phone number ("0912 345 678", "sđt 0912345678 nhé"): when the viewer
 * already asked for something, it gives their number and orders nothing more.
 */
export function isPhoneOnly(text: string): boolean {
	const rest = foldForMatching(text.replace(/\p{Extended_Pictographic}/gu, ' '))
		.replace(/(?:\+?84|0)(?:[ .\-]?\d){8,10}/g, ' ')
		.replace(/\b(sdt|so dt|so dien thoai|dt|so|phone|lien he|cua em|cua e|em|e|day|nha|nhe|a|ah|shop|s|oi|nhe shop)\b/g, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, '')
	return rest === '' && /\d{9}/.test(text.replace(/\D/g, ''))
}
