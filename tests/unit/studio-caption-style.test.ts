import { describe, expect, test } from 'vitest'
import { captionSafeArea } from '~/studio/captions/safe-area.ts'
import { captionStyleSchema } from '~/studio/captions/schema.ts'
import { CAPTION_SIZES, HIGHLIGHT_COLOURS, highlightChoiceOf, sizeChoiceOf } from '~/studio/captions/style-choices.ts'
import { setCaptionLines, setCaptionStyle } from '~/studio/edits/editor-state.ts'
import { editSpecSchema, type EditSpec } from '~/studio/spec/edit-spec.ts'
import { OUTPUT_FORMATS } from '~/studio/spec/formats.ts'

function spec(): EditSpec {
	return editSpecSchema.parse({ version: 1, timeline: [{ type: 'clip', mediaId: 'a', in: 0, out: 4 }] })
}

const captioned = () => setCaptionLines(spec(), [{ start: 0, end: 2, text: 'Chè Shan tuyết ngon' }])

describe('choosing how the captions look', () => {
	test('changes only the chosen parts of the style, keeps the lines, and stays a valid spec', () => {
		const before = captioned()
		const after = setCaptionStyle(before, { position: 'top', preset: 'boxed' })
		expect(after.captions?.style).toEqual({ ...before.captions!.style, position: 'top', preset: 'boxed' })
		expect(after.captions?.lines).toBe(before.captions?.lines)
		expect(before.captions?.style.position).toBe('bottom')
		expect(editSpecSchema.safeParse(after).success).toBe(true)

		const larger = setCaptionStyle(after, { sizePx: CAPTION_SIZES.large, highlightColor: HIGHLIGHT_COLOURS.pink })
		expect(larger.captions?.style).toMatchObject({ position: 'top', preset: 'boxed', sizePx: 110, highlightColor: '#FF5FA2' })
	})

	test('the chosen look survives new caption lines (re-timing, transcription)', () => {
		const styled = setCaptionStyle(captioned(), { position: 'middle', preset: 'outline' })
		const retimed = setCaptionLines(styled, [{ start: 1, end: 3, text: 'Búp chè một tôm hai lá' }])
		expect(retimed.captions?.style).toEqual(styled.captions?.style)
	})

	test('without caption lines there is nothing to style: the spec comes back as it was', () => {
		const bare = spec()
		expect(setCaptionStyle(bare, { position: 'top' })).toBe(bare)
		expect(setCaptionStyle(bare, { position: 'top' }).captions).toBeUndefined()
	})

	test('choosing what is already chosen returns the same spec, so nothing shows as unsaved', () => {
		const before = captioned()
		expect(setCaptionStyle(before, { position: 'bottom', preset: 'highlight' })).toBe(before)
		expect(setCaptionStyle(before, { position: 'top' })).not.toBe(before)
	})
})

describe('the offered choices', () => {
	test('every size and colour is one the spec accepts, and is recognised back from the spec', () => {
		for (const [choice, sizePx] of Object.entries(CAPTION_SIZES)) {
			expect(captionStyleSchema.safeParse({ sizePx }).success).toBe(true)
			expect(sizeChoiceOf(sizePx)).toBe(choice)
		}
		for (const [choice, colour] of Object.entries(HIGHLIGHT_COLOURS)) {
			expect(captionStyleSchema.safeParse({ highlightColor: colour }).success).toBe(true)
			expect(highlightChoiceOf(colour.toLowerCase())).toBe(choice)
		}
		expect(sizeChoiceOf(96)).toBeNull()
		expect(highlightChoiceOf('#123456')).toBeNull()
	})

	test('at the largest size a long Vietnamese syllable fits one row inside the safe area of every 1080-wide format', () => {
		// Be Vietnam Pro ExtraBold advances about 0.62 em a letter (the ASS builder's estimate); allow a wide 0.75 em.
		const longest = 'nghiêng'.length
		for (const format of Object.values(OUTPUT_FORMATS).filter((f) => f.width >= 1080)) {
			const safe = captionSafeArea(format.width, format.height)
			expect(longest * 0.75 * CAPTION_SIZES.large).toBeLessThan(format.width - safe.left - safe.right)
		}
	})
})
