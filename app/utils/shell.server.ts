import { isRole, type Role } from '~/accounts/permissions.ts'
import { canOpenQueueDashboard } from '~/accounts/queue-access.server.ts'
import { unreadCount } from '~/publishing/notifications.server.ts'
import { readSessionRow } from './auth.server.ts'
import { getDb } from './db.server.ts'

export type ShellContext = {
	user: { id: string; name: string; email: string } | null
	coop: { id: string; name: string } | null
	role: Role | null
	coops: { id: string; name: string }[]
	/** Whether the header links to the queue dashboard. */
	canOpenQueues: boolean
	/** The bell's number: unread notifications in the active co-op. */
	unreadNotifications: number
}

const SIGNED_OUT: ShellContext = { user: null, coop: null, role: null, coops: [], canOpenQueues: false, unreadNotifications: 0 }

/** What the header needs on every page: who is signed in, in which co-op, with which role. */
export async function readShellContext(request: Request): Promise<ShellContext> {
	const session = await readSessionRow(request)
	if (!session) return SIGNED_OUT
	const user = await getDb().user.findUnique({
		where: { id: session.userId },
		select: {
			id: true,
			name: true,
			email: true,
			memberships: { select: { role: true, coop: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } },
		},
	})
	if (!user) return SIGNED_OUT
	const active = user.memberships.find((m) => m.coop.id === session.activeCoopId) ?? user.memberships[0]
	const role = active && isRole(active.role) ? active.role : null
	return {
		user: { id: user.id, name: user.name, email: user.email },
		coop: active?.coop ?? null,
		role,
		coops: user.memberships.map((m) => m.coop),
		canOpenQueues: await canOpenQueueDashboard({ email: user.email, role }),
		unreadNotifications: active ? await unreadCount({ coopId: active.coop.id, userId: user.id }) : 0,
	}
}
