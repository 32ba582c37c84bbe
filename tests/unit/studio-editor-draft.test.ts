import { describe, expect, test } from 'vitest'
import { coverCropBox, focusFromTap } from '~/studio/edits/crop-preview.ts'
import {
	addMedia,
	itemFromMedia,
	moveItem,
	removeOverlay,
	setCaptionLines,
	setMusic,
	toggleFormat,
	trimClip,
	updateItem,
	updateOverlay,
} from '~/studio/edits/editor-state.ts'
import { renderFailureColumns, storedRenderFailure, toRenderView } from '~/studio/edits/render-view.ts'
import { formatSeconds } from '~/studio/edits/time-format.ts'
import { editSpecSchema, type EditSpec } from '~/studio/spec/edit-spec.ts'

// The studio's draft of an edit, changed only through pure functions, and the
// render rows as the screen shows them (more in studio-editor.test.ts).

function spec(): EditSpec {
	return editSpecSchema.parse({
		version: 1,
		timeline: [
			{ type: 'clip', mediaId: 'a', in: 1, out: 4 },
			{ type: 'photo', mediaId: 'b' },
			{ type: 'title', lines: ['Chè Shan tuyết'] },
		],
		overlays: [
			{ type: 'logo', mediaId: 'logo', start: 0 },
			{ type: 'cta', text: 'Đặt hàng', start: 1 },
		],
	})
}
const types = (s: EditSpec) => s.timeline.map((item) => item.type)

describe('moving, changing and removing', () => {
	test('an item moves forwards and backwards; a move to where it is, or out of range, changes nothing', () => {
		const before = spec()
		expect(types(moveItem(before, 2, 0))).toEqual(['title', 'clip', 'photo'])
		expect(types(moveItem(before, 0, 1))).toEqual(['photo', 'clip', 'title'])
		for (const [from, to] of [
			[1, 1],
			[-1, 0],
			[0, -1],
			[3, 0],
			[0, 3],
		])
			expect(moveItem(before, from, to)).toBe(before)
	})

	test('a change reaches only the item it names', () => {
		const before = spec()
		const after = updateItem(before, 1, { label: 'Đồi chè' })
		expect(after.timeline[1]).toMatchObject({ type: 'photo', mediaId: 'b', label: 'Đồi chè' })
		expect(after.timeline[0]).toBe(before.timeline[0])
		expect(after.timeline[2]).toBe(before.timeline[2])
	})

	test('overlays are changed and removed by position', () => {
		const before = spec()
		const changed = updateOverlay(before, 1, { start: 2 })
		expect(changed.overlays[1]).toMatchObject({ type: 'cta', text: 'Đặt hàng', start: 2 })
		expect(changed.overlays[0]).toBe(before.overlays[0])
		expect(removeOverlay(before, 0).overlays.map((o) => o.type)).toEqual(['cta'])
		expect(removeOverlay(before, 1).overlays.map((o) => o.type)).toEqual(['logo'])
	})

	test('music is set and taken away without touching the rest of the sound', () => {
		const before = spec()
		const music = { mediaId: 'm', volume: 0.3, duckUnderSpeech: true, offset: 0 }
		const withMusic = setMusic(before, music)
		expect(withMusic.audio.music).toEqual(music)
		expect({ ...withMusic.audio, music: undefined }).toEqual({ ...before.audio, music: undefined })
		expect(setMusic(withMusic, undefined).audio.music).toBeUndefined()
	})

	test('a format switched on twice is listed once; one switched off goes', () => {
		const two = toggleFormat(spec(), 'square', true)
		expect(toggleFormat(two, 'square', true).output.formats).toEqual(['tiktok-reels', 'square'])
		expect(toggleFormat(two, 'tiktok-reels', false).output.formats).toEqual(['square'])
	})

	test('taking every caption line away keeps the rest of the edit', () => {
		const captioned = setCaptionLines(spec(), [{ start: 0, end: 1, text: 'Một' }])
		const bare = setCaptionLines(captioned, [])
		expect(bare.captions).toBeUndefined()
		expect(bare.timeline).toBe(captioned.timeline)
		expect(bare.overlays).toBe(captioned.overlays)
	})

	test('new caption lines keep the look already chosen', () => {
		const first = setCaptionLines(spec(), [{ start: 0, end: 1, text: 'Một' }])
		const styled = { ...first, captions: { ...first.captions!, style: { ...first.captions!.style, font: 'roboto' as never } } }
		const next = setCaptionLines(styled, [{ start: 0, end: 2, text: 'Hai' }])
		expect(next.captions).toEqual({ lines: [{ start: 0, end: 2, text: 'Hai' }], style: styled.captions.style })
	})
})

describe('items from the library', () => {
	const media = (kind: string, extra: object = {}) => ({ id: 'x', kind, displayName: 'x.file', durationMs: null, highlight: null, ...extra })

	test('a clip without a length or suggestion starts empty; a long one takes its first six seconds', () => {
		expect(itemFromMedia(media('video'))).toMatchObject({ in: 0, out: 0 })
		expect(itemFromMedia(media('video', { durationMs: 60_000 }))).toEqual({
			type: 'clip',
			mediaId: 'x',
			label: 'x.file',
			in: 0,
			out: 6,
			focus: { x: 0.5, y: 0.5 },
			fit: 'cover',
			keepSound: true,
			transitionIn: { type: 'fade', duration: 0.5 },
		})
		expect(itemFromMedia(media('video', { durationMs: 60_000, highlight: { start: 10.005, end: 14.999 } }))).toMatchObject({ in: 10.01, out: 15 })
	})

	test('a photo holds three seconds with a slow zoom; other kinds are not items', () => {
		expect(itemFromMedia(media('photo'))).toEqual({
			type: 'photo',
			mediaId: 'x',
			label: 'x.file',
			duration: 3,
			kenBurns: 'zoom-in',
			focus: { x: 0.5, y: 0.5 },
			fit: 'cover',
			transitionIn: { type: 'fade', duration: 0.5 },
		})
		expect(itemFromMedia(media('audio'))).toBeNull()
		expect(addMedia(spec(), [media('audio')]).timeline).toEqual(spec().timeline)
	})
})

describe('trimming a clip', () => {
	const trimmed = (range: { in: number; out: number }, source: number, min?: number) => {
		const item = trimClip(spec(), 0, range, source, min).timeline[0]
		return item.type === 'clip' ? [item.in, item.out] : null
	}

	test('a source of unknown length does not cut the out point', () => {
		expect(trimmed({ in: 1, out: 30 }, 0)).toEqual([1, 30])
		expect(trimmed({ in: 1, out: 2 }, 0)).toEqual([1, 2])
	})

	test('an in point near the end of the source leaves room for the shortest clip', () => {
		expect(trimmed({ in: 9.9, out: 10 }, 10)).toEqual([9.5, 10])
		expect(trimmed({ in: 9.9, out: 10 }, 10, 2)).toEqual([8, 10])
	})

	test('moving the out point close to the in point pushes the out point', () => {
		expect(trimmed({ in: 1, out: 1.2 }, 10)).toEqual([1, 1.5])
		expect(trimmed({ in: 1, out: 1.5 }, 10)).toEqual([1, 1.5])
		expect(trimmed({ in: 1, out: 1.2 }, 10, 1)).toEqual([1, 2])
	})

	test('moving the in point close to the out point pushes the in point back', () => {
		expect(trimmed({ in: 3.8, out: 4 }, 10)).toEqual([3.5, 4])
		expect(trimmed({ in: 0.2, out: 0.3 }, 10)).toEqual([0, 0.3])
	})

	test('a trim aimed at something that is not a clip, or not there, changes nothing', () => {
		const before = spec()
		expect(trimClip(before, 1, { in: 0, out: 1 }, 10)).toBe(before)
		expect(trimClip(before, 9, { in: 0, out: 1 }, 10)).toBe(before)
	})

	test('trims are kept to hundredths', () => {
		expect(trimmed({ in: 1.234, out: 3.456 }, 10)).toEqual([1.23, 3.46])
	})
})

describe('the crop box and a tap', () => {
	test('a wide frame on a tall picture keeps a band, kept inside the picture', () => {
		const band = coverCropBox({ width: 1080, height: 1920 }, { width: 1920, height: 1080 }, { x: 0.5, y: 0.9 })
		expect(band.width).toBe(1)
		expect(band.left).toBe(0)
		expect(band.height).toBeCloseTo((9 / 16) * (9 / 16), 6)
		expect(band.top).toBeCloseTo(1 - band.height, 6)
		expect(coverCropBox({ width: 1080, height: 1920 }, { width: 1920, height: 1080 }, { x: 0.5, y: 0 }).top).toBe(0)
	})

	test('a frame of the same shape shows the whole picture', () => {
		expect(coverCropBox({ width: 1080, height: 1920 }, { width: 540, height: 960 }, { x: 0.9, y: 0.1 })).toEqual({ left: 0, top: 0, width: 1, height: 1 })
	})

	test('a tap is read to a thousandth and kept inside the element', () => {
		expect(focusFromTap({ left: 0, top: 0, width: 3, height: 3 }, 1, 2)).toEqual({ x: 0.333, y: 0.667 })
		expect(focusFromTap({ left: 100, top: 100, width: 100, height: 100 }, 50, 250)).toEqual({ x: 0, y: 1 })
	})
})

test('times: negative reads as zero, whole minutes roll over', () => {
	expect(formatSeconds(-3)).toBe('0:00.0')
	expect(formatSeconds(600)).toBe('10:00.0')
	expect(formatSeconds(61.04)).toBe('1:01.0')
	expect(formatSeconds(9.99)).toBe('0:10.0')
})

describe('a render row as the screen shows it', () => {
	const row = {
		id: 'r1',
		editId: 'e1',
		format: 'tiktok-reels',
		quality: 'final',
		status: 'ready',
		progress: 100,
		metadata: JSON.stringify({ durationMs: 15_000, sizeBytes: 1000, width: 1080, height: 1920, loudness: null }),
		errorCode: null,
		errorParams: null,
		reusedFromId: null,
		handedOffAt: null,
		createdAt: new Date('2026-12-07T10:00:00Z'),
	}

	test('a finished render with its measurements', () => {
		expect(toRenderView(row)).toEqual({
			id: 'r1',
			editId: 'e1',
			format: 'tiktok-reels',
			quality: 'final',
			status: 'ready',
			progress: 100,
			metadata: { durationMs: 15_000, sizeBytes: 1000, width: 1080, height: 1920, loudness: null },
			failure: null,
			reused: false,
			handedOffAt: null,
			createdAt: '2026-12-07T10:00:00.000Z',
		})
	})

	test('a reused, handed-off render, and one still without measurements', () => {
		const view = toRenderView({ ...row, metadata: null, reusedFromId: 'r0', handedOffAt: new Date('2026-12-07T11:00:00Z') })
		expect(view).toMatchObject({ metadata: null, reused: true, handedOffAt: '2026-12-07T11:00:00.000Z' })
	})

	test('the failure shows only on a failed row', () => {
		const columns = renderFailureColumns({ code: 'ffmpegFailed', params: { exitCode: 1 }, detail: 'boom' })
		expect(columns).toEqual({ errorCode: 'ffmpegFailed', errorParams: '{"params":{"exitCode":1}}', errorDetail: 'boom' })
		expect(toRenderView({ ...row, status: 'failed', ...columns }).failure).toEqual({ code: 'ffmpegFailed', params: { exitCode: 1 } })
		expect(toRenderView({ ...row, status: 'cancelled', ...columns }).failure).toBeNull()
	})

	test('a failure stored without values, or without a cause', () => {
		expect(renderFailureColumns({ code: 'cancelled' })).toEqual({ errorCode: 'cancelled', errorParams: '{"params":{}}', errorDetail: null })
		expect(storedRenderFailure({ errorCode: 'unexpected', errorParams: null })).toEqual({ code: 'unexpected', params: undefined })
		expect(storedRenderFailure({ errorCode: 'rejected', errorParams: null })).toEqual({ code: 'rejected', issues: [] })
		expect(storedRenderFailure({ errorCode: 'rejected', errorParams: '{}' })).toEqual({ code: 'rejected', issues: [] })
		// The last 8 000 characters of a long cause are kept: ffmpeg says what went wrong at the end.
		expect(renderFailureColumns({ code: 'ffmpegFailed', detail: `${'a'.repeat(8000)}end` }).errorDetail).toBe(`${'a'.repeat(7997)}end`)
	})
})
