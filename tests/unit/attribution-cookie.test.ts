import { describe, expect, test } from 'vitest'
import {
	CLICK_COOKIE_MAX_AGE_SECONDS,
	clickCookieHeader,
	clickCookieUpdate,
	isClickIdShaped,
	mergeClick,
	parseClickCookieValue,
	readClickCookie,
} from '~/links/attribution-cookie.ts'

describe('click id shape', () => {
	test('accepts 6 to 64 letters, digits, _ and -', () => {
		expect(isClickIdShaped('abc123')).toBe(true)
		expect(isClickIdShaped('A_b-9z')).toBe(true)
		expect(isClickIdShaped('x'.repeat(64))).toBe(true)
		expect(isClickIdShaped('abc12')).toBe(false)
		expect(isClickIdShaped('x'.repeat(65))).toBe(false)
		expect(isClickIdShaped('abc.123')).toBe(false)
		expect(isClickIdShaped('abc 123')).toBe(false)
		expect(isClickIdShaped(' abc123')).toBe(false)
		expect(isClickIdShaped('abc123 ')).toBe(false)
		expect(isClickIdShaped(null)).toBe(false)
		expect(isClickIdShaped(123456)).toBe(false)
	})
})

describe('reading the cookie', () => {
	test('a stored value is "first.last"', () => {
		expect(parseClickCookieValue('first1.last22')).toEqual({ first: 'first1', last: 'last22' })
		expect(parseClickCookieValue('')).toBeNull()
		expect(parseClickCookieValue(null)).toBeNull()
		expect(parseClickCookieValue(undefined)).toBeNull()
		expect(parseClickCookieValue('onlyone1')).toBeNull()
		expect(parseClickCookieValue('a1b2c3.d4e5f6.g7h8i9')).toBeNull()
		expect(parseClickCookieValue('bad!id.last22')).toBeNull()
		expect(parseClickCookieValue('first1.bad!id')).toBeNull()
	})

	test('finds its own cookie among others in the header', () => {
		expect(readClickCookie('cs_session=xyz; cs_click=first1.last22; lang=vi')).toEqual({ first: 'first1', last: 'last22' })
		expect(readClickCookie('cs_click=first1.last22')).toEqual({ first: 'first1', last: 'last22' })
		expect(readClickCookie('xcs_click=first1.last22')).toBeNull()
		expect(readClickCookie('noequals; cs_click = first1.last22 ')).toEqual({ first: 'first1', last: 'last22' })
		expect(readClickCookie('=x; cs_click=first1.last22')).toEqual({ first: 'first1', last: 'last22' })
		expect(readClickCookie('other=1')).toBeNull()
		expect(readClickCookie('')).toBeNull()
		expect(readClickCookie(null)).toBeNull()
	})
})

describe('merging a new click', () => {
	test('the first stays, the last is replaced', () => {
		expect(mergeClick(null, 'click1')).toEqual({ first: 'click1', last: 'click1' })
		expect(mergeClick({ first: 'click1', last: 'click2' }, 'click3')).toEqual({ first: 'click1', last: 'click3' })
	})

	test('the Set-Cookie header: 90 days, HttpOnly, SameSite=Lax, Secure only when asked', () => {
		expect(CLICK_COOKIE_MAX_AGE_SECONDS).toBe(7_776_000)
		expect(clickCookieHeader({ first: 'click1', last: 'click2' }, { secure: false })).toBe('cs_click=click1.click2; Path=/; Max-Age=7776000; HttpOnly; SameSite=Lax')
		expect(clickCookieHeader({ first: 'click1', last: 'click2' }, { secure: true })).toBe(
			'cs_click=click1.click2; Path=/; Max-Age=7776000; HttpOnly; SameSite=Lax; Secure',
		)
	})

	test('a request with ?c= sets the cookie; the same click again or none changes nothing', () => {
		expect(clickCookieUpdate(null, 'click1', { secure: false })).toEqual({
			ids: { first: 'click1', last: 'click1' },
			setCookie: 'cs_click=click1.click1; Path=/; Max-Age=7776000; HttpOnly; SameSite=Lax',
		})
		expect(clickCookieUpdate('cs_click=click1.click1', 'click2', { secure: true })).toEqual({
			ids: { first: 'click1', last: 'click2' },
			setCookie: 'cs_click=click1.click2; Path=/; Max-Age=7776000; HttpOnly; SameSite=Lax; Secure',
		})
		expect(clickCookieUpdate('cs_click=click1.click2', 'click2', { secure: false })).toEqual({ ids: { first: 'click1', last: 'click2' }, setCookie: null })
		expect(clickCookieUpdate('cs_click=click1.click2', null, { secure: false })).toEqual({ ids: { first: 'click1', last: 'click2' }, setCookie: null })
		expect(clickCookieUpdate('cs_click=click1.click2', 'bad id!', { secure: false })).toEqual({ ids: { first: 'click1', last: 'click2' }, setCookie: null })
		expect(clickCookieUpdate(null, null, { secure: false })).toEqual({ ids: null, setCookie: null })
	})
})
