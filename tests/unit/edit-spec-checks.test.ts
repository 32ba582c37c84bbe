import { describe, expect, test } from 'vitest'
import { EDIT_SPEC_VERSION, parseEditSpec, type EditSpecInput } from '~/studio/spec/edit-spec.ts'
import { placeItems, secondsToFrames, timelineFrames, timelineSeconds, transitionFrames } from '~/studio/spec/timing.ts'

// Where the edit spec draws its lines, and how each problem is located and
// coded (the words are checked in edit-spec.test.ts).

type Item = EditSpecInput['timeline'][number]
const photo = (duration: number, extra: object = {}): Item => ({ type: 'photo', mediaId: 'p', duration, ...extra })
const clip = (inPoint: number, out: number, extra: object = {}): Item => ({ type: 'clip', mediaId: 'c', in: inPoint, out, ...extra })
const fade = (duration: number) => ({ transitionIn: { type: 'fade' as const, duration } })

function spec(timeline: Item[], extra: Partial<EditSpecInput> = {}): EditSpecInput {
	return { version: EDIT_SPEC_VERSION, timeline, ...extra }
}
function issuesOf(input: unknown) {
	const parsed = parseEditSpec(input)
	if (parsed.success) throw new Error('expected the spec to be rejected')
	return parsed.issues
}
const accepted = (input: unknown) => parseEditSpec(input).success

describe('items', () => {
	test('an out point equal to the in point is before it; the shortest item is 0.2 s', () => {
		expect(issuesOf(spec([clip(2, 2)]))).toEqual([{ code: 'clip.outBeforeIn', at: { kind: 'item', index: 0, itemType: 'clip', label: undefined }, params: { in: 2, out: 2 } }])
		expect(issuesOf(spec([photo(3), clip(1, 1.14, { label: 'đồi.mp4' })]))).toEqual([
			{ code: 'item.tooShort', at: { kind: 'item', index: 1, itemType: 'clip', label: 'đồi.mp4' }, params: { seconds: 0.1, min: 0.2 } },
		])
		expect(accepted(spec([clip(0, 0.2)]))).toBe(true)
		// 1.2 − 1 is 0.19999… in floating point: six frames all the same, as the renderer counts.
		expect(accepted(spec([clip(1, 1.2)]))).toBe(true)
		expect(issuesOf(spec([clip(1, 1.18)])).map((i) => i.code)).toEqual(['item.tooShort'])
	})

	test('a title without a label is named by its first line', () => {
		const [issue] = issuesOf(spec([photo(3), { type: 'title', lines: ['Chè ngon', 'Mua đi'], duration: 1, ...fade(0.8) }]))
		expect(issue.at).toEqual({ kind: 'item', index: 1, itemType: 'title', label: 'Chè ngon' })
	})

	test('every problem of every item is reported, and then nothing else', () => {
		const issues = issuesOf(spec([clip(3, 1), clip(0, 0.1), photo(3)], { captions: { lines: [{ start: 0, end: 99, text: 'x' }] } }))
		expect(issues.map((i) => [i.code, i.at.kind === 'item' && i.at.index])).toEqual([
			['clip.outBeforeIn', 0],
			['item.tooShort', 1],
		])
	})
})

describe('transitions', () => {
	test('up to half of the shorter neighbour, counted in frames', () => {
		// One second = 30 frames: 15 frames fit, 16 do not.
		expect(accepted(spec([photo(2), photo(1, fade(0.5))]))).toBe(true)
		expect(accepted(spec([photo(2), photo(1, fade(0.51))]))).toBe(true)
		expect(issuesOf(spec([photo(2), photo(1, fade(0.52))]))).toEqual([
			{ code: 'transition.tooLong', at: { kind: 'item', index: 1, itemType: 'photo', label: undefined }, params: { duration: 0.5, max: 0.5 } },
		])
		// The shorter neighbour may be the one before.
		expect(issuesOf(spec([photo(1), photo(3, fade(0.6))])).map((i) => i.params)).toEqual([{ duration: 0.6, max: 0.5 }])
		expect(issuesOf(spec([photo(0.3), photo(3, fade(0.2))])).map((i) => i.params)).toEqual([{ duration: 0.2, max: 0.1 }])
	})

	test('the first item has no transition in, and a cut takes no time', () => {
		expect(accepted(spec([photo(1, fade(2)), photo(1)]))).toBe(true)
		expect(accepted(spec([photo(1), photo(1, { transitionIn: { type: 'cut', duration: 2 } })]))).toBe(true)
		expect(transitionFrames(parsed([photo(1), photo(1, { transitionIn: { type: 'cut', duration: 2 } })]).timeline, 1)).toBe(0)
	})
})

function parsed(timeline: Item[]) {
	const result = parseEditSpec(spec(timeline))
	if (!result.success) throw new Error(JSON.stringify(result.issues))
	return result.spec
}

describe('the whole video', () => {
	test('at most ten minutes', () => {
		expect(accepted(spec(Array.from({ length: 20 }, () => photo(30))))).toBe(true)
		expect(issuesOf(spec(Array.from({ length: 21 }, () => photo(30))))).toEqual([
			{ code: 'timeline.tooLong', at: { kind: 'spec' }, params: { seconds: 630, max: 600 } },
		])
	})

	test('captions may end with the video, not after it', () => {
		const line = (end: number) => ({ captions: { lines: [{ start: 0, end, text: 'Chè' }] } })
		expect(accepted(spec([photo(3)], line(3)))).toBe(true)
		expect(accepted(spec([photo(3)], line(3 + 1e-7)))).toBe(true)
		expect(issuesOf(spec([photo(3)], line(3.04)))).toEqual([{ code: 'captions.pastEnd', at: { kind: 'caption', index: 0 }, params: { end: 3, total: 3 } }])
	})

	test('an overlay shows inside the video: starting at its end, ending with it, ending where it starts', () => {
		const cta = (start: number, end?: number) => ({ type: 'cta' as const, text: 'Mua', start, ...(end === undefined ? {} : { end }) })
		const overlays = (...list: ReturnType<typeof cta>[]) => spec([photo(3)], { overlays: list })
		expect(accepted(overlays(cta(0), cta(2.9), cta(1, 3), cta(1, 3 + 1e-7)))).toBe(true)
		expect(issuesOf(overlays(cta(3), cta(1, 3.1), cta(2, 2), cta(2, 1.5))).map((i) => [i.code, i.params])).toEqual([
			['overlay.startsAfterEnd', { start: 3, total: 3 }],
			['overlay.pastEnd', { end: 3.1, total: 3 }],
			['overlay.endBeforeStart', { start: 2, end: 2 }],
			['overlay.endBeforeStart', { start: 2, end: 1.5 }],
		])
	})

	test('an old price one đồng above the price is fine', () => {
		const price = { type: 'price' as const, productName: 'Chè', priceVnd: 100, compareAtPriceVnd: 101 }
		expect(accepted(spec([photo(3)], { overlays: [price] }))).toBe(true)
		expect(accepted(spec([photo(3)], { overlays: [{ ...price, compareAtPriceVnd: undefined }] }))).toBe(true)
	})
})

describe('timing on whole frames', () => {
	test('items follow each other; a transition pulls an item back over the one before', () => {
		expect(placeItems(parsed([photo(1), photo(2, fade(0.5)), clip(10, 11.5, { transitionIn: { type: 'cut' } })]).timeline)).toEqual([
			{ startFrame: 0, frames: 30, transitionFrames: 0 },
			{ startFrame: 15, frames: 60, transitionFrames: 15 },
			{ startFrame: 75, frames: 45, transitionFrames: 0 },
		])
		expect(timelineFrames([])).toBe(0)
		expect(timelineSeconds(parsed([photo(1), photo(2, fade(0.5))]))).toBe(2.5)
		expect([0.016, 0.017, 1 / 30].map(secondsToFrames)).toEqual([0, 1, 1])
	})
})

describe('problems the shape check finds, located and coded', () => {
	test('the wrong kind of value, a fraction where whole đồng are needed, a missing field', () => {
		const issues = issuesOf(
			spec([clip(0, 'năm' as unknown as number)], { overlays: [{ type: 'price', productName: 'Chè', priceVnd: 1.5 }, { type: 'logo' } as never] }),
		)
		expect(issues.map((i) => [i.code, i.at.kind, i.params])).toEqual([
			['field.wrongType', 'item', { field: 'out', expected: 'number' }],
			['field.notWhole', 'overlay', { field: 'priceVnd' }],
			['field.required', 'overlay', { field: 'mediaId' }],
		])
	})

	test('a value outside a list names the options; too few and too long', () => {
		const issues = issuesOf(
			spec([{ type: 'title', lines: [] }, { type: 'title', lines: ['x'.repeat(61)], label: 'Mở đầu' }], {
				overlays: [{ type: 'logo', mediaId: 'l', corner: 'middle' as 'top-left' }],
			}),
		)
		expect(issues.map((i) => [i.code, i.at, i.params])).toEqual([
			['field.tooFew', { kind: 'item', index: 0, itemType: 'title', label: undefined }, { field: 'lines', min: 1 }],
			['field.textTooLong', { kind: 'item', index: 1, itemType: 'title', label: 'Mở đầu' }, { field: 'lines.0', max: 60 }],
			['field.notAllowed', { kind: 'overlay', index: 0, overlayType: 'logo' }, { field: 'corner', value: 'middle', options: 'top-left, top-right, bottom-left, bottom-right' }],
		])
	})

	test('too many items, a format twice, a value too small', () => {
		const many = issuesOf(spec(Array.from({ length: 61 }, () => photo(1))))
		expect(many.map((i) => [i.code, i.at, i.params])).toEqual([['field.tooMany', { kind: 'spec' }, { field: 'timeline', max: 60 }]])
		const twice = issuesOf({ ...spec([photo(1)]), output: { formats: ['square', 'square'] } })
		expect(twice.map((i) => [i.code, i.at, i.params.field])).toEqual([['field.invalid', { kind: 'output' }, 'formats']])
		expect(twice[0].params.detail).toBe('Each format may be listed once.')
		const quiet = issuesOf({ ...spec([photo(1)]), audio: { loudnessLufs: -30, music: { mediaId: 'm', label: 'Suối', volume: -1 } } })
		expect(quiet.map((i) => [i.code, i.at, i.params])).toEqual([
			['field.tooSmall', { kind: 'music', label: 'Suối' }, { field: 'volume', min: 0 }],
			['field.tooSmall', { kind: 'audio' }, { field: 'loudnessLufs', min: -24 }],
		])
		const unnamed = issuesOf({ ...spec([photo(1)]), audio: { music: { mediaId: 'm', volume: 2 } } })
		expect(unnamed.map((i) => i.at)).toEqual([{ kind: 'music', label: undefined }])
	})

	test('caption lines by number; the caption style as the caption track', () => {
		const issues = issuesOf(
			spec([photo(3)], {
				captions: { lines: [{ start: 0, end: 1, text: 'Một' }, { start: 1, end: 2, text: '' }], style: { sizePx: 10 } },
			}),
		)
		expect(issues.map((i) => [i.code, i.at, i.params.field])).toEqual([
			['field.empty', { kind: 'caption', index: 1 }, 'text'],
			['field.tooSmall', { kind: 'captions' }, 'style.sizePx'],
		])
	})

	test('text that is not a link at all', () => {
		const [issue] = issuesOf(spec([photo(3)], { overlays: [{ type: 'qr', url: 'chè ngon' }] }))
		expect(issue).toEqual({ code: 'field.badUrl', at: { kind: 'overlay', index: 0, overlayType: 'qr' }, params: { field: 'url' } })
	})

	test('something that is not a spec at all, and an item with an empty label', () => {
		expect(issuesOf(null)).toEqual([{ code: 'field.wrongType', at: { kind: 'spec' }, params: { field: '', expected: 'object' } }])
		expect(issuesOf({ version: 1 })).toEqual([{ code: 'field.required', at: { kind: 'spec' }, params: { field: 'timeline' } }])
		const [issue] = issuesOf(spec([clip(0, -1, { label: '' })]))
		expect(issue.at).toEqual({ kind: 'item', index: 0, itemType: 'clip', label: undefined })
	})
})

describe('links and JSON', () => {
	test('a QR code takes http and https links only, judged by how they begin', () => {
		const qr = (url: string) => accepted(spec([photo(3)], { overlays: [{ type: 'qr', url }] }))
		expect(qr('http://htx.vn/che')).toBe(true)
		expect(qr('HTTPS://htx.vn/che')).toBe(true)
		expect(qr('ftp://htx.vn/?next=http://htx.vn')).toBe(false)
	})

	test('text that is not JSON says why', () => {
		const [issue] = issuesOf('{ "version": 1,')
		expect(issue).toMatchObject({ code: 'spec.notJson', at: { kind: 'spec' } })
		expect(String(issue.params.detail)).toMatch(/JSON/)
	})
})

describe('where a shape problem is, when the input itself is odd', () => {
	test('a kind or label that is not text names nothing', () => {
		const [kind] = issuesOf({ version: 1, timeline: [{ type: 5, mediaId: 'x' }] })
		expect(kind.at).toEqual({ kind: 'item', index: 0, itemType: undefined, label: undefined })
		const [label] = issuesOf(spec([photo(3, { label: 5 })]))
		expect(label.at).toEqual({ kind: 'item', index: 0, itemType: 'photo', label: undefined })
		const [music] = issuesOf({ ...spec([photo(3)]), audio: { music: { mediaId: 'm', label: 5 } } })
		expect(music.at).toEqual({ kind: 'music', label: undefined })
	})

	test('a list that is wrong as a whole is named by its section, not by one of its entries', () => {
		const overlays = issuesOf(spec([photo(3)], { overlays: Array.from({ length: 13 }, () => ({ type: 'logo' as const, mediaId: 'l' })) }))
		expect(overlays.map((i) => [i.code, i.at, i.params.field])).toEqual([['field.tooMany', { kind: 'spec' }, 'overlays']])
		const lines = issuesOf({ ...spec([photo(3)]), captions: { lines: 'Chè ngon' } })
		expect(lines.map((i) => [i.code, i.at, i.params.field])).toEqual([['field.wrongType', { kind: 'captions' }, 'lines']])
		const music = issuesOf({ ...spec([photo(3)]), audio: { music: null } })
		expect(music.map((i) => [i.code, i.at])).toEqual([['field.wrongType', { kind: 'music', label: undefined }]])
	})

	test('an unknown format is located at the output, by its position', () => {
		const [format] = issuesOf({ ...spec([photo(3)]), output: { formats: ['tiktok-reels', 'cinema'] } })
		expect([format.code, format.at, format.params.field, format.params.value]).toEqual(['field.notAllowed', { kind: 'output' }, 'formats.1', 'cinema'])
	})

	test('an unsupported version names itself; a bad colour names its field', () => {
		expect(issuesOf({ ...spec([photo(3)]), version: 2 })).toEqual([{ code: 'spec.unsupportedVersion', at: { kind: 'spec' }, params: { version: '2' } }])
		const [colour] = issuesOf(spec([photo(3)], { overlays: [{ type: 'cta', text: 'Mua', textColor: 'red' }] }))
		expect(colour).toEqual({ code: 'field.badColor', at: { kind: 'overlay', index: 0, overlayType: 'cta' }, params: { field: 'textColor' } })
	})
})
