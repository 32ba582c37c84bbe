import { TEMPLATE_NOTE_CODES, type TemplateNote, type TemplateNoteCode } from './types.ts'

// A template's notes travel from "new video" to the editor in the address:
// `?notes=noLogo,shortVideo&shortVideo.seconds=12`. Each note's values ride
// beside its code, so the editor can fill in "Video chỉ dài 12 giây" rather
// than print the placeholder.

const NOTE_CODES: ReadonlySet<string> = new Set(TEMPLATE_NOTE_CODES)
/** A value longer than this is not one a template wrote. */
const MAX_VALUE_LENGTH = 100

export function noteSearchParams(notes: readonly TemplateNote[]): URLSearchParams {
	const params = new URLSearchParams()
	if (notes.length === 0) return params
	params.set('notes', notes.map((note) => note.code).join(','))
	for (const note of notes) {
		for (const [name, value] of Object.entries(note.params ?? {})) params.set(`${note.code}.${name}`, String(value))
	}
	return params
}

/** The notes in the address, with their values; unknown codes and oversized values are dropped. */
export function readNoteSearchParams(params: URLSearchParams): TemplateNote[] {
	const codes = (params.get('notes') ?? '').split(',').filter((code): code is TemplateNoteCode => NOTE_CODES.has(code))
	return [...new Set(codes)].map((code) => {
		const values: Record<string, string> = {}
		for (const [key, value] of params) {
			if (key.startsWith(`${code}.`) && value.length <= MAX_VALUE_LENGTH) values[key.slice(code.length + 1)] = value
		}
		return Object.keys(values).length > 0 ? { code, params: values } : { code }
	})
}
