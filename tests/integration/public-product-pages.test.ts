import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import * as mupdf from 'mupdf'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { findLabelPreset, MM_TO_PT, placeLabel } from '~/links/label-layout.ts'
import { crc16CcittFalse } from '~/orders/vietqr.ts'
import { createBatch } from '~/products/batches.server.ts'
import * as batchRoute from '~/routes/b.$slug.tsx'
import * as imageRoute from '~/routes/p.$slug_.img.$mediaId.$file.ts'
import * as thanksRoute from '~/routes/p.$slug_.thanks.$orderId.tsx'
import * as productRoute from '~/routes/p.$slug.tsx'
import * as labelsRoute from '~/routes/products.$productId.labels.ts'
import { getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { addMember, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'
import { makePhoto } from '../support/media-fixtures.ts'
import { callRoute, getRequest, sessionCookie } from '../support/session-requests.ts'

// The public product and batch pages called as Remix calls them, against the
// real SQLite file and Redis: what they show, orders placed through them,
// the click cookie, spam defences, the VietQR thank-you and the label PDF.

let addressCounter = 0
/** A fresh client address per test, so that the hourly limit of one test never touches another. */
const freshAddress = () => `203.0.113.${++addressCounter}`

async function publicProduct(overrides: { priceVnd?: number } = {}) {
	const { user, coop } = await createUserWithCoop()
	const { id } = await createTestProduct(coop.id, {
		name: 'Chè Shan tuyết Suối Giàng',
		code: 'A1',
		priceVnd: overrides.priceVnd ?? 120_000,
		unit: 'hộp',
		description: 'Chè cổ thụ hái tay trên núi cao.',
		growingArea: 'Suối Giàng, Văn Chấn',
		producerGroup: 'Tổ chè cổ thụ',
		harvestDate: '2026-11-02',
		certifications: ['vietgap', 'ocop-4'],
	})
	const product = await getDb().product.findUniqueOrThrow({ where: { id } })
	return { user, coop, product, slug: product.publicSlug! }
}

function orderPost(pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
	const body = new FormData()
	for (const [key, value] of Object.entries(fields)) body.set(key, value)
	return new Request(`http://localhost${pathname}`, { method: 'POST', body, headers: { origin: 'http://localhost', ...headers } })
}

const goodOrder = { name: '  Nguyễn   Văn An ', phone: '+84 912 345 678', address: 'Thôn 3, xã Suối Giàng, Văn Chấn, Yên Bái', qty: '3', note: 'Giao giờ hành chính', payment: 'cod' }

async function click(coopId: string, clickId: string) {
	const link = await getDb().trackedLink.create({ data: { coopId, slug: `t${clickId.slice(0, 7).toLowerCase()}`, kind: 'custom', destination: 'product-page' } })
	await getDb().click.create({ data: { linkId: link.id, coopId, clickId, device: 'mobile', ipHash: 'h', visitorHash: 'v' } })
}

describe('the public product page', () => {
	test('shows the product, its traceability and the co-op, and nothing private', async () => {
		const { coop, slug } = await publicProduct()
		await getDb().coop.update({ where: { id: coop.id }, data: { phone: '0912345678', webhookSecret: 'secret-value', bankBin: '970436', bankAccount: '0011223344', bankAccountName: 'HTX CHE' } })
		const answer = await callRoute(productRoute.loader, getRequest(`/p/${slug}`), { slug })
		expect(answer.status).toBe(200)
		const { page } = answer.data as { page: Record<string, unknown> & { coop: Record<string, unknown> } }
		expect(page).toMatchObject({
			name: 'Chè Shan tuyết Suối Giàng',
			priceVnd: 120_000,
			growingArea: 'Suối Giàng, Văn Chấn',
			harvestDay: '2026-11-02',
			certifications: ['vietgap', 'ocop-4'],
			coop: { name: coop.name, province: 'Yên Bái', phone: '0912345678', bankTransfer: true },
		})
		expect(Object.keys(page).sort()).toEqual(
			['batch', 'batchPage', 'certifications', 'code', 'coop', 'description', 'growingArea', 'harvestDay', 'hasVideo', 'name', 'photoIds', 'priceVnd', 'producerGroup', 'slug', 'unit'].sort(),
		)
		const json = JSON.stringify(answer.data)
		for (const secret of [coop.id, 'secret-value', '0011223344', '970436', 'orderSeq', 'searchText', 'shopeeUrl']) expect(json).not.toContain(secret)
	})

	test('a hidden, archived or unknown product answers 404', async () => {
		const { product, slug } = await publicProduct()
		await getDb().product.update({ where: { id: product.id }, data: { publicPage: false } })
		expect((await callRoute(productRoute.loader, getRequest(`/p/${slug}`), { slug })).status).toBe(404)
		await getDb().product.update({ where: { id: product.id }, data: { publicPage: true, archivedAt: new Date() } })
		expect((await callRoute(productRoute.loader, getRequest(`/p/${slug}`), { slug })).status).toBe(404)
		expect((await callRoute(productRoute.loader, getRequest('/p/no-such-page-2345'), { slug: 'no-such-page-2345' })).status).toBe(404)
		expect((await callRoute(productRoute.loader, getRequest('/p/..%2F..'), { slug: '../..' })).status).toBe(404)
	})

	test('?c= is kept in a first-party cookie: the first click stays, a new one replaces the last', async () => {
		const { slug } = await publicProduct()
		const first = await callRoute(productRoute.loader, getRequest(`/p/${slug}?c=clickAAAA01`), { slug })
		const setCookie = first.headers.get('set-cookie') ?? ''
		expect(setCookie).toContain('cs_click=clickAAAA01.clickAAAA01')
		expect(setCookie).toMatch(/Max-Age=7776000/)
		expect(setCookie).toMatch(/HttpOnly/)
		expect(setCookie).toMatch(/SameSite=Lax/)
		const second = await callRoute(productRoute.loader, getRequest(`/p/${slug}?c=clickBBBB02`, 'cs_click=clickAAAA01.clickAAAA01'), { slug })
		expect(second.headers.get('set-cookie')).toContain('cs_click=clickAAAA01.clickBBBB02')
		const plain = await callRoute(productRoute.loader, getRequest(`/p/${slug}`, 'cs_click=clickAAAA01.clickBBBB02'), { slug })
		expect(plain.headers.get('set-cookie')).toBeNull()
	})
})

describe('ordering from the page', () => {
	test('creates a web order with the line as sold, the known click ids, and tells owners and editors', async () => {
		const { user, coop, product, slug } = await publicProduct()
		const editor = await addMember(coop.id, { role: 'editor' })
		const viewer = await addMember(coop.id, { role: 'viewer' })
		await click(coop.id, 'clickFirst001')
		await click(coop.id, 'clickLast0002')
		const other = await createUserWithCoop()
		await click(other.coop.id, 'clickOther003')

		const answer = await callRoute(
			productRoute.action,
			orderPost(`/p/${slug}`, goodOrder, { cookie: 'cs_click=clickFirst001.clickLast0002' }),
			{ slug },
			{ clientAddress: freshAddress() },
		)
		expect(answer.status).toBe(303)
		const orderId = answer.location!.split('/').pop()!
		expect(answer.location).toBe(`/p/${slug}/thanks/${orderId}`)
		const order = await getDb().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } })
		expect(order).toMatchObject({
			coopId: coop.id,
			source: 'web',
			state: 'new',
			customerName: 'Nguyễn Văn An',
			customerPhone: '0912345678',
			payment: 'cod',
			totalVnd: 360_000,
			firstClickId: 'clickFirst001',
			lastClickId: 'clickLast0002',
		})
		expect(order.lines).toMatchObject([{ productId: product.id, code: 'A1', name: 'Chè Shan tuyết Suối Giàng', unit: 'hộp', priceVnd: 120_000, qty: 3, amountVnd: 360_000 }])
		// A later price change does not touch the order.
		await getDb().product.update({ where: { id: product.id }, data: { priceVnd: 150_000 } })
		expect((await getDb().orderLine.findFirstOrThrow({ where: { orderId } })).priceVnd).toBe(120_000)

		const notified = await getDb().notification.findMany({ where: { coopId: coop.id, kind: 'order.created' } })
		expect(notified.map((n) => n.userId).sort()).toEqual([user.id, editor.user.id].sort())
		expect(notified.map((n) => n.userId)).not.toContain(viewer.user.id)
		expect(notified[0].href).toBe(`/orders/${orderId}`)

		// Another co-op's click id is not kept.
		const second = await callRoute(
			productRoute.action,
			orderPost(`/p/${slug}`, goodOrder, { cookie: 'cs_click=clickOther003.clickOther003' }),
			{ slug },
			{ clientAddress: freshAddress() },
		)
		const secondOrder = await getDb().order.findUniqueOrThrow({ where: { id: second.location!.split('/').pop()! } })
		expect(secondOrder).toMatchObject({ firstClickId: null, lastClickId: null })
	})

	test('a wrong phone number answers 400 with what to fix and keeps what was typed', async () => {
		const { coop, slug } = await publicProduct()
		const answer = await callRoute(productRoute.action, orderPost(`/p/${slug}`, { ...goodOrder, phone: '012 345' }), { slug }, { clientAddress: freshAddress() })
		expect(answer.status).toBe(400)
		expect(answer.data).toMatchObject({ errors: { phone: 'form.errors.phoneInvalid' }, typed: { phone: '012 345', name: goodOrder.name, address: goodOrder.address, qty: '3' } })
		expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(0)
	})

	test('the honeypot: a thank-you without a number, and nothing saved', async () => {
		const { coop, slug } = await publicProduct()
		const answer = await callRoute(productRoute.action, orderPost(`/p/${slug}`, { ...goodOrder, website: 'http://spam.example' }), { slug }, { clientAddress: freshAddress() })
		expect(answer.status).toBe(303)
		expect(answer.location).toBe(`/p/${slug}/thanks/received`)
		expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(0)
		const thanks = await callRoute(thanksRoute.loader, getRequest(`/p/${slug}/thanks/received`), { slug, orderId: 'received' })
		expect(thanks.data).toMatchObject({ receipt: null })
	})

	test('one address may place 5 orders an hour on a page; the 6th is refused, another address is not', async () => {
		const { coop, slug } = await publicProduct()
		const address = freshAddress()
		const statuses: number[] = []
		for (let i = 0; i < 6; i++) {
			statuses.push((await callRoute(productRoute.action, orderPost(`/p/${slug}`, goodOrder), { slug }, { clientAddress: address })).status)
		}
		expect(statuses).toEqual([303, 303, 303, 303, 303, 429])
		expect(await getDb().order.count({ where: { coopId: coop.id } })).toBe(5)
		const elsewhere = await callRoute(productRoute.action, orderPost(`/p/${slug}`, goodOrder), { slug }, { clientAddress: freshAddress() })
		expect(elsewhere.status).toBe(303)
	})

	test('bank transfer: the thank-you page carries a VietQR code with the amount and the order number, and its CRC holds', async () => {
		const { coop, slug } = await publicProduct({ priceVnd: 85_000 })
		await getDb().coop.update({ where: { id: coop.id }, data: { bankBin: '970436', bankAccount: '0011223344', bankAccountName: 'HTX CHE SUOI GIANG' } })
		const answer = await callRoute(productRoute.action, orderPost(`/p/${slug}`, { ...goodOrder, qty: '2', payment: 'bank-transfer' }), { slug }, { clientAddress: freshAddress() })
		expect(answer.status).toBe(303)
		const orderId = answer.location!.split('/').pop()!
		const order = await getDb().order.findUniqueOrThrow({ where: { id: orderId } })
		expect(order.payment).toBe('bank-transfer')
		const number = String(order.number).padStart(4, '0')

		const thanks = await callRoute(thanksRoute.loader, getRequest(answer.location!), { slug, orderId })
		const { receipt } = thanks.data as { receipt: { number: number; totalVnd: number; transfer: { payload: string; svg: string } } }
		expect(receipt.number).toBe(order.number)
		const payload = receipt.transfer.payload
		expect(payload).toContain('5406170000')
		expect(payload).toContain(`DH${number}`)
		expect(payload).toContain('0010A000000727')
		expect(payload.slice(-4)).toBe(crc16CcittFalse(payload.slice(0, -4)))
		const png = await sharp(Buffer.from(receipt.transfer.svg), { density: 300 }).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
		expect(jsQR(new Uint8ClampedArray(png.data), png.info.width, png.info.height)?.data).toBe(payload)
	})

	test('without bank details, bank transfer is refused and the thank-you page has no QR', async () => {
		const { slug } = await publicProduct()
		const refused = await callRoute(productRoute.action, orderPost(`/p/${slug}`, { ...goodOrder, payment: 'bank-transfer' }), { slug }, { clientAddress: freshAddress() })
		expect(refused.status).toBe(400)
		expect(refused.data).toMatchObject({ errors: { payment: 'form.errors.paymentInvalid' } })
		const placed = await callRoute(productRoute.action, orderPost(`/p/${slug}`, goodOrder), { slug }, { clientAddress: freshAddress() })
		const orderId = placed.location!.split('/').pop()!
		const thanks = await callRoute(thanksRoute.loader, getRequest(placed.location!), { slug, orderId })
		expect(thanks.data).toMatchObject({ receipt: { totalVnd: 360_000, transfer: null } })
		// Another product's slug does not open this order's thank-you page.
		const { slug: otherSlug } = await publicProduct()
		expect((await callRoute(thanksRoute.loader, getRequest(`/p/${otherSlug}/thanks/${orderId}`), { slug: otherSlug, orderId })).status).toBe(404)
	})
})

describe('batch pages', () => {
	test('show the batch and take orders; a hidden batch answers 404', async () => {
		const { coop, product } = await publicProduct()
		const batch = (await createBatch(coop.id, product.id, { code: '2026-11', harvestDate: '2026-11-20', growingArea: 'Đồi chè số 3', producerGroup: 'Hộ Lò Văn Páo', note: 'Sao tay' }))!
		const page = await callRoute(batchRoute.loader, getRequest(`/b/${batch.slug}`), { slug: batch.slug })
		expect(page.status).toBe(200)
		expect((page.data as { page: unknown }).page).toMatchObject({
			name: 'Chè Shan tuyết Suối Giàng',
			batchPage: { code: '2026-11', harvestDay: '2026-11-20', growingArea: 'Đồi chè số 3', producerGroup: 'Hộ Lò Văn Páo', note: 'Sao tay' },
		})
		const ordered = await callRoute(batchRoute.action, orderPost(`/b/${batch.slug}`, goodOrder), { slug: batch.slug }, { clientAddress: freshAddress() })
		expect(ordered.status).toBe(303)
		const order = await getDb().order.findUniqueOrThrow({ where: { id: ordered.location!.split('/').pop()! } })
		expect(order.note).toContain('2026-11')
		await getDb().productBatch.update({ where: { id: batch.id }, data: { archivedAt: new Date() } })
		expect((await callRoute(batchRoute.loader, getRequest(`/b/${batch.slug}`), { slug: batch.slug })).status).toBe(404)
	})
})

describe('public photos', () => {
	test('a photo of the product is served as WebP at the asked width with immutable caching; others are 404', async () => {
		const { coop, product, slug } = await publicProduct()
		const mediaId = `pub${Date.now()}`
		const storageKey = `coops/${coop.id}/media/${mediaId}/original.jpg`
		const file = path.join(getEnv().mediaRoot, storageKey)
		fs.mkdirSync(path.dirname(file), { recursive: true })
		await makePhoto(file, { width: 1600, height: 1200 })
		await getDb().media.create({ data: { id: mediaId, coopId: coop.id, kind: 'photo', status: 'ready', displayName: 'a.jpg', mimeType: 'image/jpeg', sizeBytes: BigInt(1), storageKey } })
		const url = `/p/${slug}/img/${mediaId}/w360.webp`
		expect((await imageRoute.loader({ request: getRequest(url), params: { slug, mediaId, file: 'w360.webp' }, context: {} }).catch((e: Response) => e)).status).toBe(404)
		await getDb().productPhoto.create({ data: { productId: product.id, mediaId, position: 0 } })
		const response = (await imageRoute.loader({ request: getRequest(url), params: { slug, mediaId, file: 'w360.webp' }, context: {} })) as Response
		expect(response.headers.get('content-type')).toBe('image/webp')
		expect(response.headers.get('cache-control')).toContain('immutable')
		const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
		expect(meta).toMatchObject({ format: 'webp', width: 360, height: 270 })
		const og = (await imageRoute.loader({ request: getRequest(`/p/${slug}/img/${mediaId}/og.jpg`), params: { slug, mediaId, file: 'og.jpg' }, context: {} })) as Response
		expect(await sharp(Buffer.from(await og.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 })
		const meta2 = await callRoute(productRoute.loader, getRequest(`/p/${slug}`), { slug })
		const tags = productRoute.meta({ data: meta2.data } as never) as Record<string, string>[]
		expect(tags).toContainEqual({ property: 'og:image', content: `http://localhost/p/${slug}/img/${mediaId}/og.jpg` })
		expect(tags).toContainEqual({ property: 'product:price:amount', content: '120000' })
		expect(tags).toContainEqual({ property: 'product:price:currency', content: 'VND' })
	})
})

describe('printable labels', () => {
	test("the PDF's QR code decodes to the label's short link to the batch page; another co-op gets 404", async () => {
		const { user, coop, product } = await publicProduct()
		const batch = (await createBatch(coop.id, product.id, { code: 'LÔ 3', harvestDate: '2026-11-20', growingArea: null, producerGroup: null, note: '' }))!
		const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
		const batchRow = await getDb().productBatch.findFirstOrThrow({ where: { slug: batch.slug } })
		const url = `/products/${product.id}/labels?size=50x30&count=30&batch=${batchRow.id}`
		const response = (await labelsRoute.loader({ request: getRequest(url, cookie), params: { productId: product.id }, context: {} })) as Response
		expect(response.headers.get('content-type')).toBe('application/pdf')
		const pdf = new Uint8Array(await response.arrayBuffer())
		const document = mupdf.Document.openDocument(pdf, 'application/pdf')
		expect(document.countPages()).toBe(2)
		const scale = 4
		const page = document.loadPage(0)
		const png = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true).asPNG()
		const { qr } = placeLabel(findLabelPreset('50x30')!, 0)
		const margin = 2 * MM_TO_PT
		const crop = await sharp(Buffer.from(png))
			.extract({ left: Math.floor((qr.x - margin) * scale), top: Math.floor((qr.y - margin) * scale), width: Math.ceil((qr.width + 2 * margin) * scale), height: Math.ceil((qr.height + 2 * margin) * scale) })
			.flatten({ background: '#ffffff' })
			.ensureAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true })
		// The label's own short link, which leads to the batch page.
		const decoded = jsQR(new Uint8ClampedArray(crop.data), crop.info.width, crop.info.height)?.data
		expect(decoded).toMatch(/^http:\/\/localhost\/l\/[2-9a-hjkmnp-z]{6}$/)
		const link = await getDb().trackedLink.findUniqueOrThrow({ where: { slug: decoded!.split('/').pop()! } })
		expect(link).toMatchObject({ coopId: coop.id, kind: 'label', batchId: batchRow.id, destination: 'batch-page' })
		const text = page.toStructuredText('').asText().replace(/\s+/g, ' ')
		expect(text).toContain('Chè Shan tuyết Suối Giàng')
		expect(text).toContain('LÔ 3')

		const stranger = await createUserWithCoop()
		const strangerCookie = await sessionCookie(stranger.user.id, { activeCoopId: stranger.coop.id })
		const refused = await labelsRoute.loader({ request: getRequest(url, strangerCookie), params: { productId: product.id }, context: {} }).catch((e: Response) => e)
		expect((refused as Response).status).toBe(404)
	})
})
