import crypto from 'node:crypto'

// A visitor is recognised for an hour without keeping their address: the
// address is HMAC-ed with a salt of the UTC day (ClickSalt, deleted after two
// days, so no one can later recompute the hashes of all four billion IPv4
// addresses), and the visitor is that hash with the User-Agent.

/** The UTC day of an instant, as the ClickSalt key ("2026-12-07"). */
export function utcDay(at: Date): string {
	return at.toISOString().slice(0, 10)
}

export function hashIp(ip: string, salt: string): string {
	return crypto.createHmac('sha256', salt).update(ip).digest('hex')
}

export function visitorHash(ipHash: string, userAgent: string): string {
	return crypto.createHash('sha256').update(`${ipHash}\n${userAgent}`).digest('hex')
}

/** A click id for the product page's cookie: 128 random bits, URL-safe. */
export function newClickId(): string {
	return crypto.randomBytes(16).toString('base64url')
}

/** A fresh day salt. */
export function newSalt(): string {
	return crypto.randomBytes(32).toString('hex')
}
