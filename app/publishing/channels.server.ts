// A co-op's channels: the places it posts to. Connected ones hold tokens
// (encrypted, app/utils/encryption.server.ts); manual ones only a name and an
// address. Removing a channel archives it: its targets keep pointing at it.
// docs/decisions/154-channel-connections.md, 155-channel-token-refresh.md.
//
// OWNER: channels (issue 11). `listChannels`, `channelStatusForCoop` and
// `markChannelNeedsReconnect` are what the composer, the calendar and the
// engine call.

import crypto from 'node:crypto'
import { z } from 'zod'
import type { PrismaClient } from '~/utils/db.server.ts'
import { encryptSecret } from '~/utils/encryption.server.ts'
import { MANUAL_KINDS, type ChannelPlatform, type ManualKind, type ReconnectReason } from './channel-kinds.ts'
import type { TokenSet } from './platform/tokens.ts'
import { notify } from './notifications.server.ts'
import { announceChannel } from './publishing-events.server.ts'

export type ChannelSummary = {
	id: string
	platform: ChannelPlatform
	manualKind: ManualKind | null
	name: string
	pictureUrl: string | null
	state: 'connected' | 'needs_reconnect'
	stateReason: string | null
	accessExpiresAt: Date | null
	directPost: boolean
	address: string | null
	archivedAt: Date | null
}

const summaryFields = {
	id: true,
	platform: true,
	manualKind: true,
	name: true,
	pictureUrl: true,
	state: true,
	stateReason: true,
	accessExpiresAt: true,
	directPost: true,
	address: true,
	archivedAt: true,
} as const

/** The co-op's channels, the newest first within each platform; archived ones only when asked. */
export async function listChannels(db: PrismaClient, coopId: string, options: { includeArchived?: boolean } = {}): Promise<ChannelSummary[]> {
	const rows = await db.channel.findMany({
		where: { coopId, ...(options.includeArchived ? {} : { archivedAt: null }) },
		select: summaryFields,
		orderBy: [{ archivedAt: 'asc' }, { platform: 'asc' }, { createdAt: 'desc' }],
	})
	return rows as ChannelSummary[]
}

/** What the composer and the calendar show: how many channels can take posts, and which need reconnecting. */
export async function channelStatusForCoop(db: PrismaClient, coopId: string) {
	const channels = await listChannels(db, coopId)
	return {
		usable: channels.filter((channel) => channel.state === 'connected').length,
		needsReconnect: channels
			.filter((channel) => channel.state === 'needs_reconnect')
			.map(({ id, platform, name, stateReason }) => ({ id, platform, name, stateReason })),
	}
}

export const ManualChannelSchema = z.object({
	manualKind: z.enum(MANUAL_KINDS, { message: 'manual.kindRequired' }),
	name: z
		.string({ message: 'manual.nameRequired' })
		.transform((value) => value.normalize('NFC').trim())
		.pipe(z.string().min(1, 'manual.nameRequired').max(120, 'manual.nameTooLong')),
	address: z
		.string()
		.trim()
		.optional()
		.transform((value) => value || undefined)
		.pipe(z.string().url('manual.addressInvalid').refine((value) => /^https?:\/\//i.test(value), 'manual.addressInvalid').optional()),
})
export type ManualChannelInput = z.infer<typeof ManualChannelSchema>

export async function addManualChannel(db: PrismaClient, coopId: string, userId: string, input: ManualChannelInput) {
	const channel = await db.channel.create({
		data: { coopId, platform: 'manual', manualKind: input.manualKind, name: input.name, address: input.address ?? null, connectedById: userId },
	})
	await announceChannel(coopId, channel)
	return channel
}

/** Archives a channel of this co-op (its targets keep pointing at it); false when there is none to archive. */
export async function archiveChannel(db: PrismaClient, coopId: string, channelId: string, now = new Date()) {
	const { count } = await db.channel.updateMany({ where: { id: channelId, coopId, archivedAt: null }, data: { archivedAt: now } })
	if (count === 1) await announceChannel(coopId, { id: channelId, state: 'archived' })
	return count === 1
}

export type ConnectedChannelInput = {
	coopId: string
	userId: string
	platform: Exclude<ChannelPlatform, 'manual'>
	externalId: string
	name: string
	pictureUrl: string | null
	tokens: Pick<TokenSet, 'accessToken' | 'expiresAt' | 'refreshToken' | 'refreshExpiresAt' | 'scopes'>
	directPost?: boolean
}

/**
 * Stores a channel that came back from a platform's consent screen: a new row,
 * or the same account connected again (its old tokens replaced, reconnected,
 * brought back from the archive). Tokens are written encrypted only.
 */
export async function saveConnectedChannel(db: PrismaClient, input: ConnectedChannelInput) {
	const data = {
		name: input.name,
		pictureUrl: input.pictureUrl,
		accessToken: encryptSecret(input.tokens.accessToken),
		refreshToken: input.tokens.refreshToken ? encryptSecret(input.tokens.refreshToken) : null,
		accessExpiresAt: input.tokens.expiresAt,
		refreshExpiresAt: input.tokens.refreshExpiresAt,
		scopes: input.tokens.scopes.join(',') || null,
		directPost: input.directPost ?? false,
		state: 'connected',
		stateReason: null,
		refreshLeaseId: null,
		refreshLeaseUntil: null,
		archivedAt: null,
		connectedById: input.userId,
	}
	const channel = await db.channel.upsert({
		where: { coopId_platform_externalId: { coopId: input.coopId, platform: input.platform, externalId: input.externalId } },
		create: { coopId: input.coopId, platform: input.platform, externalId: input.externalId, ...data },
		update: data,
	})
	await announceChannel(input.coopId, channel)
	return channel
}

/**
 * The channel's tokens no longer work: it says so on the channel list, the
 * composer and the calendar, and the co-op's owners are told once per token
 * (a reconnect and a later failure tell them again). The engine calls this on
 * an auth error (Graph 190 and the like). Returns false when the channel is
 * gone, archived, manual or already marked.
 */
export async function markChannelNeedsReconnect(db: PrismaClient, channelId: string, reason: ReconnectReason): Promise<boolean> {
	const channel = await db.channel.findUnique({ where: { id: channelId } })
	if (!channel || channel.platform === 'manual' || channel.archivedAt) return false
	const { count } = await db.channel.updateMany({
		where: { id: channelId, state: 'connected', accessToken: channel.accessToken },
		data: { state: 'needs_reconnect', stateReason: reason, refreshLeaseId: null, refreshLeaseUntil: null },
	})
	if (count !== 1) return false
	await announceChannel(channel.coopId, { id: channelId, state: 'needs_reconnect' })
	const generation = crypto.createHash('sha256').update(channel.accessToken ?? '').digest('hex').slice(0, 16)
	await notify(db, {
		coopId: channel.coopId,
		kind: 'channel.reconnect',
		params: { channel: channel.name, platform: channel.platform, reason },
		href: '/channels',
		to: 'owners',
		dedupeKey: `channel-${channelId}-reconnect-${generation}`,
	})
	return true
}
