// The publishing engine's domain side: every change of a target's state goes
// through here, as a conditional update (the state it was read in), then a
// live event; and a due target is handed to the queue with a deterministic
// job id. The worker (workers/publish/), the composer, the calendar and the
// post page all call these; nothing else writes PostTarget.state.
// (docs/decisions/156-publishing-engine.md).

import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import type { PrismaClient } from '~/utils/db.server.ts'
import { firstInsightsAt } from './insights-schedule.ts'
import { canMove, ENQUEUE_AHEAD_MS, type TargetState } from './target-state.ts'
import { announcePost, announceTarget } from './publishing-events.server.ts'

export type TargetRef = { id: string; postId: string; channelId: string; coopId: string }

/**
 * Moves a target from `from` to `to` if it is still in `from`; returns false
 * when someone else moved it first. `data` is written in the same update.
 */
export async function moveTarget(
	db: PrismaClient,
	target: TargetRef,
	from: TargetState,
	to: TargetState,
	data: Record<string, unknown> = {},
): Promise<boolean> {
	if (!canMove(from, to)) throw new Error(`A target cannot move from ${from} to ${to}`)
	const { count } = await db.postTarget.updateMany({
		where: { id: target.id, state: from },
		data: { ...data, state: to, stateChangedAt: new Date() },
	})
	if (count === 1) {
		await announceTarget(target.coopId, { ...target, state: to })
		await announcePost(target.coopId, target.postId)
	}
	return count === 1
}

const PUBLISH_JOB_OPTIONS = { attempts: 1, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } }

/**
 * Puts a scheduled target's job on the queue (delayed until due); a second
 * call for the same run and time is a no-op. A job of the same run that is
 * still waiting for another time (the target was moved) is replaced; one the
 * worker already passed over (completed or failed without publishing) is
 * replaced too, since the database says the target still owes this run.
 */
export async function enqueueTarget(target: { id: string; dueAt: Date | null; runs: number }, now = new Date()) {
	const queue = getQueue(QUEUES.publish)
	const jobId = jobIds.publish(target.id, target.runs + 1)
	const due = target.dueAt?.getTime() ?? now.getTime()
	const delay = Math.max(0, due - now.getTime())
	const existing = await queue.getJob(jobId)
	if (existing) {
		const state = await existing.getState()
		if (state === 'active') return
		const existingDue = existing.timestamp + (existing.delay ?? 0)
		if ((state === 'delayed' || state === 'waiting' || state === 'prioritized') && Math.abs(existingDue - due) < 1000) return
		// A job that is being taken right now cannot be removed: it finds the target's state and time itself.
		const removed = await existing.remove().then(
			() => true,
			() => false,
		)
		if (!removed) return
	}
	await queue.add('publish', { targetId: target.id }, { jobId, delay, ...PUBLISH_JOB_OPTIONS })
}

/**
 * Schedules draft targets (or moves scheduled ones) to `dueAt`; targets due
 * within ENQUEUE_AHEAD_MS are enqueued now, the rest by the reconciler when
 * their time comes near. Returns how many were scheduled.
 */
export async function scheduleTargets(db: PrismaClient, coopId: string, targetIds: string[], dueAt: Date, now = new Date()): Promise<number> {
	let scheduled = 0
	for (const id of targetIds) {
		const target = await db.postTarget.findFirst({ where: { id, coopId } })
		if (!target || (target.state !== 'draft' && target.state !== 'scheduled' && target.state !== 'failed' && target.state !== 'needs_attention')) continue
		const { count } = await db.postTarget.updateMany({
			where: { id, state: target.state },
			data: { state: 'scheduled', dueAt, stateChangedAt: now, reason: null, reasonParams: null },
		})
		if (count !== 1) continue
		scheduled++
		await announceTarget(coopId, { ...target, state: 'scheduled' })
		if (dueAt.getTime() - now.getTime() <= ENQUEUE_AHEAD_MS) await enqueueTarget({ ...target, dueAt }, now)
	}
	if (scheduled > 0) {
		const posts = await db.postTarget.findMany({ where: { id: { in: targetIds }, coopId }, select: { postId: true }, distinct: ['postId'] })
		for (const { postId } of posts) await announcePost(coopId, postId)
	}
	return scheduled
}

const RETRYABLE: TargetState[] = ['failed', 'unconfirmed', 'needs_attention']

/**
 * "Retry" for one channel: a failed, unconfirmed or waiting target is sent
 * now. A failed target starts over (the platform refused it, nothing of it
 * exists there); an unconfirmed or needs-attention one keeps its checkpoint,
 * and the worker asks the platform's status call first whenever it holds a
 * platform id (workers/publish/processor.ts statusBeforeResend): a post the
 * platform already has is marked published, never sent twice. Either way
 * the person's retry starts a fresh count of runs (`runs` back to 0).
 * Returns false when the target is not in a state that can be retried.
 */
export async function retryTarget(db: PrismaClient, coopId: string, targetId: string, now = new Date()): Promise<boolean> {
	const target = await db.postTarget.findFirst({ where: { id: targetId, coopId } })
	if (!target || !RETRYABLE.includes(target.state as TargetState)) return false
	const fresh = target.state === 'failed' ? { checkpoint: '{}', platformId: null } : {}
	// A person's retry gets a fresh set of runs (MAX_TARGET_RUNS), not what is left of the engine's own.
	const moved = await moveTarget(db, target, target.state as TargetState, 'scheduled', {
		dueAt: now,
		runs: 0,
		reason: null,
		reasonParams: null,
		errorKind: null,
		errorMessage: null,
		...fresh,
	})
	// Run 1's job id again: enqueueTarget replaces the finished job of the earlier run 1; a job still
	// waiting under the old count is taken away so that one job, not two, is owed.
	if (moved && target.runs > 0) await dropWaitingJob(target.id, target.runs)
	if (moved) await enqueueTarget({ ...target, dueAt: now, runs: 0 }, now)
	return moved
}

/** "Post now": every channel of the post that has not gone (draft, scheduled, failed, needs attention) is sent now. */
export async function postNow(db: PrismaClient, coopId: string, postId: string, now = new Date()): Promise<number> {
	const targets = await db.postTarget.findMany({
		where: { postId, coopId, state: { in: ['draft', 'scheduled', 'failed', 'needs_attention'] } },
		select: { id: true },
	})
	return scheduleTargets(db, coopId, targets.map((t) => t.id), now, now)
}

/** Moves one channel's time (drag on the calendar). Returns false when it has already gone or is going. */
export async function rescheduleTarget(db: PrismaClient, coopId: string, targetId: string, dueAt: Date, now = new Date()): Promise<boolean> {
	// A draft is not moved into the schedule by a drag: it may be waiting for an owner's approval.
	const target = await db.postTarget.findFirst({ where: { id: targetId, coopId }, select: { state: true } })
	if (!target || !['scheduled', 'failed', 'needs_attention'].includes(target.state)) return false
	const scheduled = (await scheduleTargets(db, coopId, [targetId], dueAt, now)) === 1
	// A job waiting for the old time would fire early: it is replaced now, or by the reconciler when the new time nears.
	if (scheduled && dueAt.getTime() - now.getTime() > ENQUEUE_AHEAD_MS) await dropWaitingJob(targetId, await currentRuns(db, targetId))
	return scheduled
}

async function currentRuns(db: PrismaClient, targetId: string) {
	return (await db.postTarget.findUniqueOrThrow({ where: { id: targetId }, select: { runs: true } })).runs
}

async function dropWaitingJob(targetId: string, runs: number) {
	const job = await getQueue(QUEUES.publish).getJob(jobIds.publish(targetId, runs + 1))
	if (!job) return
	const state = await job.getState()
	if (state === 'delayed' || state === 'waiting' || state === 'prioritized') await job.remove().catch(() => {})
}

/**
 * A person's answer about an unconfirmed target: found on the page (published,
 * with its address if they pasted it), or not there (sent again now, from
 * the start: the platform never made it).
 */
export async function confirmUnconfirmed(
	db: PrismaClient,
	coopId: string,
	targetId: string,
	answer: { found: boolean; url?: string | null },
	now = new Date(),
): Promise<boolean> {
	const target = await db.postTarget.findFirst({ where: { id: targetId, coopId, state: 'unconfirmed' } })
	if (!target) return false
	if (answer.found) {
		return moveTarget(db, target, 'unconfirmed', 'published', {
			publishedAt: now,
			postUrl: answer.url ?? target.postUrl,
			reason: null,
			reasonParams: null,
			nextInsightsAt: target.platformId ? firstInsightsAt(now) : null,
		})
	}
	const moved = await moveTarget(db, target, 'unconfirmed', 'scheduled', {
		dueAt: now,
		checkpoint: '{}',
		platformId: null,
		reason: null,
		reasonParams: null,
		errorKind: null,
		errorMessage: null,
	})
	if (moved) await enqueueTarget({ ...target, dueAt: now }, now)
	return moved
}

/** A manual channel's hand-off done: the person posted it themselves (and may paste its address). */
export async function markPosted(db: PrismaClient, coopId: string, targetId: string, userId: string, url?: string | null, now = new Date()): Promise<boolean> {
	const target = await db.postTarget.findFirst({ where: { id: targetId, coopId, state: 'needs_attention', reason: 'hand_off' } })
	if (!target) return false
	return moveTarget(db, target, 'needs_attention', 'published', {
		publishedAt: now,
		markedById: userId,
		postUrl: url ?? null,
		reason: null,
		reasonParams: null,
	})
}
