import { describe, expect, test } from 'vitest'
import { countClicks, isRepeat, REPEAT_WINDOW_MS } from '~/links/click-count.ts'
import { hashIp, newClickId, newSalt, utcDay, visitorHash } from '~/links/visitor.ts'

const t0 = new Date('2026-12-07T03:00:00.000Z')
const at = (ms: number) => new Date(t0.getTime() + ms)

describe('isRepeat: the hour window', () => {
	test('within the hour repeats; exactly one hour later counts again', () => {
		expect(REPEAT_WINDOW_MS).toBe(3_600_000)
		expect(isRepeat(t0, t0)).toBe(true)
		expect(isRepeat(t0, at(1))).toBe(true)
		expect(isRepeat(t0, at(3_599_999))).toBe(true)
		expect(isRepeat(t0, at(3_600_000))).toBe(false)
		expect(isRepeat(t0, at(3_600_001))).toBe(false)
	})
	test('no earlier counted click, or one after this click, is no repeat', () => {
		expect(isRepeat(null, t0)).toBe(false)
		expect(isRepeat(undefined, t0)).toBe(false)
		expect(isRepeat(at(1), t0)).toBe(false)
	})
})

describe('countClicks', () => {
	test('the same visitor on the same link counts once an hour, measured from the last counted click', () => {
		const pending = [0, 50, 59, 60, 110, 120].map((minutes) => ({ key: 'v:l', at: at(minutes * 60_000), bot: false }))
		expect(countClicks(pending, new Map())).toEqual([true, false, false, true, false, true])
	})
	test('another link or another visitor counts on its own', () => {
		const pending = [
			{ key: 'v1:l1', at: t0, bot: false },
			{ key: 'v1:l2', at: at(1), bot: false },
			{ key: 'v2:l1', at: at(2), bot: false },
			{ key: 'v1:l1', at: at(3), bot: false },
		]
		expect(countClicks(pending, new Map())).toEqual([true, true, true, false])
	})
	test('bots never count and do not start a window', () => {
		const pending = [
			{ key: 'v:l', at: t0, bot: true },
			{ key: 'v:l', at: at(1000), bot: false },
			{ key: 'v:l', at: at(2000), bot: true },
		]
		expect(countClicks(pending, new Map())).toEqual([false, true, false])
	})
	test('a counted click already stored opens the window; the list is taken in time order whatever its order', () => {
		const stored = new Map([['v:l', at(-30 * 60_000)]])
		const pending = [
			{ key: 'v:l', at: at(31 * 60_000), bot: false },
			{ key: 'v:l', at: at(29 * 60_000), bot: false },
			{ key: 'v:l', at: at(30 * 60_000), bot: false },
		]
		expect(countClicks(pending, stored)).toEqual([false, false, true])
		expect(stored.get('v:l')).toEqual(at(-30 * 60_000))
	})
	test('nothing pending, nothing counted', () => {
		expect(countClicks([], new Map())).toEqual([])
	})
})

describe('visitor hashing', () => {
	test('the day is the UTC day', () => {
		expect(utcDay(new Date('2026-12-07T23:59:59.999Z'))).toBe('2026-12-07')
		expect(utcDay(new Date('2026-12-07T17:30:00.000+07:00'))).toBe('2026-12-07')
		expect(utcDay(new Date('2026-12-08T06:59:00.000+07:00'))).toBe('2026-12-07')
	})
	test('HMAC-SHA256 of the address with the salt; the visitor adds the User-Agent', () => {
		// Known answers: HMAC-SHA256(key "salt", "203.0.113.7"); SHA-256("h\nua").
		expect(hashIp('203.0.113.7', 'salt')).toBe('549fe5bec61ee86fc9e958ee261c8c0515ef82b928d42f8e03519788722ead62')
		expect(visitorHash('h', 'ua')).toBe('a0d0f97142c52b4dfb9baa2376ac53a2c7252ae26931efdf8ee0ac11f5c2d3a0')
		expect(hashIp('203.0.113.7', 'salt')).not.toBe(hashIp('203.0.113.7', 'other'))
		expect(hashIp('203.0.113.7', 'salt')).not.toBe(hashIp('203.0.113.8', 'salt'))
		expect(visitorHash('h', 'ua')).not.toBe(visitorHash('h', 'ub'))
		expect(visitorHash('h', 'ua')).not.toBe(visitorHash('hx', 'ua'))
		expect(visitorHash('h', 'ua')).toMatch(/^[0-9a-f]{64}$/)
	})
	test('click ids and salts are random and URL-safe', () => {
		expect(newClickId()).toMatch(/^[A-Za-z0-9_-]{22}$/)
		expect(newClickId()).not.toBe(newClickId())
		expect(newSalt()).toMatch(/^[0-9a-f]{64}$/)
		expect(newSalt()).not.toBe(newSalt())
	})
})
