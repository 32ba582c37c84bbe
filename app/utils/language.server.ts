import { createCookie } from '@remix-run/node'
import { createI18n, DEFAULT_LANGUAGE, isLanguage, type Language } from './i18n.ts'

export const languageCookie = createCookie('lng', { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 })

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
