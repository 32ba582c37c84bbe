// The languages, without the locale files, so that code outside Vite (the
// worker, the CLI under tsx) can import them; i18n.ts loads the strings.
export const LANGUAGES = ['vi', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'vi'

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * One language's namespaces from an `import.meta.glob` of app/locales/<lng>/*.json
 * (file name = namespace). Here, in a module every page has already loaded, so
 * that a language's chunk (locale-vi.ts, locale-en.ts) needs no other request.
 */
export function namespacesFromFiles(files: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
	const strings: Record<string, Record<string, unknown>> = {}
	for (const [file, namespace] of Object.entries(files)) {
		const match = /\/([\w-]+)\.json$/.exec(file)
		if (match) strings[match[1]] = namespace
	}
	return strings
}
