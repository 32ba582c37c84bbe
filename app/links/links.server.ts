// Tracked links: one per post target, per livestream, per printed batch label,
// or made by hand (docs/decisions/183-tracked-links.md). Every function here
// takes the co-op and checks it; the redirect's lookup (resolveLink) is the
// only one that reads by slug alone, and it selects only what a redirect needs.

import type { Prisma } from '~/generated/prisma/client.ts'
import { getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'
import { destinationUrl, LISTING_FIELDS, shortLinkUrl, targetDestination, utmSourceFor, type Destination, type LinkTarget } from './destination.ts'
import { qrPng, qrSvg } from './qr.server.ts'
import { queueClick } from './clicks.server.ts'
import { describeVisitor } from './device.ts'
import { newClickId } from './visitor.ts'
import { randomSlug } from './slug.ts'

type Db = Prisma.TransactionClient

export const LINK_KINDS = ['target', 'live', 'label', 'product', 'custom'] as const
export type LinkKind = (typeof LINK_KINDS)[number]

const PRODUCT_FOR_LINK = {
	publicSlug: true,
	publicPage: true,
	shopeeUrl: true,
	lazadaUrl: true,
	tiktokShopUrl: true,
	facebookUrl: true,
	zaloUrl: true,
} as const

/** The origin short links are written with: PUBLIC_URL, else the request's own, else this server on localhost. */
export function publicOrigin(request?: Request): string {
	const env = getEnv()
	if (env.PUBLIC_URL) return new URL(env.PUBLIC_URL).origin
	return request ? new URL(request.url).origin : `http://localhost:${env.PORT}`
}

/** The absolute short address of a slug (/l/<slug> on the public origin). */
export function shortUrlOf(slug: string, request?: Request): string {
	return shortLinkUrl(publicOrigin(request), slug)
}

/** `count` slugs that no link has yet (a collision among 887 million is rare, but a unique index would fail the whole save). */
export async function freshSlugs(count: number, db: Db = getDb()): Promise<string[]> {
	const slugs = new Set<string>()
	while (slugs.size < count) {
		const candidates = Array.from({ length: count - slugs.size }, () => randomSlug())
		const taken = new Set((await db.trackedLink.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((row) => row.slug))
		for (const slug of candidates) if (!taken.has(slug)) slugs.add(slug)
	}
	return [...slugs]
}

/**
 * The link of one post target (post × channel), made on first call: kind
 * "target", pointing at the post's product page (or the listing that suits
 * the channel when the product has no public page). Null when the post has
 * no product to point at. `slug` lets the composer write the address into the
 * caption before the row exists.
 */
export async function ensureTargetLink(coopId: string, targetId: string, options: { slug?: string; db?: Db } = {}) {
	const db = options.db ?? getDb()
	const existing = await db.trackedLink.findUnique({ where: { postTargetId: targetId } })
	if (existing) {
		invariantResponse(existing.coopId === coopId, 'Link not found')
		return existing
	}
	const target = await db.postTarget.findFirst({
		where: { id: targetId, coopId },
		select: {
			id: true,
			channel: { select: { platform: true, manualKind: true } },
			post: { select: { id: true, renderId: true, productId: true, product: { select: { code: true, ...PRODUCT_FOR_LINK } } } },
		},
	})
	invariantResponse(target, 'Target not found')
	const product = target.post.product
	const destination = targetDestination(product, target.channel.platform)
	if (!destination || !product) return null
	const slug = options.slug ?? (await freshSlugs(1, db))[0]!
	return db.trackedLink.create({
		data: {
			coopId,
			slug,
			kind: 'target',
			postTargetId: target.id,
			postId: target.post.id,
			renderId: target.post.renderId,
			productId: target.post.productId,
			destination,
			...targetUtm({ platform: target.channel.platform, manualKind: target.channel.manualKind, productCode: product.code, slug }),
		},
	})
}

/** UTM fields of a target's link: where it was posted, that it was a post, which product, which link. */
export function targetUtm(input: { platform: string; manualKind: string | null; productCode: string; slug: string }) {
	return { utmSource: utmSourceFor(input), utmMedium: 'social', utmCampaign: input.productCode, utmContent: input.slug }
}

/** The link of a livestream (one per session), to the product's page; made on first call. */
export async function ensureLiveLink(coopId: string, sessionId: string, productId?: string) {
	const db = getDb()
	const session = await db.liveSession.findFirst({ where: { id: sessionId, coopId }, select: { id: true, title: true } })
	invariantResponse(session, 'Live session not found')
	const existing = await db.trackedLink.findUnique({ where: { liveSessionId: session.id } })
	if (existing) return existing
	const product = productId ? await db.product.findFirst({ where: { id: productId, coopId }, select: { id: true, code: true, ...PRODUCT_FOR_LINK } }) : null
	invariantResponse(!productId || product, 'Product not found')
	const destination = targetDestination(product, 'facebook_page')
	invariantResponse(destination, 'The product has no page or listing to link to', 400)
	const [slug] = await freshSlugs(1, db)
	return db.trackedLink.create({
		data: {
			coopId,
			slug: slug!,
			kind: 'live',
			liveSessionId: session.id,
			productId: product?.id ?? null,
			destination,
			label: session.title,
			utmSource: 'livestream',
			utmMedium: 'live',
			utmCampaign: product?.code ?? null,
			utmContent: slug!,
		},
	})
}

/** The link printed on a batch's labels (one per batch), to the batch page; made on first call. */
export async function ensureLabelLink(coopId: string, batchId: string) {
	const db = getDb()
	const batch = await db.productBatch.findFirst({ where: { id: batchId, coopId }, select: { id: true, productId: true, code: true } })
	invariantResponse(batch, 'Batch not found')
	const existing = await db.trackedLink.findFirst({ where: { coopId, kind: 'label', batchId: batch.id }, orderBy: { createdAt: 'asc' } })
	if (existing) return existing
	const [slug] = await freshSlugs(1, db)
	return db.trackedLink.create({
		data: { coopId, slug: slug!, kind: 'label', batchId: batch.id, productId: batch.productId, destination: 'batch-page', label: batch.code },
	})
}

export type CustomLinkInput = {
	productId: string
	destination: Destination
	label?: string | null
	utmSource?: string | null
	utmMedium?: string | null
	utmCampaign?: string | null
}

export type CustomLinkResult = { ok: true; id: string; slug: string } | { ok: false; problem: string }

/** A link made by hand, to a product's page or one of its listings (which the product must have). */
export async function createCustomLink(coopId: string, input: CustomLinkInput): Promise<CustomLinkResult> {
	const db = getDb()
	const product = await db.product.findFirst({ where: { id: input.productId, coopId, archivedAt: null }, select: { id: true, code: true, ...PRODUCT_FOR_LINK } })
	if (!product) return { ok: false, problem: 'links:errors.productUnavailable' }
	if (input.destination === 'product-page' && !(product.publicSlug && product.publicPage)) return { ok: false, problem: 'links:errors.noProductPage' }
	if (input.destination === 'batch-page' || input.destination === 'url') return { ok: false, problem: 'links:errors.destinationUnavailable' }
	if (input.destination !== 'product-page' && !product[LISTING_FIELDS[input.destination]]) return { ok: false, problem: 'links:errors.noListing' }
	const [slug] = await freshSlugs(1, db)
	const link = await db.trackedLink.create({
		data: {
			coopId,
			slug: slug!,
			kind: 'custom',
			productId: product.id,
			destination: input.destination,
			label: input.label?.trim() || null,
			utmSource: input.utmSource?.trim() || 'coop-studio',
			utmMedium: input.utmMedium?.trim() || 'link',
			utmCampaign: input.utmCampaign?.trim() || product.code,
			utmContent: slug!,
		},
		select: { id: true, slug: true },
	})
	return { ok: true, ...link }
}

export type LinkFilters = { kind?: LinkKind; productId?: string }

/** The co-op's links, newest first, with their counted clicks and the last counted click. */
export async function listLinks(coopId: string, filters: LinkFilters = {}, request?: Request) {
	const db = getDb()
	const links = await db.trackedLink.findMany({
		where: { coopId, archivedAt: null, ...(filters.kind ? { kind: filters.kind } : {}), ...(filters.productId ? { productId: filters.productId } : {}) },
		orderBy: { createdAt: 'desc' },
		take: 200,
	})
	const ids = links.map((link) => link.id)
	const productIds = [...new Set(links.map((link) => link.productId).filter((id): id is string => Boolean(id)))]
	const targetIds = links.map((link) => link.postTargetId).filter((id): id is string => Boolean(id))
	const [counts, products, targets] = await Promise.all([
		db.click.groupBy({ by: ['linkId'], where: { coopId, linkId: { in: ids }, counted: true }, _count: { _all: true }, _max: { at: true } }),
		db.product.findMany({ where: { coopId, id: { in: productIds } }, select: { id: true, code: true, name: true } }),
		db.postTarget.findMany({ where: { coopId, id: { in: targetIds } }, select: { id: true, postId: true, channel: { select: { name: true, platform: true } } } }),
	])
	const countOf = new Map(counts.map((row) => [row.linkId, row]))
	const productOf = new Map(products.map((product) => [product.id, product]))
	const targetOf = new Map(targets.map((target) => [target.id, target]))
	return links.map((link) => {
		const target = link.postTargetId ? targetOf.get(link.postTargetId) : undefined
		return {
			id: link.id,
			slug: link.slug,
			shortUrl: shortUrlOf(link.slug, request),
			kind: link.kind as LinkKind,
			destination: link.destination as Destination,
			label: link.label,
			product: link.productId ? (productOf.get(link.productId) ?? null) : null,
			post: target ? { id: target.postId, channel: target.channel.name, platform: target.channel.platform } : null,
			clicks: countOf.get(link.id)?._count._all ?? 0,
			lastClickAt: countOf.get(link.id)?._max.at ?? null,
			createdAt: link.createdAt,
		}
	})
}

/** One of the co-op's links, for its QR code; another co-op's is not found. */
export async function requireLink(coopId: string, linkId: string) {
	const link = await getDb().trackedLink.findFirst({ where: { id: linkId, coopId }, select: { id: true, slug: true, label: true, kind: true } })
	invariantResponse(link, 'Link not found')
	return link
}

/** A link's QR code as a download: the absolute short address, PNG (600 px) or SVG. */
export async function linkQrCode(coopId: string, linkId: string, format: 'png' | 'svg', request?: Request) {
	const link = await requireLink(coopId, linkId)
	const address = shortUrlOf(link.slug, request)
	const fileName = `qr-${link.slug}.${format}`
	if (format === 'png') return { body: new Blob([new Uint8Array(await qrPng(address))]) as Blob | string, contentType: 'image/png', fileName, address }
	return { body: (await qrSvg(address)) as Blob | string, contentType: 'image/svg+xml; charset=utf-8', fileName, address }
}

/** What the redirect needs of a link, and nothing else. */
type ResolvedLink = LinkTarget & { id: string; coopId: string }

// A link's destination changes rarely (a product's listing edited); a visit
// that follows such an edit within this long may still go to the old address.
const CACHE_MS = 30_000
const CACHE_MAX = 10_000
const cache = new Map<string, { link: ResolvedLink; until: number }>()

/** The link behind a slug (cached for CACHE_MS), or null. */
export async function resolveLink(slug: string, now = Date.now()): Promise<ResolvedLink | null> {
	const hit = cache.get(slug)
	if (hit && hit.until > now) return hit.link
	const row = await getDb().trackedLink.findUnique({
		where: { slug },
		select: {
			id: true,
			coopId: true,
			destination: true,
			url: true,
			utmSource: true,
			utmMedium: true,
			utmCampaign: true,
			utmContent: true,
			productId: true,
			batchId: true,
		},
	})
	if (!row) return null
	const [product, batch] = await Promise.all([
		row.productId ? getDb().product.findUnique({ where: { id: row.productId }, select: PRODUCT_FOR_LINK }) : null,
		row.batchId ? getDb().productBatch.findUnique({ where: { id: row.batchId }, select: { slug: true } }) : null,
	])
	const link: ResolvedLink = { ...row, product, batch }
	if (cache.size >= CACHE_MAX) cache.clear()
	cache.set(slug, { link, until: now + CACHE_MS })
	return link
}

/** Forgets cached lookups (tests, and after a link's destination is edited). */
export function forgetResolvedLinks() {
	cache.clear()
}

export type Visit = { ip: string; userAgent: string | null; referrer: string | null; at?: Date }

/**
 * A visit through /l/<slug>: where to send it, or null for an unknown slug or
 * a link that leads nowhere now. The click is queued, not written: the answer
 * never waits for the database's write (clicks.server.ts).
 */
export async function followLink(slug: string, visit: Visit): Promise<string | null> {
	const link = await resolveLink(slug)
	if (!link) return null
	const clickId = newClickId()
	const location = destinationUrl(link, clickId)
	if (!location) return null
	const { device, bot } = describeVisitor(visit.userAgent)
	queueClick({
		linkId: link.id,
		coopId: link.coopId,
		clickId,
		at: visit.at ?? new Date(),
		ip: visit.ip,
		userAgent: visit.userAgent ?? '',
		referrer: visit.referrer ? visit.referrer.slice(0, 500) : null,
		device,
		bot,
	})
	return location
}

/** Everything the links page shows: the co-op's links and, for a new link, each product with the destinations it can point at. */
export async function loadLinksPage(coopId: string, request?: Request, filters: LinkFilters = {}) {
	const db = getDb()
	const [links, coop, products] = await Promise.all([
		listLinks(coopId, filters, request),
		db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { timezone: true } }),
		db.product.findMany({ where: { coopId, archivedAt: null }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, ...PRODUCT_FOR_LINK } }),
	])
	return {
		links,
		timeZone: coop.timezone,
		products: products.map((product) => ({
			id: product.id,
			code: product.code,
			name: product.name,
			destinations: [
				...(product.publicSlug && product.publicPage ? (['product-page'] as const) : []),
				...(Object.entries(LISTING_FIELDS) as Array<[Destination, keyof typeof product]>).filter(([, field]) => product[field]).map(([destination]) => destination),
			] as Destination[],
		})),
	}
}
