import type { Job, Queue } from 'bullmq'

// The one reconcile loop (docs/decisions/105-one-reconcile-helper.md): rows
// that still owe work, each settled from the state of its job. The database
// is the record and the queue only carries the work, so whatever the queue
// lost or finished unheard is put right from here. Each kind of work passes
// its own parts in; this file knows BullMQ and nothing of the database.

/** What a kind that checks before enqueueing learned about a row whose job is gone. */
export type CheckDecision<Result> =
	| { decision: 'completed'; result: Result }
	| { decision: 'failed'; reason: string }
	/** Safe to send again: the work did not happen. */
	| { decision: 'enqueue' }
	/** Not known yet (the check recorded what it could): look again on the next pass. */
	| { decision: 'wait' }

type KindParts<Row> = {
	/** Names the kind in the log. */
	name: string
	queue: Pick<Queue, 'getJob'>
	/** Rows that still owe work, oldest first, bounded. */
	owing: () => Promise<Row[]>
	/** The producer-chosen id of a row's job. */
	jobId: (row: Row) => string
	/** The job failed for good without the row hearing of it (its worker died on the last attempt). */
	markFailed: (row: Row, reason: string) => Promise<void>
	/** Puts the row's job back; must use `jobId(row)` so that a second enqueue adds nothing. */
	enqueue: (row: Row) => Promise<void>
	/** Called while the job runs, e.g. to catch up on progress events nobody heard. */
	whileActive?: (row: Row, job: Job) => Promise<void>
}

/**
 * A kind whose work may safely run again: a row whose job is gone is
 * enqueued again. Without `applyCompleted` the processor writes the row itself,
 * so a completed job under a row that still owes work was cut off and runs again.
 */
export type EnqueueingKind<Row, Result = unknown> = KindParts<Row> & {
	onMissingJob?: 'enqueue'
	applyCompleted?: (row: Row, result: Result) => Promise<void>
}

/**
 * A kind whose work must never run twice (a post sent to a platform): a row
 * whose job is gone is not enqueued blindly; `check` finds out what happened
 * and its decision is applied. `onMissingJob` may decide per row (a post
 * still only scheduled was never sent and may be enqueued; one that was
 * publishing must be checked).
 */
export type CheckingKind<Row, Result = unknown> = KindParts<Row> & {
	onMissingJob: 'check' | ((row: Row) => 'enqueue' | 'check')
	applyCompleted: (row: Row, result: Result) => Promise<void>
	check: (row: Row) => Promise<CheckDecision<Result>>
}

export type ReconcileKind<Row, Result = unknown> = EnqueueingKind<Row, Result> | CheckingKind<Row, Result>

export type ReconcileTally = {
	/** Rows that needed something done: applied, failed, enqueued or checked. */
	handled: number
	applied: number
	failed: number
	enqueued: number
	checked: number
	/** Rows whose job is still waiting or running: left to it. */
	left: number
	/** Rows whose settling threw (logged); tried again on the next pass. */
	errors: number
}

type Outcome = 'applied' | 'failed' | 'enqueued' | 'checked' | 'left'

/** Settles every row the kind says owes work; one row's error does not stop the others. */
export async function reconcile<Row, Result>(kind: ReconcileKind<Row, Result>): Promise<ReconcileTally> {
	const tally: ReconcileTally = { handled: 0, applied: 0, failed: 0, enqueued: 0, checked: 0, left: 0, errors: 0 }
	for (const row of await kind.owing()) {
		try {
			const outcome = await settle(kind, row)
			tally[outcome]++
			if (outcome !== 'left') tally.handled++
		} catch (error) {
			tally.errors++
			console.error(`reconcile ${kind.name}: ${kind.jobId(row)}:`, (error as Error)?.message ?? error)
		}
	}
	return tally
}

async function settle<Row, Result>(kind: ReconcileKind<Row, Result>, row: Row): Promise<Outcome> {
	const job = await kind.queue.getJob(kind.jobId(row))
	const state = job ? await job.getState() : 'unknown'
	if (!job || state === 'unknown') return settleMissing(kind, row)
	switch (state) {
		case 'completed':
			if (kind.applyCompleted) {
				await kind.applyCompleted(row, job.returnvalue as Result)
				return 'applied'
			}
			// A completed job keeps its id, which would make the new one a no-op.
			await job.remove()
			return enqueueAgain(kind, row)
		case 'failed':
			await kind.markFailed(row, job.failedReason ?? '')
			return 'failed'
		case 'active':
			await kind.whileActive?.(row, job)
			return 'left'
		default:
			// Waiting, delayed for a retry, prioritised: the queue still has it.
			return 'left'
	}
}

async function settleMissing<Row, Result>(kind: ReconcileKind<Row, Result>, row: Row): Promise<Outcome> {
	if (!('check' in kind)) return enqueueAgain(kind, row)
	const choice = kind.onMissingJob === 'check' ? 'check' : kind.onMissingJob(row)
	return choice === 'check' ? applyCheck(kind, row) : enqueueAgain(kind, row)
}

async function enqueueAgain<Row>(kind: Pick<KindParts<Row>, 'enqueue'>, row: Row): Promise<Outcome> {
	await kind.enqueue(row)
	return 'enqueued'
}

async function applyCheck<Row, Result>(kind: CheckingKind<Row, Result>, row: Row): Promise<Outcome> {
	const found = await kind.check(row)
	switch (found.decision) {
		case 'completed':
			await kind.applyCompleted(row, found.result)
			break
		case 'failed':
			await kind.markFailed(row, found.reason)
			break
		case 'enqueue':
			await kind.enqueue(row)
			break
		case 'wait':
			break
	}
	return 'checked'
}
