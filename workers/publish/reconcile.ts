// The publishing reconciler (maintenance task `reconcile-publishing`, every
// minute and at worker start), on the house helper
// (workers/reconcile/reconcile.ts) with its check-first hook: a scheduled
// target due soon with no job gets one; a target left in "publishing" whose
// job is gone or failed (its worker died) is never sent again blindly: the
// platform's status call says what it holds, and without a platform id the
// person is asked to look (docs/decisions/156-publishing-engine.md).

import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { ENQUEUE_AHEAD_MS, reconcileTarget, type JobState, type TargetState } from '~/publishing/target-state.ts'
import { enqueueTarget, moveTarget } from '~/publishing/targets.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { PlatformError } from './platforms/errors.ts'
import { reconcile, type CheckDecision, type ReconcileKind } from '../reconcile/reconcile.ts'
import { captionOf, deliveryFor, loadTarget, markPublished, markUnconfirmed, type PublishJobResult } from './processor.ts'
import { failureReason } from './reasons.ts'
import { platformSettings } from './settings.ts'

/**
 * Every client saves a stage before its first request that could make a post
 * public (Facebook "posting", Zalo "creating", a TikTok publish id before the
 * last chunk; a Reel's start makes only an unpublished upload session): a
 * checkpoint with no stage means nothing that publishes was sent, so sending
 * again cannot post twice (docs/decisions/151-never-twice.md).
 */
function neverCommitted(checkpoint: string) {
	try {
		return !(JSON.parse(checkpoint) as { stage?: string }).stage
	} catch {
		return false
	}
}

type TargetRow = {
	id: string
	coopId: string
	postId: string
	channelId: string
	state: string
	dueAt: Date | null
	stateChangedAt: Date
	runs: number
	platformId: string | null
}

/** What the platform said when asked (a check), or what the finished job returned. */
type Settled = { checked: 'published'; platformId: string } | PublishJobResult | undefined

/** The job that carries a row's current run: the next one while scheduled, the running one while publishing. */
const jobIdOf = (row: TargetRow) => jobIds.publish(row.id, row.state === 'scheduled' ? row.runs + 1 : row.runs)

const snapshot = (row: TargetRow) => ({ state: row.state as TargetState, dueAt: row.dueAt, updatedAt: row.stateChangedAt, platformId: row.platformId })

export type PublishReconcileOptions = {
	now?: () => Date
	/** Only these targets (a job the worker just failed as stalled is checked at once, not at the next minute). */
	targetIds?: string[]
}

export function publishReconcileKind({ now = () => new Date(), targetIds }: PublishReconcileOptions = {}): ReconcileKind<TargetRow, Settled> {
	const db = getDb()
	const queue = getQueue(QUEUES.publish)

	async function act(row: TargetRow, job: JobState): Promise<void> {
		const action = reconcileTarget(snapshot(row), job, now())
		if (action.action === 'enqueue') await enqueueTarget(row, now())
		else if (action.action === 'check') await applyCheck(row, await check(row))
		else if (action.action === 'unconfirm') await unconfirm(row)
	}

	async function unconfirm(row: TargetRow) {
		const target = await loadTarget(db, row.id)
		if (!target) return
		if (neverCommitted(target.checkpoint)) return sendAgain(row)
		await markUnconfirmed(db, target, captionOf(target), { errorKind: 'unknown', errorMessage: 'The worker stopped while sending, before the platform gave an id' }, row.runs)
	}

	/** Asks the platform what it holds for a target that was being published. */
	async function check(row: TargetRow): Promise<CheckDecision<Settled>> {
		const target = await loadTarget(db, row.id)
		if (!target || target.state !== 'publishing') return { decision: 'wait' }
		if (!target.platformId && neverCommitted(target.checkpoint)) return { decision: 'enqueue' }
		const delivery = await deliveryFor(target)
		if (!delivery.ok || !target.platformId) {
			await markUnconfirmed(db, target, captionOf(target), { errorKind: 'unknown', errorMessage: 'The worker stopped while sending, before the platform gave an id' }, row.runs)
			return { decision: 'wait' }
		}
		const context = {
			settings: platformSettings(getEnv()),
			checkpoint: delivery.checkpoint,
			save: async () => {},
			sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
		}
		try {
			const status = await delivery.client.checkStatus(delivery.request, context)
			// The run its worker never finished is closed with what the platform said.
			await db.publishAttempt.updateMany({
				where: { targetId: row.id, run: row.runs, status: 'running' },
				data: { status: 'checked', finishedAt: now(), answer: `status check: ${status.state}` },
			})
			switch (status.state) {
				case 'published':
					return { decision: 'completed', result: { checked: 'published', platformId: status.platformId } }
				case 'processing':
					return { decision: 'wait' }
				case 'not-started':
					// The platform says the step that would make it public never took effect: safe to run again, resuming from the checkpoint.
					return { decision: 'enqueue' }
				case 'failed': {
					const reason = failureReason(status.error.kind, status.error.platformCode)
					await moveTarget(db, target, 'publishing', 'failed', { reason, reasonParams: null, errorKind: status.error.kind, errorMessage: status.error.message })
					return { decision: 'wait' }
				}
				case 'unknown':
					await markUnconfirmed(db, target, captionOf(target), { errorKind: 'unknown', errorMessage: status.detail }, row.runs)
					return { decision: 'wait' }
			}
		} catch (error) {
			const failure = error instanceof PlatformError ? error : null
			// A platform that cannot answer now is asked again on the next pass; one that refuses our token cannot tell us at all.
			if (failure?.kind === 'auth' || failure?.kind === 'invalid') {
				await markUnconfirmed(db, target, captionOf(target), { errorKind: failure.kind, errorMessage: failure.message }, row.runs)
			}
			return { decision: 'wait' }
		}
	}

	async function applyCheck(row: TargetRow, found: CheckDecision<Settled>) {
		if (found.decision === 'completed') await applyCompleted(row, found.result)
		else if (found.decision === 'enqueue') await sendAgain(row)
	}

	/** A publishing target the platform never got far with: back to scheduled (same checkpoint), a new run now. */
	async function sendAgain(row: TargetRow) {
		const at = now()
		if (await moveTarget(db, row, 'publishing', 'scheduled', { dueAt: at, reason: null, reasonParams: null })) {
			await enqueueTarget({ id: row.id, dueAt: at, runs: row.runs }, at)
		}
	}

	async function applyCompleted(row: TargetRow, result: Settled) {
		if (result && 'checked' in result) {
			const target = await loadTarget(db, row.id)
			if (target) await markPublished(db, target, result.platformId, now())
			return
		}
		// The job finished but the row still owes it: it was passed over (early, or moved meanwhile) or cut off.
		if (row.state === 'scheduled') {
			await (await queue.getJob(jobIdOf(row)))?.remove().catch(() => {})
			await act(row, 'missing')
			return
		}
		await act(row, 'completed')
	}

	return {
		name: 'publishing',
		queue,
		owing: () =>
			db.postTarget.findMany({
				where: {
					...(targetIds ? { id: { in: targetIds } } : {}),
					OR: [{ state: 'scheduled', dueAt: { lte: new Date(now().getTime() + ENQUEUE_AHEAD_MS) } }, { state: 'publishing' }],
				},
				select: { id: true, coopId: true, postId: true, channelId: true, state: true, dueAt: true, stateChangedAt: true, runs: true, platformId: true },
				orderBy: { dueAt: 'asc' },
				take: 20_000,
			}),
		jobId: jobIdOf,
		onMissingJob: (row) => (row.state === 'scheduled' ? 'enqueue' : 'check'),
		check,
		enqueue: async (row) => {
			if (row.state === 'scheduled') await enqueueTarget(row, now())
			else await sendAgain(row)
		},
		applyCompleted,
		markFailed: async (row) => {
			// A failed job under a scheduled row never started the run (it threw before): replace it.
			if (row.state === 'scheduled') await (await queue.getJob(jobIdOf(row)))?.remove().catch(() => {})
			await act(row, 'failed')
		},
		whileActive: async (row) => {
			const action = reconcileTarget(snapshot(row), 'active', now())
			if (action.action !== 'check') return
			const found = await check(row)
			// The worker is still on it: only a confirmed publish is taken now.
			if (found.decision === 'completed') await applyCompleted(row, found.result)
		},
	}
}

/** Returns how many targets needed something done. */
export async function reconcilePublishing(options: PublishReconcileOptions = {}): Promise<number> {
	return (await reconcile(publishReconcileKind(options))).handled
}
