import { DEFAULT_TIME_ZONE } from './coop-contact.ts'

/**
 * A date and time as people of that language read them, in the co-op's zone
 * (never the server's, which usually runs in UTC). Loaders call this so the
 * server and the browser never disagree on the text.
 */
export function formatDateTime(date: Date, lng: string, timeZone: string = DEFAULT_TIME_ZONE) {
	return new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone,
	}).format(date)
}

export function formatDate(date: Date, lng: string, timeZone: string = DEFAULT_TIME_ZONE) {
	return new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium', timeZone }).format(date)
}
