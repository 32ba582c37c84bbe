import i18next, { type i18n as I18n, type Resource } from 'i18next'
import { DEFAULT_LANGUAGE, type Language } from './i18n-languages.ts'

export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './i18n-languages.ts'

// Vietnamese first, English second. Strings live in app/locales/<lng>/<ns>.json,
// one namespace per area of the product; this glob picks up every file so that
// adding a namespace needs no edit here. (Vite-only: code run by tsx imports
// i18n-languages.ts and money.ts instead.)

const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { eager: true, import: 'default' })

export const resources: Resource = {}
for (const [file, strings] of Object.entries(files)) {
	const match = /locales\/(\w+)\/([\w-]+)\.json$/.exec(file)
	if (!match) continue
	const [, lng, ns] = match
	resources[lng] ??= {}
	resources[lng][ns] = strings
}

export const namespaces = Object.keys(resources[DEFAULT_LANGUAGE] ?? {})

export function createI18n(lng: Language): I18n {
	const instance = i18next.createInstance()
	void instance.init({
		lng,
		fallbackLng: DEFAULT_LANGUAGE,
		resources,
		ns: namespaces,
		defaultNS: 'common',
		interpolation: { escapeValue: false },
		initImmediate: false,
		returnNull: false,
		showSupportNotice: false,
	})
	return instance
}
