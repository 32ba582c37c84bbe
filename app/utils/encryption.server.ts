import crypto from 'node:crypto'
import { getEnv } from './env.server.ts'

// Secrets at rest (platform tokens): AES-256-GCM with a fresh 12-byte nonce
// per value, stored as one text column:
//
//   v1.<keyId>.<nonce>.<ciphertext and 16-byte tag>     (base64url parts)
//
// The key id names the key that encrypted the value, so ENCRYPTION_KEY can be
// rotated: new values use the current key, older ones stay readable through
// ENCRYPTION_KEYS_OLD until `npm run -s studio -- reencrypt` has rewritten
// them (docs/decisions/115-encryption-at-rest.md). "v1.<keyId>" is
// authenticated with the value, so it cannot be edited unnoticed either.

const VERSION = 'v1'
const ALGORITHM = 'aes-256-gcm'
const NONCE_BYTES = 12
const TAG_BYTES = 16
const STORED = /^v1\.([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]+)$/

export type EncryptionKey = { id: string; key: Buffer }
export type Keyring = { current: EncryptionKey; old: EncryptionKey[] }

/**
 * The id stored with each value: 8 base64url characters of a SHA-256 of the
 * key (48 bits: tells keys apart, says nothing usable about them).
 */
export function encryptionKeyId(key: Buffer): string {
	return crypto.createHash('sha256').update('coop-studio encryption key id\0').update(key).digest('base64url').slice(0, 8)
}

export function makeKeyring(current: Buffer, old: Buffer[] = []): Keyring {
	for (const key of [current, ...old]) if (key.length !== 32) throw new Error('An AES-256 key is 32 bytes')
	const named = (key: Buffer) => ({ id: encryptionKeyId(key), key })
	const currentKey = named(current)
	return { current: currentKey, old: old.map(named).filter((key) => key.id !== currentKey.id) }
}

/** Thrown where a value must be encrypted or read and no key is configured (development without .env). */
export class EncryptionKeyMissingError extends Error {
	constructor() {
		super(
			'Chưa có ENCRYPTION_KEY nên không mã hoá hay đọc được token; chạy `npm run up` (tự tạo khoá trong .env) hoặc đặt ENCRYPTION_KEY (`openssl rand -hex 32`). ' +
				'/ ENCRYPTION_KEY is not set, so tokens cannot be encrypted or read; run `npm run up` (it writes one into .env) or set ENCRYPTION_KEY.',
		)
		this.name = 'EncryptionKeyMissingError'
	}
}

/**
 * - `format`: not a value this module wrote (or cut short);
 * - `unknown-key`: written under a key that is neither ENCRYPTION_KEY nor in ENCRYPTION_KEYS_OLD;
 * - `tampered`: the key is known but the value fails authentication (changed, or another key with that id).
 */
export class DecryptionError extends Error {
	constructor(
		readonly reason: 'format' | 'unknown-key' | 'tampered',
		readonly keyId: string | null = null,
	) {
		super(
			reason === 'unknown-key'
				? `The value was encrypted with key ${keyId}, which is neither ENCRYPTION_KEY nor in ENCRYPTION_KEYS_OLD`
				: reason === 'tampered'
					? 'The encrypted value failed authentication: it was changed, or the key is wrong'
					: 'Not an encrypted value (expected v1.<keyId>.<nonce>.<ciphertext>)',
		)
		this.name = 'DecryptionError'
	}
}

function header(keyId: string) {
	return `${VERSION}.${keyId}`
}

export function encryptWith(keyring: Keyring, plaintext: string): string {
	const { id, key } = keyring.current
	const nonce = crypto.randomBytes(NONCE_BYTES)
	const cipher = crypto.createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES })
	cipher.setAAD(Buffer.from(header(id)))
	const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
	return `${header(id)}.${nonce.toString('base64url')}.${sealed.toString('base64url')}`
}

function parseStored(stored: string) {
	const match = STORED.exec(stored)
	if (!match) throw new DecryptionError('format')
	const [, keyId, nonceText, sealedText] = match
	const nonce = Buffer.from(nonceText, 'base64url')
	const sealed = Buffer.from(sealedText, 'base64url')
	// base64url of other lengths decodes silently to fewer bytes: re-encoding must give back the text.
	if (nonce.length !== NONCE_BYTES || nonce.toString('base64url') !== nonceText) throw new DecryptionError('format')
	if (sealed.length < TAG_BYTES || sealed.toString('base64url') !== sealedText) throw new DecryptionError('format')
	return { keyId, nonce, sealed }
}

export function decryptWith(keyring: Keyring, stored: string): string {
	const { keyId, nonce, sealed } = parseStored(stored)
	const key = [keyring.current, ...keyring.old].find((candidate) => candidate.id === keyId)
	if (!key) throw new DecryptionError('unknown-key', keyId)
	const decipher = crypto.createDecipheriv(ALGORITHM, key.key, nonce, { authTagLength: TAG_BYTES })
	decipher.setAAD(Buffer.from(header(keyId)))
	decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
	try {
		return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8')
	} catch {
		throw new DecryptionError('tampered', keyId)
	}
}

/** Whether a stored value was written under another key than the current one. */
export function isUnderOldKey(keyring: Keyring, stored: string): boolean {
	return parseStored(stored).keyId !== keyring.current.id
}

/**
 * The value under the current key: read with whichever key wrote it, written
 * again with a fresh nonce; unchanged (the same text) when already current.
 */
export function reencryptWith(keyring: Keyring, stored: string): string {
	return isUnderOldKey(keyring, stored) ? encryptWith(keyring, decryptWith(keyring, stored)) : stored
}

/** ENCRYPTION_KEY and ENCRYPTION_KEYS_OLD as a keyring; throws EncryptionKeyMissingError without a key. */
export function keyringFromEnv(): Keyring {
	const { ENCRYPTION_KEY, ENCRYPTION_KEYS_OLD } = getEnv()
	if (!ENCRYPTION_KEY) throw new EncryptionKeyMissingError()
	return makeKeyring(ENCRYPTION_KEY, ENCRYPTION_KEYS_OLD)
}

/** Encrypts a secret for a column, under ENCRYPTION_KEY. */
export function encryptSecret(plaintext: string): string {
	return encryptWith(keyringFromEnv(), plaintext)
}

/** Reads a secret a column holds, with ENCRYPTION_KEY or one of ENCRYPTION_KEYS_OLD; throws DecryptionError. */
export function decryptSecret(stored: string): string {
	return decryptWith(keyringFromEnv(), stored)
}
