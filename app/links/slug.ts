import crypto from 'node:crypto'
import { foldForMatching } from '~/utils/vietnamese.ts'

// Short addresses people type from a poster or read aloud: lower-case letters
// and digits without the look-alikes 0/o, 1/l/i (docs/decisions/182).
export const SLUG_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'

/** A random slug of `length` characters from SLUG_ALPHABET (31^6 ≈ 887 million for the default). */
export function randomSlug(length = 6): string {
	let out = ''
	while (out.length < length) out += slugFromBytes(crypto.randomBytes(length), length - out.length)
	return out
}

/**
 * Up to `length` characters from random bytes. Bytes 248–255 are skipped
 * (248 = 8 × 31) so that every character is equally likely.
 */
export function slugFromBytes(bytes: Uint8Array, length: number): string {
	let out = ''
	for (const byte of bytes) {
		if (out.length >= length) break
		if (byte < 248) out += SLUG_ALPHABET[byte % SLUG_ALPHABET.length]
	}
	return out
}

/** A readable public address for a product: its folded name, then 4 random characters ("che-shan-tuyet-a1-7kq2"). */
export function productSlug(name: string): string {
	const words = foldForMatching(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/g, '')
	return words ? `${words}-${randomSlug(4)}` : randomSlug(8)
}

/** True for what randomSlug/productSlug can make: guards the public routes before any lookup. */
export function isSlugShaped(value: string): boolean {
	return /^[a-z0-9](?:[a-z0-9-]{0,60}[a-z0-9])?$/.test(value)
}
