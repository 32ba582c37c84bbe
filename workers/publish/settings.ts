import type { Env } from '~/utils/env.server.ts'
import type { PlatformSettings } from './platforms/types.ts'

/** The platform clients' settings from the one settings schema (app/utils/env.server.ts). */
export function platformSettings(env: Env): PlatformSettings {
	return {
		facebookGraphUrl: env.FACEBOOK_GRAPH_URL,
		facebookGraphVersion: env.FACEBOOK_GRAPH_VERSION,
		zaloOauthUrl: env.ZALO_OAUTH_URL,
		zaloOpenApiUrl: env.ZALO_OPENAPI_URL,
		tiktokApiUrl: env.TIKTOK_API_URL,
		requestTimeoutMs: env.PLATFORM_REQUEST_TIMEOUT_MS,
		pollIntervalMs: env.PLATFORM_POLL_INTERVAL_MS,
		pollTimeoutMs: env.PLATFORM_POLL_TIMEOUT_MS,
	}
}
