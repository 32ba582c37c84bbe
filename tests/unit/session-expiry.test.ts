import { expect, test } from 'vitest'
import { nextSessionExpiry, SESSION_MAX_AGE_MS, SESSION_TTL_MS } from '~/utils/session-expiry.ts'

const DAY = 24 * 60 * 60 * 1000
const signIn = new Date('2026-01-01T08:00:00Z')
const at = (days: number) => new Date(signIn.getTime() + days * DAY)

/** A session signed in at `signIn` and last extended `lastExtendedDay` days after it. */
function session(lastExtendedDay: number) {
	return { createdAt: signIn, expiresAt: new Date(at(lastExtendedDay).getTime() + SESSION_TTL_MS) }
}

test('the limits are 30 days from the last use and 180 days from sign-in', () => {
	expect(SESSION_TTL_MS).toBe(30 * DAY)
	expect(SESSION_MAX_AGE_MS).toBe(180 * DAY)
})

test('a session used more than a day after its last extension lives 30 more days from now', () => {
	expect(nextSessionExpiry(session(0), at(2))).toEqual(at(32))
	expect(nextSessionExpiry(session(40), at(41.5))).toEqual(at(71.5))
	// Unused for 29 days, still alive: it slides too.
	expect(nextSessionExpiry(session(0), at(29))).toEqual(at(59))
})

test('within a day of the last extension nothing is written', () => {
	expect(nextSessionExpiry(session(0), at(0))).toBeNull()
	expect(nextSessionExpiry(session(0), at(0.99))).toBeNull()
	expect(nextSessionExpiry(session(10), at(10.5))).toBeNull()
	expect(nextSessionExpiry(session(10), at(11))).toEqual(at(41))
})

test('an expired session is not brought back', () => {
	expect(nextSessionExpiry(session(0), at(30))).toBeNull()
	expect(nextSessionExpiry(session(0), at(45))).toBeNull()
})

test('no session lives past 180 days after sign-in, however often it is used', () => {
	// Last extended on day 148 (to day 178): on day 170 it may only reach day 180.
	expect(nextSessionExpiry(session(148), at(170))).toEqual(at(180))
	const atLimit = { createdAt: signIn, expiresAt: at(180) }
	expect(nextSessionExpiry(atLimit, at(172))).toBeNull()
	expect(nextSessionExpiry(atLimit, at(179.9))).toBeNull()
	expect(nextSessionExpiry(atLimit, at(180))).toBeNull()
	expect(nextSessionExpiry(atLimit, at(200))).toBeNull()
})

test('used every day, a session is written once a day and ends 180 days after sign-in', () => {
	let current = session(0)
	let writes = 0
	let endedOn: number | null = null
	for (let hour = 6; hour <= 200 * 24; hour += 6) {
		const now = at(hour / 24)
		if (current.expiresAt <= now) {
			endedOn = hour / 24
			break
		}
		const next = nextSessionExpiry(current, now)
		if (next) {
			writes++
			current = { ...current, expiresAt: next }
		}
	}
	expect(endedOn).toBe(180)
	// One write a day (every fourth six-hourly read) until day 150, when the expiry reaches day 180.
	expect(writes).toBe(150)
})
