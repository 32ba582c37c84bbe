import { describe, expect, test } from 'vitest'
import { editSpecSchema, parseEditSpec, type ClipItem, type EditSpec } from '~/studio/spec/edit-spec.ts'
import { timelineSeconds } from '~/studio/spec/timing.ts'
import { TEMPLATES, buildFromTemplate, templateContext, type TemplateChoices, type TemplateId, type TemplateResult } from '~/studio/templates/index.ts'
import type { ClipHighlight, TemplateMedia } from '~/studio/templates/types.ts'

const vi = templateContext('vi')
const en = templateContext('en')

const clip = (id: string, seconds: number, highlights?: ClipHighlight[]): TemplateMedia => ({
	mediaId: id,
	kind: 'video',
	label: `${id}.mp4`,
	durationMs: seconds * 1000,
	width: 1920,
	height: 1080,
	highlights,
})
const photo = (id: string): TemplateMedia => ({ mediaId: id, kind: 'photo', label: `${id}.jpg`, width: 4000, height: 3000 })

const product = {
	name: 'Chè Shan tuyết cổ thụ Tủa Chùa',
	code: 'A1',
	priceVnd: 150_000,
	unit: 'hộp 100g',
	links: { facebookUrl: 'https://facebook.com/htx/posts/1', shopeeUrl: 'https://shopee.vn/che-shan-tuyet' },
}
const coop = { name: 'HTX Chè Tủa Chùa', zalo: '+84 912 345 678', phone: '0211 3888 999', logoMediaId: 'logo' }
const lines = ['Sương sớm trên đồi chè', 'Hái một tôm hai lá', 'Sao chè trong chảo gang', 'Chén trà thơm']

function choices(media: TemplateMedia[], extra: Partial<TemplateChoices> = {}): TemplateChoices {
	return { media, product, coop, formats: ['tiktok-reels', 'facebook-feed'], promotion: { newPriceVnd: 120_000, endsOn: '2026-06-30' }, ...extra }
}

function specOf(result: TemplateResult): EditSpec {
	if (!result.ok) throw new Error(`expected a spec, got ${JSON.stringify(result.problems)}`)
	return result.spec
}

/** The checks every template output must pass, whatever the input. */
function expectRenderable(spec: EditSpec) {
	expect(editSpecSchema.safeParse(spec).success).toBe(true)
	const reparsed = parseEditSpec(JSON.parse(JSON.stringify(spec)))
	expect(reparsed.success, JSON.stringify(!reparsed.success && reparsed.issues)).toBe(true)
	const total = timelineSeconds(spec)
	expect(total).toBeGreaterThanOrEqual(3)
	expect(total).toBeLessThanOrEqual(90)
	for (const line of spec.captions?.lines ?? []) expect(line.end).toBeLessThanOrEqual(total + 1e-6)
}

const inputSets: [string, TemplateMedia[]][] = [
	['few media (one clip, one photo)', [clip('c1', 12), photo('p1')]],
	['photos only', [photo('p1'), photo('p2'), photo('p3')]],
	['long clips without suggestions', [clip('c1', 180), clip('c2', 95), clip('c3', 240)]],
	['long clips with suggestions', [clip('c1', 180, [{ start: 42, end: 47, score: 0.9, reasons: ['motion'] }]), clip('c2', 95, [{ start: 5, end: 8, score: 0.6, reasons: ['audio'] }]), photo('p1')]],
	['short clips', [clip('c1', 1.2), clip('c2', 2), clip('c3', 0.8)]],
	['many shots', [clip('c1', 60), clip('c2', 60), photo('p1'), clip('c3', 60), photo('p2')]],
]

describe('every template writes a spec the renderer accepts', () => {
	for (const template of TEMPLATES) {
		for (const [name, media] of inputSets) {
			test(`${template.id}: ${name}`, () => {
				const result = template.build(choices(media, { captionLines: lines, musicMediaId: 'music' }), vi)
				if (media.length < template.needs.minVisuals) {
					expect(result).toMatchObject({ ok: false, problems: [{ code: 'needsMoreVisuals', params: { min: template.needs.minVisuals } }] })
					return
				}
				expectRenderable(specOf(result))
			})
		}
		test(`${template.id}: no captions, no music, no logo, English`, () => {
			const result = template.build(choices([clip('c1', 30), photo('p1'), photo('p2')], { coop: { name: 'HTX' } }), en)
			const spec = specOf(result)
			expectRenderable(spec)
			expect(spec.captions).toBeUndefined()
			expect(spec.audio.music).toBeUndefined()
			expect(spec.overlays.some((o) => o.type === 'logo')).toBe(false)
			expect(result.ok && result.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['noLogo', 'noContact']))
		})
	}
})

describe('durations', () => {
	test('with enough media every template lands in the 15–30 second target', () => {
		const media = [clip('c1', 120), clip('c2', 90), photo('p1'), clip('c3', 60), photo('p2')]
		for (const template of TEMPLATES) {
			const spec = specOf(template.build(choices(media), vi))
			const total = timelineSeconds(spec)
			expect(total, template.id).toBeGreaterThanOrEqual(15)
			expect(total, template.id).toBeLessThanOrEqual(30)
		}
	})

	test('the most media a template takes still stays within 30 seconds', () => {
		for (const template of TEMPLATES) {
			const media = Array.from({ length: template.needs.maxVisuals }, (_, i) => (i % 2 ? photo(`p${i}`) : clip(`c${i}`, 120)))
			expect(timelineSeconds(specOf(template.build(choices(media), vi))), template.id).toBeLessThanOrEqual(30)
		}
	})

	// A phone clip of 20 s whose best moment lasts 5 s, with a photo or two: enough footage for 15 s in every template.
	const goodClip = () => clip('vuon', 20, [{ start: 8, end: 13, score: 0.9, reasons: ['motion'] }])
	const realistic: Record<TemplateId, TemplateMedia[]> = {
		'product-intro': [goodClip(), photo('p1')],
		'farm-day': [goodClip(), photo('p1'), photo('p2')],
		promotion: [goodClip()],
		'free-cut': [goodClip()],
	}

	test('a good 20 s clip fills the video to 15–30 s before any template warns it is short', () => {
		for (const template of TEMPLATES) {
			const result = template.build(choices(realistic[template.id]), vi)
			const total = timelineSeconds(specOf(result))
			expect(total, template.id).toBeGreaterThanOrEqual(14.9)
			expect(total, template.id).toBeLessThanOrEqual(30)
			expect(result.ok && result.notes.map((note) => note.code), template.id).not.toContain('shortVideo')
		}
	})

	test('the hook stays short while the other shots can fill the video, and plays on when they cannot', () => {
		const short = specOf(buildFromTemplate('product-intro', choices([goodClip(), clip('c2', 60), clip('c3', 60)]), vi)).timeline[0] as ClipItem
		expect(short.out - short.in).toBeLessThanOrEqual(3)
		const long = specOf(buildFromTemplate('product-intro', choices(realistic['product-intro']), vi)).timeline[0] as ClipItem
		expect(long.out - long.in).toBeGreaterThan(3)
		// Centred on the suggested stretch, which it covers whole.
		expect(long.in).toBeLessThanOrEqual(8)
		expect(long.out).toBeGreaterThanOrEqual(13)
	})

	test('a clip plays its whole suggested stretch when the pace would cut it', () => {
		const spec = specOf(buildFromTemplate('free-cut', choices([clip('c1', 60), clip('c2', 60), goodClip(), clip('c3', 60)]), vi))
		const item = spec.timeline.find((i): i is ClipItem => i.type === 'clip' && i.mediaId === 'vuon')!
		expect(item.in).toBeLessThanOrEqual(8)
		expect(item.out).toBeGreaterThanOrEqual(13)
	})

	test('a video that cannot reach 15 seconds says so', () => {
		const result = buildFromTemplate('promotion', choices([clip('c1', 2)]), vi)
		expect(timelineSeconds(specOf(result))).toBeLessThan(15)
		expect(result.ok && result.notes).toContainEqual({ code: 'shortVideo', params: { seconds: expect.any(Number) } })
	})
})

describe('clip windows', () => {
	const firstClip = (spec: EditSpec, mediaId: string) => spec.timeline.find((i): i is ClipItem => i.type === 'clip' && i.mediaId === mediaId)!

	test('a clip with suggestions plays inside (or around) its best one', () => {
		const media = [clip('hook', 180, [{ start: 100, end: 104, score: 0.4, reasons: [] }, { start: 42, end: 45, score: 0.95, reasons: ['motion', 'audio'] }]), clip('c2', 60), photo('p1')]
		for (const id of ['product-intro', 'farm-day', 'promotion'] as TemplateId[]) {
			const item = firstClip(specOf(buildFromTemplate(id, choices(media), vi)), 'hook')
			const middle = (item.in + item.out) / 2
			expect(middle, id).toBeCloseTo(43.5, 1)
			expect(item.out - item.in, id).toBeGreaterThanOrEqual(1.5)
		}
	})

	test('a clip without suggestions starts just after its first half second', () => {
		const media = [clip('c1', 180), clip('c2', 60), photo('p1')]
		for (const id of ['product-intro', 'farm-day', 'promotion'] as TemplateId[]) {
			const item = firstClip(specOf(buildFromTemplate(id, choices(media), vi)), 'c1')
			expect(item.in, id).toBe(0.5)
			expect(item.out - item.in, id).toBeGreaterThanOrEqual(2)
			expect(item.out - item.in, id).toBeLessThanOrEqual(6)
		}
	})

	test('a clip is never trimmed past its end', () => {
		for (const template of TEMPLATES) {
			const spec = specOf(template.build(choices([clip('c1', 1.2), clip('c2', 2.5), clip('c3', 3.1)]), vi))
			const lengths: Record<string, number> = { c1: 1.2, c2: 2.5, c3: 3.1 }
			for (const item of spec.timeline) if (item.type === 'clip') expect(item.out, template.id).toBeLessThanOrEqual(lengths[item.mediaId])
		}
	})
})

describe('Giới thiệu sản phẩm', () => {
	const media = [clip('hook', 40), clip('c2', 30), photo('p1')]

	test('hook, product shots, then an end card with price, QR to the shop and how to order; logo throughout', () => {
		const spec = specOf(buildFromTemplate('product-intro', choices(media, { captionLines: lines.slice(0, 3) }), vi))
		const end = spec.timeline.at(-1)!
		expect(end).toMatchObject({ type: 'title', lines: ['Chè Shan tuyết cổ thụ Tủa Chùa', expect.stringMatching(/^150\.000\s₫ \/ hộp 100g$/)] })
		expect(spec.timeline[0]).toMatchObject({ type: 'clip', mediaId: 'hook' })
		const hook = spec.timeline[0] as ClipItem
		expect(hook.out - hook.in).toBeLessThanOrEqual(3)
		const total = timelineSeconds(spec)
		const endStart = total - 4
		const byType = (type: string) => spec.overlays.filter((o) => o.type === type)
		expect(byType('logo')).toEqual([expect.objectContaining({ mediaId: 'logo', start: 0 })])
		expect(byType('logo')[0].end).toBeUndefined()
		expect(byType('price')).toEqual([expect.objectContaining({ priceVnd: 150_000, unit: 'hộp 100g', end: expect.closeTo(endStart, 1) })])
		expect(byType('price')[0]).not.toHaveProperty('compareAtPriceVnd')
		// Marketplaces come before the Facebook post.
		expect(byType('qr')).toEqual([expect.objectContaining({ url: 'https://shopee.vn/che-shan-tuyet', caption: 'Quét để đặt hàng', start: expect.closeTo(endStart, 1) })])
		// The hook's name is free text across the middle, gone before the second shot; the call to action is only the order line.
		expect(byType('text')).toEqual([{ type: 'text', text: 'Chè Shan tuyết cổ thụ Tủa Chùa', band: 'middle', size: 'large', textColor: '#FFFFFF', start: 0, end: expect.any(Number) }])
		expect(byType('text')[0].end).toBeLessThanOrEqual(hook.out - hook.in)
		expect(byType('cta').map((o) => o.type === 'cta' && o.text)).toEqual(['Đặt hàng: Zalo 0912 345 678'])
		// Three lines for three shots: one line per shot, none over the end card.
		expect(spec.captions!.lines).toHaveLength(3)
		expect(spec.captions!.lines.at(-1)!.end).toBeLessThanOrEqual(endStart + 0.5)
	})

	test('a title the person typed becomes the hook’s words; a product without a unit gets a tag without one', () => {
		const spec = specOf(buildFromTemplate('product-intro', choices(media, { title: 'Trà ngon từ cây cổ thụ', product: { ...product, unit: ' ' } }), vi))
		expect(spec.overlays.find((o) => o.type === 'text')).toMatchObject({ text: 'Trà ngon từ cây cổ thụ' })
		expect(spec.overlays.find((o) => o.type === 'price')).not.toHaveProperty('unit')
	})

	test('a product without a price: no price tag, the end card shows the name only, and a note says why', () => {
		const result = buildFromTemplate('product-intro', choices(media, { product: { ...product, priceVnd: 0 } }), vi)
		const spec = specOf(result)
		expectRenderable(spec)
		expect(spec.overlays.some((o) => o.type === 'price')).toBe(false)
		expect(spec.timeline.at(-1)).toMatchObject({ type: 'title', lines: ['Chè Shan tuyết cổ thụ Tủa Chùa'] })
		expect(result.ok && result.notes).toContainEqual({ code: 'noPrice' })
	})

	test('without shop links there is no QR code; a person-chosen link wins over the product links', () => {
		const noLinks = buildFromTemplate('product-intro', choices(media, { product: { ...product, links: {} } }), vi)
		expect(specOf(noLinks).overlays.some((o) => o.type === 'qr')).toBe(false)
		expect(noLinks.ok && noLinks.notes).toContainEqual({ code: 'noQrLink' })
		const tracked = specOf(buildFromTemplate('product-intro', choices(media, { qrUrl: 'https://coop.example/l/abc' }), vi))
		expect(tracked.overlays.find((o) => o.type === 'qr')).toMatchObject({ url: 'https://coop.example/l/abc' })
		const notWeb = specOf(buildFromTemplate('product-intro', choices(media, { qrUrl: 'javascript:alert(1)', product: { ...product, links: { zaloUrl: 'zalo.me/123' } } }), vi))
		expect(notWeb.overlays.some((o) => o.type === 'qr')).toBe(false)
	})

	test('orders by phone when the co-op has no Zalo number', () => {
		const spec = specOf(buildFromTemplate('product-intro', choices(media, { coop: { ...coop, zalo: null, phone: '0987.654.321' } }), vi))
		expect(spec.overlays.filter((o) => o.type === 'cta').at(-1)).toMatchObject({ text: 'Đặt hàng: 0987 654 321' })
	})

	test('needs a product and at least two clips or photos', () => {
		expect(buildFromTemplate('product-intro', choices(media, { product: null }), vi)).toEqual({ ok: false, problems: [{ code: 'needsProduct' }] })
		expect(buildFromTemplate('product-intro', choices([photo('p1')]), vi)).toEqual({
			ok: false,
			problems: [{ code: 'needsMoreVisuals', params: { min: 2, count: 1 } }],
		})
	})
})

describe('Một ngày trên nương chè', () => {
	const day = [clip('mist', 120), clip('picking', 200), photo('withering'), clip('cup', 40)]

	test('keeps the person’s order between an opening and a closing card, with gentle fades', () => {
		const spec = specOf(buildFromTemplate('farm-day', choices(day, { product: null }), vi))
		expect(spec.timeline.map((i) => (i.type === 'title' ? 'title' : i.mediaId))).toEqual(['title', 'mist', 'picking', 'withering', 'cup', 'title'])
		expect(spec.timeline[0]).toMatchObject({ lines: ['Một ngày trên nương chè', 'HTX Chè Tủa Chùa'] })
		expect(spec.timeline.at(-1)).toMatchObject({ lines: ['HTX Chè Tủa Chùa', 'Đặt hàng: Zalo 0912 345 678'] })
		for (const item of spec.timeline.slice(1)) expect(item.transitionIn).toEqual({ type: 'fade', duration: 0.6 })
	})

	test('one caption line per shot when the person wrote one per shot', () => {
		const spec = specOf(buildFromTemplate('farm-day', choices(day, { captionLines: lines }), vi))
		const captions = spec.captions!.lines
		expect(captions.map((l) => l.text)).toEqual(lines)
		// Each line is on screen while its shot is: the shot's middle falls inside the line.
		let cursor = 2.5 - 0.6
		spec.timeline.slice(1, -1).forEach((item, i) => {
			const length = item.type === 'clip' ? item.out - item.in : item.duration
			const middle = cursor + length / 2
			expect(captions[i].start).toBeLessThan(middle)
			expect(captions[i].end).toBeGreaterThan(middle)
			cursor += length - 0.6
		})
	})

	test('fewer lines than shots share the shots’ time; typed text is cleaned to NFC', () => {
		const decomposed = 'Che\u0300 tho\u031bm'
		const spec = specOf(buildFromTemplate('farm-day', choices(day, { captionLines: [`  ${decomposed} `, '', 'Mời bạn ghé thăm'] }), vi))
		expect(spec.captions!.lines.map((l) => l.text)).toEqual(['Chè thơm', 'Mời bạn ghé thăm'])
		expect(spec.captions!.lines[1].start).toBe(spec.captions!.lines[0].end)
	})

	test('a music bed under the clips’ own sound, ducked when someone speaks', () => {
		const spec = specOf(buildFromTemplate('farm-day', choices(day, { musicMediaId: 'music-1' }), vi))
		expect(spec.audio).toMatchObject({ keepClipSound: true, music: { mediaId: 'music-1', duckUnderSpeech: true } })
	})

	test('an audio file among the shots is pointed out by name', () => {
		const result = buildFromTemplate('farm-day', choices([...day, { mediaId: 'song', kind: 'audio', label: 'dan-tinh.mp3' }]), vi)
		expect(result).toEqual({ ok: false, problems: [{ code: 'notAVisual', params: { name: 'dan-tinh.mp3' } }] })
	})

	test('a clip whose length is unknown cannot be trimmed, and too many shots are refused', () => {
		expect(buildFromTemplate('farm-day', choices([...day.slice(0, 3), { mediaId: 'x', kind: 'video', label: 'x.mp4', durationMs: null }]), vi)).toEqual({
			ok: false,
			problems: [{ code: 'clipWithoutDuration', params: { name: 'x.mp4' } }],
		})
		const nine = Array.from({ length: 9 }, (_, i) => photo(`p${i}`))
		expect(buildFromTemplate('farm-day', choices(nine), vi)).toEqual({ ok: false, problems: [{ code: 'tooManyVisuals', params: { max: 8, count: 9 } }] })
	})
})

describe('Khuyến mãi', () => {
	const media = [clip('c1', 60), photo('p1')]

	test('discount card, product shots under the new price with the old one struck, then the saving, the new price and the last day, QR and how to order', () => {
		const spec = specOf(buildFromTemplate('promotion', choices(media), vi))
		expect(spec.timeline[0]).toMatchObject({ type: 'title', lines: ['GIẢM 20%', 'Chè Shan tuyết cổ thụ Tủa Chùa'], backgroundColor: '#C0392B' })
		const priceCard = spec.timeline.at(-1)!
		expect(priceCard.type === 'title' && priceCard.lines.map((l) => l.replace(/\s/g, ' '))).toEqual(['GIẢM 20%', 'Chỉ còn 120.000 ₫ / hộp 100g', 'Đến hết ngày 30/6'])
		expect(spec.overlays.find((o) => o.type === 'price')).toMatchObject({ priceVnd: 120_000, compareAtPriceVnd: 150_000, unit: 'hộp 100g' })
		expect(spec.overlays.map((o) => o.type).sort()).toEqual(['cta', 'logo', 'price', 'qr'])
	})

	test('in English', () => {
		const spec = specOf(buildFromTemplate('promotion', choices(media), en))
		expect(spec.timeline[0]).toMatchObject({ lines: ['20% OFF', 'Chè Shan tuyết cổ thụ Tủa Chùa'] })
		expect(spec.timeline.at(-1)).toMatchObject({ lines: expect.arrayContaining(['Until 30 Jun']) })
		expect(spec.overlays.find((o) => o.type === 'cta')).toMatchObject({ text: 'Order: Zalo 0912 345 678' })
	})

	test('an original price typed with the offer replaces the product price', () => {
		const spec = specOf(buildFromTemplate('promotion', choices(media, { promotion: { oldPriceVnd: 200_000, newPriceVnd: 150_000 } }), vi))
		expect(spec.timeline[0]).toMatchObject({ lines: ['GIẢM 25%', expect.any(String)] })
		expect(spec.overlays.find((o) => o.type === 'price')).toMatchObject({ priceVnd: 150_000, compareAtPriceVnd: 200_000 })
		expect(spec.timeline.at(-1)).toMatchObject({ type: 'title', lines: ['GIẢM 25%', expect.stringContaining('150.000')] })
	})

	test('a discount under 1 % is announced as a sale, not as 0 %', () => {
		const spec = specOf(buildFromTemplate('promotion', choices(media, { promotion: { newPriceVnd: 149_900 } }), vi))
		expect(spec.timeline[0]).toMatchObject({ lines: ['GIẢM GIÁ', expect.any(String)] })
	})

	test('refuses an offer that is missing, not lower, without any price, or with a day that does not exist', () => {
		expect(buildFromTemplate('promotion', choices(media, { promotion: null }), vi)).toEqual({ ok: false, problems: [{ code: 'needsPromotion' }] })
		const notLower = buildFromTemplate('promotion', choices(media, { promotion: { newPriceVnd: 150_000 } }), vi)
		expect(notLower).toMatchObject({ ok: false, problems: [{ code: 'promotionNotLower', params: { oldPrice: expect.stringContaining('150.000') } }] })
		expect(buildFromTemplate('promotion', choices(media, { product: { ...product, priceVnd: null } }), vi)).toEqual({ ok: false, problems: [{ code: 'needsPrice' }] })
		expect(buildFromTemplate('promotion', choices(media, { promotion: { newPriceVnd: 99_000, endsOn: '2026-02-30' } }), vi)).toEqual({
			ok: false,
			problems: [{ code: 'badDeadline', params: { value: '2026-02-30' } }],
		})
		expect(buildFromTemplate('promotion', choices(media, { formats: [] }), vi)).toMatchObject({ ok: false, problems: [{ code: 'noFormats' }] })
	})
})

describe('Tự dựng từ cảnh của bạn', () => {
	const shots = [photo('hill'), clip('picking', 200, [{ start: 61, end: 65, score: 0.8, reasons: ['motion'] }]), clip('cup', 20)]

	test('the person’s shots in their order with quick fades, then a card with how to order; no opening card', () => {
		const spec = specOf(buildFromTemplate('free-cut', choices(shots, { product: null }), vi))
		expect(spec.timeline.map((i) => (i.type === 'title' ? 'title' : i.mediaId))).toEqual(['hill', 'picking', 'cup', 'title'])
		expect(spec.timeline.at(-1)).toMatchObject({ lines: ['HTX Chè Tủa Chùa'] })
		for (const item of spec.timeline.slice(1)) expect(item.transitionIn).toEqual({ type: 'fade', duration: 0.4 })
		// The long clip plays around its liveliest stretch, not from its start.
		const picking = spec.timeline[1] as ClipItem
		expect(picking.in).toBeGreaterThan(55)
		expect(picking.out).toBeLessThan(70)
		// How to order on the end card, the logo throughout.
		const endStart = timelineSeconds(spec) - 3
		expect(spec.overlays).toContainEqual(expect.objectContaining({ type: 'cta', text: 'Đặt hàng: Zalo 0912 345 678' }))
		for (const overlay of spec.overlays.filter((o) => o.type === 'cta')) expect(overlay.start).toBeCloseTo(endStart, 1)
		expect(spec.overlays).toContainEqual(expect.objectContaining({ type: 'logo', mediaId: 'logo' }))
	})

	test('one photo is enough to start; the short video is pointed out', () => {
		const result = buildFromTemplate('free-cut', choices([photo('only')], { product: null }), vi)
		expect(specOf(result).timeline.map((i) => i.type)).toEqual(['photo', 'title'])
		expect(result.ok && result.notes).toContainEqual({ code: 'shortVideo', params: { seconds: expect.any(Number) } })
		expect(buildFromTemplate('free-cut', choices([], { product: null }), vi)).toMatchObject({ ok: false, problems: [{ code: 'needsMoreVisuals', params: { min: 1 } }] })
	})

	test('captions run over the shots and leave the end card to how to order', () => {
		const spec = specOf(buildFromTemplate('free-cut', choices(shots, { captionLines: ['Đồi chè', 'Hái chè', 'Chén trà'] }), vi))
		const endStart = timelineSeconds(spec) - 3
		expect(spec.captions!.lines.map((l) => l.text)).toEqual(['Đồi chè', 'Hái chè', 'Chén trà'])
		for (const line of spec.captions!.lines) expect(line.end).toBeLessThanOrEqual(endStart + 0.4)
	})
})
