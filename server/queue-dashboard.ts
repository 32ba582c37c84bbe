import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import { ExpressAdapter } from '@bull-board/express'
import type { NextFunction, Request, Response } from 'express'
import { canOpenQueueDashboard } from '~/accounts/queue-access.server.ts'
import { allQueues } from '~/jobs/queues.server.ts'
import { readShellContext } from '~/utils/shell.server.ts'
import { toFetchRequest } from './fetch-request.ts'

/**
 * bull-board, for the people who run the server (canOpenQueueDashboard): it
 * shows and controls every co-op's jobs. Job payloads hold only ids (no
 * names, no tokens) all the same (docs/decisions/003-queue-layout.md).
 */
const FORBIDDEN_TEXT =
	'Hàng đợi chỉ dành cho người vận hành máy chủ (OPERATOR_EMAILS), hoặc chủ nhiệm hợp tác xã khi máy chỉ phục vụ một hợp tác xã. ' +
	'/ The queues are for the people who run this server (OPERATOR_EMAILS), or for the owners when it serves a single co-op.'

export async function queueDashboard(basePath: string) {
	const serverAdapter = new ExpressAdapter()
	serverAdapter.setBasePath(basePath)
	createBullBoard({
		queues: allQueues().map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
		serverAdapter,
		options: { uiConfig: { boardTitle: 'Co-op Studio' } },
	})
	const board = serverAdapter.getRouter()
	return async (req: Request, res: Response, next: NextFunction) => {
		let allowed: boolean
		try {
			const shell = await readShellContext(toFetchRequest(req))
			if (!shell.user) return res.redirect(`/login?redirectTo=${encodeURIComponent(req.originalUrl)}`)
			allowed = await canOpenQueueDashboard({ email: shell.user.email, role: shell.role })
		} catch (error) {
			return next(error)
		}
		if (!allowed) return res.status(403).type('text/plain; charset=utf-8').send(FORBIDDEN_TEXT)
		board(req, res, next)
	}
}
