import { expect, test } from 'vitest'
import { clampClipsToDecodable } from '~/studio/edits/decodable-range.ts'
import { parseEditSpec, type EditSpec } from '~/studio/spec/edit-spec.ts'

function spec(timeline: unknown[]): EditSpec {
	const parsed = parseEditSpec({ version: 1, timeline })
	if (!parsed.success) throw new Error(JSON.stringify(parsed.issues))
	return parsed.spec
}

test('an out point past what decodes is pulled back to it; clips inside their file and photos are untouched', () => {
	const input = spec([
		{ type: 'clip', mediaId: 'cut', label: 'cat-do.mp4', in: 2, out: 18 },
		{ type: 'clip', mediaId: 'whole', in: 0, out: 5 },
		{ type: 'photo', mediaId: 'photo', duration: 2 },
	])
	const { spec: clamped, issues } = clampClipsToDecodable(input, new Map([['cut', 10_033], ['whole', 20_000], ['photo', null]]))
	expect(issues).toEqual([])
	expect(clamped.timeline[0]).toMatchObject({ in: 2, out: 10.03 })
	expect(clamped.timeline[1]).toBe(input.timeline[1])
	expect(clamped.timeline[2]).toBe(input.timeline[2])
})

test('a clip that starts where its file no longer decodes is named, with the decodable length', () => {
	const input = spec([{ type: 'clip', mediaId: 'cut', label: 'cuoi-clip.mp4', in: 15, out: 18 }])
	const { issues } = clampClipsToDecodable(input, new Map([['cut', 10_000]]))
	expect(issues).toEqual([{ code: 'clip.inPastEnd', at: { kind: 'item', index: 0, itemType: 'clip', label: 'cuoi-clip.mp4' }, params: { in: 15, duration: 10 } }])
})

test('an unknown duration clamps nothing', () => {
	const input = spec([{ type: 'clip', mediaId: 'old', in: 0, out: 18 }])
	expect(clampClipsToDecodable(input, new Map()).spec.timeline[0]).toMatchObject({ out: 18 })
})
