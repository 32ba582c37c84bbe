import fs from 'node:fs'
import path from 'node:path'
import type { Job } from 'bullmq'
import { beforeEach, expect, test } from 'vitest'
import { processMaintenance } from '#workers/maintenance/processor.ts'
import type { MaintenanceJob } from '~/jobs/definitions.ts'
import { uploadsDir } from '~/media/storage.server.ts'
import { finishedRecordsDir, writeFinishedRecord } from '~/media/upload-area.server.ts'

const HOUR = 3600_000
const ids = { abandoned: 'a'.repeat(32), active: 'b'.repeat(32), recordOnly: 'c'.repeat(32), finishedOld: 'd'.repeat(32), finishedNew: 'e'.repeat(32) }

function age(file: string, hours: number) {
	const when = new Date(Date.now() - hours * HOUR)
	fs.utimesSync(file, when, when)
}

function upload(id: string, bytes: number, hoursSinceLastByte: number) {
	const data = path.join(uploadsDir(), id)
	fs.writeFileSync(data, Buffer.alloc(bytes))
	fs.writeFileSync(`${data}.json`, JSON.stringify({ id, size: bytes * 2, metadata: {} }))
	age(`${data}.json`, 48)
	age(data, hoursSinceLastByte)
}

beforeEach(() => fs.mkdirSync(uploadsDir(), { recursive: true }))

test('the expire-uploads task removes what was abandoned for UPLOAD_EXPIRE_HOURS and keeps what is still moving', async () => {
	upload(ids.abandoned, 5000, 25)
	// Created two days ago, but a byte arrived an hour ago: a slow phone, still going.
	upload(ids.active, 5000, 1)
	fs.writeFileSync(path.join(uploadsDir(), `${ids.recordOnly}.json`), '{}')
	age(path.join(uploadsDir(), `${ids.recordOnly}.json`), 30)
	await writeFinishedRecord(ids.finishedOld, { coopId: 'c', mediaId: 'm', size: 1 })
	age(path.join(finishedRecordsDir(), `${ids.finishedOld}.json`), 30)
	await writeFinishedRecord(ids.finishedNew, { coopId: 'c', mediaId: 'm', size: 1 })
	fs.writeFileSync(path.join(uploadsDir(), 'not-an-upload.txt'), 'kept')
	age(path.join(uploadsDir(), 'not-an-upload.txt'), 100)

	const result = await processMaintenance({ data: { task: 'expire-uploads' } } as Job<MaintenanceJob>)
	expect(result).toEqual({ handled: 3 })
	expect(fs.readdirSync(uploadsDir()).sort()).toEqual([ids.active, `${ids.active}.json`, 'finished', 'not-an-upload.txt'].sort())
	expect(fs.readdirSync(finishedRecordsDir())).toEqual([`${ids.finishedNew}.json`])
})
