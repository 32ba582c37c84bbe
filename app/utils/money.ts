import type { Language } from './i18n-languages.ts'

/** A VND amount the way Vietnamese shoppers read it: 1.250.000 ₫ (VND has no minor unit). */
export function formatVnd(amount: number, lng: Language = 'vi') {
	return new Intl.NumberFormat(lng === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency: 'VND' }).format(amount)
}
