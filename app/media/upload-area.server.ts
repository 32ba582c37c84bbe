import fs from 'node:fs/promises'
import path from 'node:path'
import { uploadsDir } from './storage.server.ts'

// The layout of MEDIA_ROOT/.uploads, where resumable uploads live until they
// are finished (docs/decisions/005-resumable-uploads.md):
//   <uploadId>                 the bytes received so far (tus FileStore)
//   <uploadId>.json            its tus record: size, metadata (coopId, userId, filename)
//   finished/<uploadId>.json   after finishing: which media it became, so that a
//                              client whose last response was lost learns it is done

/** tus FileStore's default ids: 16 random bytes in hex. Anything else is refused before touching disk. */
export const UPLOAD_ID_PATTERN = /^[0-9a-f]{32}$/

export type FinishedUploadRecord = { coopId: string; mediaId: string; size: number; finishedAt: string }

export function uploadDataPath(uploadId: string) {
	return path.join(uploadsDir(), uploadId)
}

export function uploadInfoPath(uploadId: string) {
	return path.join(uploadsDir(), `${uploadId}.json`)
}

export function finishedRecordsDir() {
	return path.join(uploadsDir(), 'finished')
}

function finishedRecordPath(uploadId: string) {
	return path.join(finishedRecordsDir(), `${uploadId}.json`)
}

export async function writeFinishedRecord(uploadId: string, record: Omit<FinishedUploadRecord, 'finishedAt'>) {
	await fs.mkdir(finishedRecordsDir(), { recursive: true })
	const full: FinishedUploadRecord = { ...record, finishedAt: new Date().toISOString() }
	await fs.writeFile(finishedRecordPath(uploadId), JSON.stringify(full))
}

export async function readFinishedRecord(uploadId: string): Promise<FinishedUploadRecord | null> {
	try {
		return JSON.parse(await fs.readFile(finishedRecordPath(uploadId), 'utf8')) as FinishedUploadRecord
	} catch {
		return null
	}
}

/** The phone has heard which media its upload became: the receipt has done its job. */
export async function removeFinishedRecord(uploadId: string) {
	await fs.rm(finishedRecordPath(uploadId), { force: true })
}

/** Removes an unfinished or rejected upload's bytes and record. */
export async function removeUpload(uploadId: string) {
	await Promise.all([fs.rm(uploadDataPath(uploadId), { force: true }), fs.rm(uploadInfoPath(uploadId), { force: true })])
}
