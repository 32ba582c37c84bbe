import crypto from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { snapshotsForPost } from '~/publishing/engagement.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { decryptSecret } from '~/utils/encryption.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { seedPublishingDemo } from '../../prisma/demo-publishing.ts'
import { createDemoProducts, createUserWithCoop } from '../../prisma/factories.ts'

// The demo co-op's publishing data (prisma/seed.ts): every channel kind, a
// post in each state, numbers for the chart, notifications; once only.

beforeAll(() => {
	process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('hex')
	resetEnvForTests()
})

test('the demo has every kind of channel, posts in each state with numbers over time, and is added once', async () => {
	const { coop, user } = await createUserWithCoop()
	const productIds = await createDemoProducts(coop.id)
	const now = new Date('2026-12-07T03:00:00Z')
	expect(await seedPublishingDemo({ coopId: coop.id, userId: user.id, productIds, now })).toBe(true)
	expect(await seedPublishingDemo({ coopId: coop.id, userId: user.id, productIds, now })).toBe(false)
	const db = getDb()

	const channels = await db.channel.findMany({ where: { coopId: coop.id }, orderBy: { createdAt: 'asc' } })
	expect(channels.map((c) => [c.platform, c.state])).toEqual([
		['facebook_page', 'needs_reconnect'],
		['zalo_oa', 'needs_reconnect'],
		['tiktok', 'needs_reconnect'],
		['manual', 'connected'],
		['manual', 'connected'],
	])
	// Demo tokens are stored like real ones, and say that they go nowhere.
	expect(channels[0]!.accessToken).not.toContain('demo')
	expect(decryptSecret(channels[0]!.accessToken!)).toBe('demo-facebook_page-token-points-nowhere')
	expect(channels.filter((c) => c.platform !== 'manual').every((c) => c.stateReason === 'token_rejected' && c.name.includes('demo'))).toBe(true)

	const targets = await db.postTarget.findMany({ where: { coopId: coop.id } })
	const states = targets.map((t) => t.state)
	for (const state of ['published', 'failed', 'scheduled', 'needs_attention', 'draft']) expect(states).toContain(state)
	// Nothing the insights job would try to read with a token that goes nowhere.
	expect(targets.every((t) => t.nextInsightsAt === null)).toBe(true)
	const scheduled = targets.filter((t) => t.state === 'scheduled').map((t) => t.dueAt!.getTime())
	expect(scheduled.some((at) => at > now.getTime() && at < now.getTime() + 7 * 86_400_000)).toBe(true)
	expect(scheduled.some((at) => at > now.getTime() + 7 * 86_400_000)).toBe(true)

	const partly = await db.post.findFirstOrThrow({ where: { coopId: coop.id, caption: { startsWith: 'Gạo J02' } }, include: { targets: true } })
	expect(partly.targets.map((t) => t.state).sort()).toEqual(['failed', 'published'])

	const first = await db.post.findFirstOrThrow({ where: { coopId: coop.id, caption: { startsWith: 'Chè Shan' } } })
	const snapshots = await snapshotsForPost(db, coop.id, first.id)
	expect(new Set(snapshots.map((s) => s.channelId)).size).toBe(3)
	expect(snapshots.filter((s) => s.platform === 'facebook_page').map((s) => s.views)).toEqual([...snapshots.filter((s) => s.platform === 'facebook_page').map((s) => s.views)].sort((a, b) => a! - b!))

	const notifications = await db.notification.findMany({ where: { coopId: coop.id, userId: user.id } })
	expect(notifications.map((n) => n.kind).sort()).toEqual(['channel.reconnect', 'target.failed', 'target.hand_off', 'target.published'])
	expect(notifications.filter((n) => n.readAt === null)).toHaveLength(3)
})
