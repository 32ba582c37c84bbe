import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { saveConnectedChannel } from '~/publishing/channels.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { decryptSecret } from '~/utils/encryption.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { planChannelRefreshes, refreshChannel } from '#workers/publish/refresh.ts'
import { startChannelRefreshWorker } from '#workers/publish/refresh-worker.ts'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'
import { addMember, createUserWithCoop } from '../../prisma/factories.ts'

// Keeping tokens alive: Zalo's single-use refresh token under two concurrent
// refreshes, a refresh token the platform no longer knows, a platform that
// fails for a moment, and the planner that hands expiring channels to the queue.

let platforms: FakePlatforms
const saved = { ...process.env }

beforeAll(async () => {
	platforms = await startFakePlatforms()
	Object.assign(process.env, {
		ENCRYPTION_KEY: randomBytes(32).toString('hex'),
		ZALO_OAUTH_URL: platforms.url,
		ZALO_OPENAPI_URL: platforms.url,
		TIKTOK_API_URL: platforms.url,
		ZALO_APP_ID: 'zalo-app',
		ZALO_APP_SECRET: 'zalo-secret',
		TIKTOK_CLIENT_KEY: 'tt-key',
		TIKTOK_CLIENT_SECRET: 'tt-secret',
		PLATFORM_REQUEST_TIMEOUT_MS: '5000',
	})
	resetEnvForTests()
})
afterAll(async () => {
	process.env = saved
	resetEnvForTests()
	await platforms.close()
})

let coopId: string
let ownerId: string
beforeEach(async () => {
	const { user, coop } = await createUserWithCoop()
	coopId = coop.id
	ownerId = user.id
})

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000)

async function zaloChannel(refreshToken: string, expiresAt = inHours(1)) {
	platforms.zaloRefreshTokens.add(refreshToken)
	return saveConnectedChannel(getDb(), {
		coopId,
		userId: ownerId,
		platform: 'zalo_oa',
		externalId: `oa-${randomBytes(4).toString('hex')}`,
		name: 'HTX Chè Suối Giàng',
		pictureUrl: null,
		tokens: { accessToken: 'zalo-access-old', expiresAt, refreshToken, refreshExpiresAt: inHours(24 * 90), scopes: [] },
	})
}

const refreshCalls = (token: string) =>
	platforms.requests.filter((r) => r.path === '/v4/oa/access_token' && new URLSearchParams(r.body.toString()).get('refresh_token') === token)

const rawChannel = (id: string) => getDb().channel.findUniqueOrThrow({ where: { id } })

test('two refreshes of one Zalo channel at once: exactly one reaches Zalo, the new pair is stored, and both end with it', async () => {
	const channel = await zaloChannel('zalo-refresh-race')
	const outcomes = await Promise.all([refreshChannel(getDb(), channel.id), refreshChannel(getDb(), channel.id)])

	expect(outcomes.sort()).toEqual(['not_due', 'refreshed'])
	expect(refreshCalls('zalo-refresh-race')).toHaveLength(1)
	const after = await rawChannel(channel.id)
	const newRefresh = decryptSecret(after.refreshToken!)
	expect(newRefresh).not.toBe('zalo-refresh-race')
	// The stored refresh token is the one Zalo will accept next; the old one is spent.
	expect(platforms.zaloRefreshTokens.has(newRefresh)).toBe(true)
	expect(platforms.zaloRefreshTokens.has('zalo-refresh-race')).toBe(false)
	expect(decryptSecret(after.accessToken!)).toMatch(/^zalo-access-\d+$/)
	expect(after.accessExpiresAt!.getTime()).toBeGreaterThan(inHours(24).getTime())
	expect(after).toMatchObject({ state: 'connected', refreshLeaseId: null, refreshLeaseUntil: null })
	expect(after.lastRefreshedAt).not.toBeNull()

	// Both callers read the same pair afterwards: a third refresh has nothing to do.
	expect(await refreshChannel(getDb(), channel.id)).toBe('not_due')
	expect(refreshCalls('zalo-refresh-race')).toHaveLength(1)
	expect(refreshCalls(newRefresh)).toHaveLength(0)
})

test('a refresh token Zalo no longer knows: the channel needs reconnecting, said once to the owners', async () => {
	const editor = await addMember(coopId, { role: 'editor' })
	const channel = await zaloChannel('zalo-refresh-lost')
	platforms.zaloRefreshTokens.delete('zalo-refresh-lost')

	expect(await refreshChannel(getDb(), channel.id)).toBe('needs_reconnect')
	expect(await rawChannel(channel.id)).toMatchObject({ state: 'needs_reconnect', stateReason: 'refresh_rejected', refreshLeaseId: null })
	const notes = await getDb().notification.findMany({ where: { coopId } })
	expect(notes.map((n) => [n.userId, n.kind])).toEqual([[ownerId, 'channel.reconnect']])
	expect(notes.some((n) => n.userId === editor.user.id)).toBe(false)
	// A channel that needs reconnecting is not refreshed (nor planned) again.
	expect(await refreshChannel(getDb(), channel.id)).toBe('not_refreshable')
	expect(await planChannelRefreshes(getDb())).toBe(0)
})

test('a refresh token past its own end is not even tried: the channel asks to be reconnected', async () => {
	const channel = await zaloChannel('zalo-refresh-old')
	await getDb().channel.update({ where: { id: channel.id }, data: { refreshExpiresAt: new Date(Date.now() - 1000) } })
	expect(await refreshChannel(getDb(), channel.id)).toBe('needs_reconnect')
	expect(await rawChannel(channel.id)).toMatchObject({ state: 'needs_reconnect', stateReason: 'refresh_expired', refreshLeaseId: null })
	expect(refreshCalls('zalo-refresh-old')).toHaveLength(0)
})

test('Zalo failing for a moment: the error goes to the job (which retries), the lease is released and the token kept', async () => {
	const channel = await zaloChannel('zalo-refresh-flaky')
	platforms.mishap(/^POST \/v4\/oa\/access_token$/, { kind: 'server-error' })
	await expect(refreshChannel(getDb(), channel.id)).rejects.toMatchObject({ kind: 'transient' })
	expect(await rawChannel(channel.id)).toMatchObject({ state: 'connected', refreshLeaseId: null, refreshToken: channel.refreshToken })

	expect(await refreshChannel(getDb(), channel.id)).toBe('refreshed')
	expect(decryptSecret((await rawChannel(channel.id)).refreshToken!)).not.toBe('zalo-refresh-flaky')
})

test('a lease left by a worker that died is taken over once it runs out', async () => {
	const channel = await zaloChannel('zalo-refresh-orphan')
	await getDb().channel.update({ where: { id: channel.id }, data: { refreshLeaseId: 'dead-worker', refreshLeaseUntil: new Date(Date.now() + 60_000) } })
	const later = () => new Date(Date.now() + 61_000)
	expect(await refreshChannel(getDb(), channel.id, { now: later })).toBe('refreshed')
	expect(refreshCalls('zalo-refresh-orphan')).toHaveLength(1)
})

test('TikTok: the refresh token rotates too', async () => {
	const channel = await saveConnectedChannel(getDb(), {
		coopId,
		userId: ownerId,
		platform: 'tiktok',
		externalId: 'open-1',
		name: 'Chè Suối Giàng',
		pictureUrl: null,
		tokens: { accessToken: 'tiktok-old', expiresAt: inHours(2), refreshToken: 'tt-refresh-1', refreshExpiresAt: null, scopes: [] },
	})
	expect(await refreshChannel(getDb(), channel.id)).toBe('refreshed')
	const after = await rawChannel(channel.id)
	expect(decryptSecret(after.accessToken!)).toBe('tiktok-token')
	expect(decryptSecret(after.refreshToken!)).toBe('tt-refresh-2')
})

test('the planner gives each expiring channel one job per token generation, and the worker refreshes it', async () => {
	await getDb().channel.updateMany({ data: { archivedAt: new Date() } })
	const soon = await zaloChannel('zalo-refresh-planned', inHours(2))
	const later = await zaloChannel('zalo-refresh-later', inHours(30))
	await saveConnectedChannel(getDb(), {
		coopId,
		userId: ownerId,
		platform: 'facebook_page',
		externalId: 'page-x',
		name: 'Page',
		pictureUrl: null,
		tokens: { accessToken: 'page-token', expiresAt: null, refreshToken: null, refreshExpiresAt: null, scopes: [] },
	})

	expect(await planChannelRefreshes(getDb())).toBe(1)
	expect(await planChannelRefreshes(getDb())).toBe(1)
	const queue = getQueue(QUEUES.channelRefresh)
	const jobId = jobIds.channelRefresh(soon.id, soon.accessExpiresAt!.getTime())
	expect((await queue.getJob(jobId))?.data).toEqual({ channelId: soon.id })
	expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'completed')).toBe(1)

	const worker = startChannelRefreshWorker()
	try {
		await vi.waitFor(async () => expect((await rawChannel(soon.id)).lastRefreshedAt).not.toBeNull(), { timeout: 30_000, interval: 100 })
	} finally {
		await worker.close()
	}
	expect(refreshCalls('zalo-refresh-planned')).toHaveLength(1)
	expect((await rawChannel(later.id)).lastRefreshedAt).toBeNull()
	// The refreshed token ends in 25 h: nothing left to plan.
	expect(await planChannelRefreshes(getDb())).toBe(0)
})
