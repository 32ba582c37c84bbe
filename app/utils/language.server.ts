import { createI18n, DEFAULT_LANGUAGE, isLanguage, type Language } from './i18n.ts'
import './i18n-resources.server.ts'
import { languageCookie } from './language-cookie.server.ts'

/** The cookie set by the language switch wins; otherwise Vietnamese. */
export async function getLanguage(request: Request): Promise<Language> {
	const value = await languageCookie.parse(request.headers.get('cookie'))
	return isLanguage(value) ? value : DEFAULT_LANGUAGE
}

/** A translate function in the caller's language, for messages built on the server. */
export async function getT(request: Request) {
	const lng = await getLanguage(request)
	return { lng, t: createI18n(lng).t }
}
