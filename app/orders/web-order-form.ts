import { normaliseMobile } from '~/live/phones-in-text.ts'

// The public page's order form (issue 12; docs/decisions/185), read on the
// server from a plain HTML form POST: no client script needed. Errors are
// keys of the `shop` namespace (`form.errors.*`); on an error, what the
// person typed comes back so the page shows it again.

export const ORDER_QTY_MIN = 1
export const ORDER_QTY_MAX = 50
export const ORDER_NAME_MAX = 80
export const ORDER_ADDRESS_MIN = 8
export const ORDER_ADDRESS_MAX = 300
export const ORDER_NOTE_MAX = 500

/** The honeypot: a field people never see or hear; a bot that fills every input fills it. */
export const HONEYPOT_FIELD = 'website'

export const WEB_ORDER_FIELDS = ['name', 'phone', 'address', 'qty', 'note', 'payment'] as const
export type WebOrderField = (typeof WEB_ORDER_FIELDS)[number]
export type WebPayment = 'cod' | 'bank-transfer'

export type WebOrder = { name: string; phone: string; address: string; qty: number; note: string; payment: WebPayment }

export type WebOrderReading =
	| { ok: true; order: WebOrder }
	| { ok: false; spam: true }
	| { ok: false; spam: false; errors: Partial<Record<WebOrderField, string>>; typed: Record<WebOrderField, string> }

type FormLike = { get(name: string): unknown }

function text(form: FormLike, name: string): string {
	const value = form.get(name)
	return typeof value === 'string' ? value.normalize('NFC') : ''
}

/** Spaces folded to one and trimmed. */
function tidy(value: string): string {
	return value.replace(/\s+/g, ' ').trim()
}

/**
 * Reads the form. `bankTransfer` says whether the co-op can take transfers
 * (it has a bank account); without it only cash on delivery is accepted.
 */
export function readWebOrderForm(form: FormLike, { bankTransfer }: { bankTransfer: boolean }): WebOrderReading {
	if (text(form, HONEYPOT_FIELD) !== '') return { ok: false, spam: true }
	const typed = Object.fromEntries(WEB_ORDER_FIELDS.map((field) => [field, text(form, field)])) as Record<WebOrderField, string>
	const errors: Partial<Record<WebOrderField, string>> = {}

	const name = tidy(typed.name)
	if (name === '') errors.name = 'form.errors.nameRequired'
	else if (name.length > ORDER_NAME_MAX) errors.name = 'form.errors.nameTooLong'

	const phone = typed.phone.trim() === '' ? null : normaliseMobile(typed.phone)
	if (typed.phone.trim() === '') errors.phone = 'form.errors.phoneRequired'
	else if (!phone) errors.phone = 'form.errors.phoneInvalid'

	const address = tidy(typed.address)
	if (address === '') errors.address = 'form.errors.addressRequired'
	else if (address.length < ORDER_ADDRESS_MIN) errors.address = 'form.errors.addressTooShort'
	else if (address.length > ORDER_ADDRESS_MAX) errors.address = 'form.errors.addressTooLong'

	const qtyText = typed.qty.trim()
	const qty = /^\d{1,6}$/.test(qtyText) ? Number(qtyText) : Number.NaN
	if (!Number.isInteger(qty) || qty < ORDER_QTY_MIN || qty > ORDER_QTY_MAX) errors.qty = 'form.errors.qtyRange'

	const note = typed.note.trim()
	if (note.length > ORDER_NOTE_MAX) errors.note = 'form.errors.noteTooLong'

	const payment = typed.payment === '' ? 'cod' : typed.payment
	if (payment !== 'cod' && !(payment === 'bank-transfer' && bankTransfer)) errors.payment = 'form.errors.paymentInvalid'

	if (Object.keys(errors).length > 0) return { ok: false, spam: false, errors, typed }
	return { ok: true, order: { name, phone: phone!, address, qty, note, payment: payment as WebPayment } }
}
