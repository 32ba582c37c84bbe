import { afterEach, beforeEach, expect, test } from 'vitest'
import { PlatformError } from '#workers/publish/platforms/errors.ts'
import { facebookEngagement, tiktokEngagement } from '#workers/publish/platforms/insights.ts'
import {
	facebookAuthorizeUrl,
	facebookExchangeCode,
	facebookPages,
	pkcePair,
	tiktokExchangeCode,
	tiktokRefresh,
	zaloAuthorizeUrl,
	zaloExchangeCode,
	zaloRefresh,
} from '#workers/publish/platforms/tokens.ts'
import type { PlatformSettings } from '#workers/publish/platforms/types.ts'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'

// Connecting channels, refreshing their tokens and reading numbers, against
// local platforms written from the documented OAuth and insights endpoints.

let platforms: FakePlatforms
let settings: PlatformSettings
const now = Date.parse('2026-12-07T05:00:00Z')

beforeEach(async () => {
	platforms = await startFakePlatforms()
	settings = {
		facebookGraphUrl: platforms.url,
		facebookGraphVersion: 'v24.0',
		zaloOauthUrl: platforms.url,
		zaloOpenApiUrl: platforms.url,
		tiktokApiUrl: platforms.url,
		requestTimeoutMs: 5000,
		pollIntervalMs: 10,
		pollTimeoutMs: 1000,
	}
})
afterEach(async () => {
	await platforms.close()
})

test('Facebook: the dialog address asks for the Page permissions; the code becomes a long-lived token; only Pages that allow posting can be posted to', async () => {
	const dialog = new URL(facebookAuthorizeUrl({ ...settings, facebookDialogUrl: 'https://www.facebook.com' }, { id: 'fb-app', secret: 'fb-secret' }, 'https://studio.example/channels/facebook/callback', 'st4te'))
	expect(dialog.pathname).toBe('/v24.0/dialog/oauth')
	expect(dialog.searchParams.get('scope')!.split(',')).toEqual(expect.arrayContaining(['pages_show_list', 'pages_manage_posts', 'read_insights']))
	expect(dialog.searchParams.get('state')).toBe('st4te')

	const tokens = await facebookExchangeCode(settings, { id: 'fb-app', secret: 'fb-secret' }, 'https://studio.example/cb', 'fb-code', now)
	expect(tokens).toMatchObject({ accessToken: 'user-token-long', refreshToken: null })
	expect(tokens.expiresAt!.getTime()).toBe(now + 5_183_944_000)
	expect(platforms.requests.filter((r) => r.path === '/v24.0/oauth/access_token')).toHaveLength(2)

	const pages = await facebookPages(settings, tokens.accessToken)
	expect(pages).toEqual([
		{ id: '1234', name: 'HTX Chè Shan Tuyết Suối Giàng', accessToken: 'page-token', canPost: true },
		{ id: '5678', name: 'Quế Văn Yên', accessToken: 'page-token-2', canPost: false },
	])
	await expect(facebookExchangeCode(settings, { id: 'fb-app', secret: 'fb-secret' }, 'https://studio.example/cb', 'used-code')).rejects.toMatchObject({ kind: 'auth' })
})

test('Zalo: PKCE from the authorisation to the code exchange; each refresh token works once and is replaced', async () => {
	const { verifier, challenge } = pkcePair()
	expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
	const permission = new URL(zaloAuthorizeUrl(settings, { id: 'zalo-app', secret: 'zalo-secret' }, 'https://studio.example/cb', challenge, 's'))
	expect(permission.pathname).toBe('/v4/oa/permission')
	expect(permission.searchParams.get('code_challenge')).toBe(challenge)

	const app = { id: 'zalo-app', secret: 'zalo-secret' }
	const first = await zaloExchangeCode(settings, app, `zalo-code-for-${challenge}`, verifier, now)
	expect(first.accessToken).toMatch(/^zalo-access-/)
	expect(first.expiresAt!.getTime()).toBe(now + 90_000_000)
	await expect(zaloExchangeCode(settings, app, `zalo-code-for-${challenge}`, 'another-verifier')).rejects.toBeInstanceOf(PlatformError)

	const second = await zaloRefresh(settings, app, first.refreshToken!, now)
	expect(second.refreshToken).not.toBe(first.refreshToken)
	const reused = await zaloRefresh(settings, app, first.refreshToken!).catch((error: PlatformError) => error)
	expect(reused).toMatchObject({ kind: 'auth' })
	expect((reused as PlatformError).message).toMatch(/Refresh token is invalid/)
	expect(platforms.requests.filter((r) => r.path === '/v4/oa/access_token').every((r) => r.headers.secret_key === 'zalo-secret')).toBe(true)
})

test('TikTok: the code exchange gives the open id and both lifetimes; the refresh rotates the refresh token', async () => {
	const app = { id: 'tt-key', secret: 'tt-secret' }
	const tokens = await tiktokExchangeCode(settings, app, 'https://studio.example/cb', 'tt-code', now)
	expect(tokens).toMatchObject({ accessToken: 'tiktok-token', accountId: 'open-1', refreshToken: 'tt-refresh-2', scopes: ['user.info.basic', 'video.upload'] })
	expect(tokens.refreshExpiresAt!.getTime()).toBe(now + 31_536_000_000)
	expect((await tiktokRefresh(settings, app, 'tt-refresh-1')).refreshToken).toBe('tt-refresh-2')
	await expect(tiktokRefresh(settings, app, 'expired')).rejects.toMatchObject({ kind: 'auth' })
})

test('numbers: a Reel from its video insights, a photo post from its summaries, TikTok videos from the video query', async () => {
	platforms.numbers.set('900', { views: 1200, likes: 80, comments: 7, shares: 3 })
	platforms.numbers.set('1234_55', { views: 640, likes: 21, comments: 4, shares: 1 })
	platforms.numbers.set('7401', { views: 5000, likes: 300, comments: 12, shares: 9 })
	expect(await facebookEngagement(settings, 'page-token', 'facebook-reel', '900')).toEqual({ views: 1200, likes: 80, comments: 7, shares: 3 })
	expect(await facebookEngagement(settings, 'page-token', 'facebook-photo', '1234_55')).toEqual({ views: 640, likes: 21, comments: 4, shares: 1 })
	const tiktok = await tiktokEngagement(settings, 'tiktok-token', ['7401', 'missing'])
	expect([...tiktok]).toEqual([['7401', { views: 5000, likes: 300, comments: 12, shares: 9 }]])
	const insights = platforms.requests.find((r) => r.path === '/v24.0/900/video_insights')!
	expect(insights.query.get('metric')).not.toMatch(/impressions/)
	await expect(tiktokEngagement(settings, 'stale', ['7401'])).rejects.toMatchObject({ kind: 'auth' })
})
