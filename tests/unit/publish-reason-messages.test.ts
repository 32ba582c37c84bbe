import { expect, test } from 'vitest'
import { quotaWait } from '#workers/publish/rate-limits.ts'
import { failureReason, whereToLook } from '#workers/publish/reasons.ts'
import { PUBLISH_TARGETS } from '#workers/publish/platforms/types.ts'
import en from '~/locales/en/publishing.json'
import vi from '~/locales/vi/publishing.json'

// Every reason the engine writes on a target has words, in both languages,
// and each says what to do next or that nothing needs doing.

const kinds = ['auth', 'rate_limit', 'invalid', 'transient', 'unknown'] as const
const codes = [null, '190', '6000', '-201', 'privacy_level_option_mismatch', '100']
const written = new Set<string>(['hand_off', 'reconnect', 'channel_removed', 'rate_limit', 'transient_retry', 'media_missing', 'unconfirmed'])
for (const kind of kinds) for (const code of codes) written.add(failureReason(kind, code))
const now = new Date('2026-12-07T12:00:00Z')
written.add(quotaWait('facebook-reel', { reels: Array(30).fill(now), tiktokInits: [], tiktokInbox: [] }, now)!.reason)
written.add(quotaWait('tiktok-direct', { reels: [], tiktokInits: Array(6).fill(now), tiktokInbox: [] }, now)!.reason)
written.add(quotaWait('tiktok-inbox', { reels: [], tiktokInits: [], tiktokInbox: Array(5).fill(now) }, now)!.reason)

test('each reason code and each place to look has a Vietnamese and an English text', () => {
	for (const reason of written) {
		expect(vi.reason, reason).toHaveProperty(reason)
		expect(en.reason, reason).toHaveProperty(reason)
	}
	for (const to of PUBLISH_TARGETS) {
		expect(vi.where).toHaveProperty(whereToLook(to))
		expect(en.where).toHaveProperty(whereToLook(to))
	}
	expect(Object.keys(vi.reason).sort()).toEqual(Object.keys(en.reason).sort())
	expect(Object.keys(vi.where).sort()).toEqual(Object.keys(en.where).sort())
	expect(Object.keys(vi.channelReason)).toEqual(['token_rejected'])
})

test('a reason that waits names the time; the unconfirmed one names where to look and what for', () => {
	for (const reason of ['rate_limit', 'rate_limit_reels', 'rate_limit_tiktok_inits', 'rate_limit_tiktok_inbox', 'transient_retry'] as const) {
		expect(vi.reason[reason]).toContain('{{at}}')
		expect(en.reason[reason]).toContain('{{at}}')
	}
	expect(vi.reason.unconfirmed).toMatch(/\{\{place\}\}.*\{\{hint\}\}/)
	expect(en.reason.unconfirmed).toMatch(/\{\{place\}\}.*\{\{hint\}\}/)
})
