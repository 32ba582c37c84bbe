import { expect, test } from 'vitest'
import { CHANNEL_PLATFORMS, isOAuthPlatform, MANUAL_KINDS, OAUTH_PLATFORMS, RECONNECT_REASONS } from '~/publishing/channel-kinds.ts'
import en from '~/locales/en/channels.json'
import vi from '~/locales/vi/channels.json'

// The names channel rows use, and the words the channel pages say for each.

function keys(value: unknown, prefix = ''): string[] {
	if (!value || typeof value !== 'object') return [prefix]
	return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
}

test('the Vietnamese and English channel texts have the same keys', () => {
	expect(keys(en).sort()).toEqual(keys(vi).sort())
})

test('every platform, manual kind and reconnect reason has its words in both languages', () => {
	expect(CHANNEL_PLATFORMS).toEqual(['facebook_page', 'zalo_oa', 'tiktok', 'manual'])
	expect(MANUAL_KINDS).toEqual(['zalo_personal', 'zalo_group', 'facebook_group', 'marketplace', 'other'])
	expect(RECONNECT_REASONS).toEqual(['token_rejected', 'refresh_rejected', 'refresh_expired', 'no_refresh_token'])
	for (const texts of [vi, en]) {
		expect(Object.keys(texts.platform)).toEqual([...CHANNEL_PLATFORMS])
		expect(Object.keys(texts.manualKind)).toEqual([...MANUAL_KINDS])
		expect(Object.keys(texts.reasons)).toEqual([...RECONNECT_REASONS, 'unknown'])
		for (const oauth of Object.keys(OAUTH_PLATFORMS)) expect(texts.connect).toHaveProperty(oauth)
	}
})

test('the consent-screen platforms and the channels they become', () => {
	expect(OAUTH_PLATFORMS).toEqual({ facebook: 'facebook_page', zalo: 'zalo_oa', tiktok: 'tiktok' })
	expect(['facebook', 'zalo', 'tiktok'].every(isOAuthPlatform)).toBe(true)
	for (const other of ['manual', 'facebook_page', 'toString', '', null, 1, { toString: () => 'facebook' }]) expect(isOAuthPlatform(other)).toBe(false)
})
