import type { Job } from 'bullmq'
import type { MaintenanceJob } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { expireUploads } from './expire-uploads.ts'
import { purgeExpiredSessions } from './purge-sessions.ts'
import { reconcileMediaJobs } from './reconcile.ts'
import { reconcilePublishing } from '../publish/reconcile.ts'
import { reconcileStudio } from '../studio/reconcile.ts'

const tasks: Record<MaintenanceJob['task'], () => Promise<number>> = {
	reconcile: () => reconcileMediaJobs(),
	'purge-sessions': () => purgeExpiredSessions(),
	'expire-uploads': () => expireUploads(),
	'reconcile-studio': () => reconcileStudio(),
	// Publishing (issue 11): filled in by workers/publish/.
	'reconcile-publishing': () => reconcilePublishing(),
	'plan-channel-refreshes': async () => 0,
	'plan-insights': async () => 0,
}

export async function processMaintenance(job: Job<MaintenanceJob>) {
	const handled = await tasks[job.data.task]()
	return { handled }
}

/** Schedules live in Redis; they are (re)declared at every worker start, so a Redis restart loses nothing. */
export async function declareMaintenanceSchedules() {
	const queue = getQueue('maintenance')
	const every = (minutes: number) => ({ every: minutes * 60_000 })
	await queue.upsertJobScheduler('reconcile', every(5), { name: 'reconcile', data: { task: 'reconcile' } })
	await queue.upsertJobScheduler('purge-sessions', every(60), { name: 'purge-sessions', data: { task: 'purge-sessions' } })
	await queue.upsertJobScheduler('expire-uploads', every(60), { name: 'expire-uploads', data: { task: 'expire-uploads' } })
	// Renders are watched closely: a person is waiting for the progress bar.
	await queue.upsertJobScheduler('reconcile-studio', every(1), { name: 'reconcile-studio', data: { task: 'reconcile-studio' } })
	// Scheduled posts come due every minute; one whose job Redis lost is put back before its time.
	await queue.upsertJobScheduler('reconcile-publishing', every(1), { name: 'reconcile-publishing', data: { task: 'reconcile-publishing' } })
}
