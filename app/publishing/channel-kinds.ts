// The names a channel row uses, shared by the channel pages (browser and
// server), the composer and the refresh job (docs/decisions/154-channel-connections.md).

export const CHANNEL_PLATFORMS = ['facebook_page', 'zalo_oa', 'tiktok', 'manual'] as const
export type ChannelPlatform = (typeof CHANNEL_PLATFORMS)[number]

/** Places with no publishing API: the person posts the prepared package by hand. */
export const MANUAL_KINDS = ['zalo_personal', 'zalo_group', 'facebook_group', 'marketplace', 'other'] as const
export type ManualKind = (typeof MANUAL_KINDS)[number]

/**
 * Why a channel needs reconnecting (channels.json `reasons.*`):
 * - token_rejected: the platform refused the token while posting (Graph 190, TikTok access_token_invalid…)
 * - refresh_rejected: the platform refused the refresh token (spent, revoked or expired)
 * - refresh_expired: the refresh token's own end has passed
 * - no_refresh_token: nothing to refresh with
 */
export const RECONNECT_REASONS = ['token_rejected', 'refresh_rejected', 'refresh_expired', 'no_refresh_token'] as const
export type ReconnectReason = (typeof RECONNECT_REASONS)[number]

/** The platforms a person connects through a consent screen, and the channel platform each becomes. */
export const OAUTH_PLATFORMS = { facebook: 'facebook_page', zalo: 'zalo_oa', tiktok: 'tiktok' } as const
export type OAuthPlatform = keyof typeof OAUTH_PLATFORMS

export function isOAuthPlatform(value: unknown): value is OAuthPlatform {
	return typeof value === 'string' && Object.hasOwn(OAUTH_PLATFORMS, value)
}
