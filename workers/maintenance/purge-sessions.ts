import { getDb } from '~/utils/db.server.ts'

export async function purgeExpiredSessions(now = new Date()) {
	const { count } = await getDb().session.deleteMany({ where: { expiresAt: { lt: now } } })
	return count
}
