import { z } from 'zod'
import type { PhotoPostOutputFile } from '~/jobs/definitions.ts'
import {
	MAX_CAROUSEL_PHOTOS,
	PHOTO_POST_SPEC_VERSION,
	photoFormatIds,
	photoPostSpecSchema,
	type PhotoPostSpecInput,
} from '~/studio/photo-posts/spec.ts'
import { getDb } from '~/utils/db.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'
import { announcePhotoPost } from './studio-events.server.ts'
import { enqueuePhotoPost } from './studio-jobs.server.ts'

// Photo post sets: a row first (what must happen), then the job. The
// stateless worker (workers/photo/processor.ts) renders it and the database
// side (workers/studio/photo-post-results.ts) records what it reports.

export const photoPostRequestSchema = z.object({
	title: z.string().trim().min(1, 'photoPosts.errors.titleRequired').max(120),
	productId: z.string().optional(),
	mediaIds: z.array(z.string().min(1)).min(1, 'photoPosts.errors.noPhotos').max(MAX_CAROUSEL_PHOTOS, 'photoPosts.errors.tooManyPhotos'),
	formats: z.array(z.enum(photoFormatIds)).min(1, 'photoPosts.errors.noFormats'),
	headline: z.string().trim().max(120).optional(),
	showPrice: z.boolean().default(false),
	showLogo: z.boolean().default(true),
})

export type PhotoPostRequest = z.infer<typeof photoPostRequestSchema>

export type { PhotoPostOutputFile }

export type PhotoPostRequestResult = { ok: true; photoPostId: string } | { ok: false; error: 'photosUnavailable' }

export async function requestPhotoPost(coopId: string, userId: string, request: PhotoPostRequest): Promise<PhotoPostRequestResult> {
	const db = getDb()
	const photos = await db.media.findMany({
		where: { coopId, id: { in: request.mediaIds }, kind: 'photo', status: 'ready' },
		select: { id: true },
	})
	if (photos.length !== new Set(request.mediaIds).size) return { ok: false, error: 'photosUnavailable' }
	const product = request.productId
		? await db.product.findFirst({ where: { id: request.productId, coopId }, select: { id: true, name: true, priceVnd: true, unit: true } })
		: null
	invariantResponse(!request.productId || product, 'Product not found')
	const coop = await db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { logoMediaId: true } })

	const spec: PhotoPostSpecInput = {
		version: PHOTO_POST_SPEC_VERSION,
		photos: request.mediaIds.map((mediaId) => ({ mediaId, crop: 'attention' as const })),
		formats: request.formats,
		// A logo is drawn only when the co-op has one.
		logo: { show: request.showLogo && Boolean(coop.logoMediaId), corner: 'top-right' },
		priceBadge:
			request.showPrice && product
				? { productName: product.name.slice(0, 60), priceVnd: product.priceVnd, unit: product.unit.slice(0, 20) || undefined }
				: null,
		headline: request.headline || null,
		counter: request.mediaIds.length > 1,
	}
	const parsed = photoPostSpecSchema.parse(spec)
	const row = await db.photoPostRender.create({
		data: { coopId, productId: product?.id ?? null, title: request.title, spec: JSON.stringify(parsed), requestedById: userId },
		select: { id: true, coopId: true, spec: true },
	})
	await enqueuePhotoPost(row)
	await announcePhotoPost(coopId, { type: 'photo-post.updated', photoPostId: row.id, status: 'queued' })
	return { ok: true, photoPostId: row.id }
}

export async function listPhotoPosts(coopId: string) {
	const rows = await getDb().photoPostRender.findMany({
		where: { coopId },
		orderBy: { createdAt: 'desc' },
		take: 30,
		select: { id: true, title: true, status: true, outputs: true, errorCode: true, errorParams: true, createdAt: true, product: { select: { name: true } } },
	})
	return rows.map(({ outputs, errorParams, ...row }) => ({
		...row,
		outputs: readPhotoPostOutputs(outputs),
		errorParams: errorParams ? (JSON.parse(errorParams) as Record<string, string | number>) : {},
	}))
}

export function readPhotoPostOutputs(outputs: string | null): PhotoPostOutputFile[] {
	return outputs ? (JSON.parse(outputs) as PhotoPostOutputFile[]) : []
}

export async function requirePhotoPost(coopId: string, photoPostId: string) {
	const row = await getDb().photoPostRender.findFirst({ where: { id: photoPostId, coopId } })
	invariantResponse(row, 'Photo post not found')
	return row
}
