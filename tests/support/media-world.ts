import fs from 'node:fs/promises'
import path from 'node:path'
import { nanoid } from 'nanoid'
import { acceptUpload } from '~/media/intake.server.ts'
import { uploadsDir } from '~/media/storage.server.ts'
import { startSession } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { subscribeCoopEvents, type CoopEvent } from '~/utils/events.server.ts'
import type { Role } from '~/utils/permissions.server.ts'

/** A co-op with one member of `role`, straight in the database (sign-up has its own tests). */
export async function createCoopMember(role: Role = 'owner', coopId?: string) {
	const db = getDb()
	const user = await db.user.create({ data: { email: `${nanoid(8).toLowerCase()}@example.vn`, name: 'Lò Thị Mai' } })
	const coop = coopId ? { id: coopId } : await db.coop.create({ data: { name: `HTX ${nanoid(5)}`, province: 'Yên Bái' } })
	await db.membership.create({ data: { userId: user.id, coopId: coop.id, role } })
	return { userId: user.id, coopId: coop.id }
}

/** The Cookie header of a real session for `userId` (the same cookie the login page sets). */
export async function sessionCookie(userId: string, coopId: string) {
	const setCookie = await startSession(new Request('http://localhost/login'), userId, coopId)
	return setCookie.split(';')[0]
}

/** Copies `sourceFile` where tus would have written it, then takes it into the library as a finished upload. */
export async function uploadIntoLibrary(
	member: { userId: string; coopId: string },
	sourceFile: string,
	{ name = path.basename(sourceFile), keepDuplicate = false } = {},
) {
	await fs.mkdir(uploadsDir(), { recursive: true })
	const filePath = path.join(uploadsDir(), nanoid(12))
	await fs.copyFile(sourceFile, filePath)
	return acceptUpload({ filePath, coopId: member.coopId, userId: member.userId, clientName: name, keepDuplicate })
}

/** Records a co-op's events from now on; `waitFor` resolves with the first (past or future) that matches. */
export async function recordCoopEvents(coopId: string) {
	const events: CoopEvent[] = []
	const waiters = new Set<() => void>()
	const stop = await subscribeCoopEvents(coopId, (event) => {
		events.push(event)
		for (const wake of waiters) wake()
	})
	async function waitFor(matches: (event: CoopEvent) => boolean, timeoutMs = 90_000): Promise<CoopEvent> {
		const deadline = Date.now() + timeoutMs
		for (;;) {
			const found = events.find(matches)
			if (found) return found
			if (Date.now() > deadline) throw new Error(`no matching event among ${JSON.stringify(events)}`)
			await new Promise<void>((resolve) => {
				const wake = () => {
					waiters.delete(wake)
					resolve()
				}
				waiters.add(wake)
				setTimeout(wake, 500)
			})
		}
	}
	return { events, waitFor, stop }
}

/** Polls the media row until its status leaves `processing`. */
export async function waitForMediaSettled(mediaId: string, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs
	while (Date.now() < deadline) {
		const media = await getDb().media.findUnique({ where: { id: mediaId } })
		if (media && media.status !== 'processing') return media
		await new Promise((r) => setTimeout(r, 200))
	}
	throw new Error(`media ${mediaId} still processing after ${timeoutMs} ms`)
}
