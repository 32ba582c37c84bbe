import fs from 'node:fs/promises'
import path from 'node:path'
import { nanoid } from 'nanoid'
import type { Role } from '~/accounts/permissions.ts'
import { acceptUpload } from '~/media/intake.server.ts'
import { uploadsDir } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { subscribeCoopEvents, type CoopEvent } from '~/utils/events.server.ts'
import { addMember, createUserWithCoop } from '../../prisma/factories.ts'

/** A member of `role` in a new co-op, or in `coopId` (the shared factories; sign-up has its own tests). */
export async function createCoopMember(role: Role = 'owner', coopId?: string) {
	if (coopId) {
		const { user } = await addMember(coopId, { role })
		return { userId: user.id, coopId }
	}
	const { user, coop } = await createUserWithCoop({ role })
	return { userId: user.id, coopId: coop.id }
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
