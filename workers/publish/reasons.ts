// What a person reads about a target that did not go: a reason code that
// app/locales/*/publishing.json turns into plain words and the next step
// (docs/decisions/156-publishing-engine.md). The platform's own message is
// kept beside it (PostTarget.errorMessage) for the log and for support.

import type { PlatformErrorKind } from './platforms/errors.ts'
import type { PublishTarget } from './platforms/types.ts'

export type FailureReason =
	| 'reconnect'
	| 'rate_limit'
	| 'transient_retry'
	| 'transient_gave_up'
	| 'rate_limit_gave_up'
	| 'caption_rejected'
	| 'media_rejected'
	| 'privacy_rejected'
	| 'refused'
	| 'unknown'

/** Platform codes that point at the caption, the file or the privacy choice rather than at us. */
const CAPTION_CODES = new Set(['-201', 'spam_risk_too_many_posts', 'spam_risk_user_banned_from_posting'])
const MEDIA_CODES = new Set(['6000', '324', '351', '352', 'file_format_check_failed', 'duration_check_failed', 'frame_rate_check_failed', 'picture_size_check_failed'])
const PRIVACY_CODES = new Set(['privacy_level_option_mismatch', 'unaudited_client_can_only_post_to_private_accounts'])

/** The reason code for a run that ended failed, from the failure's kind and the platform's code. */
export function failureReason(kind: PlatformErrorKind, platformCode: string | null): FailureReason {
	if (kind === 'auth') return 'reconnect'
	if (kind === 'rate_limit') return 'rate_limit_gave_up'
	if (kind === 'transient') return 'transient_gave_up'
	if (kind === 'unknown') return 'unknown'
	if (platformCode !== null && PRIVACY_CODES.has(platformCode)) return 'privacy_rejected'
	if (platformCode !== null && MEDIA_CODES.has(platformCode)) return 'media_rejected'
	if (platformCode !== null && CAPTION_CODES.has(platformCode)) return 'caption_rejected'
	return 'refused'
}

/** Where a person looks for a post that may or may not have gone out (an unconfirmed target's message). */
export function whereToLook(kind: PublishTarget): 'facebook_reels' | 'facebook_posts' | 'zalo_articles' | 'tiktok_inbox' | 'tiktok_profile' {
	if (kind === 'facebook-reel') return 'facebook_reels'
	if (kind === 'facebook-video' || kind === 'facebook-photo') return 'facebook_posts'
	if (kind === 'zalo-article') return 'zalo_articles'
	if (kind === 'tiktok-inbox') return 'tiktok_inbox'
	return 'tiktok_profile'
}

/** The first words of a caption, enough to recognise the post on a Page. */
export function captionHint(caption: string, words = 8): string {
	const all = caption.trim().split(/\s+/).filter(Boolean)
	return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ')
}
