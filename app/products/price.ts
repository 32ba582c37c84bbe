import { parseVndAmount } from '~/utils/vietnamese.ts'
import { MIN_PRICE_VND } from './schema.ts'

/**
 * On a phone's number pad "k" is hard to reach, so a small bare number
 * ("120") is offered back as the amounts it probably means, the way banking
 * apps do: 120.000, 1.200.000, 12.000.000.
 */
export function priceShortcuts(input: string): number[] {
	const amount = parseVndAmount(input)
	if (amount === null || amount <= 0 || amount >= MIN_PRICE_VND) return []
	// Under 1.000 đồng times 100.000 stays under the 1 billion ceiling: no shortcut is ever too big.
	return [1_000, 10_000, 100_000].map((factor) => amount * factor)
}
