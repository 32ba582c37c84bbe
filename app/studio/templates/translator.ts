import i18next, { type TFunction } from 'i18next'
import en from '~/locales/en/studio-templates.json'
import vi from '~/locales/vi/studio-templates.json'
import type { TemplateContext } from './types.ts'

// Templates write words into the picture. The web app passes the request's
// `t`; the command line and the tests, which have no request, use this one,
// built from the same JSON files (app/utils/i18n.ts reads them through Vite's
// import.meta.glob, which only exists inside Vite).

export function templatesTranslator(language: 'vi' | 'en' = 'vi'): TFunction {
	// Resources given inline: i18next initialises synchronously and knows every namespace in them.
	const instance = i18next.createInstance()
	void instance.init({
		lng: language,
		fallbackLng: 'vi',
		resources: { vi: { 'studio-templates': vi }, en: { 'studio-templates': en } },
		defaultNS: 'studio-templates',
		interpolation: { escapeValue: false },
		showSupportNotice: false,
	})
	return instance.t
}

/** The context a template needs to write in `language`. */
export function templateContext(language: 'vi' | 'en' = 'vi'): TemplateContext {
	return { t: templatesTranslator(language), language }
}
