import crypto from 'node:crypto'
import { afterEach, expect, test, vi } from 'vitest'
import { canFingerprint, FINGERPRINT_EDGE_BYTES, FINGERPRINT_PATTERN, fingerprintBlob } from '~/media/fingerprint.ts'

function reference(bytes: Buffer) {
	const edge = FINGERPRINT_EDGE_BYTES
	const parts = bytes.length > 2 * edge ? [bytes.subarray(0, edge), bytes.subarray(bytes.length - edge)] : [bytes]
	return crypto.createHash('sha256').update(`${bytes.length}:`).update(Buffer.concat(parts)).digest('hex')
}

test.each([0, 10, FINGERPRINT_EDGE_BYTES - 1, FINGERPRINT_EDGE_BYTES, FINGERPRINT_EDGE_BYTES + 5, 2 * FINGERPRINT_EDGE_BYTES + 1, 2 * FINGERPRINT_EDGE_BYTES, 3 * FINGERPRINT_EDGE_BYTES + 7])(
	'a %i-byte file: size, first and last MiB',
	async (size) => {
		const bytes = crypto.randomBytes(size)
		expect(await fingerprintBlob(new Blob([bytes]))).toBe(reference(bytes))
	},
)

test('a change in the middle of a big file is not seen (the full sha256 decides), one at the end is', async () => {
	const bytes = crypto.randomBytes(5 * FINGERPRINT_EDGE_BYTES)
	const original = await fingerprintBlob(new Blob([bytes]))
	const middle = Buffer.from(bytes)
	middle[2 * FINGERPRINT_EDGE_BYTES] ^= 0xff
	expect(await fingerprintBlob(new Blob([middle]))).toBe(original)
	const end = Buffer.from(bytes)
	end[end.length - 1] ^= 0xff
	expect(await fingerprintBlob(new Blob([end]))).not.toBe(original)
})

test('a fingerprint is 64 lowercase hex digits', async () => {
	const print = await fingerprintBlob(new Blob([crypto.randomBytes(300)]))
	expect(print).toMatch(FINGERPRINT_PATTERN)
	expect(FINGERPRINT_PATTERN.test(print.toUpperCase())).toBe(false)
})

afterEach(() => {
	vi.unstubAllGlobals()
})

test('fingerprinting is offered only where WebCrypto can digest (not on a plain-HTTP page)', () => {
	expect(canFingerprint()).toBe(true)
	vi.stubGlobal('crypto', {})
	expect(canFingerprint()).toBe(false)
	vi.stubGlobal('crypto', { subtle: { digest: 'no' } })
	expect(canFingerprint()).toBe(false)
	vi.stubGlobal('crypto', undefined)
	expect(canFingerprint()).toBe(false)
})
