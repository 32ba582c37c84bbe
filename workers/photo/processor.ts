import path from 'node:path'
import { UnrecoverableError, type Job } from 'bullmq'
import type { PhotoPostJob, PhotoPostJobResult } from '~/jobs/definitions.ts'
import { removePartialFiles, resolveMediaPath } from '~/media/storage.server.ts'
import { PhotoPostError, encodePhotoPostFailure } from './errors.ts'
import { renderPhotoPost } from './render-photo-post.ts'

/**
 * One photo post job, stateless like a render (docs/decisions/014-stateless-render-workers.md):
 * the spec and storage keys in, the JPEGs' keys and metadata out; nothing here
 * opens the database (workers/studio/photo-post-results.ts records the outcome).
 * A problem with the photos themselves fails at once with a code the studio
 * translates; anything else is retried.
 */
export async function processPhotoPost(job: Job<PhotoPostJob>): Promise<PhotoPostJobResult> {
	const { spec, photos, logoKey, outputDirKey } = job.data
	try {
		const result = await renderPhotoPost(spec as Parameters<typeof renderPhotoPost>[0], sourcesOf(photos, logoKey), resolveMediaPath(outputDirKey))
		return {
			outputs: result.outputs.map(({ path: file, quality: _quality, ...output }) => ({ ...output, key: `${outputDirKey}/${path.basename(file)}` })),
		}
	} catch (error) {
		await removePartialFiles(outputDirKey)
		if (error instanceof PhotoPostError) throw new UnrecoverableError(encodePhotoPostFailure(error))
		throw error
	}
}

function sourcesOf(photos: Record<string, string>, logoKey: string | null) {
	return {
		photos: Object.fromEntries(Object.entries(photos).map(([mediaId, key]) => [mediaId, resolveMediaPath(key)])),
		logo: logoKey ? resolveMediaPath(logoKey) : undefined,
	}
}
