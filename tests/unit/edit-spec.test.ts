import { describe, expect, test } from 'vitest'
import { EDIT_SPEC_VERSION, parseEditSpec, type EditSpecInput } from '~/studio/spec/edit-spec.ts'
import { describeSpecIssue, studioTranslator } from '~/studio/spec/messages.ts'
import { placeItems, timelineSeconds } from '~/studio/spec/timing.ts'

const vi = studioTranslator('vi')
const en = studioTranslator('en')

function goodSpec(): EditSpecInput {
	return {
		version: EDIT_SPEC_VERSION,
		output: { formats: ['tiktok-reels', 'square'] },
		timeline: [
			{ type: 'clip', mediaId: 'clip-a', label: 'doi-che.mp4', in: 1, out: 5, focus: { x: 0.3, y: 0.5 } },
			{ type: 'photo', mediaId: 'photo-b', duration: 3, kenBurns: 'pan-left', transitionIn: { type: 'fade', duration: 0.5 } },
			{ type: 'title', lines: ['Chè Shan tuyết', 'Suối Giàng'], transitionIn: { type: 'slide-up', duration: 0.4 } },
		],
		captions: { lines: [{ start: 0, end: 2, text: 'Xin chào' }] },
		overlays: [
			{ type: 'logo', mediaId: 'logo' },
			{ type: 'price', productName: 'Chè 200g', priceVnd: 120000, start: 1, end: 4 },
			{ type: 'qr', url: 'https://example.vn/p/1' },
			{ type: 'cta', text: 'Đặt hàng: Zalo 0912 345 678', start: 6 },
		],
		audio: { music: { mediaId: 'music', volume: 0.2 } },
	}
}

function issuesOf(input: unknown) {
	const parsed = parseEditSpec(input)
	if (parsed.success) throw new Error('expected the spec to be rejected')
	return parsed.issues
}

describe('a good spec', () => {
	test('parses and gets its defaults', () => {
		const parsed = parseEditSpec(goodSpec())
		expect(parsed.success).toBe(true)
		if (!parsed.success) return
		const [clip, photo, title] = parsed.spec.timeline
		expect(clip).toMatchObject({ fit: 'cover', keepSound: true })
		expect(photo).toMatchObject({ fit: 'cover', focus: { x: 0.5, y: 0.5 } })
		expect(title).toMatchObject({ duration: 2.5, textColor: '#FFFFFF' })
		expect(parsed.spec.captions?.style).toMatchObject({ font: 'be-vietnam-pro', sizePx: 84 })
		expect(parsed.spec.audio).toMatchObject({ keepClipSound: true, loudnessLufs: -14, music: { duckUnderSpeech: true, offset: 0 } })
		expect(parsed.spec.overlays[0]).toMatchObject({ corner: 'top-right', start: 0 })
	})

	test('accepts the JSON text as well as the value', () => {
		expect(parseEditSpec(JSON.stringify(goodSpec())).success).toBe(true)
	})

	test('places items on whole frames, transitions overlapping their neighbours', () => {
		const parsed = parseEditSpec(goodSpec())
		if (!parsed.success) throw new Error('invalid')
		// 4 s + 3 s + 2.5 s − 0.5 s − 0.4 s
		expect(timelineSeconds(parsed.spec)).toBeCloseTo(8.6, 5)
		expect(placeItems(parsed.spec.timeline).map((p) => p.startFrame)).toEqual([0, 105, 183])
	})

	test('a price tag may carry an old price to strike and a unit; a text overlay gets its defaults', () => {
		const input = goodSpec()
		input.overlays = [
			{ type: 'price', productName: 'Chè 200g', priceVnd: 120000, compareAtPriceVnd: 150000, unit: ' hộp  200g ' },
			{ type: 'text', text: 'Chè Shan tuye\u0302\u0301t', end: 3 },
		]
		const parsed = parseEditSpec(input)
		if (!parsed.success) throw new Error(JSON.stringify(parsed.issues))
		expect(parsed.spec.overlays[0]).toMatchObject({ compareAtPriceVnd: 150000, unit: 'hộp 200g', corner: 'top-left' })
		expect(parsed.spec.overlays[1]).toEqual({ type: 'text', text: 'Chè Shan tuyết', band: 'middle', size: 'large', textColor: '#FFFFFF', start: 0, end: 3 })
	})

	test('a spec written before the old price, the unit and text overlays still parses unchanged', () => {
		const parsed = parseEditSpec(goodSpec())
		if (!parsed.success) throw new Error('invalid')
		const price = parsed.spec.overlays[1]
		expect(price.type === 'price' && [price.compareAtPriceVnd, price.unit]).toEqual([undefined, undefined])
	})

	test('text burned into the picture is stored NFC', () => {
		const input = goodSpec()
		input.timeline[2] = { type: 'title', lines: ['Che\u0300 Shan tuye\u0302\u0301t'] }
		const parsed = parseEditSpec(input)
		if (!parsed.success) throw new Error('invalid')
		const title = parsed.spec.timeline[2]
		expect(title.type === 'title' && title.lines[0]).toBe('Chè Shan tuyết')
	})
})

describe('a bad spec is rejected with messages that name the item', () => {
	test('an out point before the in point names the clip by its label', () => {
		const input = goodSpec()
		input.timeline[0] = { type: 'clip', mediaId: 'clip-a', label: 'doi-che.mp4', in: 6, out: 5.5 }
		const [issue] = issuesOf(input)
		expect(issue).toMatchObject({ code: 'clip.outBeforeIn', at: { kind: 'item', index: 0, itemType: 'clip', label: 'doi-che.mp4' } })
		expect(describeSpecIssue(issue, vi)).toBe(
			'Mục 1 (clip “doi-che.mp4”): điểm kết thúc 5,5 s phải sau điểm bắt đầu 6,0 s. Hãy kéo lại thanh cắt.',
		)
		expect(describeSpecIssue(issue, en)).toMatch(/^Item 1 \(clip “doi-che.mp4”\): the out point 5.5 s must come after the in point 6.0 s/)
	})

	test('an empty timeline', () => {
		const issues = issuesOf({ ...goodSpec(), timeline: [], captions: undefined })
		expect(issues.map((i) => i.code)).toEqual(['timeline.empty'])
		expect(describeSpecIssue(issues[0], vi)).toMatch(/^Bản dựng: dòng thời gian đang trống/)
	})

	test('captions that run past the end of the video name the caption line', () => {
		const input = goodSpec()
		input.captions = { lines: [{ start: 0, end: 2, text: 'một' }, { start: 8, end: 9.25, text: 'hai' }] }
		const issues = issuesOf(input)
		expect(issues).toEqual([{ code: 'captions.pastEnd', at: { kind: 'caption', index: 1 }, params: { end: 9.3, total: 8.6 } }])
		expect(describeSpecIssue(issues[0], vi)).toMatch(/^Dòng phụ đề 2: kết thúc ở 9,3 s, sau khi video đã hết \(8,6 s\)/)
	})

	test('an unknown caption font', () => {
		const input = goodSpec()
		input.captions = { lines: [], style: { font: 'comic-sans' as 'be-vietnam-pro' } }
		const [issue] = issuesOf(input)
		expect(issue.code).toBe('captions.unknownFont')
		expect(describeSpecIssue(issue, en)).toBe('Captions: the font “comic-sans” is not available. Choose one of: be-vietnam-pro.')
	})

	test('absurd sizes', () => {
		const input = goodSpec()
		input.captions = { lines: [], style: { sizePx: 900 } }
		input.overlays = [{ type: 'logo', mediaId: 'logo', widthFraction: 3 }]
		const issues = issuesOf(input)
		expect(issues.map((i) => [i.code, i.at.kind, i.params.field])).toEqual([
			['field.tooBig', 'captions', 'style.sizePx'],
			['field.tooBig', 'overlay', 'widthFraction'],
		])
		expect(describeSpecIssue(issues[1], vi)).toBe('Lớp phủ 1 (logo): trường “widthFraction” tối đa là 0.5.')
	})

	test('a transition longer than half of the items it joins', () => {
		const input = goodSpec()
		input.timeline[1] = { type: 'photo', mediaId: 'photo-b', duration: 1, transitionIn: { type: 'fade', duration: 0.8 } }
		const [issue] = issuesOf(input)
		expect(issue).toMatchObject({ code: 'transition.tooLong', at: { index: 1, itemType: 'photo' }, params: { duration: 0.8, max: 0.5 } })
		expect(describeSpecIssue(issue, vi)).toMatch(/^Mục 2 \(ảnh\): chuyển cảnh 0,8 s dài quá; với hai mục này tối đa 0,5 s/)
	})

	test('an unknown kind of item and a missing field', () => {
		const input = goodSpec() as { timeline: unknown[] }
		input.timeline = [{ type: 'video', mediaId: 'x' }, { type: 'clip', mediaId: 'y', in: 0 }]
		const issues = issuesOf(input)
		expect(issues.map((i) => describeSpecIssue(i, en))).toEqual([
			'Item 1 (unknown kind): unknown kind of item; choose one of: clip, photo, title.',
			'Item 2 (clip): the field “out” is missing.',
		])
	})

	test('an overlay that outlasts the video, and one that ends before it starts', () => {
		const input = goodSpec()
		input.overlays = [
			{ type: 'cta', text: 'Mua ngay', start: 2, end: 20 },
			{ type: 'qr', url: 'https://example.vn', start: 5, end: 3 },
		]
		expect(issuesOf(input).map((i) => [i.code, i.at])).toEqual([
			['overlay.pastEnd', { kind: 'overlay', index: 0, overlayType: 'cta' }],
			['overlay.endBeforeStart', { kind: 'overlay', index: 1, overlayType: 'qr' }],
		])
	})

	test('an old price that is not above the price names the price tag and says what to do', () => {
		const input = goodSpec()
		input.overlays = [
			{ type: 'logo', mediaId: 'logo' },
			{ type: 'price', productName: 'Chè 200g', priceVnd: 150000, compareAtPriceVnd: 120000 },
			{ type: 'price', productName: 'Chè 500g', priceVnd: 300000, compareAtPriceVnd: 300000 },
		]
		const issues = issuesOf(input)
		expect(issues.map((i) => [i.code, i.at, i.params])).toEqual([
			['price.compareAtNotHigher', { kind: 'overlay', index: 1, overlayType: 'price' }, { price: 150000, compareAtPrice: 120000 }],
			['price.compareAtNotHigher', { kind: 'overlay', index: 2, overlayType: 'price' }, { price: 300000, compareAtPrice: 300000 }],
		])
		expect(describeSpecIssue(issues[0], vi)).toBe(
			'Lớp phủ 2 (giá): giá cũ 120.000 ₫ phải cao hơn giá bán 150.000 ₫ thì mới gạch ngang được. Hãy sửa giá cũ, hoặc xoá giá cũ nếu không giảm giá.',
		)
		expect(describeSpecIssue(issues[0], en)).toBe(
			'Overlay 2 (price tag): the old price 120,000 ₫ must be higher than the price 150,000 ₫ to be struck through. Correct the old price, or remove it if there is no discount.',
		)
	})

	test('a text overlay needs words, a known band and size, and names itself in messages', () => {
		const input = goodSpec()
		input.overlays = [{ type: 'text', text: '   ', band: 'left' as 'top', size: 'huge' as 'large' }]
		const issues = issuesOf(input)
		expect(issues.map((i) => [i.code, i.params.field])).toEqual([
			['field.empty', 'text'],
			['field.notAllowed', 'band'],
			['field.notAllowed', 'size'],
		])
		expect(describeSpecIssue(issues[0], vi)).toBe('Lớp phủ 1 (chữ): trường “text” không được để trống.')
	})

	test('a QR code only for web links; colours as #RRGGBB', () => {
		const input = goodSpec()
		input.overlays = [{ type: 'qr', url: 'javascript:alert(1)' }, { type: 'cta', text: 'Mua', backgroundColor: 'yellow' }]
		expect(issuesOf(input).map((i) => i.code)).toEqual(['field.badUrl', 'field.badColor'])
	})

	test('another version, and text that is not JSON', () => {
		expect(issuesOf({ ...goodSpec(), version: 2 }).map((i) => i.code)).toEqual(['spec.unsupportedVersion'])
		const [notJson] = issuesOf('{ "version": 1,')
		expect(notJson.code).toBe('spec.notJson')
		expect(describeSpecIssue(notJson, vi)).toMatch(/^Bản dựng: tệp không phải JSON hợp lệ/)
	})
})
