import { formatVnd } from '~/utils/money.ts'

/** "120.000 ₫", or "120.000 ₫ / hộp 100g" with a unit. */
export function priceLabel(priceVnd: number, unit?: string): string {
	const price = formatVnd(priceVnd, 'vi')
	return unit ? `${price} / ${unit}` : price
}
