import { describe, expect, test } from 'vitest'
import { canonicalJson, usedMediaIds } from '~/studio/render/cache-key.ts'
import { checkMedia, mediaUses, type InspectedMedia } from '~/studio/render/media-check.ts'
import { parseEditSpec, type EditSpecInput } from '~/studio/spec/edit-spec.ts'

function spec(input: Omit<EditSpecInput, 'version'>) {
	const parsed = parseEditSpec({ version: 1, ...input })
	if (!parsed.success) throw new Error(JSON.stringify(parsed.issues))
	return parsed.spec
}

const ok = (seconds: number | null, streams: { video?: boolean; audio?: boolean } = {}) => ({
	status: 'ok' as const,
	durationMs: seconds === null ? null : seconds * 1000,
	hasVideo: streams.video !== false,
	hasAudio: streams.audio !== false,
})
const picture = (width: number, height: number) => ({ ...ok(null, { video: false, audio: false }), image: { width, height } })
const limits = { maxImageMegapixels: 100 }

describe('which media an edit uses', () => {
	const edit = spec({
		timeline: [
			{ type: 'clip', mediaId: 'z', out: 2 },
			{ type: 'title', lines: ['Chào'] },
			{ type: 'photo', mediaId: 'a' },
			{ type: 'clip', mediaId: 'a', out: 1 },
		],
		overlays: [{ type: 'logo', mediaId: 'm' }, { type: 'price', productName: 'Chè', priceVnd: 50_000 }],
		audio: { music: { mediaId: 'z' } },
	})

	test('each medium with every way it is used: a clip that is also the music is both', () => {
		expect(mediaUses(edit)).toEqual(
			new Map([
				['z', new Set(['video', 'audio'])],
				['a', new Set(['image', 'video'])],
				['m', new Set(['image'])],
			]),
		)
		expect(mediaUses(spec({ timeline: [{ type: 'title', lines: ['Chào'] }] }))).toEqual(new Map())
	})

	test('the cache key counts each used medium once, sorted', () => {
		expect(usedMediaIds(edit)).toEqual(['a', 'm', 'z'])
	})

	test('canonical JSON writes missing values as null and keeps array order', () => {
		expect(canonicalJson(undefined)).toBe('null')
		expect(canonicalJson(null)).toBe('null')
		expect(canonicalJson('chè')).toBe('"chè"')
		expect(canonicalJson([3, undefined, 'b', [2, 1]])).toBe('[3,null,"b",[2,1]]')
		expect(canonicalJson({ b: [], a: {}, B: 1 })).toBe('{"B":1,"a":{},"b":[]}')
	})
})

describe('checking media, one problem at a time', () => {
	test('missing, unreadable and HEIC files, each said the way its use needs', () => {
		const media: InspectedMedia = { gone: { status: 'missing' }, bad: { status: 'unreadable', heic: false }, heic: { status: 'unreadable', heic: true } }
		const edit = spec({
			timeline: [
				{ type: 'clip', mediaId: 'bad', out: 1 },
				{ type: 'photo', mediaId: 'bad' },
				{ type: 'clip', mediaId: 'heic', out: 1 },
				{ type: 'clip', mediaId: 'absent', out: 1 },
			],
			overlays: [{ type: 'logo', mediaId: 'gone' }],
			audio: { music: { mediaId: 'bad', label: 'Nhạc' } },
		})
		expect(checkMedia(edit, media, limits)).toEqual([
			{ code: 'media.unreadable', at: { kind: 'item', index: 0, itemType: 'clip' }, params: { mediaId: 'bad' } },
			{ code: 'media.notImage', at: { kind: 'item', index: 1, itemType: 'photo' }, params: { mediaId: 'bad' } },
			{ code: 'media.heic', at: { kind: 'item', index: 2, itemType: 'clip' }, params: { mediaId: 'heic' } },
			{ code: 'media.missing', at: { kind: 'item', index: 3, itemType: 'clip' }, params: { mediaId: 'absent' } },
			{ code: 'media.missing', at: { kind: 'overlay', index: 0, overlayType: 'logo' }, params: { mediaId: 'gone' } },
			{ code: 'media.unreadable', at: { kind: 'music', label: 'Nhạc' }, params: { mediaId: 'bad' } },
		])
	})

	test('a clip needs a picture and a length; its in point must lie inside it', () => {
		const media: InspectedMedia = { song: ok(30, { video: false }), blank: ok(0), unknown: ok(null), c5: ok(5) }
		const edit = spec({
			timeline: [
				{ type: 'clip', mediaId: 'song', out: 1 },
				{ type: 'clip', mediaId: 'blank', out: 1 },
				{ type: 'clip', mediaId: 'unknown', out: 1 },
				{ type: 'clip', mediaId: 'c5', in: 5, out: 6 },
				{ type: 'clip', mediaId: 'c5', in: 4.5, out: 5.016 },
				{ type: 'clip', mediaId: 'c5', in: 4, out: 5.02 },
			],
		})
		expect(checkMedia(edit, media, limits)).toEqual([
			{ code: 'media.noVideo', at: { kind: 'item', index: 0, itemType: 'clip' }, params: { mediaId: 'song' } },
			{ code: 'media.noVideo', at: { kind: 'item', index: 1, itemType: 'clip' }, params: { mediaId: 'blank' } },
			{ code: 'media.noVideo', at: { kind: 'item', index: 2, itemType: 'clip' }, params: { mediaId: 'unknown' } },
			{ code: 'clip.inPastEnd', at: { kind: 'item', index: 3, itemType: 'clip' }, params: { in: 5, duration: 5 } },
			{ code: 'clip.outPastEnd', at: { kind: 'item', index: 5, itemType: 'clip' }, params: { out: 5.02, duration: 5 } },
		])
	})

	test('a picture of exactly the megapixel limit passes; one over it, photo or logo, is named with its size', () => {
		const media: InspectedMedia = { exact: picture(10_000, 10_000), over: picture(10_001, 10_000) }
		const edit = spec({ timeline: [{ type: 'photo', mediaId: 'exact' }, { type: 'photo', mediaId: 'over' }], overlays: [{ type: 'logo', mediaId: 'over' }] })
		expect(checkMedia(edit, media, limits)).toEqual([
			{ code: 'media.tooLarge', at: { kind: 'item', index: 1, itemType: 'photo' }, params: { mediaId: 'over', megapixels: 100, max: 100 } },
			{ code: 'media.tooLarge', at: { kind: 'overlay', index: 0, overlayType: 'logo' }, params: { mediaId: 'over', megapixels: 100, max: 100 } },
		])
	})

	test('music needs sound and a length; it must start before its end', () => {
		const media: InspectedMedia = { mute: ok(30, { audio: false }), empty: ok(0), song: ok(30) }
		const check = (mediaId: string, offset: number) => checkMedia(spec({ timeline: [{ type: 'title', lines: ['Chào'] }], audio: { music: { mediaId, offset } } }), media, limits)
		expect(check('mute', 0).map((i) => i.code)).toEqual(['media.noAudio'])
		expect(check('empty', 0).map((i) => i.code)).toEqual(['media.noAudio'])
		expect(check('song', 30)).toEqual([{ code: 'music.offsetPastEnd', at: { kind: 'music', label: undefined }, params: { offset: 30, duration: 30 } }])
		expect(check('song', 29.5)).toEqual([])
		expect(check('missing', 0).map((i) => i.code)).toEqual(['media.missing'])
	})
})
