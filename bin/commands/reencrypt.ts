// `studio reencrypt`: after a key rotation, rewrites every registered
// encrypted column under ENCRYPTION_KEY (docs/decisions/115-encryption-at-rest.md).
// Prints one JSON line per column and a total; exits 2 on bad usage.

import { disconnectDb, getDb } from '~/utils/db.server.ts'
import { loadDotEnv } from '~/utils/dotenv.server.ts'
import { reencryptColumns } from '~/utils/encrypted-columns.server.ts'
import { keyringFromEnv } from '~/utils/encryption.server.ts'

export const REENCRYPT_USAGE = 'Usage: studio reencrypt'

export async function reencryptCommand(argv: string[]): Promise<number> {
	if (argv.length > 0) {
		console.error(REENCRYPT_USAGE)
		return 2
	}
	loadDotEnv()
	try {
		const report = await reencryptColumns(getDb(), keyringFromEnv())
		for (const column of report) console.log(JSON.stringify(column))
		console.log(JSON.stringify({ columns: report.length, reencrypted: report.reduce((sum, column) => sum + column.reencrypted, 0) }))
		return 0
	} finally {
		await disconnectDb()
	}
}
