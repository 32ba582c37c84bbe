// One place that decides which SQLite file the app, the workers, the CLI and
// Prisma's own commands use. `DATABASE_URL` wins; the default keeps the demo
// studio's data beside the code.
export function databaseUrl(): string {
	return process.env.DATABASE_URL ?? 'file:./prisma/data.db'
}
