import type { Request as ExpressRequest } from 'express'
import type { Role } from '~/accounts/permissions.ts'
import { requireCoopMember, type CoopContext } from '~/utils/auth.server.ts'
import { toFetchRequest } from './fetch-request.ts'

export type CoopGuardResult = { ok: true; context: CoopContext } | { ok: false; status: 401 | 403 }

/**
 * `requireCoopMember` for Express-side routes (uploads, event streams), which
 * answer with a status instead of following the redirects a page would: a
 * signed-out person (or one with no co-op) gets 401, a too-small role 403.
 * Other errors (the database is down) are rethrown.
 */
export async function guardCoopMember(req: ExpressRequest, needed: Role): Promise<CoopGuardResult> {
	try {
		return { ok: true, context: await requireCoopMember(toFetchRequest(req), needed) }
	} catch (thrown) {
		if (!(thrown instanceof Response)) throw thrown
		return { ok: false, status: thrown.status === 403 ? 403 : 401 }
	}
}
