import { describe, expect, test } from 'vitest'
import { CAPTION_LIMITS, checkCaption, countHashtags } from '~/publishing/caption-limits.ts'
import { fitCaption, hashtagsFor, offlineCopy, toHashtag, type CopyFacts } from '~/publishing/offline-copy.ts'

const tea: CopyFacts = {
	coopName: 'HTX Chè Suối Giàng',
	product: {
		name: 'Chè Shan tuyết',
		code: 'A1',
		priceVnd: 350_000,
		unit: 'hộp',
		growingArea: 'Suối Giàng, Văn Chấn, Yên Bái',
		producerGroup: 'Tổ phụ nữ bản Pang Cáng',
		certifications: ['OCOP 4 sao', 'VietGAP'],
		harvestDay: '2026-03-14',
		orderPhone: '0912 345 678',
	},
	videoCaptions: ['Chào', 'Búp chè được hái từ cây cổ thụ trăm năm tuổi', 'Mua ngay'],
	link: 'https://htx.example/l/a1fb',
}

describe('caption limits', () => {
	test('counts hashtags only where a word starts with #', () => {
		expect(countHashtags('#chè ngon #yênbái, giá 350k#không')).toBe(2)
		expect(countHashtags('không có')).toBe(0)
	})
	test('TikTok refuses past 2,200 characters; Zalo only warns past 300', () => {
		expect(checkCaption('tiktok', 'a'.repeat(2200))).toMatchObject({ problems: [], blocking: false, over: 0 })
		expect(checkCaption('tiktok', 'a'.repeat(2201))).toMatchObject({ problems: ['tooLong'], blocking: true, over: 1, maxLength: 2200 })
		expect(checkCaption('zalo', 'a'.repeat(301))).toMatchObject({ problems: ['tooLong'], blocking: false })
		expect(checkCaption('facebook', '  ')).toMatchObject({ problems: ['empty'], blocking: false })
		expect(checkCaption('tiktok', '#a1 #b2 #c3 #d4 #e5 #f6').problems).toEqual(['tooManyHashtags'])
	})
})

describe('offline copy', () => {
	test('hashtags keep accents, drop spaces, never repeat and respect the platform count', () => {
		expect(toHashtag('Chè Shan tuyết')).toBe('#chèshantuyết')
		expect(toHashtag('Yên Bái')).toBe('#yênbái')
		expect(toHashtag('!')).toBeNull()
		expect(hashtagsFor(tea, 'facebook')).toEqual(['#chèshantuyết', '#yênbái', '#ocop', '#vietgap', '#nôngsảnviệt', '#htxchèsuốigiàng'])
		expect(hashtagsFor(tea, 'tiktok')).toHaveLength(CAPTION_LIMITS.tiktok.maxHashtags)
	})

	test.each(['friendly', 'story', 'promo'] as const)('%s: the price, how to order and the link are always there, inside the limit', (tone) => {
		for (const channel of ['facebook', 'tiktok', 'zalo'] as const) {
			const copy = offlineCopy(tea, tone, channel)
			expect(copy.caption.length).toBeLessThanOrEqual(CAPTION_LIMITS[channel].maxLength)
			expect(copy.caption).toContain('bình luận "A1"')
			if (channel !== 'zalo') {
				expect(copy.caption).toMatch(/350\.000\s₫\/hộp/)
				expect(copy.caption).toContain('https://htx.example/l/a1fb')
				expect(copy.caption.endsWith(copy.hashtags.join(' '))).toBe(true)
			}
		}
	})

	test('the tones read differently: a story quotes the video and the harvest day, a promotion shouts the name', () => {
		const story = offlineCopy(tea, 'story', 'facebook').caption
		expect(story).toContain('“Búp chè được hái từ cây cổ thụ trăm năm tuổi.”')
		expect(story).toContain('14/03/2026')
		expect(offlineCopy(tea, 'promo', 'facebook').caption).toContain('CHÈ SHAN TUYẾT')
		expect(offlineCopy(tea, 'friendly', 'facebook').caption).toContain('Tổ phụ nữ bản Pang Cáng')
	})

	test('without a product or a link it still says something true and complete', () => {
		const copy = offlineCopy({ coopName: 'HTX Quế Văn Yên', product: null, videoCaptions: [], link: null }, 'friendly', 'tiktok')
		expect(copy.caption).toContain('HTX Quế Văn Yên')
		expect(copy.caption).not.toMatch(/undefined|null|₫/)
		expect(copy.hashtags).toEqual(['#nôngsảnviệt', '#htxquếvănyên'])
	})

	test('fitting drops middle lines first, keeping the opening, the order line and the hashtags', () => {
		const long = ['Mở đầu', 'x'.repeat(200), 'y'.repeat(200), '🛒 Đặt hàng: A1', '#chè'].join('\n')
		const fitted = fitCaption(long, 'zalo')
		expect(fitted).toBe(['Mở đầu', 'y'.repeat(200), '🛒 Đặt hàng: A1', '#chè'].join('\n'))
		expect(fitCaption('a'.repeat(400), 'zalo')).toBe(`${'a'.repeat(299)}…`)
		expect(fitCaption('ngắn', 'zalo')).toBe('ngắn')
	})
})
