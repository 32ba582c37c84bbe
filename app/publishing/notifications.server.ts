// In-app notifications: one row per person, a live event so that the bell
// updates, and a dedupe key so that one happening notifies a person once.
//
// OWNER: notifications (issue 11). The signature of `notify` is the contract
// the engine, the approval step and the channel refresh code against.

import type { PrismaClient } from '~/utils/db.server.ts'
import { announceNotification } from './publishing-events.server.ts'

export type NotificationKind =
	| 'target.published'
	| 'target.failed'
	| 'target.unconfirmed'
	| 'target.hand_off'
	| 'channel.reconnect'
	| 'post.approval_requested'
	| 'post.approved'
	| 'post.sent_back'

export type NotifyInput = {
	coopId: string
	kind: NotificationKind
	params?: Record<string, string | number | null>
	href?: string | null
	/** Who hears of it: the co-op's owners, every member who may publish, or named people. */
	to: 'owners' | 'publishers' | { userIds: string[] }
	/** The same key never notifies the same person twice (e.g. `target-<id>-published`). */
	dedupeKey?: string | null
}

export async function notify(db: PrismaClient, input: NotifyInput): Promise<number> {
	const roles = input.to === 'owners' ? ['owner'] : input.to === 'publishers' ? ['owner', 'editor'] : null
	const userIds = roles
		? (await db.membership.findMany({ where: { coopId: input.coopId, role: { in: roles } }, select: { userId: true } })).map((m) => m.userId)
		: input.to === 'owners' || input.to === 'publishers' ? [] : input.to.userIds
	let created = 0
	for (const userId of userIds) {
		try {
			const row = await db.notification.create({
				data: {
					coopId: input.coopId,
					userId,
					kind: input.kind,
					params: JSON.stringify(input.params ?? {}),
					href: input.href ?? null,
					dedupeKey: input.dedupeKey ?? null,
				},
			})
			created++
			await announceNotification(input.coopId, userId, row.id)
		} catch (error) {
			// The unique (userId, dedupeKey) index: this person already heard of it.
			if ((error as { code?: string }).code !== 'P2002') throw error
		}
	}
	return created
}
