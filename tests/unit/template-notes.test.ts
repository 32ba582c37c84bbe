import { describe, expect, test } from 'vitest'
import { TEMPLATES, describeTemplateMessage, templatesTranslator, type TemplateChoices, type TemplateNote } from '~/studio/templates/index.ts'
import { noteSearchParams, readNoteSearchParams } from '~/studio/templates/note-params.ts'
import { TEMPLATE_NOTE_CODES, type TemplateMedia } from '~/studio/templates/types.ts'
import { templateContext } from '~/studio/templates/translator.ts'

// A template's notes go into the editor's address and come back out with
// their values, so no placeholder such as "{{seconds}}" reaches the screen.

const photo = (id: string): TemplateMedia => ({ mediaId: id, kind: 'photo', label: `${id}.jpg`, width: 4000, height: 3000 })
const bare: TemplateChoices = {
	media: [photo('p1'), photo('p2'), photo('p3')],
	product: { name: 'Chè Shan tuyết' },
	coop: { name: 'HTX Chè Tủa Chùa' },
	formats: ['tiktok-reels'],
}

/** Every note the templates give for a co-op with no logo, phone or links and a product with no price. */
function notesFromTemplates(): TemplateNote[] {
	return TEMPLATES.flatMap((template) => {
		const result = template.build({ ...bare, media: bare.media.slice(0, template.needs.minVisuals), promotion: { newPriceVnd: 1000, oldPriceVnd: 2000 } }, templateContext('vi'))
		return result.ok ? result.notes : []
	})
}

describe('template notes in the editor address', () => {
	test('the templates give every kind of note for a bare co-op', () => {
		expect(new Set(notesFromTemplates().map((note) => note.code))).toEqual(new Set(TEMPLATE_NOTE_CODES))
	})

	test.each(['vi', 'en'] as const)('every note reads whole in %s after the trip through the address', (language) => {
		const notes = notesFromTemplates()
		const address = `/studio/e1?${noteSearchParams(notes).toString()}`
		const back = readNoteSearchParams(new URL(address, 'http://localhost').searchParams)
		expect(back.map((note) => note.code)).toEqual([...new Set(notes.map((note) => note.code))])
		const t = templatesTranslator(language)
		for (const note of back) {
			const text = describeTemplateMessage(note, 'notes', t)
			expect(text, note.code).not.toContain('{{')
			expect(text, note.code).not.toMatch(/studio-templates:|notes\./)
		}
		expect(describeTemplateMessage(back.find((note) => note.code === 'shortVideo')!, 'notes', t)).toMatch(/\d+/)
	})

	test('unknown codes and oversized values in a hand-typed address are dropped', () => {
		const params = new URLSearchParams({ notes: 'noLogo,<script>,shortVideo', 'shortVideo.seconds': 'x'.repeat(500) })
		expect(readNoteSearchParams(params)).toEqual([{ code: 'noLogo' }, { code: 'shortVideo' }])
		expect(readNoteSearchParams(new URLSearchParams())).toEqual([])
		expect(noteSearchParams([]).toString()).toBe('')
	})
})

test('a value of exactly 100 characters is kept; one of 101 is dropped', () => {
	const hundred = 'x'.repeat(100)
	expect(readNoteSearchParams(new URLSearchParams({ notes: 'shortVideo', 'shortVideo.seconds': hundred }))).toEqual([{ code: 'shortVideo', params: { seconds: hundred } }])
	expect(readNoteSearchParams(new URLSearchParams({ notes: 'shortVideo', 'shortVideo.seconds': `${hundred}x` }))).toEqual([{ code: 'shortVideo' }])
})
