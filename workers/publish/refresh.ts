// Keeping connected channels' tokens alive (docs/decisions/155-channel-token-refresh.md).
//
// Zalo's refresh token works once: the refresh that uses it must store the
// new pair, or the channel is lost. So a refresh runs under the channel's
// lease (a conditional UPDATE on refreshLeaseId/refreshLeaseUntil: one holder
// at a time, across every worker process), calls the platform while holding
// it, and stores the new pair in one conditional UPDATE that also requires the
// refresh token to still be the one it read. A refresh token the platform
// refuses turns the channel to "needs reconnecting" and tells the owners.

import crypto from 'node:crypto'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { markChannelNeedsReconnect } from '~/publishing/channels.server.ts'
import { appCredentials, tokenSettings } from '~/publishing/oauth.server.ts'
import { PlatformError } from '~/publishing/platform/errors.ts'
import { tiktokRefresh, zaloRefresh, type TokenSet } from '~/publishing/platform/tokens.ts'
import { announceChannel } from '~/publishing/publishing-events.server.ts'
import type { PrismaClient } from '~/utils/db.server.ts'
import { decryptSecret, encryptSecret } from '~/utils/encryption.server.ts'
import { getEnv } from '~/utils/env.server.ts'

/** Tokens that end within this are refreshed (Zalo's live ~25 h: refreshed about a day after each refresh). */
export const REFRESH_AHEAD_MS = 6 * 3600_000

/** The platforms whose tokens are refreshed; Facebook Page tokens have no stated end. */
const REFRESHABLE = ['zalo_oa', 'tiktok'] as const

/** Longer than a refresh can take (two requests' time limits), so that a live holder never loses its lease. */
function leaseMs() {
	return 2 * getEnv().PLATFORM_REQUEST_TIMEOUT_MS + 30_000
}

const LEASE_WAIT_STEP_MS = 200

export type RefreshOutcome = 'refreshed' | 'not_due' | 'needs_reconnect' | 'not_refreshable'

type Options = { now?: () => Date; leaseId?: string }

/**
 * Refreshes one channel's tokens if they end within REFRESH_AHEAD_MS. When
 * another worker holds the lease, waits for it to finish and reads what it
 * stored (usually: not due any more). Platform failures other than a refused
 * refresh token are thrown, so the job retries them later with the token
 * unchanged.
 */
export async function refreshChannel(db: PrismaClient, channelId: string, options: Options = {}): Promise<RefreshOutcome> {
	const now = options.now ?? (() => new Date())
	const leaseId = options.leaseId ?? crypto.randomUUID()
	for (;;) {
		const channel = await db.channel.findUnique({ where: { id: channelId } })
		if (!channel || channel.archivedAt || channel.state !== 'connected' || !(REFRESHABLE as readonly string[]).includes(channel.platform)) return 'not_refreshable'
		if (channel.accessExpiresAt && channel.accessExpiresAt.getTime() - now().getTime() > REFRESH_AHEAD_MS) return 'not_due'
		const { count } = await db.channel.updateMany({
			where: { id: channelId, state: 'connected', OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now() } }] },
			data: { refreshLeaseId: leaseId, refreshLeaseUntil: new Date(now().getTime() + leaseMs()) },
		})
		if (count === 1) return await refreshUnderLease(db, channelId, leaseId, now)
		await new Promise((resolve) => setTimeout(resolve, LEASE_WAIT_STEP_MS))
	}
}

async function refreshUnderLease(db: PrismaClient, channelId: string, leaseId: string, now: () => Date): Promise<RefreshOutcome> {
	const release = () => db.channel.updateMany({ where: { id: channelId, refreshLeaseId: leaseId }, data: { refreshLeaseId: null, refreshLeaseUntil: null } })
	// Read again under the lease: the previous holder may have just stored a new pair.
	const channel = await db.channel.findUniqueOrThrow({ where: { id: channelId } })
	if (channel.state !== 'connected') {
		await release()
		return 'not_refreshable'
	}
	if (channel.accessExpiresAt && channel.accessExpiresAt.getTime() - now().getTime() > REFRESH_AHEAD_MS) {
		await release()
		return 'not_due'
	}
	if (!channel.refreshToken) return reconnect(db, channelId, leaseId, 'no_refresh_token')
	if (channel.refreshExpiresAt && channel.refreshExpiresAt.getTime() <= now().getTime()) return reconnect(db, channelId, leaseId, 'refresh_expired')

	const app = appCredentials(channel.platform === 'zalo_oa' ? 'zalo' : 'tiktok')
	if (!app) {
		// The server lost its app credentials: nothing can be refreshed until they are back.
		await release()
		throw new Error(`channel ${channelId}: no app credentials for ${channel.platform}; set them to refresh its tokens`)
	}
	let tokens: TokenSet
	try {
		const refresh = channel.platform === 'zalo_oa' ? zaloRefresh : tiktokRefresh
		tokens = await refresh(tokenSettings(), app, decryptSecret(channel.refreshToken), now().getTime())
	} catch (error) {
		if (error instanceof PlatformError && (error.kind === 'auth' || error.kind === 'invalid')) return reconnect(db, channelId, leaseId, 'refresh_rejected')
		// Transient, rate limited, or an answer lost on the way (the token may be spent): the job
		// tries again with the same token; if the platform did spend it, that try is refused and
		// the channel asks for a reconnect.
		await release()
		throw error
	}

	const { count } = await db.channel.updateMany({
		where: { id: channelId, refreshLeaseId: leaseId, refreshToken: channel.refreshToken },
		data: {
			accessToken: encryptSecret(tokens.accessToken),
			refreshToken: tokens.refreshToken ? encryptSecret(tokens.refreshToken) : channel.refreshToken,
			accessExpiresAt: tokens.expiresAt,
			refreshExpiresAt: tokens.refreshExpiresAt ?? channel.refreshExpiresAt,
			lastRefreshedAt: now(),
			refreshLeaseId: null,
			refreshLeaseUntil: null,
		},
	})
	if (count !== 1) {
		// Someone reconnected the channel while we refreshed: their tokens stand.
		console.error(`channel ${channelId}: refreshed, but the channel changed meanwhile; keeping the newer tokens`)
		await release()
		return 'not_refreshable'
	}
	await announceChannel(channel.coopId, { id: channelId, state: 'connected' })
	return 'refreshed'
}

async function reconnect(db: PrismaClient, channelId: string, leaseId: string, reason: 'no_refresh_token' | 'refresh_expired' | 'refresh_rejected'): Promise<RefreshOutcome> {
	await markChannelNeedsReconnect(db, channelId, reason)
	// Marking clears the lease; if someone reconnected meanwhile (nothing marked), it is released here.
	await db.channel.updateMany({ where: { id: channelId, refreshLeaseId: leaseId }, data: { refreshLeaseId: null, refreshLeaseUntil: null } })
	return 'needs_reconnect'
}

/**
 * The maintenance task `plan-channel-refreshes` (every 10 minutes and at the
 * worker's start): each connected channel whose token ends within
 * REFRESH_AHEAD_MS gets one job per token generation (the job id names the
 * expiry being replaced, so planning twice adds nothing).
 */
export async function planChannelRefreshes(db: PrismaClient, now = new Date()): Promise<number> {
	const due = await db.channel.findMany({
		where: {
			platform: { in: [...REFRESHABLE] },
			state: 'connected',
			archivedAt: null,
			accessExpiresAt: { lt: new Date(now.getTime() + REFRESH_AHEAD_MS) },
		},
		select: { id: true, accessExpiresAt: true },
	})
	const queue = getQueue(QUEUES.channelRefresh)
	for (const channel of due) {
		await queue.add(
			'channel-refresh',
			{ channelId: channel.id },
			{
				jobId: jobIds.channelRefresh(channel.id, channel.accessExpiresAt!.getTime()),
				attempts: 5,
				backoff: { type: 'exponential', delay: 60_000 },
				removeOnComplete: { age: 24 * 3600 },
				removeOnFail: { age: 7 * 24 * 3600 },
			},
		)
	}
	return due.length
}
