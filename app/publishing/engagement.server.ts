// A post's numbers over time: the snapshots the insights job reads from the
// platforms, and the ones people type in for channels without an API
// (docs/decisions/164-engagement-readings.md). The results issue builds its
// dashboard on the same rows.

import type { PrismaClient } from '~/utils/db.server.ts'
import type { ChartSnapshot } from './engagement-series.ts'

/** Kinds of target whose numbers no API gives: people type them in. */
const TYPED_IN_KINDS = new Set(['manual', 'zalo-article'])

export class NumbersNotAcceptedError extends Error {
	constructor(readonly reason: 'not-published' | 'has-api') {
		super(reason === 'not-published' ? 'Only a published target has numbers' : 'This channel’s numbers are read from its platform')
		this.name = 'NumbersNotAcceptedError'
	}
}

/** The numbers a person may type in; a number left out is not known (null), not zero. */
export type ManualNumbers = { views?: number | null; likes?: number | null; comments?: number | null; shares?: number | null }

export type ManualSnapshot = {
	coopId: string
	targetId: string
	userId: string
	/** A number left out is not known (null), not zero. */
	views?: number | null
	likes?: number | null
	comments?: number | null
	shares?: number | null
	takenAt?: Date
}

/**
 * Keeps numbers someone typed in for a published target of a manual channel
 * (or a Zalo article). Returns null when the target is not the co-op's.
 */
export async function recordManualSnapshot(db: PrismaClient, input: ManualSnapshot) {
	const target = await db.postTarget.findFirst({ where: { id: input.targetId, coopId: input.coopId }, select: { id: true, kind: true, state: true } })
	if (!target) return null
	if (target.state !== 'published') throw new NumbersNotAcceptedError('not-published')
	if (!TYPED_IN_KINDS.has(target.kind)) throw new NumbersNotAcceptedError('has-api')
	return db.engagementSnapshot.create({
		data: {
			targetId: target.id,
			coopId: input.coopId,
			takenAt: input.takenAt ?? new Date(),
			views: input.views ?? null,
			likes: input.likes ?? null,
			comments: input.comments ?? null,
			shares: input.shares ?? null,
			source: 'manual',
			enteredById: input.userId,
		},
	})
}

/** Every snapshot of a post's targets, oldest first, with the channel each belongs to. */
export async function snapshotsForPost(db: PrismaClient, coopId: string, postId: string): Promise<ChartSnapshot[]> {
	const rows = await db.engagementSnapshot.findMany({
		where: { coopId, target: { postId, coopId } },
		orderBy: [{ takenAt: 'asc' }, { createdAt: 'asc' }],
		select: {
			targetId: true,
			takenAt: true,
			views: true,
			likes: true,
			comments: true,
			shares: true,
			source: true,
			target: { select: { kind: true, channel: { select: { id: true, name: true, platform: true } } } },
		},
	})
	return rows.map((row) => ({
		targetId: row.targetId,
		channelId: row.target.channel.id,
		channelName: row.target.channel.name,
		platform: row.target.channel.platform,
		takenAt: row.takenAt.toISOString(),
		views: row.views,
		likes: row.likes,
		comments: row.comments,
		shares: row.shares,
		source: row.source === 'manual' ? 'manual' : 'api',
	}))
}
