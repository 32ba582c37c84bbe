import { data, redirect } from '@remix-run/node'
import { findOrderablePage } from '~/products/public-product.server.ts'
import { readWebOrderForm } from './web-order-form.ts'
import { placeWebOrder } from './web-orders.server.ts'

// The answer to an order form posted on a public product or batch page: the
// thank-you page (303), or the page again with what to fix (400, 429), or
// 404 for a page that is gone. A bot that filled the honeypot is shown a
// thank-you without a number, and nothing is saved.

export const RECEIVED_WITHOUT_NUMBER = 'received'

export async function answerWebOrderPost(request: Request, page: { product: string } | { batch: string }, clientAddress: string | undefined) {
	const reading = readWebOrderForm(await request.formData(), { bankTransfer: true })
	if (!reading.ok && reading.spam) {
		const target = await findOrderablePage(page)
		if (!target) throw new Response('Not found', { status: 404 })
		console.warn(`web order: honeypot filled on ${target.slug}; nothing saved`)
		return redirect(`/p/${target.slug}/thanks/${RECEIVED_WITHOUT_NUMBER}`, 303)
	}
	if (!reading.ok) return data({ errors: reading.errors, typed: reading.typed }, { status: 400 })
	const result = await placeWebOrder({
		page,
		order: reading.order,
		cookieHeader: request.headers.get('cookie'),
		clientAddress: clientAddress ?? 'unknown',
	})
	switch (result.outcome) {
		case 'not_found':
			throw new Response('Not found', { status: 404 })
		case 'limited':
			return data({ limited: true, typed: { ...reading.order, qty: String(reading.order.qty) } }, { status: 429 })
		case 'no_bank':
			return data(
				{ errors: { payment: 'form.errors.paymentInvalid' }, typed: { ...reading.order, qty: String(reading.order.qty) } },
				{ status: 400 },
			)
		case 'placed':
			return redirect(`/p/${result.productSlug}/thanks/${result.orderId}`, 303)
	}
}
