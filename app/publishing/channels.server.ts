// Channels: the places a co-op posts to.
//
// OWNER: channels (issue 11). This file holds only what the engine needs
// until the channels work lands (the engine's minimal version of the agreed
// signature; the channels helper replaces it with theirs).

import type { PrismaClient } from '~/utils/db.server.ts'
import { notify } from './notifications.server.ts'
import { announceChannel } from './publishing-events.server.ts'

/**
 * Marks a channel as needing a reconnect (its token was refused), once: the
 * co-op's owners are told the first time, not for every post that finds out.
 * `reason` is a key of publishing.json `channelReason`.
 */
export async function markChannelNeedsReconnect(db: PrismaClient, channelId: string, reason: string): Promise<boolean> {
	const { count } = await db.channel.updateMany({
		where: { id: channelId, state: { not: 'needs_reconnect' } },
		data: { state: 'needs_reconnect', stateReason: reason },
	})
	if (count !== 1) return false
	const channel = await db.channel.findUniqueOrThrow({ where: { id: channelId }, select: { id: true, coopId: true, name: true, state: true, updatedAt: true } })
	await announceChannel(channel.coopId, channel)
	await notify(db, {
		coopId: channel.coopId,
		kind: 'channel.reconnect',
		params: { channel: channel.name, reason },
		href: '/channels',
		to: 'owners',
		dedupeKey: `channel-${channel.id}-reconnect-${channel.updatedAt.getTime()}`,
	})
	return true
}
