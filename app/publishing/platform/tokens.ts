// Connecting a channel and keeping its token alive, per platform: the
// authorisation address to send the person to, the code exchange, and the
// refresh. No database: the caller stores what comes back through the
// encryption module, in the same transaction that consumed the old token
// (Zalo's refresh token is single-use). docs/decisions/152-channel-tokens.md.

import crypto from 'node:crypto'
import { PlatformError, kindForStatus, parseRetryAfter } from './errors.ts'
import { field, request, stringField, type HttpAnswer } from './http.ts'

/** The part of the platform settings (workers/publish/settings.ts) that connecting and refreshing need. */
export type TokenSettings = {
	facebookGraphUrl: string
	facebookGraphVersion: string
	zaloOauthUrl: string
	zaloOpenApiUrl: string
	tiktokApiUrl: string
	/** One request's time limit (PLATFORM_REQUEST_TIMEOUT_MS). */
	requestTimeoutMs: number
}

export type AppCredentials = { id: string; secret: string }

export type TokenSet = {
	accessToken: string
	/** When the access token stops working; null when the platform gives no end. */
	expiresAt: Date | null
	refreshToken: string | null
	refreshExpiresAt: Date | null
	/** The account the token speaks for, when the platform says (TikTok's open_id). */
	accountId: string | null
	scopes: string[]
}

export type FacebookPage = { id: string; name: string; accessToken: string; canPost: boolean }

const inSeconds = (value: unknown, now: number) => {
	const seconds = Number(value)
	return Number.isFinite(seconds) && seconds > 0 ? new Date(now + seconds * 1000) : null
}

/** PKCE (RFC 7636): a random verifier kept in the person's session, its S256 challenge sent to the platform. */
export function pkcePair() {
	const verifier = crypto.randomBytes(32).toString('base64url')
	const challenge = crypto.createHash('sha256').update(verifier).digest('base64url')
	return { verifier, challenge }
}

function refusal(answer: HttpAnswer, platform: string, what: string, code: unknown, said: unknown) {
	const status = answer.status
	const kind = status >= 500 ? 'transient' : status === 429 ? 'rate_limit' : status >= 400 || code != null ? 'auth' : kindForStatus(status)
	return new PlatformError(kind, `${platform} refused ${what}: ${String(said ?? code ?? `HTTP ${status}`)}`, {
		platformCode: (code as string | number | null) ?? status,
		retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')),
	})
}

// ── Facebook ──────────────────────────────────────────────────────────────
export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'pages_manage_engagement', 'read_insights']

export function facebookAuthorizeUrl(settings: TokenSettings & { facebookDialogUrl: string }, app: AppCredentials, redirectUri: string, state: string) {
	const query = new URLSearchParams({ client_id: app.id, redirect_uri: redirectUri, state, scope: FACEBOOK_SCOPES.join(','), response_type: 'code' })
	return `${settings.facebookDialogUrl.replace(/\/+$/, '')}/${settings.facebookGraphVersion}/dialog/oauth?${query}`
}

async function graphGet(settings: TokenSettings, path: string, params: Record<string, string>, what: string) {
	const url = `${settings.facebookGraphUrl.replace(/\/+$/, '')}/${settings.facebookGraphVersion}/${path}?${new URLSearchParams(params)}`
	const answer = await request(url, settings.requestTimeoutMs)
	const error = field(answer.json, 'error') as { code?: number; message?: string } | undefined
	if (answer.status >= 400 || error) throw refusal(answer, 'Facebook', what, error?.code, error?.message)
	return answer.json as Record<string, unknown>
}

/** The code from the dialog → a short-lived user token → a long-lived one (about 60 days). */
export async function facebookExchangeCode(settings: TokenSettings, app: AppCredentials, redirectUri: string, code: string, now = Date.now()): Promise<TokenSet> {
	const short = await graphGet(settings, 'oauth/access_token', { client_id: app.id, client_secret: app.secret, redirect_uri: redirectUri, code }, 'the sign-in code')
	const long = await graphGet(
		settings,
		'oauth/access_token',
		{ grant_type: 'fb_exchange_token', client_id: app.id, client_secret: app.secret, fb_exchange_token: String(short.access_token) },
		'the long-lived token',
	)
	return { accessToken: String(long.access_token), expiresAt: inSeconds(long.expires_in, now), refreshToken: null, refreshExpiresAt: null, accountId: null, scopes: [] }
}

/** The Pages the person manages, each with its own Page token; only those with CREATE_CONTENT can be posted to. */
export async function facebookPages(settings: TokenSettings, userToken: string): Promise<FacebookPage[]> {
	const pages: FacebookPage[] = []
	let params: Record<string, string> | null = { fields: 'id,name,access_token,tasks', limit: '100', access_token: userToken }
	for (let page = 0; params && page < 20; page++) {
		const answer = await graphGet(settings, 'me/accounts', params, 'the list of Pages')
		for (const entry of (field(answer, 'data') as Array<Record<string, unknown>> | undefined) ?? []) {
			const tasks = Array.isArray(entry.tasks) ? entry.tasks.map(String) : []
			pages.push({ id: String(entry.id), name: String(entry.name ?? ''), accessToken: String(entry.access_token ?? ''), canPost: tasks.includes('CREATE_CONTENT') })
		}
		const after = stringField(answer, 'paging', 'cursors', 'after')
		params = after && field(answer, 'paging', 'next') ? { ...params, after } : null
	}
	return pages
}

// ── Zalo OA (OAuth v4 with PKCE) ──────────────────────────────────────────
export function zaloAuthorizeUrl(settings: TokenSettings, app: AppCredentials, redirectUri: string, codeChallenge: string, state: string) {
	const query = new URLSearchParams({ app_id: app.id, redirect_uri: redirectUri, code_challenge: codeChallenge, state })
	return `${settings.zaloOauthUrl.replace(/\/+$/, '')}/v4/oa/permission?${query}`
}

async function zaloToken(settings: TokenSettings, app: AppCredentials, form: Record<string, string>, what: string, now: number): Promise<TokenSet> {
	const answer = await request(`${settings.zaloOauthUrl.replace(/\/+$/, '')}/v4/oa/access_token`, settings.requestTimeoutMs, {
		method: 'POST',
		headers: { secret_key: app.secret, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ ...form, app_id: app.id }),
		// A refresh consumes the single-use refresh token: a lost answer means the channel must be reconnected.
		commits: form.grant_type === 'refresh_token',
	})
	const accessToken = stringField(answer.json, 'access_token')
	if (answer.status >= 400 || !accessToken) {
		throw refusal(answer, 'Zalo', what, field(answer.json, 'error'), field(answer.json, 'error_description') ?? field(answer.json, 'message') ?? field(answer.json, 'error_name'))
	}
	return {
		accessToken,
		// Zalo sends expires_in as a string of seconds.
		expiresAt: inSeconds(field(answer.json, 'expires_in'), now),
		refreshToken: stringField(answer.json, 'refresh_token'),
		refreshExpiresAt: inSeconds(field(answer.json, 'refresh_token_expires_in'), now),
		accountId: null,
		scopes: [],
	}
}

export function zaloExchangeCode(settings: TokenSettings, app: AppCredentials, code: string, codeVerifier: string, now = Date.now()) {
	return zaloToken(settings, app, { code, grant_type: 'authorization_code', code_verifier: codeVerifier }, 'the sign-in code', now)
}

/** Uses up the refresh token: store the new pair before anything else, or the channel is lost. */
export function zaloRefresh(settings: TokenSettings, app: AppCredentials, refreshToken: string, now = Date.now()) {
	return zaloToken(settings, app, { refresh_token: refreshToken, grant_type: 'refresh_token' }, 'the token refresh', now)
}

/** The OA the token speaks for (`GET /v2.0/oa/getoa`): its id, name and avatar. */
export async function zaloOaProfile(settings: TokenSettings, accessToken: string): Promise<{ id: string; name: string; pictureUrl: string | null }> {
	const answer = await request(`${settings.zaloOpenApiUrl.replace(/\/+$/, '')}/v2.0/oa/getoa`, settings.requestTimeoutMs, { headers: { access_token: accessToken } })
	const id = stringField(answer.json, 'data', 'oa_id')
	const code = field(answer.json, 'error')
	if (answer.status >= 400 || (code != null && code !== 0) || !id) throw refusal(answer, 'Zalo', 'the OA profile', code, field(answer.json, 'message'))
	return { id, name: stringField(answer.json, 'data', 'name') ?? id, pictureUrl: stringField(answer.json, 'data', 'avatar') }
}

// ── TikTok (OAuth v2) ─────────────────────────────────────────────────────
export const TIKTOK_SCOPES = ['user.info.basic', 'video.upload', 'video.publish', 'video.list']

export function tiktokAuthorizeUrl(settings: TokenSettings & { tiktokAuthorizeUrl: string }, app: AppCredentials, redirectUri: string, state: string) {
	const query = new URLSearchParams({ client_key: app.id, scope: TIKTOK_SCOPES.join(','), response_type: 'code', redirect_uri: redirectUri, state })
	return `${settings.tiktokAuthorizeUrl}?${query}`
}

async function tiktokToken(settings: TokenSettings, app: AppCredentials, form: Record<string, string>, what: string, now: number): Promise<TokenSet> {
	const answer = await request(`${settings.tiktokApiUrl.replace(/\/+$/, '')}/v2/oauth/token/`, settings.requestTimeoutMs, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', 'cache-control': 'no-cache' },
		body: new URLSearchParams({ ...form, client_key: app.id, client_secret: app.secret }),
		commits: form.grant_type === 'refresh_token',
	})
	const accessToken = stringField(answer.json, 'access_token')
	if (answer.status >= 400 || !accessToken) {
		throw refusal(answer, 'TikTok', what, field(answer.json, 'error'), field(answer.json, 'error_description'))
	}
	return {
		accessToken,
		expiresAt: inSeconds(field(answer.json, 'expires_in'), now),
		refreshToken: stringField(answer.json, 'refresh_token'),
		refreshExpiresAt: inSeconds(field(answer.json, 'refresh_expires_in'), now),
		accountId: stringField(answer.json, 'open_id'),
		scopes: String(field(answer.json, 'scope') ?? '').split(',').filter(Boolean),
	}
}

export function tiktokExchangeCode(settings: TokenSettings, app: AppCredentials, redirectUri: string, code: string, now = Date.now()) {
	return tiktokToken(settings, app, { code, grant_type: 'authorization_code', redirect_uri: redirectUri }, 'the sign-in code', now)
}

export function tiktokRefresh(settings: TokenSettings, app: AppCredentials, refreshToken: string, now = Date.now()) {
	return tiktokToken(settings, app, { refresh_token: refreshToken, grant_type: 'refresh_token' }, 'the token refresh', now)
}

/** The creator the token speaks for (`GET /v2/user/info/`, scope user.info.basic). */
export async function tiktokCreator(settings: TokenSettings, accessToken: string): Promise<{ openId: string; name: string; pictureUrl: string | null }> {
	const url = `${settings.tiktokApiUrl.replace(/\/+$/, '')}/v2/user/info/?fields=open_id,display_name,avatar_url`
	const answer = await request(url, settings.requestTimeoutMs, { headers: { authorization: `Bearer ${accessToken}` } })
	const code = stringField(answer.json, 'error', 'code')
	const openId = stringField(answer.json, 'data', 'user', 'open_id')
	if (answer.status >= 400 || (code && code !== 'ok') || !openId) throw refusal(answer, 'TikTok', 'the creator profile', code, field(answer.json, 'error', 'message'))
	return { openId, name: stringField(answer.json, 'data', 'user', 'display_name') ?? openId, pictureUrl: stringField(answer.json, 'data', 'user', 'avatar_url') }
}
