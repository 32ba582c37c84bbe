// One live session's Facebook comments, read for as long as it is live:
// poll, store and parse (app/live/comments.server.ts), pace by activity and
// by Graph's usage headers, keep the `since` cursor in the session row, and
// say every change of state at once (docs/decisions/172-live-comment-polling.md).

import { ingestComments } from '~/live/comments.server.ts'
import { liveGraphSettings, recordPollState, type PollError } from '~/live/live-polling.server.ts'
import { nextPollDelay, retryDelay } from '~/live/poll-pace.ts'
import { fetchLiveComments, liveVideoStatus, type LiveGraphSettings } from '~/live/platform/facebook-live.ts'
import { markChannelNeedsReconnect } from '~/publishing/channels.server.ts'
import { PlatformError } from '~/publishing/platform/errors.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { decryptSecret } from '~/utils/encryption.server.ts'

/** How often to ask Facebook whether the live is still on air. */
const STATUS_EVERY_MS = 15_000

export type PollerHooks = {
	/** Waits between polls; resolves early (or at once) when the poller must stop. */
	sleep: (ms: number) => Promise<void>
	/** True when the worker is closing: the loop ends and the reconciler resumes it later. */
	stopping: () => boolean
	settings?: LiveGraphSettings
	db?: PrismaClient
	now?: () => number
	/** Tests: stop after this many polls. */
	maxPolls?: number
}

export type PollerExit = 'not_live' | 'ended' | 'error' | 'stopping' | 'max_polls'

type Target = { liveVideoId: string; token: string; channelId: string; cursor: number | null }

async function loadTarget(db: PrismaClient, sessionId: string): Promise<Target | 'not_live' | PollError> {
	const session = await db.liveSession.findUnique({ where: { id: sessionId }, select: { state: true, platform: true, coopId: true, channelId: true, liveVideoId: true, commentCursor: true } })
	if (!session || session.state !== 'live' || session.platform !== 'facebook') return 'not_live'
	if (!session.liveVideoId) return 'no_live_video'
	const channel = session.channelId
		? await db.channel.findFirst({ where: { id: session.channelId, coopId: session.coopId, platform: 'facebook_page', archivedAt: null }, select: { id: true, accessToken: true, state: true } })
		: null
	if (!channel?.accessToken) return 'no_channel'
	if (channel.state !== 'connected') return 'token_expired'
	const cursor = session.commentCursor ? Number(session.commentCursor) : null
	return { liveVideoId: session.liveVideoId, token: decryptSecret(channel.accessToken), channelId: channel.id, cursor: Number.isFinite(cursor) ? cursor : null }
}

/** Graph 190 (and 102) mean the token is over; 10 and 200 a permission the Page token lacks. */
function authReason(error: PlatformError): PollError {
	return error.platformCode === '10' || error.platformCode === '200' ? 'permission' : 'token_expired'
}

/** Polls until the session stops being live, the live video ends, a person must act, or the worker closes. */
export async function pollLiveSession(sessionId: string, hooks: PollerHooks): Promise<PollerExit> {
	const db = hooks.db ?? getDb()
	const settings = hooks.settings ?? liveGraphSettings()
	const now = hooks.now ?? Date.now
	let quietPolls = 0
	let failures = 0
	let lastStatusAt = 0
	for (let polls = 0; ; polls++) {
		if (hooks.stopping()) return 'stopping'
		if (hooks.maxPolls !== undefined && polls >= hooks.maxPolls) return 'max_polls'
		const target = await loadTarget(db, sessionId)
		if (target === 'not_live') return 'not_live'
		if (typeof target === 'string') {
			await recordPollState(sessionId, 'error', target, db)
			return 'error'
		}
		let delay: number
		const pollStarted = now()
		try {
			const page = await fetchLiveComments(settings, { liveVideoId: target.liveVideoId, token: target.token, since: target.cursor })
			let added = 0
			if (page.comments.length > 0) {
				const result = await ingestComments(sessionId, page.comments.map((comment) => ({ externalId: comment.id, authorId: comment.authorId, author: comment.authorName, text: comment.message, at: comment.createdAt })), db)
				added = result.added
				const newest = Math.floor(Math.max(...page.comments.map((comment) => comment.createdAt.getTime())) / 1000)
				if (target.cursor === null || newest > target.cursor) await db.liveSession.update({ where: { id: sessionId }, data: { commentCursor: String(newest) } })
			}
			quietPolls = added > 0 ? 0 : quietPolls + 1
			failures = 0
			await recordPollState(sessionId, 'polling', null, db)
			delay = nextPollDelay({ newComments: added, quietPolls, usagePercent: page.usagePercent })
			// Comments flowing means the live is on; a quiet spell is when to ask whether it ended.
			if (added === 0 && now() - lastStatusAt >= STATUS_EVERY_MS) {
				lastStatusAt = now()
				const status = await liveVideoStatus(settings, { liveVideoId: target.liveVideoId, token: target.token })
				if (status.ended) {
					await recordPollState(sessionId, 'ended', null, db)
					return 'ended'
				}
			}
		} catch (error) {
			if (!(error instanceof PlatformError)) throw error
			if (error.kind === 'auth') {
				const reason = authReason(error)
				await recordPollState(sessionId, 'error', reason, db)
				await markChannelNeedsReconnect(db, target.channelId, 'token_rejected')
				return 'error'
			}
			if (error.kind === 'invalid') {
				await recordPollState(sessionId, 'error', 'live_video_not_found', db)
				return 'error'
			}
			failures++
			await recordPollState(sessionId, 'waiting', error.kind === 'rate_limit' ? 'rate_limit' : 'platform_unavailable', db)
			// Expected in a long live and shown on the console; the log keeps the cause.
			console.warn(`live-comments ${sessionId}: ${error.message}`)
			delay = retryDelay(failures, error.retryAfterMs)
		}
		// The pace is from one poll's start to the next: a slow answer does not add to the wait.
		await hooks.sleep(Math.max(0, delay - (now() - pollStarted)))
	}
}
