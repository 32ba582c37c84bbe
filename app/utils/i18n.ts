import i18next, { type i18n as I18n, type Resource } from 'i18next'

// Vietnamese first, English second. Strings live in app/locales/<lng>/<ns>.json,
// one namespace per area of the product; this glob picks up every file so that
// adding a namespace needs no edit here.
export const LANGUAGES = ['vi', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'vi'

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

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

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

/** Formats a VND amount the way Vietnamese shoppers read it: 1.250.000 ₫. */
export function formatVnd(amount: number, lng: Language = DEFAULT_LANGUAGE) {
	return new Intl.NumberFormat(lng === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency: 'VND' }).format(amount)
}
