import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeEach, expect, test } from 'vitest'
import { createCoopMember } from '#tests/support/media-world.ts'
import { makeClip } from '#tests/support/media-fixtures.ts'
import { acceptUpload, UploadRejected } from '~/media/intake.server.ts'
import { resolveMediaPath, uploadsDir } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'

afterAll(() => closeEventBus())
beforeEach(() => {
	delete process.env.IMAGE_MAX_MEGAPIXELS
	resetEnvForTests()
	fs.mkdirSync(uploadsDir(), { recursive: true })
})

/** A "finished upload" with these bytes, in the uploads area. */
function finishedUpload(name: string, bytes: Buffer | string) {
	const filePath = path.join(uploadsDir(), name)
	fs.writeFileSync(filePath, bytes)
	return filePath
}

async function rejection(filePath: string, clientName = 'x') {
	const member = await createCoopMember('editor')
	const before = await getDb().media.count()
	const error = await acceptUpload({ filePath, ...member, clientName, keepDuplicate: false }).catch((e: unknown) => e)
	expect(await getDb().media.count()).toBe(before)
	expect(error).toBeInstanceOf(UploadRejected)
	return (error as UploadRejected).code
}

test('an empty file is refused before any row exists', async () => {
	expect(await rejection(finishedUpload('empty', ''))).toBe('empty-file')
})

test('a text file named .mp4 is refused by its bytes', async () => {
	expect(await rejection(finishedUpload('notes', 'Danh sách hộ trồng chè\n'.repeat(200)), 'video.mp4')).toBe('not-media')
})

test('an iPhone HEIC photo is refused with its own reason', async () => {
	const header = Buffer.alloc(40)
	header.writeUInt32BE(24, 0)
	header.write('ftypheic', 4, 'latin1')
	header.write('mif1heic', 16, 'latin1')
	expect(await rejection(finishedUpload('heic', Buffer.concat([header, Buffer.alloc(4096)])), 'IMG_0001.HEIC')).toBe('heic-unsupported')
})

test('a photo over IMAGE_MAX_MEGAPIXELS is refused without decoding it', async () => {
	process.env.IMAGE_MAX_MEGAPIXELS = '1'
	resetEnvForTests()
	const big = await sharp({ create: { width: 1200, height: 1000, channels: 3, background: '#e2c044' } }).jpeg().toBuffer()
	expect(await rejection(finishedUpload('big', big))).toBe('image-too-large')
})

test('an accepted upload gets an id-only path and a clean display name; the file is moved, not copied', async () => {
	const member = await createCoopMember('editor')
	// tus names the bytes with a bare hex id; the extension is only for ffmpeg here.
	const source = path.join(uploadsDir(), '0123456789abcdef0123456789abcdef')
	fs.renameSync(await makeClip(`${source}.mp4`, { seconds: 1 }), source)
	const { mediaId } = await acceptUpload({ filePath: source, ...member, clientName: `../../${'x'.repeat(300)}\u0000.mp4`, keepDuplicate: false })
	const media = await getDb().media.findUniqueOrThrow({ where: { id: mediaId } })
	expect(media.storageKey).toBe(`coops/${member.coopId}/media/${mediaId}/original.mp4`)
	expect(media).toMatchObject({ status: 'processing', kind: 'video', mimeType: 'video/mp4' })
	expect(media.displayName.length).toBeLessThanOrEqual(120)
	expect(media.displayName).not.toMatch(/[/\\\u0000]/)
	expect(media.fingerprint).toMatch(/^[0-9a-f]{64}$/)
	expect(fs.existsSync(resolveMediaPath(media.storageKey))).toBe(true)
	expect(fs.existsSync(source)).toBe(false)
})
