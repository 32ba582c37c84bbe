import { describe, expect, test } from 'vitest'
import { DAY_MS, nextSlot, QUOTAS, quotasFor, quotaWait, type QuotaUses } from '#workers/publish/rate-limits.ts'
import { captionHint, failureReason, whereToLook } from '#workers/publish/reasons.ts'

const now = new Date('2026-12-07T12:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms)
const none: QuotaUses = { reels: [], tiktokInits: [], tiktokInbox: [] }

describe('a rolling window', () => {
	test('fits while fewer than the limit fall inside it; full, it frees when the oldest counted use leaves', () => {
		const quota = { limit: 3, windowMs: 60_000 }
		expect(nextSlot([], quota, now)).toBeNull()
		expect(nextSlot([ago(1000), ago(2000)], quota, now)).toBeNull()
		// Three inside: the oldest (50 s ago) leaves in 10 s.
		expect(nextSlot([ago(1000), ago(50_000), ago(20_000)], quota, now)).toEqual(new Date(now.getTime() + 10_000))
		// Four inside: two must leave, so the second oldest decides.
		expect(nextSlot([ago(1000), ago(50_000), ago(20_000), ago(55_000)], quota, now)).toEqual(new Date(now.getTime() + 10_000))
	})
	test('a use exactly one window ago no longer counts; one a millisecond later does', () => {
		const quota = { limit: 1, windowMs: 60_000 }
		expect(nextSlot([ago(60_000)], quota, now)).toBeNull()
		expect(nextSlot([ago(59_999)], quota, now)).toEqual(new Date(now.getTime() + 1))
	})
})

describe('the platforms’ quotas', () => {
	test('the numbers: 30 Reels a Page a day, 6 TikTok inits a minute, 5 pending inbox shares a day', () => {
		expect(QUOTAS).toEqual({
			reelsPerPage: { limit: 30, windowMs: DAY_MS },
			tiktokInitsPerToken: { limit: 6, windowMs: 60_000 },
			tiktokPendingInbox: { limit: 5, windowMs: DAY_MS },
		})
		expect(DAY_MS).toBe(86_400_000)
	})
	test('each kind counts only its own quotas', () => {
		expect(quotasFor('facebook-reel')).toEqual(['reels'])
		expect(quotasFor('tiktok-inbox')).toEqual(['tiktokInits', 'tiktokInbox'])
		expect(quotasFor('tiktok-direct')).toEqual(['tiktokInits'])
		expect(quotasFor('facebook-photo')).toEqual([])
		expect(quotasFor('facebook-video')).toEqual([])
		expect(quotasFor('zalo-article')).toEqual([])
	})
	test('the 31st Reel in a day waits until the first of the thirty is a day old, and says so', () => {
		const thirty = Array.from({ length: 30 }, (_, i) => ago((i + 1) * 3600_000 / 2))
		expect(quotaWait('facebook-reel', { ...none, reels: thirty.slice(1) }, now)).toBeNull()
		expect(quotaWait('facebook-reel', { ...none, reels: thirty }, now)).toEqual({ until: new Date(now.getTime() + DAY_MS - 15 * 3600_000), reason: 'rate_limit_reels' })
		// Reels do not slow a photo post down.
		expect(quotaWait('facebook-photo', { ...none, reels: thirty }, now)).toBeNull()
	})
	test('TikTok: the seventh init in a minute waits for the minute; a sixth inbox share in a day waits for the day; the later of the two wins', () => {
		const inits = Array.from({ length: 6 }, (_, i) => ago(10_000 + i * 1000))
		expect(quotaWait('tiktok-direct', { ...none, tiktokInits: inits }, now)).toEqual({ until: new Date(now.getTime() + 45_000), reason: 'rate_limit_tiktok_inits' })
		const shares = Array.from({ length: 5 }, (_, i) => ago(3600_000 * (i + 1)))
		expect(quotaWait('tiktok-direct', { ...none, tiktokInbox: shares }, now)).toBeNull()
		expect(quotaWait('tiktok-inbox', { ...none, tiktokInbox: shares }, now)).toEqual({ until: new Date(now.getTime() + DAY_MS - 5 * 3600_000), reason: 'rate_limit_tiktok_inbox' })
		expect(quotaWait('tiktok-inbox', { ...none, tiktokInits: inits, tiktokInbox: shares }, now)?.reason).toBe('rate_limit_tiktok_inbox')
		// Only the inits full: the minute decides, even when listed first.
		expect(quotaWait('tiktok-inbox', { ...none, tiktokInits: inits }, now)?.reason).toBe('rate_limit_tiktok_inits')
	})
	test('of two full quotas whose slots free at the same moment, the first named is kept', () => {
		const uses = { ...none, tiktokInits: Array(6).fill(ago(30_000)), tiktokInbox: Array(5).fill(ago(DAY_MS - 30_000)) }
		expect(quotaWait('tiktok-inbox', uses, now)).toEqual({ until: new Date(now.getTime() + 30_000), reason: 'rate_limit_tiktok_inits' })
	})
})

describe('reasons a person reads', () => {
	test('the kind decides first: auth reconnect, rate limit and transient gave up, unknown', () => {
		expect(failureReason('auth', '190')).toBe('reconnect')
		expect(failureReason('rate_limit', '4')).toBe('rate_limit_gave_up')
		expect(failureReason('transient', '1')).toBe('transient_gave_up')
		expect(failureReason('unknown', '6000')).toBe('unknown')
	})
	test('a refusal names the caption, the file or the privacy choice when the platform code says which', () => {
		expect(failureReason('invalid', 'privacy_level_option_mismatch')).toBe('privacy_rejected')
		expect(failureReason('invalid', 'unaudited_client_can_only_post_to_private_accounts')).toBe('privacy_rejected')
		expect(failureReason('invalid', '6000')).toBe('media_rejected')
		expect(failureReason('invalid', '324')).toBe('media_rejected')
		expect(failureReason('invalid', 'file_format_check_failed')).toBe('media_rejected')
		expect(failureReason('invalid', '-201')).toBe('caption_rejected')
		expect(failureReason('invalid', 'spam_risk_too_many_posts')).toBe('caption_rejected')
		expect(failureReason('invalid', '100')).toBe('refused')
		expect(failureReason('invalid', null)).toBe('refused')
	})
	test('where to look for an unconfirmed post, per kind', () => {
		expect(whereToLook('facebook-reel')).toBe('facebook_reels')
		expect(whereToLook('facebook-video')).toBe('facebook_posts')
		expect(whereToLook('facebook-photo')).toBe('facebook_posts')
		expect(whereToLook('zalo-article')).toBe('zalo_articles')
		expect(whereToLook('tiktok-inbox')).toBe('tiktok_inbox')
		expect(whereToLook('tiktok-direct')).toBe('tiktok_profile')
	})
	test('a caption hint is its first words, with an ellipsis only when cut', () => {
		expect(captionHint('  Chè   Shan tuyết Yên Bái  ')).toBe('Chè Shan tuyết Yên Bái')
		expect(captionHint('một hai ba bốn năm sáu bảy tám chín mười')).toBe('một hai ba bốn năm sáu bảy tám…')
		expect(captionHint('một hai ba', 2)).toBe('một hai…')
		expect(captionHint('một hai', 2)).toBe('một hai')
		expect(captionHint('')).toBe('')
	})
})
