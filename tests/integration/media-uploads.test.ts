import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createCoopMember } from '#tests/support/media-world.ts'
import { sessionCookie } from '#tests/support/session-requests.ts'
import { makeClip } from '#tests/support/media-fixtures.ts'
import { resolveMediaPath, uploadsDir } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { uploadsRouter } from '../../server/uploads.ts'

const MAX_BYTES = 3_000_000
let server: http.Server
let base: string
let clip: Buffer

beforeAll(async () => {
	process.env.UPLOAD_MAX_BYTES = String(MAX_BYTES)
	resetEnvForTests()
	const app = express()
	app.use(uploadsRouter())
	server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	const clipPath = `${uploadsDir()}-clip.mp4`
	clip = fs.readFileSync(await makeClip(clipPath, { width: 640, height: 360, seconds: 4, bitrate: '2M' }))
	fs.rmSync(clipPath)
})
afterAll(async () => {
	server?.closeAllConnections()
	await new Promise((resolve) => server?.close(resolve))
	await closeEventBus()
	delete process.env.UPLOAD_MAX_BYTES
	resetEnvForTests()
})

const b64 = (value: string) => Buffer.from(value).toString('base64')

async function editor(role: 'editor' | 'owner' | 'viewer' = 'editor') {
	const member = await createCoopMember(role)
	return { ...member, cookie: await sessionCookie(member.userId, { activeCoopId: member.coopId }) }
}

function tus(cookie: string | null, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) {
	return fetch(`${base}${path}`, {
		method,
		headers: { 'Tus-Resumable': '1.0.0', ...(cookie ? { cookie } : {}), ...headers },
		body: body ? new Uint8Array(body) : undefined,
	})
}

async function create(cookie: string, size: number, metadata = `filename ${b64('Nương chè.mp4')}`) {
	const response = await tus(cookie, 'POST', '/uploads', { 'Upload-Length': String(size), 'Upload-Metadata': metadata })
	expect(response.status).toBe(201)
	return response.headers.get('location')!
}

function patch(cookie: string, location: string, offset: number, bytes: Buffer) {
	return tus(cookie, 'PATCH', location, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, bytes)
}

/** Sends `bytes` as a PATCH body and cuts the connection without finishing, like a phone losing its signal. */
async function patchAndDrop(cookie: string, location: string, bytes: Buffer) {
	await new Promise<void>((resolve) => {
		const request = http.request(`${base}${location}`, {
			method: 'PATCH',
			headers: {
				'Tus-Resumable': '1.0.0',
				cookie,
				'Upload-Offset': '0',
				'Content-Type': 'application/offset+octet-stream',
				'Content-Length': String(clip.length),
			},
		})
		request.on('error', () => resolve())
		request.write(bytes, () => setTimeout(() => {
			request.destroy()
			resolve()
		}, 300))
	})
}

async function offsetOf(cookie: string, location: string) {
	const response = await tus(cookie, 'HEAD', location)
	expect(response.status).toBe(200)
	return Number(response.headers.get('upload-offset'))
}

test('an upload cut at about half resumes with HEAD and PATCH and lands in the library intact', async () => {
	const mai = await editor()
	const location = await create(mai.cookie, clip.length)
	expect(location).toMatch(/^\/uploads\/[0-9a-f]{32}$/)
	const id = location.split('/').pop()!

	await patchAndDrop(mai.cookie, location, clip.subarray(0, Math.floor(clip.length / 2)))
	let offset = 0
	for (let i = 0; i < 50 && offset === 0; i++) {
		offset = await offsetOf(mai.cookie, location)
		if (offset === 0) await new Promise((r) => setTimeout(r, 100))
	}
	expect(offset).toBeGreaterThan(0)
	expect(offset).toBeLessThanOrEqual(Math.floor(clip.length / 2))
	// Half-written bytes are never in the library, only in the uploads area.
	expect(await getDb().media.count({ where: { coopId: mai.coopId } })).toBe(0)
	expect(fs.statSync(`${uploadsDir()}/${id}`).size).toBe(offset)

	const finish = await patch(mai.cookie, location, offset, clip.subarray(offset))
	expect(finish.status).toBe(204)
	const mediaId = finish.headers.get('upload-media-id')!
	const media = await getDb().media.findFirstOrThrow({ where: { id: mediaId, coopId: mai.coopId } })
	expect(media).toMatchObject({ displayName: 'Nương chè.mp4', kind: 'video', status: 'processing', uploadedById: mai.userId })
	const stored = fs.readFileSync(resolveMediaPath(media.storageKey))
	expect(crypto.createHash('sha256').update(stored).digest('hex')).toBe(crypto.createHash('sha256').update(clip).digest('hex'))
	expect(fs.existsSync(`${uploadsDir()}/${id}`)).toBe(false)
	expect(fs.existsSync(`${uploadsDir()}/${id}.json`)).toBe(false)

	// A client whose last response was lost asks again: it is told the upload is complete, and which media it became.
	const again = await tus(mai.cookie, 'HEAD', location)
	expect(again.status).toBe(200)
	expect(again.headers.get('upload-offset')).toBe(String(clip.length))
	expect(again.headers.get('upload-media-id')).toBe(mediaId)

	// Once the phone has the answer it says so, and the receipt goes: none pile up in finished/.
	const receipt = `${uploadsDir()}/finished/${id}.json`
	const stranger = await editor()
	expect((await tus(stranger.cookie, 'DELETE', location)).status).toBe(404)
	expect(fs.existsSync(receipt)).toBe(true)
	expect((await tus(mai.cookie, 'DELETE', location)).status).toBe(204)
	expect(fs.existsSync(receipt)).toBe(false)
	expect((await tus(mai.cookie, 'HEAD', location)).status).toBe(404)
	expect(await getDb().media.count({ where: { id: mediaId } })).toBe(1)
})

test("another co-op's member gets 404 for HEAD, PATCH and DELETE; the upload is untouched", async () => {
	const mai = await editor()
	const stranger = await editor()
	const location = await create(mai.cookie, clip.length)
	expect((await patch(mai.cookie, location, 0, clip.subarray(0, 1000))).status).toBe(204)

	expect((await tus(stranger.cookie, 'HEAD', location)).status).toBe(404)
	expect((await patch(stranger.cookie, location, 1000, clip.subarray(1000, 2000))).status).toBe(404)
	expect((await tus(stranger.cookie, 'DELETE', location)).status).toBe(404)
	expect(await offsetOf(mai.cookie, location)).toBe(1000)
	// Raw upload bytes are never served by the upload endpoint.
	expect((await tus(mai.cookie, 'GET', location)).status).toBe(404)
})

test('the co-op comes from the session, never from the metadata the client sends', async () => {
	const mai = await editor()
	const other = await editor()
	const location = await create(mai.cookie, clip.length, `filename ${b64('x.mp4')},coopId ${b64(other.coopId)},userId ${b64(other.userId)}`)
	expect((await tus(other.cookie, 'HEAD', location)).status).toBe(404)
	const finish = await patch(mai.cookie, location, 0, clip)
	expect(finish.status).toBe(204)
	const media = await getDb().media.findUniqueOrThrow({ where: { id: finish.headers.get('upload-media-id')! } })
	expect(media).toMatchObject({ coopId: mai.coopId, uploadedById: mai.userId })
})

test('signed out is 401, a viewer is 403, an unknown or malformed id 404', async () => {
	const viewer = await editor('viewer')
	expect((await tus(null, 'POST', '/uploads', { 'Upload-Length': '10' })).status).toBe(401)
	const forbidden = await tus(viewer.cookie, 'POST', '/uploads', { 'Upload-Length': '10' })
	expect(forbidden.status).toBe(403)
	expect(await forbidden.json()).toEqual({ code: 'forbidden' })
	const mai = await editor()
	expect((await tus(mai.cookie, 'HEAD', '/uploads/00000000000000000000000000000000')).status).toBe(404)
	expect((await tus(mai.cookie, 'HEAD', '/uploads/..%2F..%2Fetc%2Fpasswd')).status).toBe(404)
})

test('a file over UPLOAD_MAX_BYTES is refused with 413 before any byte is stored', async () => {
	const mai = await editor()
	const response = await tus(mai.cookie, 'POST', '/uploads', { 'Upload-Length': String(MAX_BYTES + 1) })
	expect(response.status).toBe(413)
	expect(await response.json()).toEqual({ code: 'file-too-large' })
	const deferred = await tus(mai.cookie, 'POST', '/uploads', { 'Upload-Defer-Length': '1' })
	expect(deferred.status).toBe(201)
	const tooMuch = await tus(mai.cookie, 'PATCH', deferred.headers.get('location')!, {
		'Upload-Offset': '0',
		'Upload-Length': String(MAX_BYTES + 1),
		'Content-Type': 'application/offset+octet-stream',
	})
	expect(tooMuch.status).toBe(413)
})

test('a finished upload that is not media is refused with its reason and leaves no row and no file', async () => {
	const mai = await editor()
	const text = Buffer.from('Đây không phải video.\n'.repeat(100))
	const location = await create(mai.cookie, text.length, `filename ${b64('video.mp4')}`)
	const refused = await patch(mai.cookie, location, 0, text)
	expect(refused.status).toBe(422)
	expect(await refused.json()).toEqual({ code: 'not-media' })
	const id = location.split('/').pop()!
	expect(fs.existsSync(`${uploadsDir()}/${id}`)).toBe(false)
	expect(await getDb().media.count({ where: { coopId: mai.coopId } })).toBe(0)

	const empty = await tus(mai.cookie, 'POST', '/uploads', { 'Upload-Length': '0' })
	expect(empty.status).toBe(422)
	expect(await empty.json()).toEqual({ code: 'empty-file' })
})

test('an upload whose bytes all arrived but that was never taken in (server stopped) is finished by the next HEAD', async () => {
	const mai = await editor()
	const location = await create(mai.cookie, clip.length)
	const id = location.split('/').pop()!
	// As if the last PATCH was written to disk and the process died before finishing it.
	fs.writeFileSync(`${uploadsDir()}/${id}`, clip)
	const head = await tus(mai.cookie, 'HEAD', location)
	expect(head.status).toBe(200)
	expect(head.headers.get('upload-offset')).toBe(String(clip.length))
	const mediaId = head.headers.get('upload-media-id')!
	expect(await getDb().media.findFirst({ where: { id: mediaId, coopId: mai.coopId } })).not.toBeNull()
	expect(fs.existsSync(`${uploadsDir()}/${id}`)).toBe(false)
})
