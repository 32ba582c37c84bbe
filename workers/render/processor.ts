import fs from 'node:fs/promises'
import path from 'node:path'
import { UnrecoverableError, type Job } from 'bullmq'
import type { RenderJob, RenderJobResult } from '~/jobs/definitions.ts'
import { StorageKeyError, removeFolderIfEmpty, resolveMediaPath } from '~/media/storage.server.ts'
import { parseEditSpec } from '~/studio/spec/edit-spec.ts'
import { encodeRenderFailure, type RenderFailure } from '~/studio/spec/render-failure.ts'
import { getEnv } from '~/utils/env.server.ts'
import { findCutShortClip } from './cut-short.ts'
import { RenderFailedError, RenderRejectedError, renderEdit } from './engine.ts'

// The render worker's job: a spec, storage keys in, a video file and its
// metadata out. Stateless by design (docs/decisions/014-stateless-render-workers.md):
// no database here, so any machine that shares Redis and the media store can
// take render jobs.

/** Why the signal fired. A person's cancel is final; a stopping worker hands the job to the next one. */
export const CANCEL_REASONS = { byPerson: 'cancelled-by-person', workerStopping: 'worker-stopping' } as const

/** Progress is written to Redis at most this often. */
const PROGRESS_INTERVAL_MS = 500

export async function processRender(job: Job<RenderJob>, _token?: string, signal?: AbortSignal): Promise<RenderJobResult> {
	const parsed = parseEditSpec(job.data.spec)
	if (!parsed.success) throw fail({ code: 'rejected', issues: parsed.issues })

	const { outputPath, mediaPaths } = resolveLocations(job.data)
	await removeOwnLeftovers(outputPath)

	let lastReport = 0
	try {
		const result = await renderEdit({
			spec: parsed.spec,
			mediaPaths,
			format: job.data.format,
			quality: job.data.quality,
			outputPath,
			signal,
			maxImageMegapixels: getEnv().IMAGE_MAX_MEGAPIXELS,
			onProgress: (percent) => {
				const now = Date.now()
				if (percent < 100 && now - lastReport < PROGRESS_INTERVAL_MS) return
				lastReport = now
				void job.updateProgress(percent).catch(() => {})
			},
		})
		return { outputKey: job.data.outputKey, ...result }
	} catch (error) {
		// A failed render leaves no empty folder (a retry makes it again).
		await removeFolderIfEmpty(path.posix.dirname(job.data.outputKey))
		if (error instanceof RenderRejectedError) throw fail({ code: 'rejected', issues: error.issues })
		if (!(error instanceof RenderFailedError)) throw error
		if (error.stderrTail) await job.log(`ffmpeg stderr (last lines):\n${error.stderrTail}`).catch(() => {})
		if (error.code !== 'cancelled') console.error(`[render] job ${job.id}: ${error.message}\n${error.stderrTail}`)
		if (error.code === 'cancelled' && signal?.reason === CANCEL_REASONS.workerStopping) {
			// Retried by the next worker: this attempt did not fail on its own.
			throw new Error(encodeRenderFailure({ code: 'cancelled', detail: 'the worker was stopping' }))
		}
		const cutShort = error.code === 'ffmpegFailed' || error.code === 'outputInvalid' ? await findCutShortClip(parsed.spec, mediaPaths) : null
		// A clip cut short fails the same way every time: name it, and never retry.
		if (cutShort) throw fail({ code: 'clipCutShort', params: cutShort, detail: error.message })
		const failure: RenderFailure = { code: error.code, params: error.params, detail: error.message }
		// The same spec and media would fail the same way again; a killed ffmpeg or a bad file may not.
		throw error.transient || error.code === 'outputInvalid' ? new Error(encodeRenderFailure(failure)) : fail(failure)
	}
}

/** Storage keys to paths; a key reaching outside MEDIA_ROOT is a bug in the producer, never retried. */
function resolveLocations(data: RenderJob) {
	try {
		return {
			outputPath: resolveMediaPath(data.outputKey),
			mediaPaths: Object.fromEntries(Object.entries(data.inputs).map(([id, key]) => [id, resolveMediaPath(key)])),
		}
	} catch (error) {
		if (error instanceof StorageKeyError) throw fail({ code: 'unexpected', detail: error.message })
		throw error
	}
}

function fail(failure: RenderFailure) {
	return new UnrecoverableError(encodeRenderFailure(failure))
}

/**
 * A worker killed mid-render leaves its temporary file behind; the retry
 * removes the ones of this output only (other renders may share the folder).
 */
async function removeOwnLeftovers(outputPath: string) {
	const { dir, name, ext } = path.parse(outputPath)
	const names = await fs.readdir(dir).catch(() => [] as string[])
	const leftovers = names.filter((n) => n.startsWith(`${name}.part-`) && n.endsWith(ext))
	await Promise.all(leftovers.map((n) => fs.rm(path.join(dir, n), { force: true })))
}
