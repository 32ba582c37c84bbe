import { parseStoredCertifications } from './certifications.ts'
import { dayOfInstant } from '~/utils/coop-time.ts'
import { getDb } from '~/utils/db.server.ts'
import { isSlugShaped } from '~/links/slug.ts'

// What the public product and batch pages (/p/:slug, /b/:slug) may show: an
// explicit list of public fields, never a whole row (issue 12; docs/decisions/185).
// A product answers only while its page is on (publicPage) and it is not
// archived; a batch only while it and its product are.

export type PublicCoop = {
	name: string
	province: string
	phone: string | null
	zalo: string | null
	/** True when the co-op has a bank account for VietQR transfers. */
	bankTransfer: boolean
}

export type PublicBatch = {
	code: string
	slug: string
	/** "YYYY-MM-DD" in the co-op's time zone. */
	harvestDay: string | null
	growingArea: string | null
	producerGroup: string | null
	note: string
}

export type PublicProduct = {
	slug: string
	name: string
	code: string
	description: string
	priceVnd: number
	unit: string
	growingArea: string | null
	producerGroup: string | null
	batch: string | null
	harvestDay: string | null
	certifications: string[]
	/** Media ids of ready photos, the cover first. */
	photoIds: string[]
	/** A finished video of this product that the co-op handed off or posted, if any. */
	hasVideo: boolean
	coop: PublicCoop
}

export type PublicPage = PublicProduct & { batchPage: PublicBatch | null }

const PRODUCT_SELECT = {
	id: true,
	name: true,
	code: true,
	description: true,
	priceVnd: true,
	unit: true,
	growingArea: true,
	producerGroup: true,
	batch: true,
	harvestDate: true,
	certifications: true,
	publicSlug: true,
	photos: { orderBy: { position: 'asc' }, select: { media: { select: { id: true, kind: true, status: true } } } },
	coop: { select: { id: true, name: true, province: true, phone: true, zalo: true, timezone: true, bankBin: true, bankAccount: true, bankAccountName: true } },
} as const

const VISIBLE = { publicPage: true, archivedAt: null } as const

type Row = NonNullable<Awaited<ReturnType<typeof readProduct>>>

function readProduct(where: { publicSlug: string } | { id: string }) {
	return getDb().product.findFirst({ where: { ...where, ...VISIBLE }, select: PRODUCT_SELECT })
}

function hasBank(coop: { bankBin: string | null; bankAccount: string | null; bankAccountName: string | null }) {
	return Boolean(coop.bankBin && coop.bankAccount && coop.bankAccountName)
}

/** The newest finished render of the product that was handed off or posted: what the co-op meant to show. */
async function publicVideoOf(coopId: string, productId: string) {
	return getDb().render.findFirst({
		where: {
			coopId,
			status: 'ready',
			quality: 'final',
			outputKey: { not: null },
			edit: { productId },
			OR: [{ handedOffAt: { not: null } }, { posts: { some: {} } }],
		},
		orderBy: { createdAt: 'desc' },
		select: { id: true, outputKey: true },
	})
}

async function toPublic(row: Row): Promise<PublicProduct> {
	const video = await publicVideoOf(row.coop.id, row.id)
	return {
		slug: row.publicSlug!,
		name: row.name,
		code: row.code,
		description: row.description,
		priceVnd: row.priceVnd,
		unit: row.unit,
		growingArea: row.growingArea,
		producerGroup: row.producerGroup,
		batch: row.batch,
		harvestDay: row.harvestDate ? dayOfInstant(row.harvestDate, row.coop.timezone) : null,
		certifications: parseStoredCertifications(row.certifications),
		photoIds: row.photos.filter((p) => p.media.kind === 'photo' && p.media.status === 'ready').map((p) => p.media.id),
		hasVideo: Boolean(video),
		coop: { name: row.coop.name, province: row.coop.province, phone: row.coop.phone, zalo: row.coop.zalo, bankTransfer: hasBank(row.coop) },
	}
}

/** The product page's content, or null (unknown, hidden, archived: all the same 404). */
export async function findPublicProduct(slug: string): Promise<PublicPage | null> {
	if (!isSlugShaped(slug)) return null
	const row = await readProduct({ publicSlug: slug })
	return row ? { ...(await toPublic(row)), batchPage: null } : null
}

async function readBatch(slug: string) {
	if (!isSlugShaped(slug)) return null
	return getDb().productBatch.findFirst({
		where: { slug, archivedAt: null },
		select: { code: true, slug: true, harvestDate: true, growingArea: true, producerGroup: true, note: true, productId: true, coopId: true },
	})
}

/** A batch page's content: the product's page focused on one batch, or null. */
export async function findPublicBatch(slug: string): Promise<PublicPage | null> {
	const batch = await readBatch(slug)
	if (!batch) return null
	const row = await readProduct({ id: batch.productId })
	if (!row || row.coop.id !== batch.coopId) return null
	const page = await toPublic(row)
	return {
		...page,
		batchPage: {
			code: batch.code,
			slug: batch.slug,
			harvestDay: batch.harvestDate ? dayOfInstant(batch.harvestDate, row.coop.timezone) : null,
			growingArea: batch.growingArea,
			producerGroup: batch.producerGroup,
			note: batch.note,
		},
	}
}

/** What the order action needs of a visible page: the product and its co-op (server-side only). */
export async function findOrderablePage(page: { product: string } | { batch: string }) {
	let row: Row | null = null
	let batchCode: string | null = null
	if ('batch' in page) {
		const batch = await readBatch(page.batch)
		if (!batch) return null
		row = await readProduct({ id: batch.productId })
		if (row && row.coop.id !== batch.coopId) return null
		batchCode = batch.code
	} else if (isSlugShaped(page.product)) {
		row = await readProduct({ publicSlug: page.product })
	}
	if (!row) return null
	return {
		coopId: row.coop.id,
		productId: row.id,
		slug: row.publicSlug!,
		name: row.name,
		batchCode,
		bank: hasBank(row.coop) ? { bin: row.coop.bankBin!, account: row.coop.bankAccount!, accountName: row.coop.bankAccountName! } : null,
	}
}

/**
 * The stored file behind a public photo: only a ready photo of this visible
 * product (another co-op's media id, or a library photo not on the page, is null).
 */
export async function findPublicPhotoSource(slug: string, mediaId: string) {
	if (!isSlugShaped(slug) || !/^[A-Za-z0-9_-]{1,64}$/.test(mediaId)) return null
	const photo = await getDb().productPhoto.findFirst({
		where: { mediaId, product: { publicSlug: slug, ...VISIBLE }, media: { kind: 'photo', status: 'ready' } },
		select: { media: { select: { id: true, coopId: true, proxyKey: true, storageKey: true } } },
	})
	return photo ? { coopId: photo.media.coopId, mediaId: photo.media.id, sourceKey: photo.media.proxyKey ?? photo.media.storageKey } : null
}

/** The public video's file key, or null. */
export async function findPublicVideo(slug: string): Promise<string | null> {
	if (!isSlugShaped(slug)) return null
	const row = await getDb().product.findFirst({ where: { publicSlug: slug, ...VISIBLE }, select: { id: true, coopId: true } })
	if (!row) return null
	return (await publicVideoOf(row.coopId, row.id))?.outputKey ?? null
}

/** What a label prints of a product, for its own co-op's members (not a public read). */
export async function findProductLabelFacts(coopId: string, productId: string) {
	const row = await getDb().product.findFirst({
		where: { id: productId, coopId },
		select: { id: true, name: true, code: true, batch: true, harvestDate: true, publicSlug: true, coop: { select: { timezone: true } } },
	})
	if (!row) return null
	return {
		id: row.id,
		name: row.name,
		code: row.code,
		batch: row.batch,
		publicSlug: row.publicSlug,
		harvestDay: row.harvestDate ? dayOfInstant(row.harvestDate, row.coop.timezone) : null,
	}
}
