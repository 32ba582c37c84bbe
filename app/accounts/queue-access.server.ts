import { getDb } from '~/utils/db.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { can, type Role } from './permissions.ts'

/**
 * Who may open the queue dashboard (bull-board at /admin/queues). It shows
 * and controls the jobs of every co-op on this server (retry, remove,
 * clean), so on a shared server it belongs to the people who run the
 * server, named in OPERATOR_EMAILS. On a co-op's own machine (one co-op and
 * no operators named, as `npm run up` sets it up) its owners run the server
 * themselves and may open it.
 */
export async function canOpenQueueDashboard(who: { email: string; role: Role | null }): Promise<boolean> {
	const operators = getEnv().OPERATOR_EMAILS
	if (operators.length > 0) return operators.includes(who.email.toLowerCase())
	return can(who.role, 'read:queue') && (await getDb().coop.count()) === 1
}
