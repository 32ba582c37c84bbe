import type { ResourceLanguage } from 'i18next'

/** One language's namespaces from its `import.meta.glob` of app/locales/<lng>/*.json (file name = namespace). */
export function namespacesFromFiles(files: Record<string, Record<string, unknown>>): ResourceLanguage {
	const strings: ResourceLanguage = {}
	for (const [file, namespace] of Object.entries(files)) {
		const match = /\/([\w-]+)\.json$/.exec(file)
		if (match) strings[match[1]] = namespace
	}
	return strings
}
