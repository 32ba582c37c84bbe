// The publishing engine's domain side: every change of a target's state goes
// through here, as a conditional update (the state it was read in), then a
// live event; and a due target is handed to the queue with a deterministic
// job id. The worker (workers/publish/), the composer, the calendar and the
// post page all call these; nothing else writes PostTarget.state.
//
// OWNER: the engine (issue 11). The signatures below are the contract the
// composer, calendar and post pages code against.

import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import type { PrismaClient } from '~/utils/db.server.ts'
import { canMove, ENQUEUE_AHEAD_MS, type TargetState } from './target-state.ts'
import { announceTarget } from './publishing-events.server.ts'

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
	if (count === 1) await announceTarget(target.coopId, { ...target, state: to })
	return count === 1
}

/** Puts a scheduled target's job on the queue (delayed until due); a second call for the same run is a no-op. */
export async function enqueueTarget(target: { id: string; dueAt: Date | null; runs: number }, now = new Date()) {
	const delay = Math.max(0, (target.dueAt?.getTime() ?? now.getTime()) - now.getTime())
	await getQueue(QUEUES.publish).add(
		'publish',
		{ targetId: target.id },
		{ jobId: jobIds.publish(target.id, target.runs + 1), delay, attempts: 1, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
	)
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
	return scheduled
}

/**
 * Moves a scheduled target to another time (the calendar's drag and its
 * "Đổi giờ" form). Only a target still scheduled moves, in one conditional
 * update; a job already waiting for the old time is moved with it, or taken
 * off the queue when the new time is beyond the enqueue window (the
 * reconciler puts it back in time). Returns false when the target was not
 * scheduled any more (someone or the worker moved it first).
 *
 * Added by the calendar (issue 11) with the engine's signature, minimal; the
 * engine's owner may replace the inside.
 */
export async function rescheduleTarget(db: PrismaClient, coopId: string, targetId: string, dueAt: Date, now = new Date()): Promise<boolean> {
	const target = await db.postTarget.findFirst({ where: { id: targetId, coopId, state: 'scheduled' } })
	if (!target) return false
	const { count } = await db.postTarget.updateMany({
		where: { id: targetId, coopId, state: 'scheduled' },
		data: { dueAt, stateChangedAt: now, reason: null, reasonParams: null },
	})
	if (count !== 1) return false
	await announceTarget(coopId, { ...target, state: 'scheduled' })
	const dueSoon = dueAt.getTime() - now.getTime() <= ENQUEUE_AHEAD_MS
	const job = await getQueue(QUEUES.publish).getJob(jobIds.publish(target.id, target.runs + 1))
	if (job && (await job.isDelayed())) {
		if (dueSoon) await job.changeDelay(Math.max(0, dueAt.getTime() - now.getTime()))
		else await job.remove()
	} else if (dueSoon && !job) {
		await enqueueTarget({ ...target, dueAt }, now)
	}
	return true
}

/**
 * "Đăng ngay": every target of the post that is waiting (draft, scheduled,
 * failed, needs attention) becomes due now and goes on the queue at once.
 * Returns how many targets were sent.
 */
export async function postNow(db: PrismaClient, coopId: string, postId: string, now = new Date()): Promise<number> {
	const targets = await db.postTarget.findMany({
		where: { postId, coopId, state: { in: ['draft', 'scheduled', 'failed', 'needs_attention'] } },
		select: { id: true },
	})
	let sent = 0
	for (const { id } of targets) {
		const moved = await rescheduleTarget(db, coopId, id, now, now)
		sent += moved ? 1 : await scheduleTargets(db, coopId, [id], now, now)
	}
	return sent
}
