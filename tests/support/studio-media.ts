import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { mediaKeys, resolveMediaPath } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { makeAudio, makeClip, makePhoto, type ClipOptions } from './media-fixtures.ts'

// Ready library files for studio tests: a real generated file at its place
// under MEDIA_ROOT and the row the media worker would have written for it.

async function sha256(file: string) {
	return crypto.createHash('sha256').update(await fs.readFile(file)).digest('hex')
}

/** A ready library file made by `make(path)` (an ffmpeg or sharp call writing the file). */
export async function storeReadyMedia(coopId: string, kind: 'video' | 'photo' | 'audio', extension: string, displayName: string, make: (file: string) => Promise<unknown>) {
	const db = getDb()
	const row = await db.media.create({
		data: { coopId, kind, status: 'processing', displayName, mimeType: 'application/octet-stream', sizeBytes: BigInt(0), storageKey: `pending-${crypto.randomUUID()}` },
	})
	const keys = mediaKeys(coopId, row.id, extension)
	const file = resolveMediaPath(keys.original)
	await fs.mkdir(path.dirname(file), { recursive: true })
	await make(file)
	const probe = kind === 'photo' ? null : await probeFile(file)
	const picture = kind === 'photo' ? await sharp(file).metadata() : null
	const stat = await fs.stat(file)
	return db.media.update({
		where: { id: row.id },
		data: {
			status: 'ready',
			storageKey: keys.original,
			sizeBytes: BigInt(stat.size),
			sha256: await sha256(file),
			durationMs: probe?.durationMs ?? null,
			width: probe?.video?.width ?? picture?.width ?? null,
			height: probe?.video?.height ?? picture?.height ?? null,
			hasAudio: probe ? Boolean(probe.audio) : null,
			mimeType: kind === 'video' ? 'video/mp4' : kind === 'audio' ? 'audio/mp4' : 'image/jpeg',
		},
	})
}

export function createReadyClip(coopId: string, options: ClipOptions & { displayName?: string } = {}) {
	return storeReadyMedia(coopId, 'video', 'mp4', options.displayName ?? 'doi-che.mp4', (file) => makeClip(file, options))
}

export function createReadyPhoto(coopId: string, options: { width?: number; height?: number; displayName?: string } = {}) {
	return storeReadyMedia(coopId, 'photo', 'jpg', options.displayName ?? 'bup-che.jpg', (file) => makePhoto(file, options))
}

export function createReadyAudio(coopId: string, options: { seconds?: number; displayName?: string } = {}) {
	return storeReadyMedia(coopId, 'audio', 'm4a', options.displayName ?? 'nhac-nen.m4a', (file) => makeAudio(file, options))
}
