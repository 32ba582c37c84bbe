import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { getDb } from '~/utils/db.server.ts'
import { ENCRYPTED_COLUMNS, reencryptColumns } from '~/utils/encrypted-columns.server.ts'
import { DecryptionError, decryptWith, encryptionKeyId, encryptWith, makeKeyring } from '~/utils/encryption.server.ts'

const run = promisify(execFile)
const oldKey = randomBytes(32)
const newKey = randomBytes(32)

// The walk itself is tried on an ordinary nullable text column of a real
// table; the command is tried on the registered columns (channel tokens).
const testColumn = [{ model: 'coop', field: 'phone' }] as const

async function coopWithPhone(phone: string | null) {
	return getDb().coop.create({ data: { name: 'HTX thử mã hoá', province: 'Yên Bái', phone }, select: { id: true } })
}

const phoneOf = async (id: string) => (await getDb().coop.findUniqueOrThrow({ where: { id }, select: { phone: true } })).phone

test('re-encryption moves values under an old key to the current one and leaves the rest alone', async () => {
	await getDb().coop.updateMany({ data: { phone: null } })
	const underOld = encryptWith(makeKeyring(oldKey), 'token-under-old-key')
	const rotated = makeKeyring(newKey, [oldKey])
	const underNew = encryptWith(rotated, 'token-under-new-key')
	const [a, b, c] = [await coopWithPhone(underOld), await coopWithPhone(underNew), await coopWithPhone(null)]

	const report = await reencryptColumns(getDb(), rotated, testColumn)
	expect(report).toEqual([{ model: 'coop', field: 'phone', reencrypted: 1, alreadyCurrent: 1 }])
	const moved = (await phoneOf(a.id))!
	expect(moved.split('.')[1]).toBe(encryptionKeyId(newKey))
	expect(decryptWith(makeKeyring(newKey), moved)).toBe('token-under-old-key')
	expect(await phoneOf(b.id)).toBe(underNew)
	expect(await phoneOf(c.id)).toBeNull()

	// A second run has nothing left to do.
	expect(await reencryptColumns(getDb(), rotated, testColumn)).toEqual([{ model: 'coop', field: 'phone', reencrypted: 0, alreadyCurrent: 2 }])
})

test('a value no configured key can read stops the walk and stays as it was', async () => {
	await getDb().coop.updateMany({ data: { phone: null } })
	const unreadable = encryptWith(makeKeyring(randomBytes(32)), 'lost')
	const row = await coopWithPhone(unreadable)
	const error = await reencryptColumns(getDb(), makeKeyring(newKey, [oldKey]), testColumn).catch((e: unknown) => e)
	expect(error).toBeInstanceOf(DecryptionError)
	expect((error as DecryptionError).reason).toBe('unknown-key')
	expect(await phoneOf(row.id)).toBe(unreadable)
})

test('`studio reencrypt` walks the registered columns (the channel tokens) with the keys of the environment', async () => {
	expect(ENCRYPTED_COLUMNS).toEqual([
		{ model: 'channel', field: 'accessToken' },
		{ model: 'channel', field: 'refreshToken' },
		{ model: 'oAuthState', field: 'codeVerifier' },
		{ model: 'coop', field: 'webhookSecret' },
		{ model: 'liveSession', field: 'overlayToken' },
	])
	await getDb().channel.deleteMany({})
	const coop = await coopWithPhone(null)
	const underOld = encryptWith(makeKeyring(oldKey), 'zalo-access-token')
	const underNew = encryptWith(makeKeyring(newKey), 'zalo-refresh-token')
	const channel = await getDb().channel.create({
		data: { coopId: coop.id, platform: 'zalo_oa', externalId: 'oa-1', name: 'HTX Zalo', accessToken: underOld, refreshToken: underNew },
	})
	const env = { ...process.env, NODE_ENV: 'test' as const, ENCRYPTION_KEY: newKey.toString('hex'), ENCRYPTION_KEYS_OLD: oldKey.toString('base64') }
	const { stdout } = await run(process.execPath, ['bin/studio.js', 'reencrypt'], { env })
	const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)
	expect(lines).toContainEqual({ model: 'channel', field: 'accessToken', reencrypted: 1, alreadyCurrent: 0 })
	expect(lines).toContainEqual({ model: 'channel', field: 'refreshToken', reencrypted: 0, alreadyCurrent: 1 })
	expect(lines.at(-1)).toEqual({ columns: 5, reencrypted: 1 })
	const stored = await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } })
	expect(stored.accessToken!.split('.')[1]).toBe(encryptionKeyId(newKey))
	expect(decryptWith(makeKeyring(newKey), stored.accessToken!)).toBe('zalo-access-token')
	expect(stored.refreshToken).toBe(underNew)

	const failed = await run(process.execPath, ['bin/studio.js', 'reencrypt'], { env: { ...env, ENCRYPTION_KEY: 'too-short' } }).catch(
		(e: { code: number; stderr: string }) => e,
	)
	expect(failed).toMatchObject({ code: 1 })
	expect((failed as { stderr: string }).stderr).toContain('ENCRYPTION_KEY phải là khoá 32 byte')
})
