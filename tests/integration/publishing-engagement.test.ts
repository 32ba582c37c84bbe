import crypto from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { NumbersNotAcceptedError, recordManualSnapshot, snapshotsForPost } from '~/publishing/engagement.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { createChannel, createPost, createTarget, createUserWithCoop } from '../../prisma/factories.ts'

// Numbers typed in for channels without an API, and a post's snapshots for its chart.

beforeAll(() => {
	process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('hex')
	resetEnvForTests()
})

test('typed-in numbers are kept for a published manual target, with who typed them; the post shows them beside the API ones, oldest first', async () => {
	const { coop, user } = await createUserWithCoop()
	const post = await createPost(coop.id)
	const group = await createChannel(coop.id, { platform: 'manual', manualKind: 'zalo_group', name: 'Nhóm Zalo khách quen' })
	const page = await createChannel(coop.id, { platform: 'facebook_page', name: 'Trang HTX' })
	const manual = await createTarget(post, group, { kind: 'manual', state: 'published', publishedAt: new Date('2026-12-01T02:00:00Z') })
	const reel = await createTarget(post, page, { kind: 'facebook-reel', state: 'published', platformId: 'r1', publishedAt: new Date('2026-12-01T02:00:00Z') })
	await getDb().engagementSnapshot.create({ data: { targetId: reel.id, coopId: coop.id, takenAt: new Date('2026-12-01T03:00:00Z'), views: 40, likes: 2, comments: 0, shares: 0 } })

	const row = await recordManualSnapshot(getDb(), { coopId: coop.id, targetId: manual.id, userId: user.id, views: 55, likes: 6, comments: null, takenAt: new Date('2026-12-02T03:00:00Z') })
	expect(row).toMatchObject({ source: 'manual', enteredById: user.id, views: 55, comments: null })

	const other = await createUserWithCoop()
	expect(await snapshotsForPost(getDb(), other.coop.id, post.id)).toEqual([])
	expect(await snapshotsForPost(getDb(), coop.id, post.id)).toEqual([
		{ targetId: reel.id, channelId: page.id, channelName: 'Trang HTX', platform: 'facebook_page', takenAt: '2026-12-01T03:00:00.000Z', views: 40, likes: 2, comments: 0, shares: 0, source: 'api' },
		{ targetId: manual.id, channelId: group.id, channelName: 'Nhóm Zalo khách quen', platform: 'manual', takenAt: '2026-12-02T03:00:00.000Z', views: 55, likes: 6, comments: null, shares: null, source: 'manual' },
	])
})

test('numbers are refused for another co-op’s target, one not out yet, and one whose platform is read automatically', async () => {
	const { coop, user } = await createUserWithCoop()
	const post = await createPost(coop.id)
	const group = await createChannel(coop.id, { platform: 'manual' })
	const page = await createChannel(coop.id, { platform: 'facebook_page' })
	const waiting = await createTarget(post, group, { kind: 'manual', state: 'scheduled', dueAt: new Date() })
	const reel = await createTarget(post, page, { kind: 'facebook-reel', state: 'published', platformId: 'r2', publishedAt: new Date() })
	const numbers = { views: 1, likes: null, comments: null, shares: null }

	const other = await createUserWithCoop()
	expect(await recordManualSnapshot(getDb(), { coopId: other.coop.id, targetId: waiting.id, userId: other.user.id, ...numbers })).toBeNull()
	await expect(recordManualSnapshot(getDb(), { coopId: coop.id, targetId: waiting.id, userId: user.id, ...numbers })).rejects.toThrow(NumbersNotAcceptedError)
	const error = await recordManualSnapshot(getDb(), { coopId: coop.id, targetId: reel.id, userId: user.id, ...numbers }).catch((e: NumbersNotAcceptedError) => e)
	expect((error as NumbersNotAcceptedError).reason).toBe('has-api')
	expect(await getDb().engagementSnapshot.count({ where: { coopId: coop.id } })).toBe(0)
})
