import { type ActionFunctionArgs } from '@remix-run/node'
import { receiveWebhookOrder } from '~/orders/order-webhook.server.ts'

// POST /api/orders/webhook/:webhookId: orders from another shop or system
// (docs/webhook.md). No session: the signature is the authorisation, checked
// by the domain against the secret of the co-op that owns this address.

/** A body larger than this is no order. */
const MAX_BODY_BYTES = 256 * 1024

export async function loader() {
	return Response.json({ error: 'POST an order here; see docs/webhook.md' }, { status: 405, headers: { allow: 'POST' } })
}

export async function action({ request, params }: ActionFunctionArgs) {
	if (request.method !== 'POST') return Response.json({ error: 'method not allowed' }, { status: 405, headers: { allow: 'POST' } })
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return Response.json({ error: 'body too large' }, { status: 413 })
	const body = await request.text()
	if (Buffer.byteLength(body) > MAX_BODY_BYTES) return Response.json({ error: 'body too large' }, { status: 413 })
	const answer = await receiveWebhookOrder(params.webhookId ?? '', {
		signature: request.headers.get('x-coopstudio-signature'),
		timestamp: request.headers.get('x-coopstudio-timestamp'),
	}, body)
	return Response.json(answer.body, { status: answer.status })
}
