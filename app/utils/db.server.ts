import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'

export type { PrismaClient }

let client: PrismaClient | undefined

/** One client per process; SQLite runs in WAL mode so web and worker can share the file. */
export function getDb(): PrismaClient {
	if (client) return client
	client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: getEnv().DATABASE_URL }) })
	return client
}

/**
 * WAL so that web and worker share the file; synchronous FULL (each commit
 * waits for the disk): the publishing checkpoint written before a request to
 * a platform must survive a power cut, which is common where the co-ops are,
 * or a photo post could be sent twice (docs/decisions/166-publishing-throughput.md).
 */
export async function configureSqlite(db: PrismaClient) {
	await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	await db.$queryRawUnsafe('PRAGMA synchronous = FULL')
	await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000')
	await db.$queryRawUnsafe('PRAGMA foreign_keys = ON')
}

export async function disconnectDb() {
	await client?.$disconnect()
	client = undefined
}
