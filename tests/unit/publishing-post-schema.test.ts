import { describe, expect, test } from 'vitest'
import { linkForTarget, type ProductLinks } from '~/publishing/post-link.ts'
import {
	captionChannelFor,
	composeText,
	normaliseHashtags,
	postFormFromFormData,
	postFormSchema,
	targetKindFor,
	targetTexts,
	tiktokDirectSchema,
} from '~/publishing/post-schema.ts'

describe('targetKindFor', () => {
	const page = { platform: 'facebook_page', directPost: false }
	test('a Page takes a 9:16 video as a Reel, any other as a feed video, a photo set as a photo post', () => {
		expect(targetKindFor(page, { type: 'video', format: 'tiktok-reels' })).toBe('facebook-reel')
		expect(targetKindFor(page, { type: 'video', format: 'zalo' })).toBe('facebook-reel')
		expect(targetKindFor(page, { type: 'video', format: 'facebook-feed' })).toBe('facebook-video')
		expect(targetKindFor(page, { type: 'video', format: 'landscape' })).toBe('facebook-video')
		expect(targetKindFor(page, { type: 'photos' })).toBe('facebook-photo')
	})
	test('Zalo OA takes a video article; TikTok the inbox, or a direct post once approved; neither takes photos', () => {
		expect(targetKindFor({ platform: 'zalo_oa', directPost: false }, { type: 'video', format: 'zalo' })).toBe('zalo-article')
		expect(targetKindFor({ platform: 'zalo_oa', directPost: false }, { type: 'photos' })).toBeNull()
		expect(targetKindFor({ platform: 'tiktok', directPost: false }, { type: 'video', format: 'tiktok-reels' })).toBe('tiktok-inbox')
		expect(targetKindFor({ platform: 'tiktok', directPost: true }, { type: 'video', format: 'tiktok-reels' })).toBe('tiktok-direct')
		expect(targetKindFor({ platform: 'tiktok', directPost: true }, { type: 'photos' })).toBeNull()
	})
	test('a manual channel takes anything as a package; an unknown platform takes nothing', () => {
		expect(targetKindFor({ platform: 'manual', directPost: false }, { type: 'photos' })).toBe('manual')
		expect(targetKindFor({ platform: 'manual', directPost: false }, { type: 'video', format: 'square' })).toBe('manual')
		expect(targetKindFor({ platform: 'myspace', directPost: false }, { type: 'video', format: 'square' })).toBeNull()
	})
})

test('each platform counts its caption against its own limits', () => {
	expect(captionChannelFor('facebook_page')).toBe('facebook')
	expect(captionChannelFor('zalo_oa')).toBe('zalo')
	expect(captionChannelFor('tiktok')).toBe('tiktok')
	expect(captionChannelFor('manual')).toBe('manual')
})

describe('composeText', () => {
	test('caption, then hashtags on their own paragraph, then the link', () => {
		expect(composeText('  Chè mới  ', ' #chè #ocop ', 'https://shopee.vn/a')).toBe('Chè mới\n\n#chè #ocop\n👉 https://shopee.vn/a')
	})
	test('nothing is said twice: hashtags the caption ends with, a link it already has', () => {
		expect(composeText('Chè mới\n#chè', '#chè', null)).toBe('Chè mới\n#chè')
		expect(composeText('Mua ở https://shopee.vn/a nhé', '', 'https://shopee.vn/a')).toBe('Mua ở https://shopee.vn/a nhé')
		expect(composeText('Chè', '', null)).toBe('Chè')
	})
})

test('hashtags are normalised to "#word" separated by spaces', () => {
	expect(normaliseHashtags('chè, #ocop  ##tânuyên')).toBe('#chè #ocop #tânuyên')
	expect(normaliseHashtags('  ')).toBe('')
})

describe('tiktokDirectSchema', () => {
	test('privacy has no default and consent is required; interactions are off unless turned on', () => {
		expect(tiktokDirectSchema.safeParse({ consent: 'on' }).error?.issues.map((i) => i.message)).toEqual(['posts:errors.tiktokPrivacy'])
		expect(tiktokDirectSchema.safeParse({ privacy: 'SELF_ONLY' }).error?.issues.map((i) => i.message)).toEqual(['posts:errors.tiktokConsent'])
		expect(tiktokDirectSchema.parse({ privacy: 'SELF_ONLY', consent: 'on', allowComment: 'true' })).toEqual({
			privacy: 'SELF_ONLY',
			allowComment: true,
			allowDuet: false,
			allowStitch: false,
			discloseCommercial: false,
			yourBrand: false,
			brandedContent: false,
			consent: true,
		})
		expect(tiktokDirectSchema.parse({ privacy: 'PUBLIC_TO_EVERYONE', consent: true, allowStitch: true }).allowStitch).toBe(true)
	})
	test('a disclosure names whose brand it is, and branded content cannot be private', () => {
		const base = { privacy: 'PUBLIC_TO_EVERYONE', consent: 'on' }
		expect(tiktokDirectSchema.safeParse({ ...base, discloseCommercial: 'on' }).error?.issues.map((i) => i.message)).toEqual(['posts:errors.tiktokCommercial'])
		expect(tiktokDirectSchema.safeParse({ ...base, discloseCommercial: 'on', yourBrand: 'on' }).success).toBe(true)
		expect(tiktokDirectSchema.safeParse({ ...base, discloseCommercial: 'on', brandedContent: 'on' }).success).toBe(true)
		expect(
			tiktokDirectSchema.safeParse({ ...base, privacy: 'SELF_ONLY', discloseCommercial: 'on', brandedContent: 'on' }).error?.issues.map((i) => i.message),
		).toEqual(['posts:errors.tiktokBrandedPrivate'])
		expect(tiktokDirectSchema.safeParse({ ...base, privacy: 'SELF_ONLY', discloseCommercial: 'on', yourBrand: 'on' }).success).toBe(true)
	})
})

describe('postFormSchema', () => {
	const base = { caption: 'Chè', channelIds: ['c1'], when: 'draft' }
	test('exactly one of a render and a photo set', () => {
		const problem = (value: object) => postFormSchema.safeParse({ ...base, ...value }).error?.issues.map((i) => i.message)
		expect(problem({})).toEqual(['posts:errors.mediaRequired'])
		expect(problem({ renderId: 'r', photoPostId: 'p' })).toEqual(['posts:errors.mediaRequired'])
		expect(problem({ renderId: '  ' })).toEqual(['posts:errors.mediaRequired'])
		expect(postFormSchema.parse({ ...base, photoPostId: ' p ' }).photoPostId).toBe('p')
	})
	test('a caption and at least one channel', () => {
		const issues = postFormSchema.safeParse({ renderId: 'r', caption: '  ', channelIds: [], when: 'now' }).error?.issues.map((i) => i.message)
		expect(issues).toEqual(['posts:errors.captionRequired', 'posts:errors.channelsRequired'])
	})
	test('scheduling needs a day and a time in their formats', () => {
		const problem = (value: object) => postFormSchema.safeParse({ ...base, renderId: 'r', when: 'schedule', ...value }).error?.issues.map((i) => i.message)
		expect(problem({ day: '2030-01-02', time: '08:00' })).toBeUndefined()
		expect(problem({ time: '08:00' })).toEqual(['posts:errors.whenRequired'])
		expect(problem({ day: '2030-01-02' })).toEqual(['posts:errors.whenRequired'])
		expect(problem({ day: '2/1/2030', time: '08:00' })).toEqual(['posts:errors.whenRequired'])
		expect(problem({ day: '2030-01-02', time: '8h' })).toEqual(['posts:errors.whenRequired'])
		expect(postFormSchema.safeParse({ ...base, renderId: 'r', when: 'later' }).success).toBe(false)
	})
	test('hashtags are normalised, an empty tone is none, overrides default to none', () => {
		const parsed = postFormSchema.parse({ ...base, renderId: 'r', hashtags: 'chè ocop', tone: '' })
		expect(parsed).toMatchObject({ hashtags: '#chè #ocop', tone: undefined, overrides: {} })
		expect(postFormSchema.parse({ ...base, renderId: 'r', tone: 'story' }).tone).toBe('story')
		expect(postFormSchema.safeParse({ ...base, renderId: 'r', tone: 'angry' }).success).toBe(false)
	})
})

test('the form fields become the schema shape: overrides and TikTok choices by prefix', () => {
	const form = new FormData()
	form.set('renderId', 'r1')
	form.set('caption', 'Chè')
	form.append('channelIds', 'a')
	form.append('channelIds', 'b')
	form.set('overrides.b', 'Riêng cho b')
	form.set('tiktok.privacy', 'SELF_ONLY')
	form.set('when', 'now')
	form.set('file', new Blob(['x']))
	expect(postFormFromFormData(form)).toEqual({
		renderId: 'r1',
		photoPostId: undefined,
		productId: undefined,
		caption: 'Chè',
		hashtags: undefined,
		tone: undefined,
		channelIds: ['a', 'b'],
		overrides: { b: 'Riêng cho b' },
		tiktok: { privacy: 'SELF_ONLY' },
		when: 'now',
		day: undefined,
		time: undefined,
	})
	const empty = new FormData()
	expect(postFormFromFormData(empty)).toMatchObject({ caption: '', channelIds: [], overrides: {}, tiktok: undefined })
})

test("each channel's text is its override or the composed caption, checked against its platform", () => {
	const texts = targetTexts({ caption: 'Chè', hashtags: '#chè', overrides: { t: 'x'.repeat(2201), z: '   ' } }, [
		{ id: 'f', platform: 'facebook_page', link: 'https://facebook.com/a' },
		{ id: 't', platform: 'tiktok', link: null },
		{ id: 'z', platform: 'zalo_oa', link: null },
	])
	expect(texts.map(({ channelId, text, overridden, check }) => ({ channelId, text: text.length > 100 ? text.slice(0, 20) : text, overridden, blocking: check.blocking, over: check.over }))).toEqual([
		{ channelId: 'f', text: 'Chè\n\n#chè\n👉 https://facebook.com/a', overridden: false, blocking: false, over: 0 },
		{ channelId: 't', text: 'x'.repeat(20), overridden: true, blocking: true, over: 1 },
		{ channelId: 'z', text: 'Chè\n\n#chè', overridden: false, blocking: false, over: 0 },
	])
})

describe('linkForTarget', () => {
	const none: ProductLinks = { shopeeUrl: null, lazadaUrl: null, tiktokShopUrl: null, facebookUrl: null, zaloUrl: null }
	const all: ProductLinks = { shopeeUrl: 's', lazadaUrl: 'l', tiktokShopUrl: 't', facebookUrl: 'f', zaloUrl: 'z' }
	test("each platform gets the product's own page there first", () => {
		expect(linkForTarget({ product: all, channel: { platform: 'facebook_page' } })).toBe('f')
		expect(linkForTarget({ product: all, channel: { platform: 'zalo_oa' } })).toBe('z')
		expect(linkForTarget({ product: all, channel: { platform: 'tiktok' } })).toBe('t')
		expect(linkForTarget({ product: all, channel: { platform: 'manual' } })).toBe('s')
		expect(linkForTarget({ product: all, channel: { platform: 'other' } })).toBe('s')
	})
	test('then a shop, in order; nothing without a product or a link', () => {
		expect(linkForTarget({ product: { ...none, lazadaUrl: 'l', zaloUrl: 'z' }, channel: { platform: 'facebook_page' } })).toBe('l')
		expect(linkForTarget({ product: { ...none, tiktokShopUrl: 't' }, channel: { platform: 'zalo_oa' } })).toBe('t')
		expect(linkForTarget({ product: { ...none, zaloUrl: 'z' }, channel: { platform: 'tiktok' } })).toBe('z')
		expect(linkForTarget({ product: { ...none, facebookUrl: 'f' }, channel: { platform: 'manual' } })).toBe('f')
		expect(linkForTarget({ product: none, channel: { platform: 'manual' } })).toBeNull()
		expect(linkForTarget({ product: null, channel: { platform: 'manual' } })).toBeNull()
	})
})

describe('what the form says exactly', () => {
	const where = (result: { error?: { issues: Array<{ path: PropertyKey[]; code: string; message: string }> } }) =>
		result.error?.issues.map((issue) => `${issue.path.join('.')} ${issue.code} ${issue.message}`)

	test('each problem points at its field', () => {
		expect(where(tiktokDirectSchema.safeParse({ privacy: 'SELF_ONLY' }))).toEqual(['consent custom posts:errors.tiktokConsent'])
		expect(where(tiktokDirectSchema.safeParse({ privacy: 'PUBLIC_TO_EVERYONE', consent: 'on', discloseCommercial: 'on' }))).toEqual([
			'discloseCommercial custom posts:errors.tiktokCommercial',
		])
		expect(where(tiktokDirectSchema.safeParse({ privacy: 'SELF_ONLY', consent: 'on', discloseCommercial: 'on', brandedContent: 'on' }))).toEqual([
			'privacy custom posts:errors.tiktokBrandedPrivate',
		])
		const base = { caption: 'Chè', channelIds: ['c'] }
		expect(where(postFormSchema.safeParse({ ...base, when: 'draft' }))).toEqual(['renderId custom posts:errors.mediaRequired'])
		expect(where(postFormSchema.safeParse({ ...base, renderId: 'r', when: 'schedule' }))).toEqual(['day custom posts:errors.whenRequired'])
	})

	test('a day and a time are the whole field, nothing around them', () => {
		const problem = (day: string, time: string) => postFormSchema.safeParse({ caption: 'Chè', channelIds: ['c'], renderId: 'r', when: 'schedule', day, time }).success
		expect(problem('2030-01-02', '08:00')).toBe(true)
		expect(problem('x2030-01-02', '08:00')).toBe(false)
		expect(problem('2030-01-02x', '08:00')).toBe(false)
		expect(problem('2030-01-02', 'x08:00')).toBe(false)
		expect(problem('2030-01-02', '08:00x')).toBe(false)
	})

	test('blank optional fields are none; missing hashtags are empty', () => {
		const parsed = postFormSchema.parse({ caption: 'Chè', channelIds: ['c'], renderId: 'r', productId: '   ', when: 'draft' })
		expect(parsed.productId).toBeUndefined()
		expect(parsed.hashtags).toBe('')
	})

	test('only leading #s are dropped from a hashtag; an empty caption leaves no blank lines', () => {
		expect(normaliseHashtags('c#sharp')).toBe('#c#sharp')
		expect(composeText('', '#chè', null)).toBe('#chè')
	})

	test('every composer field is read, and a file under a prefix is ignored', () => {
		const form = new FormData()
		const fields = { renderId: '', photoPostId: 'p', productId: 'pr', caption: 'Chè', hashtags: '#a', tone: 'story', when: 'schedule', day: '2030-01-02', time: '08:00' }
		for (const [name, value] of Object.entries(fields)) form.set(name, value)
		form.set('overrides.x', new Blob(['not text']))
		form.set('tiktok.y', new Blob(['not text']))
		expect(postFormFromFormData(form)).toEqual({ ...fields, channelIds: [], overrides: {}, tiktok: undefined })
	})
})
