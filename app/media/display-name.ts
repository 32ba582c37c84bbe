// The person's file name is shown in the library and nothing else: paths are
// made from ids (app/media/storage.server.ts). Still, a name arrives from a
// phone unchecked, so it is cleaned before it is stored or shown.

export const DISPLAY_NAME_MAX_LENGTH = 120

// Control characters (\p{Cc}) and invisible format characters (\p{Cf}, which
// include the right-to-left override that can disguise "gpj.exe" as "exe.jpg").
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu

/**
 * A display name made from what the browser sent: NFC, no folder part, no
 * control or invisible characters, white space folded, no leading dots, and
 * at most DISPLAY_NAME_MAX_LENGTH characters with the extension kept.
 * Returns `fallback` when nothing usable is left.
 */
export function sanitizeDisplayName(raw: unknown, fallback: string): string {
	if (typeof raw !== 'string') return fallback
	const withoutFolders = raw.normalize('NFC').split(/[\\/]/).pop() ?? ''
	const cleaned = withoutFolders
		.replace(INVISIBLE, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[.\s]+/, '')
	if (!cleaned) return fallback
	return truncateKeepingExtension(cleaned, DISPLAY_NAME_MAX_LENGTH)
}

function graphemes(text: string): string[] {
	const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
	return Array.from(segmenter.segment(text), (s) => s.segment)
}

function truncateKeepingExtension(name: string, max: number): string {
	const characters = graphemes(name)
	if (characters.length <= max) return name
	// Without a dot, lastIndexOf gives -1: far more than 10 from the end of a name this long.
	const dot = name.lastIndexOf('.')
	const extension = name.length - dot <= 10 ? name.slice(dot) : ''
	const room = max - graphemes(extension).length - 1
	return `${characters.slice(0, room).join('').trimEnd()}…${extension}`
}
