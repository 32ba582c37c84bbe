import { describe, expect, test } from 'vitest'
import { coverCropBox, focusFromTap } from '~/studio/edits/crop-preview.ts'
import { addMedia, moveItem, removeItem, setCaptionLines, toggleFormat, trimClip, type PickableMedia } from '~/studio/edits/editor-state.ts'
import { parseRange } from '~/utils/file-response.server.ts'
import { renderFailureColumns, storedRenderFailure } from '~/studio/edits/render-view.ts'
import { formatSeconds } from '~/studio/edits/time-format.ts'
import { editSpecSchema, type EditSpec } from '~/studio/spec/edit-spec.ts'
import { readProgress } from '#workers/studio/render-results.ts'
import { renderIdOfJob } from '#workers/studio/render-bridge.ts'

const clip = (id: string, seconds: number, highlight: PickableMedia['highlight'] = null): PickableMedia => ({
	id,
	kind: 'video',
	displayName: `${id}.mp4`,
	durationMs: seconds * 1000,
	highlight,
})

function spec(): EditSpec {
	return editSpecSchema.parse({
		version: 1,
		timeline: [
			{ type: 'clip', mediaId: 'a', in: 0, out: 4 },
			{ type: 'photo', mediaId: 'b' },
			{ type: 'title', lines: ['Chè Shan tuyết'] },
		],
	})
}

describe('the draft of an edit', () => {
	test('moving keeps every item, in the new order, and the same objects (so a dragged row keeps its key)', () => {
		const before = spec()
		const after = moveItem(before, 0, 2)
		expect(after.timeline.map((item) => item.type)).toEqual(['photo', 'title', 'clip'])
		expect(after.timeline[2]).toBe(before.timeline[0])
		expect(moveItem(before, 0, 3)).toBe(before)
		expect(removeItem(before, 1).timeline.map((item) => item.type)).toEqual(['clip', 'title'])
	})

	test('a clip added from the library starts on its suggested highlight, else on its first seconds', () => {
		const added = addMedia(spec(), [clip('long', 180, { start: 42.123, end: 48.5 }), clip('short', 3), { id: 'p', kind: 'photo', displayName: 'p.jpg', durationMs: null, highlight: null }, { id: 'm', kind: 'audio', displayName: 'm.mp3', durationMs: 1000, highlight: null }])
		const [, , , first, second, photo] = added.timeline
		expect(added.timeline).toHaveLength(6)
		expect(first).toMatchObject({ type: 'clip', mediaId: 'long', in: 42.12, out: 48.5, label: 'long.mp4' })
		expect(second).toMatchObject({ type: 'clip', mediaId: 'short', in: 0, out: 3 })
		expect(photo).toMatchObject({ type: 'photo', mediaId: 'p' })
		// What the draft makes is a valid spec.
		expect(editSpecSchema.safeParse(added).success).toBe(true)
	})

	test('trimming stays inside the clip and never shorter than half a second', () => {
		expect(trimClip(spec(), 0, { in: -2, out: 30 }, 10).timeline[0]).toMatchObject({ in: 0, out: 10 })
		// Dragging the in point past the out point pushes it back.
		expect(trimClip(spec(), 0, { in: 3.9, out: 4 }, 10).timeline[0]).toMatchObject({ in: 3.5, out: 4 })
		// Dragging the out point before the in point pushes the out point on.
		const moved = trimClip(trimClip(spec(), 0, { in: 2, out: 4 }, 10), 0, { in: 2, out: 1 }, 10)
		expect(moved.timeline[0]).toMatchObject({ in: 2, out: 2.5 })
		expect(trimClip(spec(), 1, { in: 0, out: 1 }, 10)).toEqual(spec())
	})

	test('the last format cannot be switched off; captions come and go with their lines', () => {
		const one = spec()
		expect(toggleFormat(one, 'tiktok-reels', false)).toBe(one)
		expect(toggleFormat(one, 'square', true).output.formats).toEqual(['tiktok-reels', 'square'])
		const captioned = setCaptionLines(one, [{ start: 0, end: 1, text: 'Xin chào' }])
		expect(captioned.captions?.style.font).toBe('be-vietnam-pro')
		expect(setCaptionLines(captioned, []).captions).toBeUndefined()
	})

	test('the first caption line brings the same look as a stored track without a style', () => {
		const lines = [{ start: 0, end: 1, text: 'Xin chào' }]
		const stored = editSpecSchema.parse({ ...spec(), captions: { lines } })
		expect(setCaptionLines(spec(), lines).captions?.style).toEqual(stored.captions?.style)
	})
})

describe('the crop box drawn over the picture', () => {
	test('a landscape clip in a 9:16 frame keeps a tall strip centred on the focus, inside the picture', () => {
		const box = coverCropBox({ width: 1920, height: 1080 }, { width: 1080, height: 1920 }, { x: 0.5, y: 0.5 })
		expect(box.width).toBeCloseTo((9 / 16) * (9 / 16), 5)
		expect(box.left).toBeCloseTo(0.5 - box.width / 2, 5)
		expect(coverCropBox({ width: 1920, height: 1080 }, { width: 1080, height: 1920 }, { x: 0.98, y: 0.5 }).left).toBeCloseTo(1 - box.width, 5)
		// A portrait photo in a square frame is cut top and bottom instead.
		expect(coverCropBox({ width: 1000, height: 2000 }, { width: 1080, height: 1080 }, { x: 0.5, y: 0 })).toEqual({ left: 0, top: 0, width: 1, height: 0.5 })
	})

	test('a tap becomes a focus point in fractions of the picture', () => {
		expect(focusFromTap({ left: 10, top: 20, width: 200, height: 100 }, 60, 95)).toEqual({ x: 0.25, y: 0.75 })
		expect(focusFromTap({ left: 0, top: 0, width: 100, height: 100 }, 150, -5)).toEqual({ x: 1, y: 0 })
	})
})

test('times read as minutes, seconds and a tenth', () => {
	expect(formatSeconds(0)).toBe('0:00.0')
	expect(formatSeconds(7.46)).toBe('0:07.5')
	expect(formatSeconds(59.96)).toBe('1:00.0')
	expect(formatSeconds(185.2)).toBe('3:05.2')
})

test('byte ranges as browsers send them', () => {
	expect(parseRange(null, 1000)).toBeNull()
	expect(parseRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 })
	expect(parseRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 })
	expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
	expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 })
	expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable')
	expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull()
})

describe('render outcomes', () => {
	test('a stored failure reads back as the engine reported it, without the log detail', () => {
		const rejected = { code: 'rejected' as const, issues: [{ code: 'media.missing', params: { mediaId: 'x' }, at: { kind: 'item' as const, index: 2 } }] }
		expect(storedRenderFailure(renderFailureColumns(rejected))).toEqual(rejected)
		const failed = { code: 'outputTooLarge' as const, params: { mb: 61, maxMb: 50 }, detail: 'x'.repeat(20_000) }
		const columns = renderFailureColumns(failed)
		expect(columns.errorDetail).toHaveLength(8000)
		expect(storedRenderFailure(columns)).toEqual({ code: 'outputTooLarge', params: { mb: 61, maxMb: 50 } })
		expect(storedRenderFailure({ errorCode: null, errorParams: null })).toBeNull()
	})

	test('progress is read from numbers or objects and kept within 0..100; job ids map back to rows', () => {
		expect(readProgress(42.7)).toBe(42)
		expect(readProgress({ percent: 130 })).toBe(100)
		expect(readProgress('half')).toBeNull()
		expect(renderIdOfJob('render-ckabc')).toBe('ckabc')
		expect(renderIdOfJob('media-ckabc')).toBeNull()
	})
})
