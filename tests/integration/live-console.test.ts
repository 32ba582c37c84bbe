import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { callRoute, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'
import { setOnScreen } from '~/live/live-console.server.ts'
import { addLineupItem, createSession, moveLive, updateLineupItem } from '~/live/sessions.server.ts'
import * as consoleRoute from '~/routes/live.$sessionId_.console.tsx'
import * as sheetRoute from '~/routes/live.$sessionId.tsx'
import * as reportRoute from '~/routes/live.$sessionId_.report.tsx'
import * as listRoute from '~/routes/live._index.tsx'
import * as newRoute from '~/routes/live.new.tsx'
import * as overlayRoute from '~/routes/overlay.$token.tsx'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { addMember, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'

// The live console through its routes, as two staff members on two phones
// would use it: real SQLite, real Redis events, real orders.

let server: http.Server
let base: string
let closeOverlayStreams: () => void

beforeAll(async () => {
	process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('hex')
	process.env.EVENTS_HEARTBEAT_MS = '300'
	resetEnvForTests()
	const overlay = await import('../../server/overlay-events.ts')
	closeOverlayStreams = overlay.closeOverlayStreams
	const app = express()
	app.use(overlay.overlayRouter())
	server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
	closeOverlayStreams()
	await new Promise((resolve) => server.close(resolve))
	await closeEventBus()
})

const db = () => getDb()

/** A co-op with an owner and an editor, two products, and a live running with both on its lineup (A1 at a live price). */
async function liveWorld() {
	const { user: owner, coop } = await createUserWithCoop({ name: 'Chị Lan' })
	const { user: editor } = await addMember(coop.id, { role: 'editor', name: 'Anh Minh' })
	const a1 = await createTestProduct(coop.id, { code: 'A1', name: 'Chè Shan tuyết', priceVnd: 120_000, unit: 'hộp' })
	const b2 = await createTestProduct(coop.id, { code: 'B2', name: 'Miến dong', priceVnd: 45_000, unit: 'gói' })
	const session = await createSession(coop.id, owner.id, { title: 'Live chè tối thứ bảy', platform: 'other' })
	await addLineupItem(coop.id, session.id, a1.id)
	await addLineupItem(coop.id, session.id, b2.id)
	const items = await db().liveItem.findMany({ where: { sessionId: session.id }, orderBy: { position: 'asc' } })
	await updateLineupItem(coop.id, session.id, items[0]!.id, { priceVnd: 110_000, stockOpened: 3, segmentMinutes: 5, talkingPoints: '' })
	await moveLive(coop.id, session.id, 'start')
	const ownerCookie = await sessionCookie(owner.id, { activeCoopId: coop.id })
	const editorCookie = await sessionCookie(editor.id, { activeCoopId: coop.id })
	return { coop, owner, editor, session, items, ownerCookie, editorCookie }
}

async function addIntent(sessionId: string, fields: { viewerKey?: string; viewerName?: string; items: Array<{ code: string; qty: number }>; phone?: string | null; at?: Date }) {
	const at = fields.at ?? new Date()
	const session = await db().liveSession.findUniqueOrThrow({ where: { id: sessionId } })
	const comment = await db().liveComment.create({
		data: {
			sessionId,
			coopId: session.coopId,
			externalId: crypto.randomUUID(),
			author: fields.viewerName ?? 'Chị Hoa',
			text: `chốt ${fields.items.map((i) => `${i.code} ${i.qty}`).join(' ')} ${fields.phone ?? ''}`,
			at,
			intent: 'order',
			parsed: JSON.stringify({ intent: 'order', items: fields.items, phone: fields.phone ?? null }),
		},
	})
	return db().liveOrderIntent.create({
		data: {
			sessionId,
			viewerKey: fields.viewerKey ?? 'hoa',
			viewerName: fields.viewerName ?? 'Chị Hoa',
			commentIds: JSON.stringify([comment.id]),
			items: JSON.stringify(fields.items),
			phone: fields.phone === undefined ? '0912345678' : fields.phone,
			createdAt: at,
		},
	})
}

const path = (sessionId: string, tail = '') => `/live/${sessionId}${tail}`
function consolePost(sessionId: string, cookie: string, fields: Record<string, string>) {
	const request = postRequest(path(sessionId, '/console'), fields, cookie)
	request.headers.set('origin', 'http://localhost')
	return callRoute(consoleRoute.action as never, request, { sessionId })
}
type Outcome = { outcome: { ok: boolean; reason?: string; by?: string | null; orderNumber?: number; oversold?: string[] } }

describe('confirming orders', () => {
	test('two staff confirm the same order at once: exactly one order, the other is told who did', async () => {
		const world = await liveWorld()
		const intent = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 2 }, { code: 'B2', qty: 1 }], viewerName: 'Chị Hoa' })
		const fields = { intent: 'confirm', intentId: intent.id, version: '0' }
		const [one, two] = await Promise.all([consolePost(world.session.id, world.ownerCookie, fields), consolePost(world.session.id, world.editorCookie, fields)])
		const outcomes = [one, two].map((answer) => (answer.data as Outcome).outcome)
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
		const refused = outcomes.find((o) => !o.ok)!
		expect(refused.reason).toBe('already_confirmed')
		const winner = outcomes[0]!.ok ? 'Chị Lan' : 'Anh Minh'
		expect(refused.by).toBe(winner)

		const orders = await db().order.findMany({ where: { coopId: world.coop.id }, include: { lines: { orderBy: { code: 'asc' } } } })
		expect(orders).toHaveLength(1)
		expect(orders[0]).toMatchObject({ source: 'live', liveSessionId: world.session.id, externalId: intent.id, customerName: 'Chị Hoa', customerPhone: '0912345678', totalVnd: 265_000 })
		// The live's price (110 000), not the catalogue's (120 000).
		expect(orders[0]!.lines.map((l) => [l.code, l.priceVnd, l.qty, l.unit])).toEqual([
			['A1', 110_000, 2, 'hộp'],
			['B2', 45_000, 1, 'gói'],
		])
		const after = await db().liveOrderIntent.findUniqueOrThrow({ where: { id: intent.id } })
		expect(after).toMatchObject({ state: 'confirmed', orderId: orders[0]!.id, version: 1 })

		// A third tap, even with the new version, changes nothing.
		const again = await consolePost(world.session.id, world.ownerCookie, { intent: 'confirm', intentId: intent.id, version: '1' })
		expect((again.data as Outcome).outcome).toMatchObject({ ok: false, reason: 'already_confirmed' })
		expect(await db().order.count({ where: { coopId: world.coop.id } })).toBe(1)

		// The console shows it decided, by whom, with the order; nothing pending.
		const view = await callRoute(consoleRoute.loader as never, getRequest(path(world.session.id, '/console'), world.editorCookie), { sessionId: world.session.id })
		const data = view.data as Awaited<ReturnType<typeof consoleRoute.loader>>
		expect(data.pending).toEqual([])
		expect(data.decided[0]).toMatchObject({ id: intent.id, state: 'confirmed', decidedBy: winner, order: { number: orders[0]!.number } })
		expect(data.stock.find((s) => s.code === 'A1')).toMatchObject({ sold: 2, opened: 3, oversold: false })
	})

	test('confirming past the stock opened still makes the order and warns', async () => {
		const world = await liveWorld()
		const first = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 2 }], viewerKey: 'hoa' })
		const second = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 2 }], viewerKey: 'mai', viewerName: 'Mai' })
		expect((await consolePost(world.session.id, world.ownerCookie, { intent: 'confirm', intentId: first.id, version: '0' })).data).toMatchObject({ outcome: { ok: true, oversold: [] } })
		expect((await consolePost(world.session.id, world.ownerCookie, { intent: 'confirm', intentId: second.id, version: '0' })).data).toMatchObject({ outcome: { ok: true, oversold: ['A1'] } })
		const view = await callRoute(consoleRoute.loader as never, getRequest(path(world.session.id, '/console'), world.ownerCookie), { sessionId: world.session.id })
		expect((view.data as Awaited<ReturnType<typeof consoleRoute.loader>>).stock[0]).toMatchObject({ code: 'A1', sold: 4, opened: 3, left: -1, oversold: true })
	})

	test('a code missing from the lineup is refused and the intent stays pending', async () => {
		const world = await liveWorld()
		const intent = await addIntent(world.session.id, { items: [{ code: 'Z9', qty: 1 }] })
		const answer = await consolePost(world.session.id, world.ownerCookie, { intent: 'confirm', intentId: intent.id, version: '0' })
		expect((answer.data as Outcome).outcome).toEqual({ ok: false, reason: 'unknown_codes', codes: ['Z9'] })
		expect(await db().liveOrderIntent.findUniqueOrThrow({ where: { id: intent.id } })).toMatchObject({ state: 'pending', version: 0 })
		expect(await db().order.count({ where: { coopId: world.coop.id } })).toBe(0)
	})
})

describe('merge, edit, reject', () => {
	test('two intents of one viewer merge into one; the merged one leaves the pending list', async () => {
		const world = await liveWorld()
		const a = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 1 }], phone: null })
		const b = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 1 }, { code: 'B2', qty: 2 }], phone: '0987654321' })
		const view = await callRoute(consoleRoute.loader as never, getRequest(path(world.session.id, '/console'), world.ownerCookie), { sessionId: world.session.id })
		const pending = (view.data as Awaited<ReturnType<typeof consoleRoute.loader>>).pending
		expect(pending).toHaveLength(1)
		expect(pending[0]!.intents.map((i) => i.id)).toEqual([a.id, b.id])

		const merged = await consolePost(world.session.id, world.ownerCookie, { intent: 'merge', keepId: a.id, keepVersion: '0', otherId: b.id, otherVersion: '0' })
		expect((merged.data as Outcome).outcome).toEqual({ ok: true })
		const kept = await db().liveOrderIntent.findUniqueOrThrow({ where: { id: a.id } })
		expect(JSON.parse(kept.items)).toEqual([{ code: 'A1', qty: 2 }, { code: 'B2', qty: 2 }])
		expect(kept).toMatchObject({ state: 'pending', phone: '0987654321', version: 1 })
		expect(JSON.parse(kept.commentIds)).toHaveLength(2)
		expect(await db().liveOrderIntent.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ state: 'merged', decidedById: world.owner.id })

		// A stale merge (versions seen before) is refused.
		const stale = await consolePost(world.session.id, world.editorCookie, { intent: 'merge', keepId: a.id, keepVersion: '0', otherId: b.id, otherVersion: '0' })
		expect((stale.data as Outcome).outcome.ok).toBe(false)
	})

	test('intents of two viewers do not merge', async () => {
		const world = await liveWorld()
		const a = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 1 }], viewerKey: 'hoa' })
		const b = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 1 }], viewerKey: 'mai' })
		const answer = await consolePost(world.session.id, world.ownerCookie, { intent: 'merge', keepId: a.id, keepVersion: '0', otherId: b.id, otherVersion: '0' })
		expect((answer.data as Outcome).outcome).toEqual({ ok: false, reason: 'not_same_viewer' })
		expect(await db().liveOrderIntent.count({ where: { sessionId: world.session.id, state: 'pending' } })).toBe(2)
	})

	test('edit changes items, quantities, phone and name; a confirm at the old version is refused', async () => {
		const world = await liveWorld()
		const intent = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 1 }], phone: null, viewerName: 'hoa' })
		const bad = await consolePost(world.session.id, world.ownerCookie, { intent: 'edit', intentId: intent.id, version: '0', items: 'B2 x3', phone: '123', name: 'Chị Hoa' })
		expect((bad.data as Outcome).outcome).toEqual({ ok: false, reason: 'bad_phone' })
		const edited = await consolePost(world.session.id, world.ownerCookie, { intent: 'edit', intentId: intent.id, version: '0', items: 'b2 x3, A1 1', phone: '+84 912 000 111', name: 'Chị Hoa' })
		expect((edited.data as Outcome).outcome).toEqual({ ok: true })
		expect(await db().liveOrderIntent.findUniqueOrThrow({ where: { id: intent.id } })).toMatchObject({
			items: JSON.stringify([{ code: 'B2', qty: 3 }, { code: 'A1', qty: 1 }]),
			phone: '0912000111',
			viewerName: 'Chị Hoa',
			version: 1,
		})
		const stale = await consolePost(world.session.id, world.editorCookie, { intent: 'confirm', intentId: intent.id, version: '0' })
		expect((stale.data as Outcome).outcome).toEqual({ ok: false, reason: 'changed' })
		const fresh = await consolePost(world.session.id, world.editorCookie, { intent: 'confirm', intentId: intent.id, version: '1' })
		expect((fresh.data as Outcome).outcome.ok).toBe(true)
		const order = await db().order.findFirstOrThrow({ where: { coopId: world.coop.id }, include: { lines: true } })
		expect(order).toMatchObject({ customerName: 'Chị Hoa', customerPhone: '0912000111', totalVnd: 3 * 45_000 + 110_000 })
	})

	test('reject: no order, and a later confirm is told it was handled', async () => {
		const world = await liveWorld()
		const intent = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 1 }] })
		expect((await consolePost(world.session.id, world.editorCookie, { intent: 'reject', intentId: intent.id, version: '0' })).data).toEqual({ outcome: { ok: true } })
		const late = await consolePost(world.session.id, world.ownerCookie, { intent: 'confirm', intentId: intent.id, version: '0' })
		expect((late.data as Outcome).outcome).toEqual({ ok: false, reason: 'already_decided', state: 'rejected', by: 'Anh Minh' })
		expect(await db().order.count({ where: { coopId: world.coop.id } })).toBe(0)
	})

	test('a viewer may read the console but not act on it', async () => {
		const world = await liveWorld()
		const { user: viewer } = await addMember(world.coop.id, { role: 'viewer' })
		const cookie = await sessionCookie(viewer.id, { activeCoopId: world.coop.id })
		const intent = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 1 }] })
		expect((await callRoute(consoleRoute.loader as never, getRequest(path(world.session.id, '/console'), cookie), { sessionId: world.session.id })).status).toBe(200)
		expect((await consolePost(world.session.id, cookie, { intent: 'confirm', intentId: intent.id, version: '0' })).status).toBe(403)
		expect(await db().order.count({ where: { coopId: world.coop.id } })).toBe(0)
	})
})

describe('another co-op', () => {
	test('its member gets 404 on every page and action of this live', async () => {
		const world = await liveWorld()
		const intent = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 1 }] })
		const { user: stranger, coop: theirs } = await createUserWithCoop()
		const cookie = await sessionCookie(stranger.id, { activeCoopId: theirs.id })
		const params = { sessionId: world.session.id }
		expect((await callRoute(sheetRoute.loader as never, getRequest(path(world.session.id), cookie), params)).status).toBe(404)
		expect((await callRoute(consoleRoute.loader as never, getRequest(path(world.session.id, '/console'), cookie), params)).status).toBe(404)
		expect((await callRoute(reportRoute.loader as never, getRequest(path(world.session.id, '/report'), cookie), params)).status).toBe(404)
		expect((await consolePost(world.session.id, cookie, { intent: 'confirm', intentId: intent.id, version: '0' })).status).toBe(404)
		expect((await consolePost(world.session.id, cookie, { intent: 'onScreen', itemId: world.items[1]!.id })).status).toBe(404)
		const rotate = postRequest(path(world.session.id), { intent: 'rotateOverlay' }, cookie)
		expect((await callRoute(sheetRoute.action as never, rotate, params)).status).toBe(404)
		const list = await callRoute(listRoute.loader as never, getRequest('/live', cookie))
		expect(JSON.stringify(list.data)).not.toContain(world.session.id)
		expect(await db().order.count({ where: { coopId: world.coop.id } })).toBe(0)
		expect(await db().liveOrderIntent.findUniqueOrThrow({ where: { id: intent.id } })).toMatchObject({ state: 'pending' })
	})
})

describe('run sheet', () => {
	test('plan a live, fill its lineup, talking points and checklist, then start it', async () => {
		const { user, coop } = await createUserWithCoop()
		const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
		const product = await createTestProduct(coop.id, { code: 'A1', name: 'Chè Shan tuyết', priceVnd: 120_000, unit: 'hộp', growingArea: 'Suối Giàng', certifications: ['vietgap'] })
		const created = await callRoute(newRoute.action as never, postRequest('/live/new', { title: 'Live tối nay', day: '2026-12-20', time: '20:30', platform: 'other' }, cookie))
		expect(created.status).toBe(302)
		const sessionId = created.location!.split('/').pop()!
		const row = await db().liveSession.findUniqueOrThrow({ where: { id: sessionId } })
		// 20:30 in Hà Nội is 13:30 UTC.
		expect(row.scheduledAt?.toISOString()).toBe('2026-12-20T13:30:00.000Z')
		expect(await db().trackedLink.findUniqueOrThrow({ where: { liveSessionId: sessionId } })).toMatchObject({ kind: 'live', coopId: coop.id })

		const act = (fields: Record<string, string>) => callRoute(sheetRoute.action as never, postRequest(path(sessionId), fields, cookie), { sessionId })
		await act({ intent: 'addItem', productId: product.id })
		const item = await db().liveItem.findFirstOrThrow({ where: { sessionId } })
		expect(item).toMatchObject({ code: 'A1', priceVnd: 120_000, stockOpened: null, segmentSeconds: 300 })
		expect((await act({ intent: 'talkingPoints', itemId: item.id })).status).toBe(302)
		const points = (await db().liveItem.findUniqueOrThrow({ where: { id: item.id } })).talkingPoints
		expect(points).toContain('Trồng ở Suối Giàng')
		expect(points).toContain('Chứng nhận: VietGAP')
		await act({ intent: 'updateItem', itemId: item.id, priceVnd: '99000', stockOpened: '20', segmentMinutes: '2.5', talkingPoints: points })
		expect(await db().liveItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ priceVnd: 99_000, stockOpened: 20, segmentSeconds: 150 })
		await act({ intent: 'checklistToggle', id: 'sound', done: 'true' })
		await act({ intent: 'checklistAdd', label: 'Sạc điện thoại' })

		const sheet = await callRoute(sheetRoute.loader as never, getRequest(path(sessionId), cookie), { sessionId })
		const data = sheet.data as Awaited<ReturnType<typeof sheetRoute.loader>>
		expect(data.session.checklist.map((c) => [c.id === 'sound' ? 'sound' : c.label, c.done])).toEqual([
			['live:checklist.light', false],
			['sound', true],
			['live:checklist.priceBoard', false],
			['live:checklist.paymentQr', false],
			['Sạc điện thoại', false],
		])
		expect(data.link.url).toMatch(/^http:\/\/localhost\/l\/[a-z0-9]{6}$/)
		expect(data.link.qrSvg).toContain('<svg')

		const started = await act({ intent: 'start' })
		expect(started.location).toBe(`/live/${sessionId}/console`)
		expect(await db().liveSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ state: 'live', onScreenItemId: item.id })
		expect((await act({ intent: 'start' })).status).toBe(409)
	})
})

describe('overlay', () => {
	test('a wrong or rotated token answers 404; the view carries only public fields', async () => {
		const world = await liveWorld()
		const confirmed = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 2 }], viewerName: 'Chị Hương Lan', phone: '0912345678' })
		await consolePost(world.session.id, world.ownerCookie, { intent: 'confirm', intentId: confirmed.id, version: '0' })

		const rotate = () => callRoute(sheetRoute.action as never, postRequest(path(world.session.id), { intent: 'rotateOverlay' }, world.ownerCookie), { sessionId: world.session.id })
		const first = (await rotate()).data as { overlayUrl: string }
		const token = first.overlayUrl.split('/').pop()!
		// Kept encrypted, so staff can copy the link again.
		const sheet = await callRoute(sheetRoute.loader as never, getRequest(path(world.session.id), world.ownerCookie), { sessionId: world.session.id })
		expect((sheet.data as Awaited<ReturnType<typeof sheetRoute.loader>>).session.overlayUrl).toBe(first.overlayUrl)
		const row = await db().liveSession.findUniqueOrThrow({ where: { id: world.session.id } })
		expect(row.overlayTokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'))
		expect(row.overlayToken).not.toContain(token)

		const page = await callRoute(overlayRoute.loader as never, getRequest(`/overlay/${token}?size=landscape`), { token })
		expect(page.status).toBe(200)
		const { view, size } = page.data as Awaited<ReturnType<typeof overlayRoute.loader>>
		expect(size).toBe('landscape')
		expect(Object.keys(view).sort()).toEqual(['product', 'qr', 'state', 'stock', 'ticker'])
		expect(view.product).toEqual({ code: 'A1', name: 'Chè Shan tuyết', priceVnd: 110_000, unit: 'hộp', hasPhoto: false })
		expect(view.stock).toEqual({ sold: 2, opened: 3 })
		expect(view.ticker).toEqual([{ key: confirmed.id.slice(-8), buyer: 'Chị H***', qty: 2, unit: 'hộp', code: 'A1' }])
		expect(view.qr?.kind).toBe('link')
		const text = JSON.stringify(page.data)
		for (const secret of ['0912345678', 'Hương', world.session.id, world.coop.id, world.owner.id, world.items[0]!.productId]) expect(text).not.toContain(secret)

		expect((await callRoute(overlayRoute.loader as never, getRequest('/overlay/not-the-right-token-at-all'), { token: 'not-the-right-token-at-all' })).status).toBe(404)
		expect((await fetch(`${base}/overlay/not-the-right-token-at-all/state`)).status).toBe(404)
		expect((await fetch(`${base}/overlay/not-the-right-token-at-all/events`)).status).toBe(404)
		const state = await fetch(`${base}/overlay/${token}/state`)
		expect(state.status).toBe(200)
		const fromState = (await state.json()) as typeof view
		// The same view; only the QR's address follows the host that asked.
		expect({ ...fromState, qr: null }).toEqual({ ...view, qr: null })
		expect(fromState.qr!.text.replace(/^http:\/\/[^/]+/, '')).toBe(view.qr!.text.replace(/^http:\/\/[^/]+/, ''))

		await rotate()
		expect((await callRoute(overlayRoute.loader as never, getRequest(`/overlay/${token}`), { token })).status).toBe(404)
		expect((await fetch(`${base}/overlay/${token}/state`)).status).toBe(404)
	})

	test('with the co-op\'s bank account the overlay QR is a VietQR transfer naming the product on screen', async () => {
		const world = await liveWorld()
		await db().coop.update({ where: { id: world.coop.id }, data: { bankBin: '970436', bankAccount: '0011004455667', bankAccountName: 'HTX CHE SUOI GIANG' } })
		const { overlayView } = await import('~/live/overlay.server.ts')
		const { crc16CcittFalse } = await import('~/orders/vietqr.ts')
		const view = await overlayView(world.session.id, 'http://coop.example')
		expect(view.qr?.kind).toBe('vietqr')
		const payload = view.qr!.text
		expect(payload).toContain('970436')
		expect(payload).toContain('0011004455667')
		expect(payload).toContain('LIVE A1')
		expect(payload.slice(-4)).toBe(crc16CcittFalse(payload.slice(0, -4)))
		expect(view.qr!.svg).toContain('<svg')
	})

	test('the overlay stream sends the new product on screen when the console switches it', async () => {
		const world = await liveWorld()
		const rotated = await callRoute(sheetRoute.action as never, postRequest(path(world.session.id), { intent: 'rotateOverlay' }, world.ownerCookie), { sessionId: world.session.id })
		const token = (rotated.data as { overlayUrl: string }).overlayUrl.split('/').pop()!
		const controller = new AbortController()
		const response = await fetch(`${base}/overlay/${token}/events`, { signal: controller.signal })
		expect(response.headers.get('content-type')).toContain('text/event-stream')
		let text = ''
		const reading = (async () => {
			const reader = response.body!.getReader()
			const decoder = new TextDecoder()
			try {
				for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true })
			} catch {
				// aborted below
			}
		})()
		const messages = () => [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as { type: string; view: { product: { code: string } | null } })
		const until = async (check: () => boolean, what: string) => {
			for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50))
			if (!check()) throw new Error(`${what} did not arrive; received: ${text}`)
		}
		await until(() => messages().some((m) => m.type === 'hello'), 'the first view')
		expect(messages()[0]!.view.product?.code).toBe('A1')

		// Another co-op's events and another session's never reach this stream.
		await setOnScreen(world.coop.id, world.session.id, world.items[1]!.id)
		await until(() => messages().some((m) => m.type === 'live.session.updated'), 'the on-screen change')
		const change = messages().find((m) => m.type === 'live.session.updated')!
		expect(change.view.product?.code).toBe('B2')
		expect(text).not.toContain(world.items[1]!.id)
		controller.abort()
		await reading
	})
})

describe('report', () => {
	test('orders, revenue, per-minute timeline, conversion and leftovers with a phone', async () => {
		const world = await liveWorld()
		const started = (await db().liveSession.findUniqueOrThrow({ where: { id: world.session.id } })).startedAt!
		const at = (s: number) => new Date(started.getTime() + s * 1000)
		const sold = await addIntent(world.session.id, { items: [{ code: 'A1', qty: 2 }], at: at(30) })
		await addIntent(world.session.id, { items: [{ code: 'A1', qty: 1 }], viewerKey: 'mai', viewerName: 'Mai', phone: '0987654321', at: at(70) })
		await addIntent(world.session.id, { items: [{ code: 'B2', qty: 1 }], viewerKey: 'x', viewerName: 'Khách', phone: null, at: at(80) })
		await consolePost(world.session.id, world.ownerCookie, { intent: 'confirm', intentId: sold.id, version: '0' })
		await db().liveSession.update({ where: { id: world.session.id }, data: { state: 'ended', endedAt: at(150) } })

		const answer = await callRoute(reportRoute.loader as never, getRequest(path(world.session.id, '/report'), world.editorCookie), { sessionId: world.session.id })
		const report = answer.data as Awaited<ReturnType<typeof reportRoute.loader>>
		expect(report).toMatchObject({ orders: 1, revenueVnd: 220_000, comments: 3 })
		expect(report.top).toEqual([{ code: 'A1', name: 'Chè Shan tuyết', qty: 2, revenueVnd: 220_000 }])
		expect(report.timeline.minutes).toEqual([
			{ minute: 0, comments: 1, orders: 1 },
			{ minute: 1, comments: 2, orders: 0 },
			{ minute: 2, comments: 0, orders: 0 },
		])
		// A1 was on screen the whole live: 2 comments mention it, 1 order.
		expect(report.conversion).toEqual([{ itemId: world.items[0]!.id, code: 'A1', comments: 2, orders: 1, rate: 0.5 }])
		expect(report.leftovers.map((l) => [l.viewerName, l.phone])).toEqual([['Mai', '0987654321']])
	})
})
