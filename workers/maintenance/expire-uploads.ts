import fs from 'node:fs/promises'
import path from 'node:path'
import { uploadsDir } from '~/media/storage.server.ts'
import { finishedRecordsDir, removeUpload, UPLOAD_ID_PATTERN } from '~/media/upload-area.server.ts'
import { getEnv } from '~/utils/env.server.ts'

/**
 * Deletes uploads nobody finished: when no byte has arrived for
 * UPLOAD_EXPIRE_HOURS (the data file's mtime moves with every PATCH), the
 * bytes and the tus record go; so do "finished" records past the same age
 * (a client would have asked long before). Returns how many were removed.
 */
export async function expireUploads(now = Date.now()): Promise<number> {
	const maxAgeMs = getEnv().UPLOAD_EXPIRE_HOURS * 3600_000
	const isOld = (mtimeMs: number) => now - mtimeMs > maxAgeMs
	let removed = 0

	const names = await fs.readdir(uploadsDir()).catch(() => [] as string[])
	const ids = new Set(names.map((name) => name.replace(/\.json$/, '')).filter((id) => UPLOAD_ID_PATTERN.test(id)))
	for (const id of ids) {
		const times = await Promise.all(
			[id, `${id}.json`].map((name) =>
				fs.stat(path.join(uploadsDir(), name)).then(
					(s) => s.mtimeMs,
					() => 0,
				),
			),
		)
		if (isOld(Math.max(...times))) {
			await removeUpload(id)
			removed++
		}
	}

	const finished = await fs.readdir(finishedRecordsDir()).catch(() => [] as string[])
	for (const name of finished) {
		const file = path.join(finishedRecordsDir(), name)
		const stat = await fs.stat(file).catch(() => null)
		if (stat && isOld(stat.mtimeMs)) {
			await fs.rm(file, { force: true })
			removed++
		}
	}
	return removed
}
