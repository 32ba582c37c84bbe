// A channel whose token a platform refused: it waits for its owner to
// reconnect, says so everywhere it shows, and its owners are told once.
//
// A minimal stand-in written by the insights work (issue 11) because the
// channels module (app/publishing/channels.server.ts) was not there yet; when
// it offers `markChannelNeedsReconnect` with this signature, callers switch
// to it and this file goes.

import type { PrismaClient } from '~/utils/db.server.ts'
import { notify } from './notifications.server.ts'
import { announceChannel } from './publishing-events.server.ts'

/** Marks a connected channel as needing a reconnect; false when it already was (or is gone). */
export async function markChannelNeedsReconnect(db: PrismaClient, channelId: string, reason: string): Promise<boolean> {
	const { count } = await db.channel.updateMany({
		where: { id: channelId, state: 'connected' },
		data: { state: 'needs_reconnect', stateReason: reason },
	})
	if (count === 0) return false
	const channel = await db.channel.findUniqueOrThrow({ where: { id: channelId }, select: { id: true, coopId: true, name: true, platform: true, updatedAt: true } })
	await announceChannel(channel.coopId, { id: channel.id, state: 'needs_reconnect' })
	await notify(db, {
		coopId: channel.coopId,
		kind: 'channel.reconnect',
		params: { channel: channel.name, platform: channel.platform, reason },
		href: '/channels',
		to: 'owners',
		// One notice each time the channel falls from connected to needing a reconnect.
		dedupeKey: `channel-${channel.id}-reconnect-${channel.updatedAt.getTime()}`,
	})
	return true
}
