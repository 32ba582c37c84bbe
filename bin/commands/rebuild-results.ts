// `studio rebuild-results [--coop <id>]`: recomputes the results tables
// (click days, order credit, estimates; docs/decisions/190) from the clicks and
// orders themselves, for one co-op or every co-op. Run after restoring a
// backup, after a bulk change made outside the app, or when a log line says an
// order was "not counted yet". Prints one JSON line per co-op; exits 2 on bad usage.

import { parseArgs } from 'node:util'
import { rebuildResults } from '~/results/rollups.server.ts'
import { configureSqlite, disconnectDb, getDb } from '~/utils/db.server.ts'
import { loadDotEnv } from '~/utils/dotenv.server.ts'

export const REBUILD_RESULTS_USAGE = 'Usage: studio rebuild-results [--coop <coopId>]'

export async function rebuildResultsCommand(argv: string[]): Promise<number> {
	let coop: string | undefined
	try {
		const { values } = parseArgs({ args: argv, options: { coop: { type: 'string' } }, allowPositionals: false })
		coop = values.coop
	} catch {
		console.error(REBUILD_RESULTS_USAGE)
		return 2
	}
	loadDotEnv()
	const db = getDb()
	try {
		await configureSqlite(db)
		const coops = await db.coop.findMany({ where: coop ? { id: coop } : {}, select: { id: true }, orderBy: { createdAt: 'asc' } })
		if (coop && coops.length === 0) {
			console.error(`No co-op with id ${coop}`)
			return 1
		}
		for (const { id } of coops) {
			await rebuildResults(db, id)
			console.log(JSON.stringify({ coop: id, rebuilt: true }))
		}
		return 0
	} finally {
		await disconnectDb()
	}
}
