import { openAsBlob } from 'node:fs'
import fs from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'
import { customAlphabet } from 'nanoid'
import sharp from 'sharp'
import { enqueueMediaProcessing } from '~/jobs/queues.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { sanitizeDisplayName } from './display-name.ts'
import { classifySniffedType, exceedsMegapixels, type MediaKind, type UploadRejection } from './file-kinds.ts'
import { fingerprintBlob } from './fingerprint.ts'
import { announceMedia } from './media-events.server.ts'
import { mediaSearchText } from './search-text.ts'
import { mediaKeys, moveIntoStore } from './storage.server.ts'

/** An upload that is not accepted into the library; `code` is translated for the person (media.errors.*). */
export class UploadRejected extends Error {
	constructor(readonly code: UploadRejection) {
		super(`upload rejected: ${code}`)
	}
}

export type FinishedUpload = {
	/** The complete file, outside the library (MEDIA_ROOT/.uploads). It is moved, not copied. */
	filePath: string
	coopId: string
	userId: string
	/** The name the browser sent, shown only; never used in a path. */
	clientName: string | null | undefined
	/** They were told the file is already in the library and chose to upload it anyway. */
	keepDuplicate: boolean
}

type Inspected = { kind: MediaKind; extension: string; mimeType: string; sizeBytes: number }

const newMediaId = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 25)

/**
 * Checks a finished upload before anything of it becomes visible: it must be
 * non-empty, really a photo, video or audio file by its first bytes (a text
 * file renamed .mp4 is refused), not HEIC, and a photo must not exceed
 * IMAGE_MAX_MEGAPIXELS. Reads only headers, so it is quick even for 2 GB.
 */
export async function inspectUpload(filePath: string): Promise<Inspected> {
	const { size } = await fs.stat(filePath)
	if (size === 0) throw new UploadRejected('empty-file')
	const classification = classifySniffedType(await fileTypeFromFile(filePath))
	if (!classification.ok) throw new UploadRejected(classification.code)
	if (classification.kind === 'photo') {
		const metadata = await sharp(filePath, { limitInputPixels: false })
			.metadata()
			.catch(() => null)
		if (!metadata?.width || !metadata.height) throw new UploadRejected('corrupt-image')
		if (exceedsMegapixels(metadata.width, metadata.height, getEnv().IMAGE_MAX_MEGAPIXELS)) {
			throw new UploadRejected('image-too-large')
		}
	}
	const { kind, extension, mimeType } = classification
	return { kind, extension, mimeType, sizeBytes: size }
}

/**
 * Takes a finished upload into the co-op's library: inspects it, creates the
 * row (status `processing`), moves the file to its id-only place and queues
 * the media job. Throws UploadRejected, leaving the file where it was for the
 * caller to delete, when the file is not acceptable.
 */
export async function acceptUpload(upload: FinishedUpload): Promise<{ mediaId: string }> {
	const inspected = await inspectUpload(upload.filePath)
	const fingerprint = await fingerprintBlob(await openAsBlob(upload.filePath))
	const mediaId = newMediaId()
	const keys = mediaKeys(upload.coopId, mediaId, inspected.extension)
	const displayName = sanitizeDisplayName(upload.clientName, `${inspected.kind}.${inspected.extension}`)
	const db = getDb()
	await db.media.create({
		data: {
			id: mediaId,
			coopId: upload.coopId,
			uploadedById: upload.userId,
			kind: inspected.kind,
			status: 'processing',
			displayName,
			searchText: mediaSearchText({ displayName }),
			mimeType: inspected.mimeType,
			sizeBytes: BigInt(inspected.sizeBytes),
			fingerprint,
			storageKey: keys.original,
			duplicateAccepted: upload.keepDuplicate,
		},
	})
	try {
		await moveIntoStore(upload.filePath, keys.original)
	} catch (error) {
		await db.media.delete({ where: { id: mediaId } })
		throw error
	}
	// If Redis is away the row still says `processing`; the reconciler queues it later.
	await enqueueMediaProcessing(mediaId).catch((error: Error) => {
		console.error(`media ${mediaId}: not queued yet (${error.message}); the reconciler will retry`)
	})
	await announceMedia(upload.coopId, { type: 'media.created', mediaId, status: 'processing' })
	return { mediaId }
}
