import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { defineConfig } from 'prisma/config'
import { databaseUrl } from './app/utils/env.server.ts'

// Prisma 6.19 with the JS schema engine works offline; Prisma 7's migrate
// downloads a schema-engine binary and fails here (docs/decisions/001-stack.md).
export default defineConfig({
	experimental: { adapter: true },
	engine: 'js',
	schema: path.join('prisma', 'schema'),
	migrations: { path: path.join('prisma', 'migrations') },
	adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
})
