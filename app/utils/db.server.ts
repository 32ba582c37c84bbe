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
 * WAL so that web and worker share the file; synchronous NORMAL, SQLite's
 * setting for WAL: a commit survives the process being killed (the WAL is in
 * the OS's hands), only a power loss may take back the last moments, and each
 * write no longer waits for the disk (docs/decisions/166-publishing-throughput.md).
 */
export async function configureSqlite(db: PrismaClient) {
	await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
	await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000')
	await db.$queryRawUnsafe('PRAGMA foreign_keys = ON')
}

export async function disconnectDb() {
	await client?.$disconnect()
	client = undefined
}
