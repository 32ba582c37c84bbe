import { describe, expect, test, vi as vitest } from 'vitest'
import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import { timelineSeconds } from '~/studio/spec/timing.ts'
import { buildFromTemplate, templateContext, type TemplateChoices, type TemplateId, type TemplateResult } from '~/studio/templates/index.ts'
import { templatesTranslator } from '~/studio/templates/translator.ts'
import type { TemplateMedia } from '~/studio/templates/types.ts'

// The shape of each template's video: how long it lasts at both ends of the
// target (15 to 30 s), the colours of its cards, where captions run, and
// how photos move.

const vi = templateContext('vi')
const photo = (id: string): TemplateMedia => ({ mediaId: id, kind: 'photo', width: 4000, height: 3000 })
const clip = (id: string, seconds: number): TemplateMedia => ({
	mediaId: id,
	kind: 'video',
	durationMs: seconds * 1000,
	width: 1920,
	height: 1080,
	// A lively stretch of ten seconds: each shot would like to play it all.
	highlights: [{ start: 20, end: 30, score: 1, reasons: [] }],
})
const photos = (n: number) => Array.from({ length: n }, (_, i) => photo(`p${i}`))
const clips = (n: number) => Array.from({ length: n }, (_, i) => clip(`c${i}`, 60))
const product = { name: 'Chè Shan tuyết', priceVnd: 100_000, links: { shopeeUrl: 'https://shopee.vn/che' } }
const coop = { name: 'HTX Chè', zalo: '0912345678', logoMediaId: 'logo' }

function build(id: TemplateId, media: TemplateMedia[], extra: Partial<TemplateChoices> = {}): EditSpec {
	const result: TemplateResult = buildFromTemplate(id, { media, product, coop, formats: ['tiktok-reels'], promotion: { newPriceVnd: 80_000 }, ...extra }, vi)
	if (!result.ok) throw new Error(JSON.stringify(result.problems))
	return result.spec
}
/** The length in whole seconds: frames and transitions round a plan by a tenth or two. */
const seconds = (spec: EditSpec) => Math.round(timelineSeconds(spec))
const titles = (spec: EditSpec) => spec.timeline.flatMap((item) => (item.type === 'title' ? [[item.lines[0], item.textColor, item.backgroundColor]] : []))

describe('how long each video lasts', () => {
	test('long clips fill the 30 seconds the target allows, no more', () => {
		for (const id of ['product-intro', 'farm-day', 'promotion', 'free-cut'] as const) expect([id, seconds(build(id, clips(5)))]).toEqual([id, 30])
	})

	test('a few photos grow to the 15 seconds the target asks for', () => {
		expect([seconds(build('free-cut', photos(3))), seconds(build('product-intro', photos(3))), seconds(build('farm-day', photos(3))), seconds(build('promotion', photos(2)))]).toEqual([15, 15, 15, 15])
	})
})

describe('cards and colours', () => {
	test('product intro and free cut end on a co-op green card in white', () => {
		expect(titles(build('product-intro', photos(3))).at(-1)!.slice(1)).toEqual(['#FFFFFF', '#2F5D1E'])
		expect(titles(build('free-cut', photos(3)))).toEqual([['HTX Chè', '#FFFFFF', '#2F5D1E']])
	})

	test('farm day opens and closes in green, with how to order on the closing card', () => {
		const spec = build('farm-day', photos(3))
		expect(titles(spec)).toEqual([
			['Một ngày trên nương chè', '#FFFFFF', '#2F5D1E'],
			['HTX Chè', '#FFFFFF', '#2F5D1E'],
		])
		const closing = spec.timeline.at(-1)!
		expect(closing.type === 'title' && closing.lines).toEqual(['HTX Chè', 'Đặt hàng: Zalo 0912 345 678'])
		expect(build('farm-day', photos(3), { coop: { name: 'HTX Chè' } }).timeline.at(-1)).toMatchObject({ lines: ['HTX Chè'] })
	})

	test('a promotion opens on red and closes on yellow, with the order band in white on red', () => {
		const spec = build('promotion', photos(2))
		expect(titles(spec)).toEqual([
			['GIẢM 20%', '#FFFFFF', '#C0392B'],
			['GIẢM 20%', '#1B1B1B', '#FFD400'],
		])
		expect(spec.overlays.find((o) => o.type === 'cta')).toMatchObject({ textColor: '#FFFFFF', backgroundColor: '#C0392B' })
		expect(spec.overlays.find((o) => o.type === 'price')).toMatchObject({ priceVnd: 80_000, compareAtPriceVnd: 100_000 })
	})

	test('the order band is ink on yellow in the product intro and the free cut', () => {
		for (const id of ['product-intro', 'free-cut'] as const)
			expect(build(id, photos(3)).overlays.find((o) => o.type === 'cta')).toMatchObject({ textColor: '#1B1B1B', backgroundColor: '#FFD400' })
	})

	test('a 1 % discount is still counted; a free or missing new price is no promotion', () => {
		expect(titles(build('promotion', photos(2), { promotion: { newPriceVnd: 99_000 } }))[0][0]).toBe('GIẢM 1%')
		expect(titles(build('promotion', photos(2), { promotion: { newPriceVnd: 99_600 } }))[0][0]).toBe('GIẢM GIÁ')
		const free = buildFromTemplate('promotion', { media: photos(2), product, coop, formats: ['tiktok-reels'], promotion: { newPriceVnd: 0 } }, vi)
		expect(free).toEqual({ ok: false, problems: [{ code: 'needsPromotion' }] })
		const noProduct = buildFromTemplate('promotion', { media: photos(2), product: null, coop, formats: ['tiktok-reels'], promotion: { newPriceVnd: 10 } }, vi)
		expect(noProduct).toEqual({ ok: false, problems: [{ code: 'needsProduct' }, { code: 'needsPrice' }] })
	})
})

describe('captions run over the shots, never over the cards', () => {
	const lines = (n: number) => Array.from({ length: n }, (_, i) => `Dòng ${i + 1}`)
	const captionWindow = (spec: EditSpec) => [spec.captions!.lines[0].start, spec.captions!.lines.at(-1)!.end]

	test('product intro and free cut: from the start to the end of the last shot', () => {
		for (const id of ['product-intro', 'free-cut'] as const) {
			const spec = build(id, photos(3), { captionLines: lines(3) })
			const card = spec.timeline.at(-1)!
			const cardStart = timelineSeconds(spec) - (card.type === 'title' ? card.duration : 0)
			const [start, end] = captionWindow(spec)
			expect(start).toBe(0)
			expect(end).toBeGreaterThan(cardStart)
			expect(end).toBeLessThan(timelineSeconds(spec) - 1)
		}
	})

	test('farm day and promotion: after the opening card, before the closing one', () => {
		for (const id of ['farm-day', 'promotion'] as const) {
			const spec = build(id, photos(3), { captionLines: lines(3) })
			const [start, end] = captionWindow(spec)
			expect(start).toBeGreaterThan(1)
			expect(end).toBeLessThan(timelineSeconds(spec) - 2)
		}
	})
})

test('photos drift in turn: in, left, out, right, then in again', () => {
	for (const id of ['farm-day', 'free-cut'] as const) {
		const moves = build(id, photos(5)).timeline.flatMap((item) => (item.type === 'photo' ? [item.kenBurns] : []))
		expect(moves).toEqual(['zoom-in', 'pan-left', 'zoom-out', 'pan-right', 'zoom-in'])
	}
})

describe('the words of the templates', () => {
	test('Vietnamese unless English is asked for, without the namespace, and never HTML-escaped', () => {
		expect(templatesTranslator()('video.until', { date: '30/6' })).toBe('Đến hết ngày 30/6')
		expect(templatesTranslator('en')('studio-templates:video.until', { date: '30 Jun' })).toBe('Until 30 Jun')
		expect(templatesTranslator('vi')('video.orderPhone', { phone: '<0912> & 345' })).toBe('Đặt hàng: <0912> & 345')
		expect(vi.language).toBe('vi')
		expect(templateContext().language).toBe('vi')
	})
})

test('a language the templates do not speak falls back to Vietnamese; building a translator prints nothing', () => {
	const info = vitest.spyOn(console, 'info')
	delete (globalThis as Record<string, unknown>).__i18next_supportNoticeShown
	try {
		expect(templatesTranslator('fr' as 'vi')('video.until', { date: '30/6' })).toBe('Đến hết ngày 30/6')
		expect(info).not.toHaveBeenCalled()
	} finally {
		info.mockRestore()
	}
})
