import { QUEUES } from '~/jobs/definitions.ts'
import { getDb } from '~/utils/db.server.ts'
import { startWorker } from '../runtime.ts'
import { refreshChannel } from './refresh.ts'

/** The channel-refresh queue: one channel's tokens a job, under the channel's lease (refresh.ts). */
export function startChannelRefreshWorker() {
	return startWorker(QUEUES.channelRefresh, async (job) => ({ outcome: await refreshChannel(getDb(), job.data.channelId) }))
}
