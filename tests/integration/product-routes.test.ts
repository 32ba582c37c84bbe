import { expect, test } from 'vitest'
import { findProduct } from '~/products/products.server.ts'
import * as detailRoute from '~/routes/products.$productId._index.tsx'
import * as deleteRoute from '~/routes/products.$productId.delete.tsx'
import * as editRoute from '~/routes/products.$productId.edit.tsx'
import * as listRoute from '~/routes/products._index.tsx'
import * as newRoute from '~/routes/products.new.tsx'
import { startSession } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { addMember, createPhotoRecord, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'

// The route modules called as Remix calls them: a Request carrying a real
// session cookie, params from the URL.

async function cookieFor(userId: string, coopId: string) {
	const setCookie = await startSession(new Request('http://localhost/'), userId, coopId)
	return setCookie.split(';')[0]
}

function get(path: string, cookie: string) {
	return new Request(`http://localhost${path}`, { headers: { cookie } })
}

function post(path: string, cookie: string, fields: Record<string, string | string[]> = {}) {
	const body = new FormData()
	for (const [name, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) body.append(name, item)
	}
	return new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie }, body })
}

/** The Response a loader or action threw (404, 403, a redirect). */
async function thrown(promise: Promise<unknown>): Promise<Response> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	)
	if (!(error instanceof Response)) throw new Error(`expected a thrown Response, got ${String(error)}`)
	return error
}

/** What `data(value, { status })` returned. */
function dataResult<T>(value: unknown) {
	const result = value as { data: T; init: ResponseInit | null }
	return { body: result.data, status: result.init?.status ?? 200 }
}

const context = {}
const validFields = { name: 'Chè Shan tuyết Suối Giàng', code: 'a1', priceVnd: '120k', unit: 'hộp' }

test('an editor creates a product through the action; the list finds it without accents', async () => {
	const { coop } = await createUserWithCoop()
	const editor = await addMember(coop.id, { role: 'editor' })
	const cookie = await cookieFor(editor.user.id, coop.id)

	const response = (await newRoute.action({ request: post('/products/new', cookie, validFields), params: {}, context })) as Response
	expect(response.status).toBe(302)
	const location = response.headers.get('location') ?? ''
	expect(location).toMatch(/^\/products\/\w+$/)
	const product = await findProduct(coop.id, location.split('/').pop()!)
	expect(product).toMatchObject({ code: 'A1', priceVnd: 120_000, unit: 'hộp' })

	const list = await listRoute.loader({ request: get('/products?q=che+shan+tuyet', cookie), params: {}, context })
	expect(list.products.map((p) => p.code)).toEqual(['A1'])
	expect(list.canCreate).toBe(true)
})

test('the new-product form offers the next free code', async () => {
	const { user, coop } = await createUserWithCoop()
	await createTestProduct(coop.id, { code: 'A1' })
	const cookie = await cookieFor(user.id, coop.id)
	const page = await newRoute.loader({ request: get('/products/new', cookie), params: {}, context })
	expect(page.codeSuggestion).toBe('A2')
})

test('an invalid form answers 400 with an error on each wrong field and saves nothing', async () => {
	const { user, coop } = await createUserWithCoop()
	const cookie = await cookieFor(user.id, coop.id)
	const result = dataResult<{ result: { error: Record<string, string[]> } }>(
		await newRoute.action({
			request: post('/products/new', cookie, { ...validFields, priceVnd: 'abc', shopeeUrl: 'https://www.lazada.vn/x' }),
			params: {},
			context,
		}),
	)
	expect(result.status).toBe(400)
	expect(result.body.result.error).toMatchObject({
		priceVnd: ['errors.priceInvalid'],
		shopeeUrl: ['errors.links.shopeeUrl.wrongSite'],
	})
	expect(await getDb().product.count({ where: { coopId: coop.id } })).toBe(0)
})

test('a taken code answers 400 on the code field with a free code to use instead', async () => {
	const { user, coop } = await createUserWithCoop()
	await createTestProduct(coop.id, { code: 'A1' })
	const cookie = await cookieFor(user.id, coop.id)
	const result = dataResult<{ result: { error: Record<string, string[]> }; codeSuggestion: string | null }>(
		await newRoute.action({ request: post('/products/new', cookie, validFields), params: {}, context }),
	)
	expect(result.status).toBe(400)
	expect(result.body.result.error.code).toEqual(['errors.codeTaken'])
	expect(result.body.codeSuggestion).toBe('A2')
})

test("a photo from another co-op's library is refused on the photos field", async () => {
	const { user, coop } = await createUserWithCoop()
	const other = await createUserWithCoop()
	const foreign = await createPhotoRecord(other.coop.id)
	const cookie = await cookieFor(user.id, coop.id)
	const result = dataResult<{ result: { error: Record<string, string[]> } }>(
		await newRoute.action({ request: post('/products/new', cookie, { ...validFields, photoIds: [foreign.id] }), params: {}, context }),
	)
	expect(result.status).toBe(400)
	expect(result.body.result.error.photoIds).toEqual(['errors.photoUnavailable'])
})

test('an edit saves every field and redirects to the product', async () => {
	const { user, coop } = await createUserWithCoop()
	const photo = await createPhotoRecord(coop.id)
	const { id } = await createTestProduct(coop.id, { code: 'A1' })
	const cookie = await cookieFor(user.id, coop.id)

	const form = await editRoute.loader({ request: get(`/products/${id}/edit`, cookie), params: { productId: id }, context })
	expect(form.defaults).toMatchObject({ code: 'A1', priceVnd: '120.000' })
	expect(form.library.map((p) => p.id)).toEqual([photo.id])

	const response = (await editRoute.action({
		request: post(`/products/${id}/edit`, cookie, {
			...validFields,
			code: 'b2',
			priceVnd: '1tr250k',
			harvestDate: '2025-04-12',
			certifications: ['vietgap', 'ocop-5'],
			orderPhone: '0912.345.678',
			photoIds: [photo.id],
		}),
		params: { productId: id },
		context,
	})) as Response
	expect(response.status).toBe(302)
	expect(response.headers.get('location')).toBe(`/products/${id}`)
	expect(await findProduct(coop.id, id)).toMatchObject({
		code: 'B2',
		priceVnd: 1_250_000,
		harvestDay: '2025-04-12',
		certifications: ['vietgap', 'ocop-5'],
		orderPhone: '0912345678',
		photoIds: [photo.id],
	})
})

test("another co-op's product answers 404 to every page and action, and is left untouched", async () => {
	const owner = await createUserWithCoop()
	const stranger = await createUserWithCoop()
	const { id } = await createTestProduct(owner.coop.id, { code: 'A1', name: 'Chè của HTX khác' })
	const cookie = await cookieFor(stranger.user.id, stranger.coop.id)
	const params = { productId: id }

	expect((await thrown(detailRoute.loader({ request: get(`/products/${id}`, cookie), params, context }))).status).toBe(404)
	expect((await thrown(editRoute.loader({ request: get(`/products/${id}/edit`, cookie), params, context }))).status).toBe(404)
	expect(
		(await thrown(editRoute.action({ request: post(`/products/${id}/edit`, cookie, { ...validFields, name: 'Đổi tên' }), params, context })))
			.status,
	).toBe(404)
	expect((await thrown(deleteRoute.loader({ request: get(`/products/${id}/delete`, cookie), params, context }))).status).toBe(404)
	expect((await thrown(deleteRoute.action({ request: post(`/products/${id}/delete`, cookie), params, context }))).status).toBe(404)

	expect(await findProduct(owner.coop.id, id)).toMatchObject({ name: 'Chè của HTX khác', code: 'A1' })
})

test('a viewer reads products but every change answers 403', async () => {
	const { coop } = await createUserWithCoop()
	const viewer = await addMember(coop.id, { role: 'viewer' })
	const { id } = await createTestProduct(coop.id, { code: 'A1', name: 'Chè búp' })
	const cookie = await cookieFor(viewer.user.id, coop.id)
	const params = { productId: id }

	const detail = await detailRoute.loader({ request: get(`/products/${id}`, cookie), params, context })
	expect(detail).toMatchObject({ canEdit: false, canDelete: false, product: { name: 'Chè búp' } })
	expect((await listRoute.loader({ request: get('/products', cookie), params: {}, context })).canCreate).toBe(false)

	expect((await thrown(newRoute.action({ request: post('/products/new', cookie, { ...validFields, code: 'Z9' }), params: {}, context }))).status).toBe(403)
	expect((await thrown(editRoute.action({ request: post(`/products/${id}/edit`, cookie, validFields), params, context }))).status).toBe(403)
	expect((await thrown(deleteRoute.action({ request: post(`/products/${id}/delete`, cookie), params, context }))).status).toBe(403)
	expect((await thrown(newRoute.loader({ request: get('/products/new', cookie), params: {}, context }))).status).toBe(403)

	expect(await getDb().product.count({ where: { coopId: coop.id } })).toBe(1)
	expect((await findProduct(coop.id, id))?.name).toBe('Chè búp')
})

test('deleting through the confirmation page removes the product and returns to the list', async () => {
	const { user, coop } = await createUserWithCoop()
	const { id } = await createTestProduct(coop.id)
	const cookie = await cookieFor(user.id, coop.id)
	const confirm = await deleteRoute.loader({ request: get(`/products/${id}/delete`, cookie), params: { productId: id }, context })
	expect(confirm.product).toMatchObject({ id, code: 'A1' })
	const response = (await deleteRoute.action({ request: post(`/products/${id}/delete`, cookie), params: { productId: id }, context })) as Response
	expect(response.status).toBe(302)
	expect(response.headers.get('location')).toBe('/products')
	expect(await findProduct(coop.id, id)).toBeNull()
})

test('a signed-out visitor is sent to sign in, and back afterwards', async () => {
	const response = await thrown(listRoute.loader({ request: new Request('http://localhost/products?q=che'), params: {}, context }))
	expect(response.status).toBe(302)
	expect(response.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent('/products?q=che')}`)
})
