// Where a live session's Facebook comment reading stands, in the session row
// (pollState, pollError, commentCursor), and the one way to start it. The
// poller (workers/live/) writes these; the console reads them and hears of
// every change through `live.session.updated`
// (docs/decisions/172-live-comment-polling.md).

import { enqueueLiveComments } from '~/jobs/queues.server.ts'
import { tokenSettings } from '~/publishing/oauth.server.ts'
import { getDb, type PrismaClient } from '~/utils/db.server.ts'
import { decryptSecret } from '~/utils/encryption.server.ts'
import { getEnv, type Env } from '~/utils/env.server.ts'
import { publishCoopEvent } from '~/utils/events.server.ts'
import { listPageLiveVideos, type LiveGraphSettings, type LiveVideo } from './platform/facebook-live.ts'

/**
 * - starting: asked for, no answer from Facebook yet
 * - polling: reading comments
 * - waiting: Facebook asked us to slow down, or did not answer; it carries on by itself
 * - error: it stopped and a person must act (pollError says what)
 * - ended: the live video is over on Facebook
 */
export const POLL_STATES = ['starting', 'polling', 'waiting', 'error', 'ended'] as const
export type PollState = (typeof POLL_STATES)[number]

/**
 * Why, for the console to say in the person's language (live.json `poll.*`):
 * - token_expired: the Page's token no longer works (Graph 190): reconnect the channel
 * - permission: the token lacks a permission for live comments (Graph 10/200): reconnect and allow it
 * - rate_limit: Facebook asked to slow down (Graph 4/17/32/613); reading resumes by itself
 * - platform_unavailable: Facebook did not answer or failed (5xx, timeout); it keeps trying
 * - no_channel: the session has no connected Facebook Page channel
 * - no_live_video: no live video was chosen for the session
 * - live_video_not_found: Facebook does not know the chosen live video (or it is not this Page's)
 * - unknown: anything else (the worker log has the cause)
 */
export const POLL_ERRORS = ['token_expired', 'permission', 'rate_limit', 'platform_unavailable', 'no_channel', 'no_live_video', 'live_video_not_found', 'unknown'] as const
export type PollError = (typeof POLL_ERRORS)[number]

/** Writes the poller's state; tells the console only when it changed. Returns whether it changed. */
export async function recordPollState(sessionId: string, pollState: PollState, pollError: PollError | null, db: PrismaClient = getDb()): Promise<boolean> {
	const row = await db.liveSession.findUnique({ where: { id: sessionId }, select: { pollState: true, pollError: true } })
	if (!row || (row.pollState === pollState && row.pollError === pollError)) return false
	await db.liveSession.update({ where: { id: sessionId }, data: { pollState, pollError } })
	const session = await db.liveSession.findUnique({ where: { id: sessionId }, select: { coopId: true, onScreenItemId: true, state: true } })
	if (session) await publishCoopEvent(session.coopId, { type: 'live.session.updated', sessionId, onScreenItemId: session.onScreenItemId, state: session.state, pollState, pollError })
	return true
}

/**
 * Starts reading a live session's Facebook comments (call it when the session goes live, or
 * after a channel was reconnected or another live video chosen). A session that is not live
 * on Facebook is left alone. The reconciler would start it within a minute anyway; this is now.
 */
export async function startCommentPolling(sessionId: string, db: PrismaClient = getDb()): Promise<boolean> {
	const session = await db.liveSession.findUnique({ where: { id: sessionId }, select: { state: true, platform: true } })
	if (!session || session.state !== 'live' || session.platform !== 'facebook') return false
	await recordPollState(sessionId, 'starting', null, db)
	await enqueueLiveComments(sessionId)
	return true
}

/** The Graph settings for live reads: the publishing clients' base URL and version, with a short time limit (a poll is due again in seconds). */
export function liveGraphSettings(env: Env = getEnv()): LiveGraphSettings {
	const { facebookGraphUrl, facebookGraphVersion, requestTimeoutMs } = tokenSettings(env)
	return { facebookGraphUrl, facebookGraphVersion, requestTimeoutMs: Math.min(requestTimeoutMs, 15_000) }
}

export class LiveChannelError extends Error {
	constructor(readonly reason: 'no_channel' | 'token_expired') {
		super(reason === 'no_channel' ? 'No connected Facebook Page channel' : 'The channel needs reconnecting')
		this.name = 'LiveChannelError'
	}
}

/**
 * The live videos of a co-op's Facebook Page channel, newest first, for the run sheet's chooser.
 * Throws LiveChannelError for a channel that is not the co-op's connected Page, and the
 * client's PlatformError when Facebook refuses (kind 'auth': reconnect).
 */
export async function pageLiveVideos(coopId: string, channelId: string, db: PrismaClient = getDb()): Promise<LiveVideo[]> {
	const channel = await db.channel.findFirst({ where: { id: channelId, coopId, platform: 'facebook_page', archivedAt: null }, select: { externalId: true, accessToken: true, state: true } })
	if (!channel?.externalId || !channel.accessToken) throw new LiveChannelError('no_channel')
	if (channel.state !== 'connected') throw new LiveChannelError('token_expired')
	return listPageLiveVideos(liveGraphSettings(), { pageId: channel.externalId, token: decryptSecret(channel.accessToken) })
}
