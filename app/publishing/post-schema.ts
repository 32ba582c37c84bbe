import { z } from 'zod'
import { type CaptionChannel, checkCaption, type CaptionCheck } from './caption-limits.ts'
import { COPY_TONES } from './offline-copy.ts'

// What the composer sends, checked by the same schema in the browser and on
// the server, and the pure decisions the composer and the post domain share:
// which kind of delivery a channel gets for a medium, and the exact text each
// channel receives (docs/decisions/158-publishing-composer.md).

export const CHANNEL_PLATFORMS = ['facebook_page', 'zalo_oa', 'tiktok', 'manual'] as const
export type ChannelPlatform = (typeof CHANNEL_PLATFORMS)[number]

export type TargetKind = 'facebook-reel' | 'facebook-video' | 'facebook-photo' | 'zalo-article' | 'tiktok-inbox' | 'tiktok-direct' | 'manual'

/** What the post carries: one rendered video in one output format, or a ready photo set. */
export type PostMedia = { type: 'video'; format: string } | { type: 'photos' }

/** Output formats whose frame is 9:16, the shape Facebook takes as a Reel (app/studio/spec/formats.ts). */
export const VERTICAL_FORMATS: readonly string[] = ['tiktok-reels', 'zalo']

/**
 * How a channel delivers this medium, or null when the platform cannot take
 * it through its API (a photo set on Zalo OA or TikTok: post it through a
 * manual channel instead).
 */
export function targetKindFor(channel: { platform: string; directPost: boolean }, media: PostMedia): TargetKind | null {
	switch (channel.platform) {
		case 'facebook_page':
			if (media.type === 'photos') return 'facebook-photo'
			return VERTICAL_FORMATS.includes(media.format) ? 'facebook-reel' : 'facebook-video'
		case 'zalo_oa':
			return media.type === 'video' ? 'zalo-article' : null
		case 'tiktok':
			if (media.type !== 'video') return null
			return channel.directPost ? 'tiktok-direct' : 'tiktok-inbox'
		case 'manual':
			return 'manual'
		default:
			return null
	}
}

export function captionChannelFor(platform: string): CaptionChannel {
	if (platform === 'facebook_page') return 'facebook'
	if (platform === 'zalo_oa') return 'zalo'
	if (platform === 'tiktok') return 'tiktok'
	return 'manual'
}

/**
 * The exact text one channel receives: the caption, then the hashtags on
 * their own line unless the caption already ends with them, then the link
 * unless the caption already carries it.
 */
export function composeText(caption: string, hashtags: string, link: string | null): string {
	const body = caption.trim()
	const tags = hashtags.trim()
	const parts = [body]
	if (tags && !body.endsWith(tags)) parts.push(tags)
	let text = parts.filter(Boolean).join('\n\n')
	if (link && !text.includes(link)) text = `${text}\n👉 ${link}`
	return text
}

/** Splits "#chè #ocop, tânuyên" into ["#chè", "#ocop", "#tânuyên"]. */
export function normaliseHashtags(input: string): string {
	return input
		.split(/[\s,]+/)
		.map((word) => word.replace(/^#+/, ''))
		.filter(Boolean)
		.map((word) => `#${word}`)
		.join(' ')
}

export const TIKTOK_PRIVACY_LEVELS = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'] as const

const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.boolean()])
	.optional()
	.transform((value) => value === 'on' || value === 'true' || value === true)

const optionalText = z
	.string()
	.optional()
	.transform((value) => (value?.trim() ? value.trim() : undefined))

/**
 * TikTok's required posting screen for a direct post: privacy chosen by the
 * person (no default), interactions off unless turned on, the commercial
 * content disclosure, and explicit consent.
 */
export const tiktokDirectSchema = z
	.object({
		privacy: z.enum(TIKTOK_PRIVACY_LEVELS, { message: 'posts:errors.tiktokPrivacy' }),
		allowComment: checkbox,
		allowDuet: checkbox,
		allowStitch: checkbox,
		discloseCommercial: checkbox,
		yourBrand: checkbox,
		brandedContent: checkbox,
		consent: checkbox,
	})
	.superRefine((value, ctx) => {
		if (!value.consent) ctx.addIssue({ code: 'custom', path: ['consent'], message: 'posts:errors.tiktokConsent' })
		if (value.discloseCommercial && !value.yourBrand && !value.brandedContent) {
			ctx.addIssue({ code: 'custom', path: ['discloseCommercial'], message: 'posts:errors.tiktokCommercial' })
		}
		// TikTok: branded content cannot be private.
		if (value.brandedContent && value.privacy === 'SELF_ONLY') {
			ctx.addIssue({ code: 'custom', path: ['privacy'], message: 'posts:errors.tiktokBrandedPrivate' })
		}
	})
export type TiktokDirectChoices = z.infer<typeof tiktokDirectSchema>

/** What the posts list filters by: one word for a post across its channels, or waiting for approval. */
export const POST_FILTERS = ['all', 'draft', 'pending', 'scheduled', 'publishing', 'published', 'partly_published', 'needs_you', 'failed'] as const
export type PostFilter = (typeof POST_FILTERS)[number]

export const POST_WHEN = ['draft', 'now', 'schedule'] as const

export const postFormSchema = z
	.object({
		renderId: optionalText,
		photoPostId: optionalText,
		productId: optionalText,
		caption: z.string().trim().min(1, 'posts:errors.captionRequired').max(63_206, 'posts:errors.captionTooLong'),
		hashtags: z
			.string()
			.optional()
			.transform((value) => normaliseHashtags(value ?? '')),
		tone: z.enum(COPY_TONES as [string, ...string[]]).optional().or(z.literal('').transform(() => undefined)),
		channelIds: z.array(z.string().min(1)).min(1, 'posts:errors.channelsRequired'),
		/** Per-channel text, keyed by channel id; an empty one means the post's own. */
		overrides: z.record(z.string(), z.string()).default({}),
		tiktok: z.record(z.string(), z.unknown()).optional(),
		when: z.enum(POST_WHEN),
		day: optionalText,
		time: optionalText,
	})
	.superRefine((value, ctx) => {
		if (Boolean(value.renderId) === Boolean(value.photoPostId)) {
			ctx.addIssue({ code: 'custom', path: ['renderId'], message: 'posts:errors.mediaRequired' })
		}
		if (value.when === 'schedule' && (!value.day || !/^\d{4}-\d{2}-\d{2}$/.test(value.day) || !value.time || !/^\d{2}:\d{2}$/.test(value.time))) {
			ctx.addIssue({ code: 'custom', path: ['day'], message: 'posts:errors.whenRequired' })
		}
	})
export type PostForm = z.infer<typeof postFormSchema>

/** Reads the composer's form fields (`overrides.<channelId>`, `tiktok.<field>`) into the schema's shape. */
export function postFormFromFormData(form: FormData) {
	const overrides: Record<string, string> = {}
	const tiktok: Record<string, string> = {}
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string') continue
		if (key.startsWith('overrides.')) overrides[key.slice('overrides.'.length)] = value
		if (key.startsWith('tiktok.')) tiktok[key.slice('tiktok.'.length)] = value
	}
	const text = (name: string) => {
		const value = form.get(name)
		return typeof value === 'string' ? value : undefined
	}
	return {
		renderId: text('renderId'),
		photoPostId: text('photoPostId'),
		productId: text('productId'),
		caption: text('caption') ?? '',
		hashtags: text('hashtags'),
		tone: text('tone'),
		channelIds: form.getAll('channelIds').map(String),
		overrides,
		tiktok: Object.keys(tiktok).length ? tiktok : undefined,
		when: text('when'),
		day: text('day'),
		time: text('time'),
	}
}

export type TargetTextCheck = { channelId: string; text: string; overridden: boolean; check: CaptionCheck }

/** The text each chosen channel will receive, with its platform's limits checked. */
export function targetTexts(
	form: Pick<PostForm, 'caption' | 'hashtags' | 'overrides'>,
	channels: Array<{ id: string; platform: string; link: string | null }>,
): TargetTextCheck[] {
	return channels.map((channel) => {
		const override = form.overrides[channel.id]?.trim()
		const text = override ? override : composeText(form.caption, form.hashtags, channel.link)
		return { channelId: channel.id, text, overridden: Boolean(override), check: checkCaption(captionChannelFor(channel.platform), text) }
	})
}
