import type { PrismaClient } from './db.server.ts'
import { isUnderOldKey, reencryptWith, type Keyring } from './encryption.server.ts'

/**
 * Every column that holds values written by encryption.server.ts, as
 * (Prisma model, field). A domain that stores a secret adds its column here
 * (publishing: the channel tokens), so that `npm run -s studio -- reencrypt`
 * moves it to a new ENCRYPTION_KEY with the rest. Each model has an `id`.
 */
export type EncryptedColumn = { model: string; field: string }

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
	{ model: 'channel', field: 'accessToken' },
	{ model: 'channel', field: 'refreshToken' },
	{ model: 'oAuthState', field: 'codeVerifier' },
	{ model: 'coop', field: 'webhookSecret' },
	{ model: 'liveSession', field: 'overlayToken' },
]

export type ReencryptReport = { model: string; field: string; reencrypted: number; alreadyCurrent: number }[]

type Row = { id: string } & Record<string, string | null>
type Delegate = {
	findMany(args: { select: Record<string, true>; where: Record<string, unknown>; orderBy: { id: 'asc' }; take: number; cursor?: { id: string }; skip?: number }): Promise<Row[]>
	updateMany(args: { where: Record<string, unknown>; data: Record<string, string> }): Promise<{ count: number }>
}

const BATCH = 200

/**
 * Rewrites every value of `columns` that an old key wrote under the current
 * key, in batches. A row changed meanwhile (a token refreshed) keeps its new
 * value: each update only applies while the row still holds what was read.
 * Throws DecryptionError on a value no configured key reads, leaving it as is.
 */
export async function reencryptColumns(db: PrismaClient, keyring: Keyring, columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS): Promise<ReencryptReport> {
	const report: ReencryptReport = []
	for (const { model, field } of columns) {
		const delegate = (db as unknown as Record<string, Delegate | undefined>)[model]
		if (!delegate) throw new Error(`No Prisma model "${model}" for the encrypted column ${model}.${field}`)
		const counts = { model, field, reencrypted: 0, alreadyCurrent: 0 }
		let cursor: string | undefined
		for (;;) {
			const rows = await delegate.findMany({
				select: { id: true, [field]: true },
				where: { [field]: { not: null } },
				orderBy: { id: 'asc' },
				take: BATCH,
				...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			})
			for (const row of rows) {
				const stored = row[field]!
				if (!isUnderOldKey(keyring, stored)) {
					counts.alreadyCurrent++
					continue
				}
				const { count } = await delegate.updateMany({ where: { id: row.id, [field]: stored }, data: { [field]: reencryptWith(keyring, stored) } })
				counts.reencrypted += count
			}
			if (rows.length < BATCH) break
			cursor = rows.at(-1)!.id
		}
		report.push(counts)
	}
	return report
}
