import { Queue, Worker, type Job } from 'bullmq'
import { nanoid } from 'nanoid'
import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { createRedisConnection, redisPrefix } from '~/utils/redis.server.ts'
import { reconcile, type CheckDecision, type CheckingKind, type ReconcileKind } from '#workers/reconcile/reconcile.ts'

// The reconcile helper on its own, against the real Redis: a queue of this
// test's own, rows kept in memory (the helper never sees a database), and
// jobs moved by hand into each state so that no timing is involved.

type Row = { id: string; status: 'owed' | 'done' | 'failed'; result?: unknown; reason?: string }
type Result = { files: number }

const queueName = `reconcile-${nanoid(6).replace(/[^a-zA-Z0-9]/g, 'x')}`
const connection = createRedisConnection()
const queue = new Queue(queueName, { connection, prefix: redisPrefix() })
// Never runs by itself: jobs are taken with getNextJob and settled by the test.
const worker = new Worker(queueName, null, { connection: createRedisConnection(), prefix: redisPrefix(), autorun: false })

afterAll(async () => {
	await worker.close()
	await queue.obliterate({ force: true })
	await queue.close()
	await connection.quit()
})

let rows: Map<string, Row>
let log: string[]

beforeEach(async () => {
	await queue.obliterate({ force: true })
	rows = new Map()
	log = []
})

const jobIdOf = (id: string) => `work-${id}`

function addRow(): Row {
	const row: Row = { id: nanoid(8).replace(/[^a-zA-Z0-9]/g, 'x'), status: 'owed' }
	rows.set(row.id, row)
	return row
}

function kindParts() {
	return {
		name: 'test work',
		queue,
		owing: async () => [...rows.values()].filter((row) => row.status === 'owed'),
		jobId: (row: Row) => jobIdOf(row.id),
		applyCompleted: async (row: Row, result: Result) => {
			log.push(`applied ${row.id}`)
			Object.assign(row, { status: 'done', result })
		},
		markFailed: async (row: Row, reason: string) => {
			log.push(`failed ${row.id}`)
			Object.assign(row, { status: 'failed', reason })
		},
		enqueue: async (row: Row) => {
			log.push(`enqueued ${row.id}`)
			await queue.add('work', { id: row.id }, { jobId: jobIdOf(row.id), attempts: 1 })
		},
		whileActive: async (row: Row, job: Job) => {
			log.push(`active ${row.id} ${job.id}`)
		},
	}
}

const enqueueing = (): ReconcileKind<Row, Result> => kindParts()

function checking(decide: (row: Row) => CheckDecision<Result>): CheckingKind<Row, Result> {
	return {
		...kindParts(),
		onMissingJob: 'check',
		check: async (row) => {
			log.push(`checked ${row.id}`)
			return decide(row)
		},
	}
}

/** Adds the row's job and takes it as a worker would: it is then active, locked with `token`. */
async function takeJob(row: Row, token: string): Promise<Job> {
	await queue.add('work', { id: row.id }, { jobId: jobIdOf(row.id), attempts: 1 })
	const job = await worker.getNextJob(token)
	if (!job || job.id !== jobIdOf(row.id)) throw new Error(`expected to take ${jobIdOf(row.id)}, took ${job?.id}`)
	return job
}

describe('each job state', () => {
	test('a completed job: its result is applied to the row', async () => {
		const row = addRow()
		const job = await takeJob(row, 'token-completed')
		await job.moveToCompleted({ files: 3 }, 'token-completed', false)

		const tally = await reconcile(enqueueing())
		expect(row).toMatchObject({ status: 'done', result: { files: 3 } })
		expect(tally).toMatchObject({ handled: 1, applied: 1, enqueued: 0 })
		expect(log).toEqual([`applied ${row.id}`])
	})

	test('a failed job: the row is marked failed with the job’s reason', async () => {
		const row = addRow()
		const job = await takeJob(row, 'token-failed')
		await job.moveToFailed(new Error('disk full'), 'token-failed', false)

		const tally = await reconcile(enqueueing())
		expect(row).toMatchObject({ status: 'failed', reason: 'disk full' })
		expect(tally).toMatchObject({ handled: 1, failed: 1 })
	})

	test('a missing job: enqueued again under the same id', async () => {
		const row = addRow()
		const tally = await reconcile(enqueueing())
		expect(tally).toMatchObject({ handled: 1, enqueued: 1 })
		expect(await (await queue.getJob(jobIdOf(row.id)))?.getState()).toBe('waiting')
		expect(row.status).toBe('owed')
	})

	test('an active job: left alone, only told about', async () => {
		const row = addRow()
		const job = await takeJob(row, 'token-active')
		const tally = await reconcile(enqueueing())
		expect(tally).toMatchObject({ handled: 0, left: 1, enqueued: 0 })
		expect(log).toEqual([`active ${row.id} ${job.id}`])
		expect(row.status).toBe('owed')
		expect(await job.getState()).toBe('active')
	})

	test('a waiting job: left alone', async () => {
		const row = addRow()
		await queue.add('work', { id: row.id }, { jobId: jobIdOf(row.id) })
		expect(await reconcile(enqueueing())).toMatchObject({ handled: 0, left: 1 })
		expect(log).toEqual([])
	})

	test('a completed job of a kind whose processor writes the row: the row still owes work, so it runs again', async () => {
		const row = addRow()
		const job = await takeJob(row, 'token-rerun')
		await job.moveToCompleted({ files: 0 }, 'token-rerun', false)
		const { applyCompleted: _applyCompleted, ...parts } = kindParts()

		expect(await reconcile(parts)).toMatchObject({ handled: 1, enqueued: 1 })
		expect(await (await queue.getJob(jobIdOf(row.id)))?.getState()).toBe('waiting')
	})
})

test('running twice enqueues once', async () => {
	const rowsOwed = [addRow(), addRow()]
	expect(await reconcile(enqueueing())).toMatchObject({ handled: 2, enqueued: 2 })
	expect(await reconcile(enqueueing())).toMatchObject({ handled: 0, enqueued: 0, left: 2 })
	expect(log.filter((line) => line.startsWith('enqueued'))).toHaveLength(2)
	for (const row of rowsOwed) expect(await queue.getJob(jobIdOf(row.id))).toBeDefined()
})

test('one row that cannot be settled does not stop the others', async () => {
	const [broken, fine] = [addRow(), addRow()]
	const errors: unknown[] = []
	const original = console.error
	console.error = (...args: unknown[]) => errors.push(args)
	try {
		const parts = kindParts()
		const tally = await reconcile({
			...parts,
			enqueue: async (row) => {
				if (row === broken) throw new Error('Redis said no')
				await parts.enqueue(row)
			},
		})
		expect(tally).toMatchObject({ handled: 1, enqueued: 1, errors: 1 })
	} finally {
		console.error = original
	}
	expect(errors).toHaveLength(1)
	expect(await queue.getJob(jobIdOf(fine.id))).toBeDefined()
})

describe('a kind that must never run twice (check first)', () => {
	test('a missing job is NOT enqueued: the check is asked and its answer applied', async () => {
		const published = addRow()
		const tally = await reconcile(checking(() => ({ decision: 'completed', result: { files: 1 } })))
		expect(tally).toMatchObject({ handled: 1, checked: 1, enqueued: 0 })
		expect(log).toEqual([`checked ${published.id}`, `applied ${published.id}`])
		expect(published).toMatchObject({ status: 'done', result: { files: 1 } })
		expect(await queue.getJob(jobIdOf(published.id))).toBeUndefined()
	})

	test('the check may say it never happened (enqueue), that it failed, or that it does not know yet', async () => {
		const [neverSent, refused, unknown] = [addRow(), addRow(), addRow()]
		const decisions = new Map<Row, CheckDecision<Result>>([
			[neverSent, { decision: 'enqueue' }],
			[refused, { decision: 'failed', reason: 'token expired' }],
			[unknown, { decision: 'wait' }],
		])
		expect(await reconcile(checking((row) => decisions.get(row)!))).toMatchObject({ handled: 3, checked: 3, enqueued: 0 })
		expect(await queue.getJob(jobIdOf(neverSent.id))).toBeDefined()
		expect(refused).toMatchObject({ status: 'failed', reason: 'token expired' })
		expect(unknown.status).toBe('owed')
		expect(await queue.getJob(jobIdOf(unknown.id))).toBeUndefined()
	})

	test('the kind may decide per row: one never sent is enqueued, one that may have been sent is checked', async () => {
		const [scheduled, sending] = [addRow(), addRow()]
		const tally = await reconcile({
			...checking(() => ({ decision: 'wait' })),
			onMissingJob: (row) => (row === scheduled ? 'enqueue' : 'check'),
		})
		expect(tally).toMatchObject({ handled: 2, enqueued: 1, checked: 1 })
		expect(log).toEqual([`enqueued ${scheduled.id}`, `checked ${sending.id}`])
		expect(await queue.getJob(jobIdOf(sending.id))).toBeUndefined()
	})

	test('a job that still exists is settled from its state, without a check', async () => {
		const row = addRow()
		const job = await takeJob(row, 'token-check-completed')
		await job.moveToCompleted({ files: 2 }, 'token-check-completed', false)
		await reconcile(checking(() => ({ decision: 'enqueue' })))
		expect(log).toEqual([`applied ${row.id}`])
	})
})
