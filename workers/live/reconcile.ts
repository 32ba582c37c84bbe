import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { enqueueLiveComments, getQueue } from '~/jobs/queues.server.ts'
import { recordPollState } from '~/live/live-polling.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { reconcile, type ReconcileKind } from '../reconcile/reconcile.ts'

type LiveSessionRow = { id: string }

/**
 * The database says which sessions are live on Facebook; each owes a running poller.
 * A poller that stopped for a person to act (pollState error) is owed again once its
 * channel is connected and was changed after the error (reconnected); one whose live
 * video ended is not owed (docs/decisions/172-live-comment-polling.md).
 */
export function liveCommentsReconcileKind(): ReconcileKind<LiveSessionRow> {
	return {
		name: 'live-comments',
		queue: getQueue(QUEUES.liveComments),
		owing: async () => {
			const sessions = await getDb().liveSession.findMany({
				where: { state: 'live', platform: 'facebook', archivedAt: null, OR: [{ pollState: null }, { pollState: { notIn: ['ended'] } }] },
				select: { id: true, pollState: true, pollError: true, updatedAt: true, channelId: true },
				take: 500,
			})
			const channelIds = sessions.flatMap((session) => (session.channelId ? [session.channelId] : []))
			const channels = new Map(
				(await getDb().channel.findMany({ where: { id: { in: channelIds } }, select: { id: true, state: true, updatedAt: true } })).map((channel) => [channel.id, channel]),
			)
			return sessions
				.filter((session) => {
					// Only a refused token waits for a person; a missing live video or channel is checked again (no call to Facebook).
					if (session.pollState !== 'error' || (session.pollError !== 'token_expired' && session.pollError !== 'permission')) return true
					const channel = session.channelId ? channels.get(session.channelId) : undefined
					return !!channel && channel.state === 'connected' && channel.updatedAt > session.updatedAt
				})
				.map((session) => ({ id: session.id }))
		},
		jobId: (session) => jobIds.liveComments(session.id),
		markFailed: async (session) => {
			// A poller that crashed (a bug, the database gone): say so, and start afresh on the next pass.
			await recordPollState(session.id, 'waiting', 'unknown')
			await getQueue(QUEUES.liveComments).getJob(jobIds.liveComments(session.id)).then((job) => job?.remove())
		},
		enqueue: (session) => enqueueLiveComments(session.id),
	}
}

/** Returns how many live sessions got their poller back. */
export async function reconcileLiveComments(): Promise<number> {
	return (await reconcile(liveCommentsReconcileKind())).handled
}
