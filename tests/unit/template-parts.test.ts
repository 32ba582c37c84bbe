import { describe, expect, test } from 'vitest'
import { captionLinesOver, checkVisuals, cleanCaptionLines, finishSpec, finishVideo, itemSpans } from '~/studio/templates/assemble.ts'
import { buildFromTemplate, describeTemplateMessage, describeTemplates, findTemplate, TEMPLATE_IDS } from '~/studio/templates/index.ts'
import { howToOrder, logoThroughout, priceTag } from '~/studio/templates/overlays.ts'
import { clipSeconds, fitText, isVisual, joinWith, shotItem, shotSlot, titleItem } from '~/studio/templates/shots.ts'
import { templateContext } from '~/studio/templates/translator.ts'
import type { TemplateChoices, TemplateMedia, TemplateNote } from '~/studio/templates/types.ts'
import type { TimelineItem } from '~/studio/spec/edit-spec.ts'

// The pieces the templates share: checking the chosen media, captions over
// shots, finishing the spec, the shared overlays and the shots themselves.

const vi = templateContext('vi')
const clip = (id: string, seconds: number | null, extra: Partial<TemplateMedia> = {}): TemplateMedia => ({
	mediaId: id,
	kind: 'video',
	durationMs: seconds === null ? null : seconds * 1000,
	...extra,
})
const photo = (id: string, extra: Partial<TemplateMedia> = {}): TemplateMedia => ({ mediaId: id, kind: 'photo', ...extra })
const choices = (extra: Partial<TemplateChoices> = {}): TemplateChoices => ({ media: [], coop: { name: 'HTX' }, formats: ['tiktok-reels'], ...extra })
const still = (seconds: number): TimelineItem => ({ type: 'photo', mediaId: 'p', duration: seconds, kenBurns: 'none', focus: { x: 0.5, y: 0.5 }, fit: 'cover' })

describe('checking the chosen media', () => {
	test('names what cannot be used, by label or else by id', () => {
		const { visuals, problems } = checkVisuals(
			choices({ formats: [], media: [photo('a'), { mediaId: 'song', kind: 'audio', label: 'Suối.mp3' }, clip('b', null), clip('c', 0, { label: '' }), clip('d', 2)] }),
			{ minVisuals: 1, maxVisuals: 10 },
		)
		expect(problems).toEqual([
			{ code: 'noFormats' },
			{ code: 'notAVisual', params: { name: 'Suối.mp3' } },
			{ code: 'clipWithoutDuration', params: { name: 'b' } },
			{ code: 'clipWithoutDuration', params: { name: 'c' } },
		])
		expect(visuals.map((m) => m.mediaId)).toEqual(['a', 'b', 'c', 'd'])
	})

	test('as many as the template needs, no fewer, no more', () => {
		const three = choices({ media: [photo('a'), photo('b'), photo('c')] })
		expect(checkVisuals(three, { minVisuals: 3, maxVisuals: 3 }).problems).toEqual([])
		expect(checkVisuals(three, { minVisuals: 4, maxVisuals: 6 }).problems).toEqual([{ code: 'needsMoreVisuals', params: { min: 4, count: 3 } }])
		expect(checkVisuals(three, { minVisuals: 1, maxVisuals: 2 }).problems).toEqual([{ code: 'tooManyVisuals', params: { max: 2, count: 3 } }])
	})
})

describe('captions over the shots', () => {
	test('typed lines are cleaned; empty ones dropped; long ones cut at the caption limit', () => {
		expect(cleanCaptionLines(undefined)).toEqual([])
		expect(cleanCaptionLines(['  Chè   ngon ', '   ', ''])).toEqual(['Chè ngon'])
		const [long] = cleanCaptionLines(['a'.repeat(201)])
		expect(long).toBe(`${'a'.repeat(199)}…`)
		expect(cleanCaptionLines(['a'.repeat(200)])[0]).toHaveLength(200)
	})

	test('one line per shot hands over in the middle of each transition', () => {
		const shots = [
			{ start: 0, end: 3 },
			{ start: 2.5, end: 6 },
			{ start: 6, end: 9 },
		]
		expect(captionLinesOver(['một', 'hai', 'ba'], shots)).toEqual([
			{ start: 0, end: 2.75, text: 'một' },
			{ start: 2.75, end: 6, text: 'hai' },
			{ start: 6, end: 9, text: 'ba' },
		])
		expect(captionLinesOver(['một'], [{ start: 1, end: 4 }])).toEqual([{ start: 1, end: 4, text: 'một' }])
	})

	test('other counts share the time of all the shots by length, to the millisecond', () => {
		const lines = captionLinesOver(['aa', 'b'], [{ start: 1, end: 2 }, { start: 2, end: 3 }, { start: 3, end: 4.333333 }])
		expect(lines[0].start).toBe(1)
		expect(lines.at(-1)!.end).toBe(4.333)
		expect(lines[0].end).toBe(lines[1].start)
		expect(lines[0].end).toBeGreaterThan(2.5)
		expect(captionLinesOver([], [{ start: 0, end: 1 }])).toEqual([])
		expect(captionLinesOver(['x'], [])).toEqual([])
	})

	test('an item is on screen from the start of its transition to its last frame', () => {
		const timeline = [still(2), { ...still(2), transitionIn: { type: 'fade' as const, duration: 0.5 } }]
		expect(itemSpans(timeline)).toEqual([
			{ start: 0, end: 2 },
			{ start: 1.5, end: 3.5 },
		])
	})
})

describe('finishing the video', () => {
	const video = (seconds: number) => ({ timeline: [still(seconds)], overlays: [], captionSpans: [{ start: 0, end: seconds }], musicVolume: 0.25 })

	test('captions, music under the clips’ sound, and the usual loudness', () => {
		const notes: TemplateNote[] = []
		const result = finishVideo(choices({ captionLines: ['Chè ngon'], musicMediaId: 'song' }), 'free-cut', video(20), notes)
		if (!result.ok) throw new Error('expected a spec')
		expect(result.spec.captions?.lines).toEqual([{ start: 0, end: 20, text: 'Chè ngon' }])
		expect(result.spec.captions?.style.position).toBe('bottom')
		expect(result.spec.audio).toEqual({ keepClipSound: true, music: { mediaId: 'song', volume: 0.25, duckUnderSpeech: true, offset: 0 }, loudnessLufs: -14 })
		expect(result.spec.output.formats).toEqual(['tiktok-reels'])
		expect(notes).toEqual([])
	})

	test('no lines, no captions; no music chosen, none added', () => {
		const result = finishVideo(choices({ captionLines: ['  '] }), 'free-cut', video(20), [])
		if (!result.ok) throw new Error('expected a spec')
		expect(result.spec.captions).toBeUndefined()
		expect(result.spec.audio.music).toBeUndefined()
	})

	test('a video under 15 whole seconds gets a note saying how long it is', () => {
		const short: TemplateNote[] = []
		finishVideo(choices(), 'free-cut', video(14.4), short)
		expect(short).toEqual([{ code: 'shortVideo', params: { seconds: 14 } }])
		const rounded: TemplateNote[] = []
		finishVideo(choices(), 'free-cut', video(14.5), rounded)
		expect(rounded).toEqual([])
	})

	test('a template that writes an invalid spec is a bug, named with the template', () => {
		expect(() => finishSpec({ version: 1, timeline: [] }, 'farm-day')).toThrow(/^Template farm-day wrote an invalid edit spec: .*timeline\.empty/)
	})
})

describe('the list of templates', () => {
	test('found by id; an unknown id is nothing, and building with one is a bug', () => {
		for (const id of TEMPLATE_IDS) expect(findTemplate(id)?.id).toBe(id)
		expect(findTemplate('music-video')).toBeUndefined()
		expect(() => buildFromTemplate('music-video' as 'free-cut', choices(), vi)).toThrow('Unknown template "music-video"')
		expect(buildFromTemplate('free-cut', choices({ media: [photo('a')] }), vi).ok).toBe(true)
	})

	test('each described with its own words', () => {
		const keys = (key: string) => key
		const [first] = describeTemplates(keys)
		const definition = findTemplate(first.id)!
		expect(first).toEqual({
			id: definition.id,
			name: `studio-templates:${definition.nameKey}`,
			description: `studio-templates:${definition.descriptionKey}`,
			needsText: `studio-templates:${definition.needsKey}`,
			needs: definition.needs,
		})
	})

	test('a problem or a note in words, with its values', () => {
		const asked: unknown[] = []
		const t = (key: string, options?: Record<string, unknown>) => {
			asked.push([key, options])
			return key
		}
		describeTemplateMessage({ code: 'needsMoreVisuals', params: { min: 3, count: 1 } }, 'problems', t)
		describeTemplateMessage({ code: 'noLogo' }, 'notes', t)
		expect(asked).toEqual([
			['studio-templates:problems.needsMoreVisuals', { min: 3, count: 1 }],
			['studio-templates:notes.noLogo', {}],
		])
	})
})

describe('the shared overlays', () => {
	test('the logo top right all along, or a note that there is none', () => {
		const notes: TemplateNote[] = []
		expect(logoThroughout(choices({ coop: { name: 'HTX', logoMediaId: 'logo' } }), notes)).toEqual([
			{ type: 'logo', mediaId: 'logo', corner: 'top-right', widthFraction: 0.18, start: 0 },
		])
		expect(notes).toEqual([])
		expect(logoThroughout(choices(), notes)).toEqual([])
		expect(notes).toEqual([{ code: 'noLogo' }])
	})

	test('the price tag top left in white on red, with a trimmed unit that fits', () => {
		const window = { start: 1, end: 5 }
		expect(priceTag('Chè', { name: 'Chè', unit: '  hộp 100g ' }, { priceVnd: 90_000, compareAtPriceVnd: 120_000 }, window)).toEqual({
			type: 'price',
			productName: 'Chè',
			priceVnd: 90_000,
			compareAtPriceVnd: 120_000,
			unit: 'hộp 100g',
			corner: 'top-left',
			textColor: '#FFFFFF',
			backgroundColor: '#C0392B',
			start: 1,
			end: 5,
		})
		expect(priceTag('Chè', { name: 'Chè', unit: '   ' }, { priceVnd: 1 }, window)).not.toHaveProperty('unit')
		expect(priceTag('Chè', { name: 'Chè' }, { priceVnd: 1 }, window)).not.toHaveProperty('unit')
		expect((priceTag('Chè', { name: 'Chè', unit: 'x'.repeat(40) }, { priceVnd: 1 }, window) as { unit: string }).unit).toBe(`${'x'.repeat(29)}…`)
	})

	test('how to order: the QR code and the call to action from `start`, each left out with a note when missing', () => {
		const colours = { textColor: '#000000', backgroundColor: '#FFFFFF' }
		const full: TemplateNote[] = []
		const product = { name: 'Chè', links: { shopeeUrl: 'https://shopee.vn/che' } }
		expect(howToOrder(choices({ coop: { name: 'HTX', zalo: '0912345678' }, product }), product, 12, colours, vi, full)).toEqual([
			{ type: 'qr', url: 'https://shopee.vn/che', caption: 'Quét để đặt hàng', corner: 'top-left', widthFraction: 0.26, start: 12 },
			{ type: 'cta', text: 'Đặt hàng: Zalo 0912 345 678', band: 'bottom', textColor: '#000000', backgroundColor: '#FFFFFF', start: 12 },
		])
		expect(full).toEqual([])
		const bare: TemplateNote[] = []
		expect(howToOrder(choices(), { name: 'Chè' }, 12, colours, vi, bare)).toEqual([])
		expect(bare).toEqual([{ code: 'noQrLink' }, { code: 'noContact' }])
	})
})

describe('shots', () => {
	test('photos and clips are visuals; a clip of unknown length lasts nothing', () => {
		expect([photo('a'), clip('b', 1), { mediaId: 'c', kind: 'audio' as const }].map(isVisual)).toEqual([true, true, false])
		expect(clipSeconds(clip('b', null))).toBe(0)
		expect(clipSeconds(clip('b', 2.5))).toBe(2.5)
	})

	test('a photo’s slot: the pace, between 1.5 and 6 s', () => {
		expect(shotSlot(photo('a'), 4)).toEqual({ preferred: 4, min: 1.5, max: 6 })
	})

	test('a clip’s slot: its playable length at most, its best stretch preferred up to twice the pace', () => {
		expect(shotSlot(clip('b', 20), 3)).toEqual({ preferred: 3, min: 1.5, max: 19.5 })
		const highlight = (start: number, end: number) => [{ start, end, score: 1, reasons: [] }]
		expect(shotSlot(clip('b', 20, { highlights: highlight(2, 6.5) }), 3)).toMatchObject({ preferred: 4.5 })
		expect(shotSlot(clip('b', 20, { highlights: highlight(2, 12) }), 3)).toMatchObject({ preferred: 6 })
		expect(shotSlot(clip('b', 20, { highlights: highlight(2, 3) }), 3)).toMatchObject({ preferred: 3 })
		// A clip shorter than the shortest shot can only be itself.
		expect(shotSlot(clip('b', 1), 3)).toEqual({ preferred: 3, min: 1, max: 1 })
	})

	test('a photo shot: its length to the millisecond, the chosen move, the tapped focus, a fitted label', () => {
		expect(shotItem(photo('a', { label: `  ${'ả'.repeat(130)} `, focus: { x: 0.2, y: 0.8 } }), 3.33333, 'pan-left')).toEqual({
			type: 'photo',
			mediaId: 'a',
			label: `${'ả'.repeat(119)}…`,
			duration: 3.333,
			kenBurns: 'pan-left',
			focus: { x: 0.2, y: 0.8 },
			fit: 'cover',
		})
		expect(shotItem(photo('a'), 3)).toMatchObject({ kenBurns: 'zoom-in', focus: { x: 0.5, y: 0.5 }, label: undefined })
	})

	test('a clip shot plays a window of the clip, with its sound', () => {
		expect(shotItem(clip('b', 20, { label: 'đồi.mp4' }), 4)).toEqual({
			type: 'clip',
			mediaId: 'b',
			label: 'đồi.mp4',
			in: 0.5,
			out: 4.5,
			focus: { x: 0.5, y: 0.5 },
			fit: 'cover',
			keepSound: true,
		})
	})

	test('a title lasts at most 15 s', () => {
		const colours = { textColor: '#FFFFFF', backgroundColor: '#000000' }
		expect(titleItem(['Chè'], 20, colours)).toEqual({ type: 'title', lines: ['Chè'], duration: 15, ...colours })
		expect(titleItem(['Chè'], 2, colours)).toMatchObject({ duration: 2 })
	})

	test('joined with one transition, the first item keeps none; a cut adds nothing', () => {
		const joined = joinWith([still(3), still(3), still(3)], 'fade', 0.5)
		expect(joined.map((item) => item.transitionIn)).toEqual([undefined, { type: 'fade', duration: 0.5 }, { type: 'fade', duration: 0.5 }])
		expect(joinWith([still(3), still(3)], 'cut', 0.5)[1]).not.toHaveProperty('transitionIn')
	})

	test('text fitted to a field: kept when it fits, cut with an ellipsis after a trimmed end otherwise', () => {
		expect(fitText('  Chè\n ngon  ', 8)).toBe('Chè ngon')
		expect(fitText('Chè ngon lắm', 9)).toBe('Chè ngon…')
		expect(fitText('Chè ngon', 7)).toBe('Chè ng…')
		expect(fitText('Che\u0300', 3)).toBe('Chè')
	})
})
