// PLACEHOLDER from the composer branch (issue 11): the insights helper owns
// this file; its version replaces this one at merge. Only the signature the
// post page uses is here.

import type { PrismaClient } from '~/utils/db.server.ts'

export type ManualNumbers = { views?: number | null; likes?: number | null; comments?: number | null; shares?: number | null }

/** Numbers a person typed in for a target of their co-op; false when the target is not theirs. */
export async function recordManualSnapshot(
	db: PrismaClient,
	input: { coopId: string; targetId: string; userId: string; numbers: ManualNumbers; takenAt?: Date },
): Promise<boolean> {
	const target = await db.postTarget.findFirst({ where: { id: input.targetId, coopId: input.coopId }, select: { id: true } })
	if (!target) return false
	await db.engagementSnapshot.create({
		data: {
			targetId: target.id,
			coopId: input.coopId,
			takenAt: input.takenAt ?? new Date(),
			views: input.numbers.views ?? null,
			likes: input.numbers.likes ?? null,
			comments: input.numbers.comments ?? null,
			shares: input.numbers.shares ?? null,
			source: 'manual',
			enteredById: input.userId,
		},
	})
	return true
}
