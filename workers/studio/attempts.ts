import type { Job } from 'bullmq'

/** True while the job runs its last allowed attempt: a failure now is final, so the row must say so. */
export function isFinalAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>): boolean {
	return job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
}
