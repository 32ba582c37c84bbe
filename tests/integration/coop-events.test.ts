import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createCoopMember } from '#tests/support/media-world.ts'
import { sessionCookie } from '#tests/support/session-requests.ts'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { closeEventBus, publishCoopEvent } from '~/utils/events.server.ts'

let server: http.Server
let base: string
let closeEventStreams: () => void

beforeAll(async () => {
	process.env.EVENTS_HEARTBEAT_MS = '300'
	resetEnvForTests()
	const events = await import('../../server/events.ts')
	closeEventStreams = events.closeEventStreams
	const app = express()
	app.use(events.eventsRouter())
	server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
	closeEventStreams()
	await new Promise((resolve) => server.close(resolve))
	await closeEventBus()
})

/** Opens /events and collects what arrives, raw. */
async function openStream(cookie: string | null) {
	const controller = new AbortController()
	const response = await fetch(`${base}/events`, { headers: cookie ? { cookie } : {}, signal: controller.signal })
	let text = ''
	let ended = false
	const reading = (async () => {
		if (!response.body) return
		const decoder = new TextDecoder()
		const reader = response.body.getReader()
		try {
			for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true })
		} catch {
			// aborted by the test
		}
		ended = true
	})()
	const until = async (check: () => boolean, what: string) => {
		for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50))
		if (!check()) throw new Error(`${what} did not happen; received: ${text}`)
	}
	return {
		response,
		text: () => text,
		data: () => [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!)),
		ended: () => ended,
		until,
		close: async () => {
			controller.abort()
			await reading
		},
	}
}

test('a member receives their co-op’s events and only theirs, with heartbeats', async () => {
	const mai = await createCoopMember('viewer')
	const other = await createCoopMember('owner')
	const stream = await openStream(await sessionCookie(mai.userId, { activeCoopId: mai.coopId }))
	expect(stream.response.status).toBe(200)
	expect(stream.response.headers.get('content-type')).toContain('text/event-stream')
	await stream.until(() => stream.text().includes('retry:'), 'the opening line')

	await publishCoopEvent(other.coopId, { type: 'media.updated', mediaId: 'theirs', status: 'ready' })
	await publishCoopEvent(mai.coopId, { type: 'media.updated', mediaId: 'ours', status: 'ready' })
	await publishCoopEvent(mai.coopId, { type: 'render.progress', renderId: 'r1', editId: 'e1', progress: 40 })
	await stream.until(() => stream.data().length >= 2, 'two events')
	expect(stream.data()).toEqual([
		{ type: 'media.updated', mediaId: 'ours', status: 'ready' },
		{ type: 'render.progress', renderId: 'r1', editId: 'e1', progress: 40 },
	])
	await stream.until(() => stream.text().includes(': ping'), 'a heartbeat')
	await stream.close()
})

test('signing out (the session row deleted) ends the stream at the next heartbeat; no session is 401', async () => {
	const mai = await createCoopMember('editor')
	const cookie = await sessionCookie(mai.userId, { activeCoopId: mai.coopId })
	const stream = await openStream(cookie)
	await stream.until(() => stream.text().includes('retry:'), 'the opening line')
	await getDb().session.deleteMany({ where: { userId: mai.userId } })
	await stream.until(stream.ended, 'the end of the stream')

	const anonymous = await fetch(`${base}/events`)
	expect(anonymous.status).toBe(401)
})

test('a member removed from the co-op stops receiving its events at the next heartbeat', async () => {
	const mai = await createCoopMember('editor')
	const stream = await openStream(await sessionCookie(mai.userId, { activeCoopId: mai.coopId }))
	await stream.until(() => stream.text().includes('retry:'), 'the opening line')
	await getDb().membership.deleteMany({ where: { userId: mai.userId, coopId: mai.coopId } })
	// The session itself is still valid: only the membership went.
	expect(await getDb().session.count({ where: { userId: mai.userId } })).toBe(1)
	await stream.until(stream.ended, 'the end of the stream')

	await publishCoopEvent(mai.coopId, { type: 'media.deleted', mediaId: 'after-removal' })
	expect(stream.data()).toEqual([])
})

test('closing the server ends every open stream', async () => {
	const mai = await createCoopMember('editor')
	const stream = await openStream(await sessionCookie(mai.userId, { activeCoopId: mai.coopId }))
	await stream.until(() => stream.text().includes('retry:'), 'the opening line')
	closeEventStreams()
	await stream.until(stream.ended, 'the end of the stream')
})
