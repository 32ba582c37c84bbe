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

test('only clips are pulled back, even when a photo shares an id with a file cut short', () => {
	const input = spec([{ type: 'photo', mediaId: 'shared', duration: 2 }])
	expect(clampClipsToDecodable(input, new Map([['shared', 1000]])).spec.timeline[0]).toBe(input.timeline[0])
})

test('a clip that ends exactly where its file stops is left as it is; 0.2 s left to play is enough', () => {
	const exact = spec([{ type: 'clip', mediaId: 'cut', in: 0, out: 10.005 }])
	expect(clampClipsToDecodable(exact, new Map([['cut', 10_005]])).spec.timeline[0]).toBe(exact.timeline[0])
	const tight = spec([{ type: 'clip', mediaId: 'cut', in: 0.3, out: 4 }])
	const { spec: clamped, issues } = clampClipsToDecodable(tight, new Map([['cut', 500]]))
	expect(issues).toEqual([])
	expect(clamped.timeline[0]).toMatchObject({ in: 0.3, out: 0.5 })
})
