import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { captionSafeArea } from '~/studio/captions/safe-area.ts'
import type { CaptionStyle } from '~/studio/captions/schema.ts'
import { CAPTION_SIZES } from '~/studio/captions/style-choices.ts'
import { setCaptionLines, setCaptionStyle } from '~/studio/edits/editor-state.ts'
import { editSpecSchema } from '~/studio/spec/edit-spec.ts'
import { renderEdit } from '#workers/render/engine.ts'
import { boundsOf, countBrightTextPixels, frameAt, longestRunPerRow, makeColourClip, type Frame } from '#tests/support/render-checks.ts'

// The looks a director picks in the studio, through the real render: the
// spec is made by the same editor functions the screen uses, rendered as a
// 9:16 preview (360×640), and read back pixel by pixel. The clip is a mid
// grey: white words are brighter than it, the boxed preset's box darker.

const SIZE = { width: 360, height: 640 }
const SAFE = captionSafeArea(SIZE.width, SIZE.height)
const TOP_BAND = { x: 0, y: 0, width: SIZE.width, height: SIZE.height / 2 }
const BOTTOM_BAND = { x: 0, y: SIZE.height / 2, width: SIZE.width, height: SIZE.height / 2 }
const WHOLE = { x: 0, y: 0, width: SIZE.width, height: SIZE.height }
/** White fill only; the outline and shadow are dark, so this is all the text may overhang. */
const SLACK = 4

const isWhite = ([r, g, b]: [number, number, number]) => r > 200 && g > 200 && b > 200
const isDark = ([r, g, b]: [number, number, number]) => r < 110 && g < 110 && b < 110
/** Rows crossed by an unbroken dark run wider than any glyph with its outline: a box behind the words. */
const boxRows = (frame: Frame, region: typeof WHOLE) => longestRunPerRow(frame, region, isDark).filter((row) => row.length > 100)

/** Rows of text inside the bounds: runs of pixel rows with white in them, apart from each other by rows without. */
function textRowsOf(frame: Frame, bounds: { left: number; right: number; top: number; bottom: number }): number {
	let rows = 0
	let inText = false
	for (let y = bounds.top; y <= bounds.bottom; y++) {
		const white = countBrightTextPixels(frame, { x: bounds.left, y, width: bounds.right - bounds.left + 1, height: 1 }) > 0
		if (white && !inText) rows++
		inText = white
	}
	return rows
}

let dir: string
let clip: string

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caption-style-'))
	clip = await makeColourClip(path.join(dir, 'grey.mp4'), { ...SIZE, seconds: 2, background: '0x8C8C8C', tone: 440 })
})

afterAll(async () => {
	await fs.rm(dir, { recursive: true, force: true })
})

/** Renders a two-second clip with one caption line in the chosen look; the frame in the middle of the line. */
async function renderLook(name: string, look: Partial<CaptionStyle>, text = 'Chè Shan tuyết ngon'): Promise<Frame> {
	const bare = editSpecSchema.parse({ version: 1, timeline: [{ type: 'clip', mediaId: 'grey', in: 0, out: 2 }] })
	const spec = setCaptionStyle(setCaptionLines(bare, [{ start: 0.2, end: 1.8, text }]), look)
	const outputPath = path.join(dir, `${name}.mp4`)
	await renderEdit({ spec: editSpecSchema.parse(spec), mediaPaths: { grey: clip }, format: 'tiktok-reels', quality: 'preview', outputPath })
	return frameAt(outputPath, 1, SIZE)
}

describe('caption looks chosen in the studio, rendered', () => {
	test('"top" puts the words in the top band, below the platform tabs, and none in the bottom band', async () => {
		const frame = await renderLook('top', { position: 'top', preset: 'outline' })
		expect(countBrightTextPixels(frame, TOP_BAND)).toBeGreaterThan(100)
		expect(countBrightTextPixels(frame, BOTTOM_BAND)).toBe(0)
		const words = boundsOf(frame, WHOLE, isWhite)!
		expect(words.top).toBeGreaterThanOrEqual(SAFE.top - SLACK)
		// An outline only: no dark box behind the words.
		expect(boxRows(frame, WHOLE)).toHaveLength(0)
	})

	test('"boxed" draws a dark box behind the white words, where the words are', async () => {
		const frame = await renderLook('boxed-top', { position: 'top', preset: 'boxed' })
		const rows = boxRows(frame, TOP_BAND)
		// The box is at least a row of text tall (84 px at 1080 wide is 28 px here).
		expect(rows.length).toBeGreaterThan(20)
		expect(boxRows(frame, BOTTOM_BAND)).toHaveLength(0)
		const box = { top: Math.min(...rows.map((r) => r.y)), bottom: Math.max(...rows.map((r) => r.y)) }
		const words = boundsOf(frame, WHOLE, isWhite)!
		expect(words.top).toBeGreaterThanOrEqual(box.top)
		expect(words.bottom).toBeLessThanOrEqual(box.bottom)
		expect(countBrightTextPixels(frame, { x: 0, y: box.top, width: SIZE.width, height: box.bottom - box.top + 1 })).toBeGreaterThan(100)
	})

	test('large words in the middle wrap inside the safe margins, around the centre of the picture', async () => {
		const frame = await renderLook('large-middle', { position: 'middle', preset: 'outline', sizePx: CAPTION_SIZES.large }, 'Nghiêng nương chè Shan')
		const words = boundsOf(frame, WHOLE, isWhite)!
		expect(words.left).toBeGreaterThanOrEqual(SAFE.left - SLACK)
		expect(words.right).toBeLessThanOrEqual(SIZE.width - SAFE.right + SLACK)
		expect(words.top).toBeLessThan(SIZE.height / 2)
		expect(words.bottom).toBeGreaterThan(SIZE.height / 2)
		// Too wide for one row at this size, the line wrapped into two rather than ran off the sides.
		expect(textRowsOf(frame, words)).toBe(2)
	})
})
