import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import { ExpressAdapter } from '@bull-board/express'
import type { NextFunction, Request, Response } from 'express'
import { allQueues } from '~/jobs/queues.server.ts'
import { requireCoopPermission } from '~/utils/permissions.server.ts'
import { toFetchRequest } from './fetch-request.ts'

/**
 * bull-board behind the owner role. Job payloads hold only ids (no names,
 * no tokens), which is what limits what an owner of one co-op could learn
 * about another's jobs here (docs/decisions/003-queue-layout.md).
 */
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
		try {
			await requireCoopPermission(toFetchRequest(req), 'read:queue')
		} catch (thrown) {
			if (thrown instanceof Response) {
				const location = thrown.headers.get('location')
				if (location) return res.redirect(location)
				return res.status(thrown.status).type('text/plain; charset=utf-8').send(
					thrown.status === 403 ? 'Chỉ chủ nhiệm hợp tác xã được xem hàng đợi. / Only owners can see the queues.' : thrown.statusText,
				)
			}
			return next(thrown)
		}
		board(req, res, next)
	}
}
