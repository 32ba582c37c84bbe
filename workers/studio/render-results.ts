import fs from 'node:fs/promises'
import path from 'node:path'
import type { RenderJobResult } from '~/jobs/definitions.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { announceRender } from '~/studio/edits/studio-events.server.ts'
import { ACTIVE_RENDER_STATUSES, type RenderMetadata } from '~/studio/edits/render-status.ts'
import { renderFailureColumns } from '~/studio/edits/render-view.ts'
import type { RenderFailure } from '~/studio/spec/render-failure.ts'
import { getDb } from '~/utils/db.server.ts'

// Applying what the stateless render worker reports to the Render rows. Every
// function is idempotent and only moves a row that is still owed work
// (queued or rendering): the queue events and the reconciler may both report
// the same outcome, and a render cancelled meanwhile stays cancelled.

const active = { in: [...ACTIVE_RENDER_STATUSES] }

async function findRender(renderId: string) {
	return getDb().render.findUnique({ where: { id: renderId }, select: { id: true, coopId: true, editId: true, status: true, outputKey: true } })
}

export async function markRenderStarted(renderId: string) {
	const render = await findRender(renderId)
	if (!render) return
	const { count } = await getDb().render.updateMany({
		where: { id: renderId, status: active },
		data: { status: 'rendering', startedAt: new Date(), attempts: { increment: 1 } },
	})
	if (count > 0) await announceRender(render.coopId, { type: 'render.updated', renderId, editId: render.editId, status: 'rendering' })
}

/** The job's progress as the worker reports it: a number, or an object with `percent`. */
export function readProgress(data: unknown): number | null {
	const value = typeof data === 'number' ? data : typeof data === 'object' && data !== null ? (data as { percent?: unknown }).percent : null
	return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(100, Math.floor(value))) : null
}

export async function applyRenderProgress(renderId: string, progress: number) {
	// Only forward: a late event never moves the bar back, and 100 is kept for "ready".
	const value = Math.min(99, progress)
	const { count } = await getDb().render.updateMany({
		where: { id: renderId, status: active, progress: { lt: value } },
		data: { status: 'rendering', progress: value },
	})
	if (count === 0) return
	const render = await findRender(renderId)
	if (render) await announceRender(render.coopId, { type: 'render.progress', renderId, editId: render.editId, progress: value })
}

export async function applyRenderCompleted(renderId: string, result: RenderJobResult) {
	const render = await findRender(renderId)
	if (!render) return
	const metadata: RenderMetadata = {
		durationMs: Math.round(result.durationSeconds * 1000),
		sizeBytes: result.sizeBytes,
		width: result.width,
		height: result.height,
		loudness: result.loudness,
	}
	const { count } = await getDb().render.updateMany({
		where: { id: renderId, status: active },
		data: {
			status: 'ready',
			progress: 100,
			outputKey: result.outputKey,
			metadata: JSON.stringify(metadata),
			errorCode: null,
			errorParams: null,
			errorDetail: null,
			finishedAt: new Date(),
		},
	})
	if (count > 0) {
		await announceRender(render.coopId, { type: 'render.updated', renderId, editId: render.editId, status: 'ready' })
		return
	}
	// Cancelled while ffmpeg was finishing: nobody will ask for this file.
	if (render.status === 'cancelled') await removeRenderOutput(result.outputKey)
}

export async function applyRenderFailed(renderId: string, failure: RenderFailure) {
	const render = await findRender(renderId)
	if (!render) return
	const { count } = await getDb().render.updateMany({
		where: { id: renderId, status: active },
		data: { status: 'failed', ...renderFailureColumns(failure), finishedAt: new Date() },
	})
	if (count > 0) await announceRender(render.coopId, { type: 'render.updated', renderId, editId: render.editId, status: 'failed' })
}

async function removeRenderOutput(outputKey: string) {
	await fs.rm(path.dirname(resolveMediaPath(outputKey)), { recursive: true, force: true })
}
