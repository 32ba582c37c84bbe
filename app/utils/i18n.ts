import i18next, { type i18n as I18n, type ResourceLanguage } from 'i18next'
import { DEFAULT_LANGUAGE, type Language } from './i18n-languages.ts'

export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './i18n-languages.ts'

// Vietnamese first, English second. Strings live in app/locales/<lng>/<ns>.json,
// one namespace per area of the product. Each language is one chunk of its own
// (locale-vi.ts, locale-en.ts glob their folder, so adding a namespace needs no
// edit here): the browser downloads only the person's language, before it
// hydrates (entry.client.tsx); the server registers every language at start
// (i18n-resources.server.ts). docs/decisions/128-page-weight.md.
// (Vite-only: code run by tsx imports i18n-languages.ts and money.ts instead.)

const loaders: Record<Language, () => Promise<{ default: ResourceLanguage }>> = {
	vi: () => import('./locale-vi.ts'),
	en: () => import('./locale-en.ts'),
}

const loaded: Partial<Record<Language, ResourceLanguage>> = {}

/** Makes a language's strings available synchronously to createI18n (the server does it for every language). */
export function registerLanguage(lng: Language, strings: ResourceLanguage) {
	loaded[lng] = strings
}

export function isLanguageLoaded(lng: Language): boolean {
	return loaded[lng] !== undefined
}

/** Downloads a language's chunk once; in the browser, before the first render that needs it. */
export async function loadLanguage(lng: Language): Promise<void> {
	if (!loaded[lng]) loaded[lng] = (await loaders[lng]()).default
}

/**
 * An i18next instance in `lng`, from the strings loaded so far. Falls back to
 * Vietnamese where it is loaded (the locale test keeps both languages' keys
 * the same, so the fallback only matters while a key is being added).
 */
export function createI18n(lng: Language): I18n {
	const resources: Record<string, ResourceLanguage> = {}
	for (const [language, strings] of Object.entries(loaded)) if (strings) resources[language] = strings
	const instance = i18next.createInstance()
	void instance.init({
		lng,
		fallbackLng: DEFAULT_LANGUAGE,
		resources,
		ns: Object.keys(loaded[lng] ?? loaded[DEFAULT_LANGUAGE] ?? {}),
		defaultNS: 'common',
		interpolation: { escapeValue: false },
		initImmediate: false,
		returnNull: false,
		showSupportNotice: false,
	})
	return instance
}
