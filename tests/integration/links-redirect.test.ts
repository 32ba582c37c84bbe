import jsQR from 'jsqr'
import sharp from 'sharp'
import { beforeEach, describe, expect, test } from 'vitest'
import { flushClicks } from '~/links/clicks.server.ts'
import { createCustomLink, forgetResolvedLinks, listLinks, shortUrlOf } from '~/links/links.server.ts'
import * as redirectRoute from '~/routes/l.$slug.ts'
import * as linksPage from '~/routes/links._index.tsx'
import * as qrPngRoute from '~/routes/links.$linkId.qr[.]png.ts'
import * as qrSvgRoute from '~/routes/links.$linkId.qr[.]svg.ts'
import { getDb } from '~/utils/db.server.ts'
import { languageCookie } from '~/utils/language-cookie.server.ts'
import { callRoute, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'
import { addMember, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'

// The short link end to end on a real SQLite file: the redirect's answer, the
// click written after it (counted once an hour per visitor, bots flagged), the
// friendly 404, and the QR downloads that only the owning co-op may fetch.

const PHONE = 'Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'

async function world() {
	const { user, coop } = await createUserWithCoop()
	const product = await createTestProduct(coop.id, { shopeeUrl: 'https://shopee.vn/che-i.1.2?sp_atk=Ab' } as never)
	const page = await createCustomLink(coop.id, { productId: product.id, destination: 'product-page' })
	const shop = await createCustomLink(coop.id, { productId: product.id, destination: 'shopee', label: 'Áp phích chợ' })
	if (!page.ok || !shop.ok) throw new Error('links not made')
	const { publicSlug } = await getDb().product.findUniqueOrThrow({ where: { id: product.id } })
	return { user, coop, product, page, shop, publicSlug: publicSlug! }
}

async function visit(slug: string, options: { ip?: string; userAgent?: string | null; referrer?: string } = {}) {
	const headers: Record<string, string> = {}
	const userAgent = options.userAgent === undefined ? PHONE : options.userAgent
	if (userAgent !== null) headers['user-agent'] = userAgent
	if (options.referrer) headers.referer = options.referrer
	const request = new Request(`http://localhost/l/${slug}`, { headers })
	return callRoute(redirectRoute.loader as never, request, { slug }, { clientAddress: options.ip ?? '203.0.113.7' })
}

async function decodePng(png: Buffer): Promise<string | null> {
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
	return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}

beforeEach(() => forgetResolvedLinks())

describe('the redirect', () => {
	test("answers 302 to the product page with the click id, and the click is written after the answer", async () => {
		const { page, publicSlug, coop } = await world()
		const answer = await visit(page.slug, { referrer: 'https://m.facebook.com/' })
		expect(answer.status).toBe(302)
		const location = answer.location!
		expect(location).toMatch(new RegExp(`^/p/${publicSlug}\\?c=[A-Za-z0-9_-]{22}$`))
		expect(answer.headers.get('cache-control')).toBe('private, no-store')
		const clickId = new URL(location, 'http://localhost').searchParams.get('c')!
		await flushClicks()
		const clicks = await getDb().click.findMany({ where: { link: { slug: page.slug } } })
		expect(clicks).toHaveLength(1)
		expect(clicks[0]).toMatchObject({ clickId, coopId: coop.id, device: 'mobile', bot: false, counted: true, referrer: 'https://m.facebook.com/' })
		expect(clicks[0]!.ipHash).toMatch(/^[0-9a-f]{64}$/)
		expect(JSON.stringify(clicks[0])).not.toContain('203.0.113.7')
		expect(await getDb().clickSalt.findUnique({ where: { day: new Date().toISOString().slice(0, 10) } })).not.toBeNull()
	})

	test('a repeat by the same visitor within the hour is written but not counted; another visitor counts', async () => {
		const { page } = await world()
		const first = await visit(page.slug)
		const again = await visit(page.slug)
		await flushClicks()
		const third = await visit(page.slug)
		const other = await visit(page.slug, { ip: '198.51.100.20' })
		await flushClicks()
		const ids = [first, again, third, other].map((answer) => new URL(answer.location!, 'http://localhost').searchParams.get('c'))
		expect(new Set(ids).size).toBe(4)
		const clicks = await getDb().click.findMany({ where: { link: { slug: page.slug } } })
		const countedOf = (id: string | null) => clicks.find((click) => click.clickId === id)!.counted
		expect(ids.map(countedOf)).toEqual([true, false, false, true])
		expect((await listLinks((await getDb().trackedLink.findUniqueOrThrow({ where: { slug: page.slug } })).coopId)).find((l) => l.slug === page.slug)!.clicks).toBe(2)
	})

	test("a link preview bot is redirected too but flagged and not counted", async () => {
		const { page } = await world()
		const answer = await visit(page.slug, { userAgent: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' })
		expect(answer.status).toBe(302)
		const curl = await visit(page.slug, { userAgent: null, ip: '198.51.100.9' })
		expect(curl.status).toBe(302)
		await flushClicks()
		const clicks = await getDb().click.findMany({ where: { link: { slug: page.slug } } })
		expect(clicks.map((click) => [click.bot, click.counted, click.device])).toEqual([
			[true, false, 'unknown'],
			[true, false, 'unknown'],
		])
	})

	test('a marketplace link goes to the listing with its own parameters and the UTM fields', async () => {
		const { shop, coop } = await world()
		const { code } = await getDb().product.findFirstOrThrow({ where: { coopId: coop.id } })
		const answer = await visit(shop.slug)
		expect(answer.location).toBe(`https://shopee.vn/che-i.1.2?sp_atk=Ab&utm_source=coop-studio&utm_medium=link&utm_campaign=${code}&utm_content=${shop.slug}`)
		await flushClicks()
	})

	test('an unknown or malformed slug answers a friendly 404 page in the visitor\'s language', async () => {
		const unknown = await visit('zzzzzz')
		expect(unknown.status).toBe(404)
		expect(unknown.headers.get('content-type')).toContain('text/html')
		expect(unknown.data).toContain('Không tìm thấy liên kết này')
		const malformed = await visit('..%2Fetc')
		expect(malformed.status).toBe(404)
		const english = await callRoute(
			redirectRoute.loader as never,
			new Request('http://localhost/l/zzzzzz', { headers: { cookie: (await languageCookie.serialize('en')).split(';')[0]!, 'user-agent': PHONE } }),
			{ slug: 'zzzzzz' },
			{ clientAddress: '203.0.113.7' },
		)
		expect(english.data).toContain('This link was not found')
		await flushClicks()
		expect(await getDb().click.count({ where: { link: { slug: 'zzzzzz' } } })).toBe(0)
	})
})

describe('QR downloads and the links page', () => {
	test('PNG and SVG decode back to the exact short link, as attachments with a safe name', async () => {
		const { user, coop, shop } = await world()
		const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
		const png = await qrPngRoute.loader({ request: getRequest(`/links/${shop.id}/qr.png`, cookie), params: { linkId: shop.id }, context: {} })
		expect(png.headers.get('content-type')).toBe('image/png')
		expect(png.headers.get('content-disposition')).toBe(`attachment; filename="qr-${shop.slug}.png"`)
		const address = shortUrlOf(shop.slug, getRequest('/'))
		expect(await decodePng(Buffer.from(await png.arrayBuffer()))).toBe(address)

		const svg = await qrSvgRoute.loader({ request: getRequest(`/links/${shop.id}/qr.svg`, cookie), params: { linkId: shop.id }, context: {} })
		expect(svg.headers.get('content-disposition')).toBe(`attachment; filename="qr-${shop.slug}.svg"`)
		const raster = await sharp(Buffer.from(await svg.text()), { density: 300 }).flatten({ background: '#ffffff' }).png().toBuffer()
		expect(await decodePng(raster)).toBe(address)
	})

	test("another co-op's member cannot download a QR code or see the links", async () => {
		const { shop } = await world()
		const stranger = await createUserWithCoop()
		const cookie = await sessionCookie(stranger.user.id, { activeCoopId: stranger.coop.id })
		for (const [route, path] of [
			[qrPngRoute, 'qr.png'],
			[qrSvgRoute, 'qr.svg'],
		] as const) {
			const answer = await callRoute(route.loader as never, getRequest(`/links/${shop.id}/${path}`, cookie), { linkId: shop.id })
			expect(answer.status).toBe(404)
		}
		const page = await callRoute(linksPage.loader as never, getRequest('/links', cookie))
		expect((page.data as { links: unknown[] }).links).toEqual([])
		const anonymous = await callRoute(qrPngRoute.loader as never, getRequest(`/links/${shop.id}/qr.png`), { linkId: shop.id })
		expect(anonymous.status).toBe(302)
	})

	test('a viewer sees the links; an editor makes one, a viewer may not', async () => {
		const { coop, product, shop } = await world()
		const viewer = await addMember(coop.id, { role: 'viewer' })
		const editor = await addMember(coop.id, { role: 'editor' })
		const viewerCookie = await sessionCookie(viewer.user.id, { activeCoopId: coop.id })
		const page = await callRoute(linksPage.loader as never, getRequest('/links', viewerCookie))
		const links = (page.data as { links: Array<{ slug: string; label: string | null; destination: string }> }).links
		expect(links.find((link) => link.slug === shop.slug)).toMatchObject({ label: 'Áp phích chợ', destination: 'shopee' })

		const fields = { intent: 'create', productId: product.id, destination: 'lazada' }
		const refused = await callRoute(linksPage.action as never, withOrigin(postRequest('/links', fields, viewerCookie)))
		expect(refused.status).toBe(403)
		const editorCookie = await sessionCookie(editor.user.id, { activeCoopId: coop.id })
		const noListing = await callRoute(linksPage.action as never, withOrigin(postRequest('/links', fields, editorCookie)))
		expect(noListing).toMatchObject({ status: 400, data: { problem: 'links:errors.noListing' } })
		const made = await callRoute(linksPage.action as never, withOrigin(postRequest('/links', { ...fields, destination: 'product-page', label: 'Tem hộp' }, editorCookie)))
		expect(made.status).toBe(302)
		expect(await getDb().trackedLink.count({ where: { coopId: coop.id, label: 'Tem hộp', kind: 'custom' } })).toBe(1)
	})
})

function withOrigin(request: Request) {
	request.headers.set('origin', 'http://localhost')
	return request
}
