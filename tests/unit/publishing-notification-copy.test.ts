import { expect, test } from 'vitest'
import engagementEn from '~/locales/en/engagement.json'
import engagementVi from '~/locales/vi/engagement.json'
import en from '~/locales/en/notifications.json'
import vi from '~/locales/vi/notifications.json'
import { NOTIFICATION_KINDS } from '~/publishing/notifications.server.ts'
import { createI18n } from '~/utils/i18n.ts'
// The server's registry of both languages (the browser loads only its own).
import '~/utils/i18n-resources.server.ts'

const keys = (value: unknown, prefix = ''): string[] =>
	value && typeof value === 'object'
		? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
		: [prefix.slice(0, -1).replace(/_(one|other)$/, '')]

test('both languages say the same things', () => {
	expect([...new Set(keys(vi))].sort()).toEqual([...new Set(keys(en))].sort())
	expect(keys(engagementVi).sort()).toEqual(keys(engagementEn).sort())
})

test('every kind of notification reads as a sentence in both languages, with its names filled in', () => {
	for (const lng of ['vi', 'en'] as const) {
		const t = createI18n(lng).getFixedT(lng, 'notifications')
		for (const kind of NOTIFICATION_KINDS) {
			const text = t(`kind.${kind}`, { post: 'Chè búp', channel: 'Trang HTX', by: 'Lan', comment: 'Sửa giá.', reason: 'token_rejected', order: 'ĐH-0001', product: 'Chè búp', qty: 2, customer: 'Lan' })
			expect(text, `${lng} ${kind}`).not.toContain('kind.')
			expect(text, `${lng} ${kind}`).not.toContain('{{')
			expect(text).toMatch(/Chè búp|Trang HTX/)
		}
	}
	expect(createI18n('vi').getFixedT('vi', 'notifications')('bell.unread', { count: 3 })).toBe('Thông báo: 3 chưa đọc')
	expect(createI18n('en').getFixedT('en', 'notifications')('bell.unread', { count: 1 })).toBe('Notifications: 1 unread')
})
