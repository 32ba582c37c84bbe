// Connecting a channel through a platform's consent screen: the round trip's
// `state` (stored hashed, ten minutes, single use, bound to the person and the
// co-op), Zalo's PKCE verifier (encrypted), the code exchange, and the
// Facebook step where the person ticks the Pages to connect.
// docs/decisions/154-channel-connections.md.

import crypto from 'node:crypto'
import type { PrismaClient } from '~/utils/db.server.ts'
import { decryptSecret, encryptSecret } from '~/utils/encryption.server.ts'
import { getEnv, type Env } from '~/utils/env.server.ts'
import { OAUTH_PLATFORMS, type OAuthPlatform } from './channel-kinds.ts'
import { saveConnectedChannel } from './channels.server.ts'
import { PlatformError } from './platform/errors.ts'
import {
	facebookAuthorizeUrl,
	facebookExchangeCode,
	facebookPages,
	pkcePair,
	tiktokAuthorizeUrl,
	tiktokCreator,
	tiktokExchangeCode,
	zaloAuthorizeUrl,
	zaloExchangeCode,
	zaloOaProfile,
	type AppCredentials,
	type TokenSettings,
} from './platform/tokens.ts'

export const OAUTH_STATE_TTL_MS = 10 * 60_000

/** The Facebook Page picker's row: the long-lived user token waits here (encrypted) while the person ticks Pages. */
const PAGE_PICK = 'facebook_pages'

/**
 * Why a connection did not happen (channels.json `connectErrors.*`): each
 * says what to do next.
 */
export type ConnectRefusal = 'notConfigured' | 'stateUnknown' | 'stateExpired' | 'otherPerson' | 'denied' | 'platformRefused' | 'platformDown' | 'noPages'

export class ConnectRefused extends Error {
	constructor(
		readonly reason: ConnectRefusal,
		options?: { cause?: unknown },
	) {
		super(`Connecting the channel failed: ${reason}`, options)
		this.name = 'ConnectRefused'
	}
}

export function tokenSettings(env: Env = getEnv()): TokenSettings {
	return {
		facebookGraphUrl: env.FACEBOOK_GRAPH_URL,
		facebookGraphVersion: env.FACEBOOK_GRAPH_VERSION,
		zaloOauthUrl: env.ZALO_OAUTH_URL,
		zaloOpenApiUrl: env.ZALO_OPENAPI_URL,
		tiktokApiUrl: env.TIKTOK_API_URL,
		requestTimeoutMs: env.PLATFORM_REQUEST_TIMEOUT_MS,
	}
}

/** The app credentials of a platform, or null when this server has none for it. */
export function appCredentials(platform: OAuthPlatform, env: Env = getEnv()): AppCredentials | null {
	const [id, secret] =
		platform === 'facebook'
			? [env.FACEBOOK_APP_ID, env.FACEBOOK_APP_SECRET]
			: platform === 'zalo'
				? [env.ZALO_APP_ID, env.ZALO_APP_SECRET]
				: [env.TIKTOK_CLIENT_KEY, env.TIKTOK_CLIENT_SECRET]
	return id && secret ? { id, secret } : null
}

/**
 * What /channels can offer: the platforms with app credentials, when tokens
 * can be stored (an encryption key is set). Manual channels are always offered.
 */
export function connectablePlatforms(env: Env = getEnv()) {
	const configured = (Object.keys(OAUTH_PLATFORMS) as OAuthPlatform[]).filter((platform) => appCredentials(platform, env))
	return { platforms: env.ENCRYPTION_KEY ? configured : [], missingEncryptionKey: configured.length > 0 && !env.ENCRYPTION_KEY }
}

/** The address the platform sends the person back to: PUBLIC_URL when set (what was registered with the app), else this request's origin. */
export function callbackUrl(platform: OAuthPlatform, requestUrl: string, env: Env = getEnv()) {
	return new URL(`/channels/callback/${platform}`, env.PUBLIC_URL ?? new URL(requestUrl).origin).toString()
}

const hash = (value: string) => crypto.createHash('sha256').update(value).digest('hex')

type Who = { coopId: string; userId: string }

/** Starts a connection: stores the round trip and answers the consent screen's address. */
export async function startConnect(db: PrismaClient, platform: OAuthPlatform, who: Who, requestUrl: string, now = new Date()): Promise<string> {
	const env = getEnv()
	const app = appCredentials(platform, env)
	if (!app || !connectablePlatforms(env).platforms.includes(platform)) throw new ConnectRefused('notConfigured')
	const state = crypto.randomBytes(32).toString('base64url')
	const pkce = platform === 'zalo' ? pkcePair() : null
	await db.oAuthState.deleteMany({ where: { expiresAt: { lt: now } } })
	await db.oAuthState.create({
		data: {
			stateHash: hash(state),
			platform,
			coopId: who.coopId,
			userId: who.userId,
			codeVerifier: pkce ? encryptSecret(pkce.verifier) : null,
			expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
		},
	})
	const settings = tokenSettings(env)
	const redirectUri = callbackUrl(platform, requestUrl, env)
	if (platform === 'facebook') return facebookAuthorizeUrl({ ...settings, facebookDialogUrl: env.FACEBOOK_DIALOG_URL }, app, redirectUri, state)
	if (platform === 'zalo') return zaloAuthorizeUrl(settings, app, redirectUri, pkce!.challenge, state)
	return tiktokAuthorizeUrl({ ...settings, tiktokAuthorizeUrl: `${env.TIKTOK_AUTH_URL.replace(/\/+$/, '')}/v2/auth/authorize/` }, app, redirectUri, state)
}

/** Finds a round trip by its state and deletes it (a state works once); refuses another person's, another co-op's, or an old one. */
async function takeState(db: PrismaClient, platform: string, state: string | null, who: Who, now: Date) {
	if (!state) throw new ConnectRefused('stateUnknown')
	const row = await db.oAuthState.findUnique({ where: { stateHash: hash(state) } })
	if (!row || row.platform !== platform) throw new ConnectRefused('stateUnknown')
	const { count } = await db.oAuthState.deleteMany({ where: { id: row.id } })
	if (count !== 1) throw new ConnectRefused('stateUnknown')
	if (row.userId !== who.userId || row.coopId !== who.coopId) throw new ConnectRefused('otherPerson')
	if (row.expiresAt.getTime() <= now.getTime()) throw new ConnectRefused('stateExpired')
	return row
}

/** A platform's refusal or silence, in the words the page shows. */
async function fromPlatform<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call()
	} catch (error) {
		if (error instanceof PlatformError) {
			console.error(`connecting a channel: ${error.message}`)
			throw new ConnectRefused(error.kind === 'transient' || error.kind === 'rate_limit' ? 'platformDown' : 'platformRefused', { cause: error })
		}
		throw error
	}
}

export type ConnectResult = { kind: 'connected'; channelIds: string[] } | { kind: 'pickPages'; pick: string }

/**
 * The platform sent the person back with `code` and `state` (or `error`).
 * Facebook continues on the Page picker; Zalo and TikTok become a channel now.
 */
export async function finishConnect(db: PrismaClient, platform: OAuthPlatform, params: URLSearchParams, who: Who, requestUrl: string, now = new Date()): Promise<ConnectResult> {
	const env = getEnv()
	const app = appCredentials(platform, env)
	if (!app) throw new ConnectRefused('notConfigured')
	const round = await takeState(db, platform, params.get('state'), who, now)
	const code = params.get('code')
	if (params.get('error') || !code) throw new ConnectRefused('denied')
	const settings = tokenSettings(env)
	const redirectUri = callbackUrl(platform, requestUrl, env)

	if (platform === 'facebook') {
		const user = await fromPlatform(() => facebookExchangeCode(settings, app, redirectUri, code, now.getTime()))
		const pick = crypto.randomBytes(32).toString('base64url')
		await db.oAuthState.create({
			data: {
				stateHash: hash(pick),
				platform: PAGE_PICK,
				coopId: who.coopId,
				userId: who.userId,
				codeVerifier: encryptSecret(user.accessToken),
				expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
			},
		})
		return { kind: 'pickPages', pick }
	}

	if (platform === 'zalo') {
		const tokens = await fromPlatform(() => zaloExchangeCode(settings, app, code, decryptSecret(round.codeVerifier ?? ''), now.getTime()))
		const oa = await fromPlatform(() => zaloOaProfile(settings, tokens.accessToken))
		const channel = await saveConnectedChannel(db, { ...who, platform: 'zalo_oa', externalId: oa.id, name: oa.name, pictureUrl: oa.pictureUrl, tokens })
		return { kind: 'connected', channelIds: [channel.id] }
	}

	const tokens = await fromPlatform(() => tiktokExchangeCode(settings, app, redirectUri, code, now.getTime()))
	const creator = await fromPlatform(() => tiktokCreator(settings, tokens.accessToken))
	const channel = await saveConnectedChannel(db, {
		...who,
		platform: 'tiktok',
		externalId: tokens.accountId ?? creator.openId,
		name: creator.name,
		pictureUrl: creator.pictureUrl,
		tokens,
		directPost: env.TIKTOK_DIRECT_POST,
	})
	return { kind: 'connected', channelIds: [channel.id] }
}

async function pickRow(db: PrismaClient, pick: string | null, who: Who, now: Date) {
	if (!pick) throw new ConnectRefused('stateUnknown')
	const row = await db.oAuthState.findUnique({ where: { stateHash: hash(pick) } })
	if (!row || row.platform !== PAGE_PICK || !row.codeVerifier) throw new ConnectRefused('stateUnknown')
	if (row.userId !== who.userId || row.coopId !== who.coopId) throw new ConnectRefused('otherPerson')
	if (row.expiresAt.getTime() <= now.getTime()) throw new ConnectRefused('stateExpired')
	return row
}

/** The Pages the person manages, for the picker: those that allow posting can be ticked; which are connected already. */
export async function facebookPagesToPick(db: PrismaClient, pick: string | null, who: Who, now = new Date()) {
	const row = await pickRow(db, pick, who, now)
	const pages = await fromPlatform(() => facebookPages(tokenSettings(), decryptSecret(row.codeVerifier!)))
	const connected = await db.channel.findMany({
		where: { coopId: who.coopId, platform: 'facebook_page', archivedAt: null, state: 'connected', externalId: { in: pages.map((page) => page.id) } },
		select: { externalId: true },
	})
	const already = new Set(connected.map((channel) => channel.externalId))
	return pages.map((page) => ({ id: page.id, name: page.name, canPost: page.canPost, connected: already.has(page.id) }))
}

/** Connects the ticked Pages (only those that allow posting) and ends the picker's round trip. */
export async function connectFacebookPages(db: PrismaClient, pick: string | null, pageIds: string[], who: Who, now = new Date()) {
	const row = await pickRow(db, pick, who, now)
	const pages = await fromPlatform(() => facebookPages(tokenSettings(), decryptSecret(row.codeVerifier!)))
	const chosen = pages.filter((page) => page.canPost && pageIds.includes(page.id))
	if (chosen.length === 0) throw new ConnectRefused('noPages')
	const channelIds: string[] = []
	for (const page of chosen) {
		const channel = await saveConnectedChannel(db, {
			...who,
			platform: 'facebook_page',
			externalId: page.id,
			name: page.name,
			pictureUrl: null,
			// Page tokens from a long-lived user token have no stated end; a 190 later means "reconnect".
			tokens: { accessToken: page.accessToken, expiresAt: null, refreshToken: null, refreshExpiresAt: null, scopes: [] },
		})
		channelIds.push(channel.id)
	}
	await db.oAuthState.deleteMany({ where: { id: row.id } })
	return channelIds
}
