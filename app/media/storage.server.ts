import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from '~/utils/env.server.ts'

// Every file the studio keeps lives under MEDIA_ROOT at a path made only from
// ids (docs/decisions/002-storage-layout.md). A storage key is such a path,
// relative to MEDIA_ROOT; this module is the one place that turns keys into
// absolute paths, and it refuses any key that could reach outside the root.

const ID = /^[A-Za-z0-9_-]{1,64}$/
const EXTENSION = /^[a-z0-9]{1,8}$/
const KEY_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/

export class StorageKeyError extends Error {
	constructor(key: unknown) {
		super(`Refused storage key ${JSON.stringify(key)}`)
	}
}

function safeId(id: string) {
	if (!ID.test(id)) throw new StorageKeyError(id)
	return id
}

export function mediaRoot(): string {
	return getEnv().mediaRoot
}

/** Where tus keeps uploads that are not finished yet: never inside a co-op's library. */
export function uploadsDir(): string {
	return path.join(mediaRoot(), '.uploads')
}

export function mediaDirKey(coopId: string, mediaId: string) {
	return `coops/${safeId(coopId)}/media/${safeId(mediaId)}`
}

/** The keys of every file one media item may have. `extension` is the sniffed one, never the person's. */
export function mediaKeys(coopId: string, mediaId: string, extension: string) {
	if (!EXTENSION.test(extension)) throw new StorageKeyError(extension)
	const dir = mediaDirKey(coopId, mediaId)
	return {
		dir,
		original: `${dir}/original.${extension}`,
		thumb: `${dir}/thumb.jpg`,
		poster: `${dir}/poster.jpg`,
		videoProxy: `${dir}/proxy.mp4`,
		photoProxy: `${dir}/proxy.jpg`,
	}
}

/** Folder for one render's outputs (written by the render worker). */
export function renderDirKey(coopId: string, renderId: string) {
	return `coops/${safeId(coopId)}/renders/${safeId(renderId)}`
}

/** The absolute path of a storage key; throws StorageKeyError for anything that is not a plain relative key. */
export function resolveMediaPath(storageKey: string): string {
	if (typeof storageKey !== 'string' || storageKey.length === 0 || storageKey.length > 512) {
		throw new StorageKeyError(storageKey)
	}
	const segments = storageKey.split('/')
	if (!segments.every((segment) => KEY_SEGMENT.test(segment) && !segment.includes('..'))) {
		throw new StorageKeyError(storageKey)
	}
	const root = mediaRoot()
	const absolute = path.resolve(root, ...segments)
	if (!absolute.startsWith(root + path.sep)) throw new StorageKeyError(storageKey)
	return absolute
}

/**
 * A temporary path beside `storageKey`'s final place, with the same file
 * extension (ffmpeg and sharp choose the format from it). A reader never sees
 * a half-written file under the final name.
 */
export function partialPathFor(storageKey: string): string {
	const finalPath = resolveMediaPath(storageKey)
	const { dir, name, ext } = path.parse(finalPath)
	return path.join(dir, `${name}${PARTIAL_MARK}${crypto.randomBytes(6).toString('hex')}${ext}`)
}

const PARTIAL_MARK = '.part-'

/** Runs `produce(tempPath)` then renames the result into place; on failure no file is left behind. */
export async function writeAtomically(storageKey: string, produce: (tempPath: string) => Promise<void>) {
	const finalPath = resolveMediaPath(storageKey)
	const tempPath = partialPathFor(storageKey)
	await fs.mkdir(path.dirname(finalPath), { recursive: true })
	try {
		await produce(tempPath)
		await fs.rename(tempPath, finalPath)
	} catch (error) {
		await fs.rm(tempPath, { force: true })
		throw error
	}
	return finalPath
}

/**
 * Moves a finished file (an upload) to `storageKey`. A rename is atomic on one
 * file system; when MEDIA_ROOT spans two (EXDEV), the copy goes to a temporary
 * name first and is renamed, so the final name still appears only when complete.
 */
export async function moveIntoStore(sourcePath: string, storageKey: string) {
	const finalPath = resolveMediaPath(storageKey)
	await fs.mkdir(path.dirname(finalPath), { recursive: true })
	try {
		await fs.rename(sourcePath, finalPath)
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
		await writeAtomically(storageKey, (tempPath) => fs.copyFile(sourcePath, tempPath))
		await fs.rm(sourcePath, { force: true })
	}
	return finalPath
}

export async function removeStoredFile(storageKey: string | null | undefined) {
	if (storageKey) await fs.rm(resolveMediaPath(storageKey), { force: true })
}

/** Deletes a media item's folder and everything in it. */
export async function removeMediaFiles(coopId: string, mediaId: string) {
	await fs.rm(resolveMediaPath(mediaDirKey(coopId, mediaId)), { recursive: true, force: true })
}

/** Removes a folder only if nothing is left in it: a failed item or render leaves no empty folder behind. */
export async function removeFolderIfEmpty(dirKey: string) {
	await fs.rmdir(resolveMediaPath(dirKey)).catch((error: NodeJS.ErrnoException) => {
		if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'ENOENT') throw error
	})
}

/**
 * Removes temporary files left in a folder by a killed process (an ffmpeg
 * orphaned when its worker was killed finishes into a file nobody renames).
 */
export async function removePartialFiles(dirKey: string) {
	const dir = resolveMediaPath(dirKey)
	const names = await fs.readdir(dir).catch(() => [] as string[])
	await Promise.all(names.filter((n) => n.includes(PARTIAL_MARK)).map((n) => fs.rm(path.join(dir, n), { force: true })))
}
