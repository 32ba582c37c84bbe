// The orders list's filters as the address carries them (?state=&source=&from=&to=&q=).
// Pure: the loader reads them, the screen writes them back into its form.

import { isCalendarDay, type Day } from '~/utils/coop-time.ts'
import { normaliseMobile } from '~/live/phones-in-text.ts'
import { isOrderState, ORDER_SOURCES, type OrderSource, type OrderState } from './order-state.ts'

export type OrderFilters = {
	state: OrderState | null
	source: OrderSource | null
	/** Calendar days in the co-op's time zone, both included. */
	from: Day | null
	to: Day | null
	q: string
}

export function readOrderFilters(params: URLSearchParams): OrderFilters {
	const state = params.get('state')
	const source = params.get('source')
	const day = (name: string) => {
		const value = params.get(name)
		return value !== null && isCalendarDay(value) ? value : null
	}
	let from = day('from')
	let to = day('to')
	if (from && to && from > to) [from, to] = [to, from]
	return {
		state: isOrderState(state) ? state : null,
		source: ORDER_SOURCES.find((known) => known === source) ?? null,
		from,
		to,
		q: (params.get('q') ?? '').normalize('NFC').trim().slice(0, 100),
	}
}

export type OrderSearch = { number: number | null; phone: string | null; text: string }

/**
 * What a search box's text may mean: an order number ("42", "ĐH-0042",
 * "DH42"), a phone number in any form, or part of a name.
 */
export function readOrderSearch(q: string): OrderSearch {
	const trimmed = q.trim()
	const numbered = /^(?:[đd]h-?)?0*(\d{1,9})$/i.exec(trimmed)
	return {
		number: numbered ? Number(numbered[1]) : null,
		phone: normaliseMobile(trimmed),
		text: trimmed,
	}
}
