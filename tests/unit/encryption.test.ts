import { randomBytes } from 'node:crypto'
import { expect, test } from 'vitest'
import {
	DecryptionError,
	decryptWith,
	encryptionKeyId,
	encryptWith,
	isUnderOldKey,
	makeKeyring,
	reencryptWith,
} from '~/utils/encryption.server.ts'

const keyA = randomBytes(32)
const keyB = randomBytes(32)
const ringA = makeKeyring(keyA)

function reasonOf(work: () => unknown) {
	try {
		work()
	} catch (error) {
		expect(error).toBeInstanceOf(DecryptionError)
		return (error as DecryptionError).reason
	}
	throw new Error('the value was read')
}

/** Flips one bit of the decoded bytes of part `index` (1 key id, 2 nonce, 3 ciphertext+tag) at `byte` (negative: from the end). */
function flipBit(stored: string, index: number, byte: number) {
	const parts = stored.split('.')
	const bytes = Buffer.from(parts[index], 'base64url')
	bytes[byte < 0 ? bytes.length + byte : byte] ^= 0x01
	parts[index] = bytes.toString('base64url')
	return parts.join('.')
}

test('a value round-trips, in the documented format, with a fresh nonce every time', () => {
	const token = 'EAAGm0PX4ZCpsBAKZC0x2Z'
	const first = encryptWith(ringA, token)
	const second = encryptWith(ringA, token)
	expect(first).toMatch(new RegExp(`^v1\\.${encryptionKeyId(keyA)}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+$`))
	expect(first).not.toBe(second)
	expect(first.split('.')[2]).not.toBe(second.split('.')[2])
	expect(first).not.toContain(token)
	expect(decryptWith(ringA, first)).toBe(token)
	expect(decryptWith(ringA, second)).toBe(token)
})

test('empty and unicode values survive, Vietnamese in both normal forms unchanged', () => {
	for (const value of ['', 'Chè Shan tuyết Suối Giàng', 'Che\u0300 Shan tuye\u0302\u0301t', '🍵'.repeat(1000), 'a\0b']) {
		expect(decryptWith(ringA, encryptWith(ringA, value))).toBe(value)
	}
})

test('any change to the key id, the nonce, the ciphertext or the tag is detected', () => {
	const stored = encryptWith(ringA, 'page-token-123')
	expect(reasonOf(() => decryptWith(ringA, flipBit(stored, 2, 0)))).toBe('tampered')
	expect(reasonOf(() => decryptWith(ringA, flipBit(stored, 3, 0)))).toBe('tampered')
	expect(reasonOf(() => decryptWith(ringA, flipBit(stored, 3, -1)))).toBe('tampered')
	expect(reasonOf(() => decryptWith(ringA, flipBit(stored, 1, 0)))).toBe('unknown-key')
	// The id of another configured key on this value: authenticated with the value, so refused too.
	const ringAB = makeKeyring(keyA, [keyB])
	const relabelled = stored.replace(encryptionKeyId(keyA), encryptionKeyId(keyB))
	expect(reasonOf(() => decryptWith(ringAB, relabelled))).toBe('tampered')
	expect(reasonOf(() => decryptWith(ringA, stored.slice(0, -4)))).toBe('tampered')
	expect(reasonOf(() => decryptWith(ringA, stored.replace(/^v1/, 'v2')))).toBe('format')
	expect(reasonOf(() => decryptWith(ringA, 'page-token-123'))).toBe('format')
	expect(reasonOf(() => decryptWith(ringA, `${stored.split('.').slice(0, 3).join('.')}.AAAA`))).toBe('format')
})

test('a value is refused by a keyring without its key', () => {
	const stored = encryptWith(ringA, 'secret')
	expect(reasonOf(() => decryptWith(makeKeyring(keyB), stored))).toBe('unknown-key')
	expect((() => {
		try {
			decryptWith(makeKeyring(keyB), stored)
		} catch (error) {
			return (error as Error).message
		}
	})()).toContain(encryptionKeyId(keyA))
})

test('after a rotation old values stay readable, and re-encryption moves them to the new key', () => {
	const underA = encryptWith(ringA, 'zalo-refresh-token')
	const rotated = makeKeyring(keyB, [keyA])
	expect(decryptWith(rotated, underA)).toBe('zalo-refresh-token')
	expect(isUnderOldKey(rotated, underA)).toBe(true)
	const underB = encryptWith(rotated, 'new-token')
	expect(underB.split('.')[1]).toBe(encryptionKeyId(keyB))

	const moved = reencryptWith(rotated, underA)
	expect(moved.split('.')[1]).toBe(encryptionKeyId(keyB))
	expect(isUnderOldKey(rotated, moved)).toBe(false)
	expect(decryptWith(makeKeyring(keyB), moved)).toBe('zalo-refresh-token')
	expect(reencryptWith(rotated, underB)).toBe(underB)
	// Once the old key is dropped from the list, values not moved are refused.
	expect(reasonOf(() => decryptWith(makeKeyring(keyB), underA))).toBe('unknown-key')
})

test('keys are 32 bytes', () => {
	expect(() => makeKeyring(randomBytes(16))).toThrow('32 bytes')
	expect(() => makeKeyring(keyA, [randomBytes(31)])).toThrow('32 bytes')
})
