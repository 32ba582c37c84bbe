import fs from 'node:fs/promises'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { renderCacheKey } from '~/studio/render/cache-key.ts'
import { checkMedia, mediaUses, type InspectedMedia } from '~/studio/render/media-check.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'
import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import type { OutputFormatId } from '~/studio/spec/formats.ts'
import { getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'
import { readEditSpec, requireEdit } from './edits.server.ts'
import { announceRender } from './studio-events.server.ts'
import { clampClipsToDecodable } from './decodable-range.ts'
import { cancelRenderJob, enqueueRenderJob } from './render-jobs.server.ts'
import { isActiveRenderStatus, type RenderQuality } from './render-status.ts'
import type { SpecMedia } from './spec-media.server.ts'
import { validateEdit } from './validate-edit.server.ts'

// Asking for renders (docs/decisions/040-render-orchestration.md): validate
// against the real files, then for each format either reuse an identical
// earlier render or write the Render row first and queue its job second.

export type RenderRequestResult =
	| { ok: true; renders: { renderId: string; reused: boolean }[] }
	| { ok: false; issues: SpecIssue[] }

type RenderRequest = { coopId: string; userId: string; editId: string; quality: RenderQuality }

export async function requestRenders({ coopId, userId, editId, quality }: RenderRequest): Promise<RenderRequestResult> {
	const edit = await requireEdit(coopId, editId)
	const validated = await validateEdit(coopId, readEditSpec(edit))
	if (!validated.ok) return validated
	const { media } = validated
	// A clip cut short is stored with what really decodes (decision 130): its
	// ranges are pulled back to that; any other trim past the end is refused below.
	const cutShort = [...media.values()].filter((m) => m.fullDurationMs !== null)
	const clamped = clampClipsToDecodable(validated.spec, new Map(cutShort.map((m) => [m.id, m.durationMs])))
	if (clamped.issues.length > 0) return { ok: false, issues: clamped.issues }
	const { spec } = clamped
	// The facts probed at upload, and the files still on disk: a trim past a
	// clip's end or a file gone missing is refused here, by item, before
	// anything is queued. No ffprobe in the web process: the render worker
	// reads the files themselves again.
	const issues = checkMedia(spec, await storedMediaFacts(spec, media), { maxImageMegapixels: getEnv().IMAGE_MAX_MEGAPIXELS })
	if (issues.length > 0) return { ok: false, issues }

	// A preview is for checking the cut: one format is enough.
	const formats = quality === 'preview' ? spec.output.formats.slice(0, 1) : spec.output.formats
	const specJson = JSON.stringify(spec)
	const renders: { renderId: string; reused: boolean }[] = []
	for (const format of formats) {
		const cacheKey = renderCacheKey(spec, inputFingerprints(media), { format, quality })
		renders.push(await reuseOrQueue({ coopId, userId, editId, format, quality, cacheKey, specJson }))
	}
	return { ok: true, renders }
}

/** What the media rows know of each file the spec uses (the media worker probed it at upload). */
async function storedMediaFacts(spec: EditSpec, media: Map<string, SpecMedia>): Promise<InspectedMedia> {
	const entries = await Promise.all(
		[...mediaUses(spec).keys()].map(async (id): Promise<[string, InspectedMedia[string]]> => {
			const row = media.get(id)
			if (!row || !(await isFile(resolveMediaPath(row.storageKey)))) return [id, { status: 'missing' }]
			// A picture size is stored only when the probe found a picture (for a video, its video stream).
			const size = row.width && row.height ? { width: row.width, height: row.height } : undefined
			const hasVideo = row.kind === 'video' && size !== undefined
			const image = row.kind === 'photo' ? size : undefined
			return [id, { status: 'ok', durationMs: row.durationMs, hasVideo, hasAudio: row.hasAudio === true, image }]
		}),
	)
	return Object.fromEntries(entries)
}

async function isFile(file: string): Promise<boolean> {
	return fs.stat(file).then((stat) => stat.isFile(), () => false)
}

/** What identifies each input's bytes: its SHA-256 (computed at upload). */
function inputFingerprints(media: Map<string, SpecMedia>): Record<string, string> {
	return Object.fromEntries([...media.values()].map((m) => [m.id, m.sha256 ?? `key:${m.storageKey}`]))
}

type OneRender = {
	coopId: string
	userId: string
	editId: string
	format: OutputFormatId
	quality: RenderQuality
	cacheKey: string
	specJson: string
}

async function reuseOrQueue(request: OneRender): Promise<{ renderId: string; reused: boolean }> {
	const db = getDb()
	const { coopId, editId, cacheKey } = request
	// The same edit asked twice (a double tap, or nothing changed since): the render it already has.
	const own = await db.render.findFirst({
		where: { editId, coopId, cacheKey, status: { in: ['queued', 'rendering', 'ready'] } },
		orderBy: { createdAt: 'desc' },
	})
	if (own && (own.status !== 'ready' || (await outputExists(own.outputKey)))) return { renderId: own.id, reused: own.status === 'ready' }

	// Another edit of the co-op rendered exactly this: share its file, run no ffmpeg.
	const donor = await db.render.findFirst({ where: { coopId, cacheKey, status: 'ready' }, orderBy: { finishedAt: 'desc' } })
	if (donor && (await outputExists(donor.outputKey))) {
		const now = new Date()
		const reused = await db.render.create({
			data: {
				...rowBase(request),
				status: 'ready',
				progress: 100,
				outputKey: donor.outputKey,
				metadata: donor.metadata,
				reusedFromId: donor.reusedFromId ?? donor.id,
				startedAt: now,
				finishedAt: now,
			},
		})
		await announceRender(coopId, { type: 'render.updated', renderId: reused.id, editId, status: 'ready' })
		return { renderId: reused.id, reused: true }
	}

	const render = await db.render.create({ data: { ...rowBase(request), status: 'queued' } })
	// Announced before queuing: a waiting worker may announce `rendering` at once.
	await announceRender(coopId, { type: 'render.updated', renderId: render.id, editId, status: 'queued' })
	await enqueueRenderJob(render)
	return { renderId: render.id, reused: false }
}

function rowBase({ coopId, userId, editId, format, quality, cacheKey, specJson }: OneRender) {
	return { coopId, editId, format, quality, cacheKey, spec: specJson, requestedById: userId }
}

async function outputExists(outputKey: string | null): Promise<boolean> {
	return outputKey !== null && isFile(resolveMediaPath(outputKey))
}

export async function requireRender(coopId: string, renderId: string) {
	const render = await getDb().render.findFirst({ where: { id: renderId, coopId } })
	invariantResponse(render, 'Render not found')
	return render
}

/**
 * A finished render of this co-op with its edit's title, for the file route.
 * Both rows are matched on the co-op: a render that points at another
 * co-op's edit is not found either, and its title never leaves.
 */
export async function requireReadyRenderFile(coopId: string, renderId: string) {
	const render = await getDb().render.findFirst({
		where: { id: renderId, coopId, edit: { coopId } },
		select: { status: true, outputKey: true, format: true, edit: { select: { title: true } } },
	})
	invariantResponse(render, 'Render not found')
	invariantResponse(render.status === 'ready' && render.outputKey, 'Render not ready')
	return { outputKey: render.outputKey, format: render.format, editTitle: render.edit.title }
}

/** Stops a render that has not finished: the row says cancelled first, then the job is removed or its ffmpeg killed. */
export async function cancelRender(coopId: string, renderId: string) {
	const render = await requireRender(coopId, renderId)
	if (!isActiveRenderStatus(render.status)) return
	const { count } = await getDb().render.updateMany({
		where: { id: render.id, status: { in: ['queued', 'rendering'] } },
		data: { status: 'cancelled', finishedAt: new Date() },
	})
	if (count === 0) return
	await cancelRenderJob(render.id)
	await announceRender(coopId, { type: 'render.updated', renderId: render.id, editId: render.editId, status: 'cancelled' })
}

/**
 * Hands a finished video to the scheduler: the seam the scheduling issue
 * reads (Render.handedOffAt). Only a final render can be handed off.
 * Returns false when this render cannot be handed off (yet).
 */
export async function handOffRender(coopId: string, renderId: string, userId: string): Promise<boolean> {
	const render = await requireRender(coopId, renderId)
	if (render.handedOffAt) return true
	if (render.status !== 'ready' || render.quality !== 'final') return false
	await getDb().render.update({ where: { id: render.id }, data: { handedOffAt: new Date(), handedOffById: userId } })
	await announceRender(coopId, { type: 'render.updated', renderId: render.id, editId: render.editId, status: 'ready' })
	return true
}
