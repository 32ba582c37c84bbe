import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { archiveChannel, channelStatusForCoop, listChannels, markChannelNeedsReconnect } from '~/publishing/channels.server.ts'
import { connectFacebookPages, ConnectRefused, facebookPagesToPick, finishConnect, startConnect } from '~/publishing/oauth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { decryptSecret } from '~/utils/encryption.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'
import { addMember, createUserWithCoop } from '../../prisma/factories.ts'

// Connecting Facebook Pages, a Zalo OA and a TikTok account, from the consent
// screen's address to the stored channel, against local platforms written from
// the documented OAuth endpoints. The consent screen itself is the fake's: it
// sends the person straight back with a code and the state, as the real one
// does when they agree.

let platforms: FakePlatforms
const REQUEST_URL = 'http://studio.test/channels/connect/x'
const saved = { ...process.env }

beforeAll(async () => {
	platforms = await startFakePlatforms()
	Object.assign(process.env, {
		ENCRYPTION_KEY: randomBytes(32).toString('hex'),
		FACEBOOK_GRAPH_URL: platforms.url,
		FACEBOOK_DIALOG_URL: platforms.url,
		ZALO_OAUTH_URL: platforms.url,
		ZALO_OPENAPI_URL: platforms.url,
		TIKTOK_API_URL: platforms.url,
		TIKTOK_AUTH_URL: platforms.url,
		FACEBOOK_APP_ID: 'fb-app',
		FACEBOOK_APP_SECRET: 'fb-secret',
		ZALO_APP_ID: 'zalo-app',
		ZALO_APP_SECRET: 'zalo-secret',
		TIKTOK_CLIENT_KEY: 'tt-key',
		TIKTOK_CLIENT_SECRET: 'tt-secret',
		PUBLIC_URL: 'http://studio.test',
	})
	resetEnvForTests()
})
afterAll(async () => {
	process.env = saved
	resetEnvForTests()
	await platforms.close()
})

let who: { coopId: string; userId: string }
beforeEach(async () => {
	const { user, coop } = await createUserWithCoop()
	who = { coopId: coop.id, userId: user.id }
})

/** Follows the consent screen's address the way a browser does, and returns where it sends the person back to. */
async function agree(consentUrl: string, extra: Record<string, string> = {}) {
	const url = new URL(consentUrl)
	for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value)
	const answer = await fetch(url, { redirect: 'manual' })
	expect(answer.status).toBe(302)
	return new URL(answer.headers.get('location')!)
}

const rawChannel = (id: string) => getDb().channel.findUniqueOrThrow({ where: { id } })

test('Facebook: dialog → code → long-lived token → the person ticks Pages; only Pages that allow posting become channels, their tokens encrypted', async () => {
	const consent = await startConnect(getDb(), 'facebook', who, REQUEST_URL)
	expect(new URL(consent).searchParams.get('redirect_uri')).toBe('http://studio.test/channels/callback/facebook')
	const back = await agree(consent)
	expect(back.pathname).toBe('/channels/callback/facebook')

	// The state is stored hashed: the raw value appears nowhere in the table.
	const rows = await getDb().oAuthState.findMany({ where: { coopId: who.coopId } })
	expect(rows.map((row) => row.stateHash)).not.toContain(back.searchParams.get('state'))

	const result = await finishConnect(getDb(), 'facebook', back.searchParams, who, REQUEST_URL)
	expect(result.kind).toBe('pickPages')
	const pick = result.kind === 'pickPages' ? result.pick : null
	// The long-lived user token waits encrypted while the person chooses.
	const waiting = await getDb().oAuthState.findFirstOrThrow({ where: { coopId: who.coopId, platform: 'facebook_pages' } })
	expect(waiting.codeVerifier).not.toContain('user-token-long')
	expect(decryptSecret(waiting.codeVerifier!)).toBe('user-token-long')

	expect(await facebookPagesToPick(getDb(), pick, who)).toEqual([
		{ id: '1234', name: 'HTX Chè Shan Tuyết Suối Giàng', canPost: true, connected: false },
		{ id: '5678', name: 'Quế Văn Yên', canPost: false, connected: false },
	])
	// The Page without CREATE_CONTENT is ignored even when sent.
	const ids = await connectFacebookPages(getDb(), pick, ['1234', '5678'], who)
	expect(ids).toHaveLength(1)
	const channel = await rawChannel(ids[0])
	expect(channel).toMatchObject({ platform: 'facebook_page', externalId: '1234', name: 'HTX Chè Shan Tuyết Suối Giàng', state: 'connected', accessExpiresAt: null, connectedById: who.userId })
	expect(channel.accessToken).not.toContain('page-token')
	expect(decryptSecret(channel.accessToken!)).toBe('page-token')
	// The picker's round trip is over.
	await expect(facebookPagesToPick(getDb(), pick, who)).rejects.toMatchObject({ reason: 'stateUnknown' })

	const listed = await listChannels(getDb(), who.coopId)
	expect(listed.map((c) => c.name)).toEqual(['HTX Chè Shan Tuyết Suối Giàng'])
	expect(listed[0]).not.toHaveProperty('accessToken')
})

test('Zalo OA: PKCE verifier kept encrypted between the two legs; the OA becomes a channel with both tokens encrypted and their ends stored', async () => {
	const before = Date.now()
	const consent = new URL(await startConnect(getDb(), 'zalo', who, REQUEST_URL))
	expect(consent.pathname).toBe('/v4/oa/permission')
	const round = await getDb().oAuthState.findFirstOrThrow({ where: { coopId: who.coopId, platform: 'zalo' } })
	expect(round.codeVerifier).toBeTruthy()
	expect(decryptSecret(round.codeVerifier!)).toMatch(/^[A-Za-z0-9_-]{43}$/)

	const back = await agree(consent.toString())
	const result = await finishConnect(getDb(), 'zalo', back.searchParams, who, REQUEST_URL)
	expect(result.kind).toBe('connected')
	const channel = await rawChannel(result.kind === 'connected' ? result.channelIds[0] : '')
	expect(channel).toMatchObject({ platform: 'zalo_oa', externalId: '4318246000000000001', name: 'HTX Chè Suối Giàng', state: 'connected' })
	expect(channel.accessToken).not.toMatch(/zalo-access-/)
	expect(channel.refreshToken).not.toMatch(/zalo-refresh-/)
	expect(decryptSecret(channel.accessToken!)).toMatch(/^zalo-access-/)
	const refresh = decryptSecret(channel.refreshToken!)
	expect(platforms.zaloRefreshTokens.has(refresh)).toBe(true)
	// expires_in "90000" seconds: 25 hours.
	expect(channel.accessExpiresAt!.getTime()).toBeGreaterThanOrEqual(before + 90_000_000)
	expect(channel.accessExpiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 90_000_000)

	// Connecting the same OA again replaces its tokens on the same row.
	const again = await finishConnect(getDb(), 'zalo', (await agree(await startConnect(getDb(), 'zalo', who, REQUEST_URL))).searchParams, who, REQUEST_URL)
	expect(again).toEqual({ kind: 'connected', channelIds: [channel.id] })
	expect(decryptSecret((await rawChannel(channel.id)).refreshToken!)).not.toBe(refresh)
})

test('TikTok: code → tokens and open_id; the creator named from user info; inbox unless TIKTOK_DIRECT_POST', async () => {
	const first = await finishConnect(getDb(), 'tiktok', (await agree(await startConnect(getDb(), 'tiktok', who, REQUEST_URL))).searchParams, who, REQUEST_URL)
	const channel = await rawChannel(first.kind === 'connected' ? first.channelIds[0] : '')
	expect(channel).toMatchObject({ platform: 'tiktok', externalId: 'open-1', name: 'Chè Suối Giàng', directPost: false, scopes: 'user.info.basic,video.upload' })
	expect(decryptSecret(channel.accessToken!)).toBe('tiktok-token')
	expect(decryptSecret(channel.refreshToken!)).toBe('tt-refresh-2')
	expect(channel.refreshExpiresAt).not.toBeNull()

	process.env.TIKTOK_DIRECT_POST = '1'
	resetEnvForTests()
	try {
		await finishConnect(getDb(), 'tiktok', (await agree(await startConnect(getDb(), 'tiktok', who, REQUEST_URL))).searchParams, who, REQUEST_URL)
		expect((await rawChannel(channel.id)).directPost).toBe(true)
	} finally {
		delete process.env.TIKTOK_DIRECT_POST
		resetEnvForTests()
	}
})

test('a state works once, for the person and co-op that started it, for ten minutes; a refusal on the consent screen connects nothing', async () => {
	const back = await agree(await startConnect(getDb(), 'tiktok', who, REQUEST_URL))
	const refused = (params: URLSearchParams, by = who, now?: Date) => finishConnect(getDb(), 'tiktok', params, by, REQUEST_URL, now).catch((error: unknown) => error)

	// Another member of the same co-op cannot finish it (and finishing spends it).
	const other = await addMember(who.coopId, { role: 'owner' })
	expect(await refused(back.searchParams, { coopId: who.coopId, userId: other.user.id })).toMatchObject({ reason: 'otherPerson' })
	expect(await refused(back.searchParams)).toMatchObject({ reason: 'stateUnknown' })

	// A made-up state, or one for another platform.
	const forged = new URLSearchParams(back.searchParams)
	forged.set('state', 'made-up')
	expect(await refused(forged)).toBeInstanceOf(ConnectRefused)
	expect(await refused(forged)).toMatchObject({ reason: 'stateUnknown' })
	const zaloBack = await agree(await startConnect(getDb(), 'zalo', who, REQUEST_URL))
	expect(await refused(zaloBack.searchParams)).toMatchObject({ reason: 'stateUnknown' })

	// Eleven minutes later.
	const late = await agree(await startConnect(getDb(), 'tiktok', who, REQUEST_URL))
	expect(await refused(late.searchParams, who, new Date(Date.now() + 11 * 60_000))).toMatchObject({ reason: 'stateExpired' })

	// "Cancel" on the consent screen.
	const denied = await agree(await startConnect(getDb(), 'tiktok', who, REQUEST_URL), { deny: '1' })
	expect(await refused(denied.searchParams)).toMatchObject({ reason: 'denied' })

	expect(await getDb().channel.count({ where: { coopId: who.coopId } })).toBe(0)
	expect(platforms.requests.filter((r) => r.path === '/v2/oauth/token/' && new URLSearchParams(r.body.toString()).get('grant_type') === 'authorization_code').length).toBeGreaterThan(0)
})

test('a code the platform refuses is said plainly and stores nothing', async () => {
	const back = await agree(await startConnect(getDb(), 'facebook', who, REQUEST_URL))
	back.searchParams.set('code', 'used-code')
	const log = vi.spyOn(console, 'error').mockImplementation(() => {})
	expect(await finishConnect(getDb(), 'facebook', back.searchParams, who, REQUEST_URL).catch((e: unknown) => e)).toMatchObject({ reason: 'platformRefused' })
	expect(await getDb().oAuthState.count({ where: { coopId: who.coopId } })).toBe(0)
	// The log keeps the platform's own words; the person reads channels.json's.
	expect(log).toHaveBeenCalledWith(expect.stringContaining('This authorization code has been used'))
	log.mockRestore()
})

test('marking a channel for reconnecting tells the owners once per token; the composer sees it; archiving hides it but keeps the row', async () => {
	const editor = await addMember(who.coopId, { role: 'editor' })
	const connected = await finishConnect(getDb(), 'tiktok', (await agree(await startConnect(getDb(), 'tiktok', who, REQUEST_URL))).searchParams, who, REQUEST_URL)
	const id = connected.kind === 'connected' ? connected.channelIds[0] : ''

	expect(await markChannelNeedsReconnect(getDb(), id, 'token_rejected')).toBe(true)
	expect(await markChannelNeedsReconnect(getDb(), id, 'token_rejected')).toBe(false)
	expect(await rawChannel(id)).toMatchObject({ state: 'needs_reconnect', stateReason: 'token_rejected' })
	const notes = await getDb().notification.findMany({ where: { coopId: who.coopId } })
	expect(notes.map((n) => [n.userId, n.kind, n.href])).toEqual([[who.userId, 'channel.reconnect', '/channels']])
	expect(notes.some((n) => n.userId === editor.user.id)).toBe(false)
	expect(JSON.parse(notes[0].params)).toEqual({ channel: 'Chè Suối Giàng', platform: 'tiktok', reason: 'token_rejected' })
	expect(await channelStatusForCoop(getDb(), who.coopId)).toEqual({ usable: 0, needsReconnect: [{ id, platform: 'tiktok', name: 'Chè Suối Giàng', stateReason: 'token_rejected' }] })

	// Reconnecting clears it; a later failure of the new token tells them again.
	await finishConnect(getDb(), 'tiktok', (await agree(await startConnect(getDb(), 'tiktok', who, REQUEST_URL))).searchParams, who, REQUEST_URL)
	expect(await rawChannel(id)).toMatchObject({ state: 'connected', stateReason: null })
	expect(await markChannelNeedsReconnect(getDb(), id, 'token_rejected')).toBe(true)
	expect(await getDb().notification.count({ where: { coopId: who.coopId, kind: 'channel.reconnect' } })).toBe(2)

	expect(await archiveChannel(getDb(), who.coopId, id)).toBe(true)
	expect(await archiveChannel(getDb(), who.coopId, id)).toBe(false)
	expect(await listChannels(getDb(), who.coopId)).toEqual([])
	expect((await listChannels(getDb(), who.coopId, { includeArchived: true })).map((c) => c.id)).toEqual([id])
})
