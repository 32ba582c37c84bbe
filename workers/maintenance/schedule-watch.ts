import { getQueue } from '~/jobs/queues.server.ts'

/**
 * Redis keeps nothing on disk: when it restarts, the maintenance schedules
 * vanish with every queued job, and nothing would ever run the reconciler
 * again. This check notices the missing schedule from inside the worker
 * process and calls `onLost`, which re-declares the schedules and settles what
 * the database says is still owed.
 */
export function watchMaintenanceSchedules({ intervalMs, onLost }: { intervalMs: number; onLost: () => Promise<void> }) {
	let running = false
	const timer = setInterval(async () => {
		if (running) return
		running = true
		try {
			const scheduler = await getQueue('maintenance').getJobScheduler('reconcile')
			if (!scheduler) {
				console.log('worker: the maintenance schedules are gone (Redis restarted?); declaring them again and reconciling')
				await onLost()
			}
		} catch (error) {
			console.error('worker: could not check the maintenance schedules:', (error as Error).message)
		} finally {
			running = false
		}
	}, intervalMs)
	timer.unref()
	return () => clearInterval(timer)
}
