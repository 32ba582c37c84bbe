import type { Job } from 'bullmq'
import type { MaintenanceJob } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { expireUploads } from './expire-uploads.ts'
import { purgeExpiredSessions } from './purge-sessions.ts'
import { reconcileMediaJobs } from './reconcile.ts'
import { planChannelRefreshes } from '../publish/refresh.ts'
import { planInsights } from '../publish/insights-job.ts'
import { reconcilePublishing } from '../publish/reconcile.ts'
import { reconcileStudio } from '../studio/reconcile.ts'
import { reconcileLiveComments } from '../live/reconcile.ts'

const tasks: Record<MaintenanceJob['task'], () => Promise<number>> = {
	reconcile: () => reconcileMediaJobs(),
	'purge-sessions': () => purgeExpiredSessions(),
	'expire-uploads': () => expireUploads(),
	'reconcile-studio': () => reconcileStudio(),
	// Publishing (issue 11).
	'reconcile-publishing': () => reconcilePublishing(),
	'plan-channel-refreshes': () => planChannelRefreshes(getDb()),
	'plan-insights': () => planInsights(),
	// Livestream (issue 13).
	'reconcile-live': () => reconcileLiveComments(),
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
	// Zalo's access tokens live ~25 h; refreshing 6 h ahead every 10 minutes leaves many tries.
	await queue.upsertJobScheduler('plan-channel-refreshes', every(10), { name: 'plan-channel-refreshes', data: { task: 'plan-channel-refreshes' } })
	await queue.upsertJobScheduler('plan-insights', every(5), { name: 'plan-insights', data: { task: 'plan-insights' } })
	// Scheduled posts come due every minute; one whose job Redis lost is put back before its time.
	await queue.upsertJobScheduler('reconcile-publishing', every(1), { name: 'reconcile-publishing', data: { task: 'reconcile-publishing' } })
	// A live lasts an hour or two: a poller the queue lost is back within the minute.
	await queue.upsertJobScheduler('reconcile-live', every(1), { name: 'reconcile-live', data: { task: 'reconcile-live' } })
}
