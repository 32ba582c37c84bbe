// The states of an order and the moves between them (pure; docs/decisions/182).
//   new → confirmed → shipped → done
//   new | confirmed | shipped → cancelled;  cancelled → new (reopened by mistake)

export const ORDER_STATES = ['new', 'confirmed', 'shipped', 'done', 'cancelled'] as const
export type OrderState = (typeof ORDER_STATES)[number]

export const ORDER_SOURCES = ['web', 'staff', 'webhook', 'live', 'shopee', 'lazada', 'tiktok-shop'] as const
export type OrderSource = (typeof ORDER_SOURCES)[number]

export const MARKETPLACE_SOURCES = ['shopee', 'lazada', 'tiktok-shop'] as const satisfies readonly OrderSource[]

export const STAFF_VIA = ['phone', 'zalo', 'facebook', 'in-person', 'other'] as const
export type StaffVia = (typeof STAFF_VIA)[number]

export const PAYMENTS = ['cod', 'bank-transfer', 'marketplace', 'other'] as const
export type Payment = (typeof PAYMENTS)[number]

const MOVES: Record<OrderState, readonly OrderState[]> = {
	new: ['confirmed', 'cancelled'],
	confirmed: ['shipped', 'cancelled'],
	shipped: ['done', 'cancelled'],
	done: [],
	cancelled: ['new'],
}

export function isOrderState(value: unknown): value is OrderState {
	return typeof value === 'string' && (ORDER_STATES as readonly string[]).includes(value)
}

export function canMoveOrder(from: OrderState, to: OrderState): boolean {
	return MOVES[from].includes(to)
}

export function nextOrderStates(from: OrderState): readonly OrderState[] {
	return MOVES[from]
}

/** Cancelled orders are kept (and shown) but never counted in revenue or order totals. */
export function countsInRevenue(state: string): boolean {
	return state !== 'cancelled'
}

/** "ĐH-0042": how an order number is shown, printed and put in a bank transfer's content. */
export function orderLabel(number: number): string {
	return `ĐH-${String(number).padStart(4, '0')}`
}

/** The same label without diacritics, for a bank transfer's content (VietQR purpose, ASCII only). */
export function orderTransferLabel(number: number): string {
	return `DH${String(number).padStart(4, '0')}`
}
