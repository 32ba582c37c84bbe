// What each platform accepts in a caption, shown as the person types
// (../shared/reference/platforms.md; Zalo's limits come from a third-party SDK
// and are marked unconfirmed there, so they warn rather than refuse).

export type CaptionChannel = 'facebook' | 'tiktok' | 'zalo' | 'manual'

export type CaptionLimit = {
	/** Characters as the platform counts them (UTF-16 code units for all three). */
	maxLength: number
	/** Hashtags beyond this many make the post look like spam to people, and to TikTok. */
	maxHashtags: number
	/** True when going over is refused by the platform; false when it is only advice. */
	hard: boolean
}

export const CAPTION_LIMITS: Record<CaptionChannel, CaptionLimit> = {
	facebook: { maxLength: 63_206, maxHashtags: 10, hard: true },
	tiktok: { maxLength: 2_200, maxHashtags: 5, hard: true },
	// Zalo's article description; the title has its own 150.
	zalo: { maxLength: 300, maxHashtags: 5, hard: false },
	manual: { maxLength: 5_000, maxHashtags: 10, hard: false },
}

export const ZALO_TITLE_MAX = 150

const HASHTAG = /(^|\s)#[\p{L}\p{N}_]+/gu

export function countHashtags(caption: string) {
	return caption.match(HASHTAG)?.length ?? 0
}

export type CaptionCheck = {
	length: number
	maxLength: number
	over: number
	hashtags: number
	problems: Array<'tooLong' | 'tooManyHashtags' | 'empty'>
	/** Whether the platform would refuse it (a hard limit crossed, or nothing to post for TikTok's title). */
	blocking: boolean
}

export function checkCaption(channel: CaptionChannel, caption: string): CaptionCheck {
	const limit = CAPTION_LIMITS[channel]
	const length = caption.length
	const hashtags = countHashtags(caption)
	const problems: CaptionCheck['problems'] = []
	if (!caption.trim()) problems.push('empty')
	if (length > limit.maxLength) problems.push('tooLong')
	if (hashtags > limit.maxHashtags) problems.push('tooManyHashtags')
	return {
		length,
		maxLength: limit.maxLength,
		over: Math.max(0, length - limit.maxLength),
		hashtags,
		problems,
		blocking: limit.hard && problems.includes('tooLong'),
	}
}
