import { describe, expect, it } from 'vitest'
import {
	canMoveOrder,
	countsInRevenue,
	isOrderState,
	nextOrderStates,
	ORDER_STATES,
	orderLabel,
	orderTransferLabel,
	type OrderState,
} from '~/orders/order-state.ts'

describe('order states', () => {
	it('allows exactly the documented moves', () => {
		const allowed: Array<[OrderState, OrderState]> = [
			['new', 'confirmed'],
			['new', 'cancelled'],
			['confirmed', 'shipped'],
			['confirmed', 'cancelled'],
			['shipped', 'done'],
			['shipped', 'cancelled'],
			['cancelled', 'new'],
		]
		for (const from of ORDER_STATES) {
			for (const to of ORDER_STATES) {
				const expected = allowed.some(([a, b]) => a === from && b === to)
				expect(canMoveOrder(from, to), `${from} → ${to}`).toBe(expected)
			}
		}
	})

	it('lists the next states in order, none after done', () => {
		expect(nextOrderStates('new')).toEqual(['confirmed', 'cancelled'])
		expect(nextOrderStates('confirmed')).toEqual(['shipped', 'cancelled'])
		expect(nextOrderStates('shipped')).toEqual(['done', 'cancelled'])
		expect(nextOrderStates('done')).toEqual([])
		expect(nextOrderStates('cancelled')).toEqual(['new'])
	})

	it('recognises states and nothing else', () => {
		expect(ORDER_STATES).toEqual(['new', 'confirmed', 'shipped', 'done', 'cancelled'])
		for (const state of ORDER_STATES) expect(isOrderState(state)).toBe(true)
		expect(isOrderState('paid')).toBe(false)
		expect(isOrderState('')).toBe(false)
		expect(isOrderState(undefined)).toBe(false)
		expect(isOrderState(1)).toBe(false)
	})

	it('keeps cancelled orders out of revenue only', () => {
		expect(countsInRevenue('cancelled')).toBe(false)
		for (const state of ['new', 'confirmed', 'shipped', 'done']) expect(countsInRevenue(state)).toBe(true)
	})

	it('labels order numbers for people and for bank transfers', () => {
		expect(orderLabel(42)).toBe('ĐH-0042')
		expect(orderLabel(12345)).toBe('ĐH-12345')
		expect(orderTransferLabel(7)).toBe('DH0007')
		expect(orderTransferLabel(10001)).toBe('DH10001')
	})
})
