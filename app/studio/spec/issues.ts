import type { ZodIssue } from 'zod'

// A problem found in an edit, as data: a code, the values the message needs
// and where it is. The words live in app/locales/{vi,en}/studio.json
// (describeSpecIssue in messages.ts), so the studio, the worker log and the
// command line say the same thing in the person's language.

export type IssueLocation =
	| { kind: 'item'; index: number; itemType?: string; label?: string }
	| { kind: 'overlay'; index: number; overlayType?: string }
	| { kind: 'caption'; index: number }
	| { kind: 'captions' }
	| { kind: 'audio' }
	| { kind: 'music'; label?: string }
	| { kind: 'output' }
	| { kind: 'spec' }

export type SpecIssue = {
	code: string
	params: Record<string, string | number>
	at: IssueLocation
}

export function issue(code: string, at: IssueLocation, params: SpecIssue['params'] = {}): SpecIssue {
	return { code, at, params }
}

type RawSpec = {
	timeline?: { type?: unknown; label?: unknown }[]
	overlays?: { type?: unknown }[]
	audio?: { music?: { label?: unknown } }
}

/** Turns Zod's issues into located, translatable ones. `raw` is the input, used to name the item. */
export function specIssuesFromZod(issues: readonly ZodIssue[], raw: unknown): SpecIssue[] {
	return issues.map((zodIssue) => {
		const { at, field } = locate(zodIssue.path, raw as RawSpec)
		return { ...describeZodIssue(zodIssue, field), at }
	})
}

function locate(path: readonly (string | number)[], raw: RawSpec): { at: IssueLocation; field: string } {
	const [section, index, ...rest] = path
	const tail = (parts: readonly (string | number)[]) => parts.join('.')
	const safe = raw && typeof raw === 'object' ? raw : {}
	if (section === 'timeline' && typeof index === 'number') {
		const item = Array.isArray(safe.timeline) ? safe.timeline[index] : undefined
		return {
			at: {
				kind: 'item',
				index,
				itemType: typeof item?.type === 'string' ? item.type : undefined,
				label: typeof item?.label === 'string' && item.label ? item.label : undefined,
			},
			field: tail(rest),
		}
	}
	if (section === 'overlays' && typeof index === 'number') {
		const overlay = Array.isArray(safe.overlays) ? safe.overlays[index] : undefined
		return {
			at: { kind: 'overlay', index, overlayType: typeof overlay?.type === 'string' ? overlay.type : undefined },
			field: tail(rest),
		}
	}
	if (section === 'captions' && index === 'lines' && typeof rest[0] === 'number') {
		return { at: { kind: 'caption', index: rest[0] }, field: tail(rest.slice(1)) }
	}
	if (section === 'captions') return { at: { kind: 'captions' }, field: tail(path.slice(1)) }
	if (section === 'audio' && index === 'music') {
		const musicLabel = safe.audio?.music?.label
		return { at: { kind: 'music', label: typeof musicLabel === 'string' ? musicLabel : undefined }, field: tail(rest) }
	}
	if (section === 'audio') return { at: { kind: 'audio' }, field: tail(path.slice(1)) }
	if (section === 'output') return { at: { kind: 'output' }, field: tail(path.slice(1)) }
	return { at: { kind: 'spec' }, field: tail(path) }
}

function describeZodIssue(zodIssue: ZodIssue, field: string): Omit<SpecIssue, 'at'> {
	switch (zodIssue.code) {
		case 'invalid_type':
			if (zodIssue.received === 'undefined') return { code: 'field.required', params: { field } }
			if (zodIssue.expected === 'integer') return { code: 'field.notWhole', params: { field } }
			return { code: 'field.wrongType', params: { field, expected: zodIssue.expected } }
		case 'invalid_literal':
			return field === 'version'
				? { code: 'spec.unsupportedVersion', params: { version: String(zodIssue.received) } }
				: { code: 'field.invalid', params: { field, detail: zodIssue.message } }
		case 'invalid_enum_value':
			if (field === 'style.font') return { code: 'captions.unknownFont', params: { font: String(zodIssue.received), options: zodIssue.options.join(', ') } }
			return { code: 'field.notAllowed', params: { field, value: String(zodIssue.received), options: zodIssue.options.join(', ') } }
		case 'invalid_union_discriminator':
			return { code: 'field.unknownType', params: { options: zodIssue.options.map(String).join(', ') } }
		case 'too_small':
			if (zodIssue.type === 'array') return { code: 'field.tooFew', params: { field, min: Number(zodIssue.minimum) } }
			if (zodIssue.type === 'string') return { code: 'field.empty', params: { field } }
			return { code: 'field.tooSmall', params: { field, min: Number(zodIssue.minimum) } }
		case 'too_big':
			if (zodIssue.type === 'array') return { code: 'field.tooMany', params: { field, max: Number(zodIssue.maximum) } }
			if (zodIssue.type === 'string') return { code: 'field.textTooLong', params: { field, max: Number(zodIssue.maximum) } }
			return { code: 'field.tooBig', params: { field, max: Number(zodIssue.maximum) } }
		case 'invalid_string':
			if (zodIssue.validation === 'url') return { code: 'field.badUrl', params: { field } }
			if (zodIssue.validation === 'regex' && /colou?r$/i.test(field)) return { code: 'field.badColor', params: { field } }
			return { code: 'field.invalid', params: { field, detail: zodIssue.message } }
		case 'custom':
			// A refinement may name its own code (params.code) for a message of its own.
			return { code: typeof zodIssue.params?.code === 'string' ? zodIssue.params.code : 'field.invalid', params: { field, detail: zodIssue.message } }
		default:
			return { code: 'field.invalid', params: { field, detail: zodIssue.message } }
	}
}
