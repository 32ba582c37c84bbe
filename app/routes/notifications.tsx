import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { memberCoopTimeZone } from '~/accounts/members.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { listNotifications, markRead, openNotification, type NotificationView } from '~/publishing/notifications.server.ts'
import { requireCoopMember } from '~/utils/auth.server.ts'
import { DEFAULT_TIME_ZONE, formatDateTime } from '~/utils/coop-time.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

export const meta: MetaFunction = () => [{ title: 'Thông báo · Co-op Studio' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const { userId, coopId } = await requireCoopMember(request)
	const [{ lng }, notifications, timeZone] = await Promise.all([
		getT(request),
		listNotifications({ coopId, userId }),
		memberCoopTimeZone(userId, coopId),
	])
	return {
		notifications: notifications.map((n) => ({ ...n, when: formatDateTime(n.createdAt, lng, timeZone ?? DEFAULT_TIME_ZONE) })),
	}
}

const OneNotification = z.object({ notificationId: z.string().min(1) })

export async function action({ request }: ActionFunctionArgs) {
	const { userId, coopId } = await requireCoopMember(request)
	const formData = await request.formData()
	const one = () => {
		const parsed = OneNotification.safeParse(Object.fromEntries(formData))
		invariantResponse(parsed.success, 'Choose a notification', 400)
		return parsed.data.notificationId
	}
	return dispatchIntent(formData, {
		// Opening goes where the notification points, and counts as reading it.
		open: async () => {
			const opened = await openNotification({ coopId, userId, id: one() })
			invariantResponse(opened, 'Notification not found')
			return redirect(opened.href ?? '/notifications')
		},
		read: async () => {
			await markRead({ coopId, userId, ids: [one()] })
			return redirect('/notifications')
		},
		'read-all': async () => {
			await markRead({ coopId, userId })
			return redirectWithToast(request, '/notifications', { kind: 'success', key: 'notifications:allRead' })
		},
	})
}

export default function NotificationsPage() {
	const { t } = useTranslation('notifications')
	const { notifications } = useLoaderData<typeof loader>()
	const unread = notifications.filter((n) => !n.read).length
	return (
		<div className="space-y-4">
			<div className="flex flex-wrap items-center justify-between gap-2">
				<h1 className="text-xl font-bold">{t('title')}</h1>
				{unread > 0 ? (
					<Form method="post">
						<input type="hidden" name="intent" value="read-all" />
						<button type="submit" className="btn-secondary">
							{t('markAllRead')}
						</button>
					</Form>
				) : null}
			</div>
			{notifications.length === 0 ? (
				<p className="card text-stone-600" data-testid="notifications-empty">
					{t('empty')}
				</p>
			) : (
				<ul className="card divide-y divide-stone-100 p-0" data-testid="notification-list">
					{notifications.map((notification) => (
						<NotificationItem key={notification.id} notification={notification} />
					))}
				</ul>
			)}
		</div>
	)
}

function NotificationItem({ notification }: { notification: Omit<NotificationView, 'createdAt'> & { when: string } }) {
	const { t } = useTranslation('notifications')
	const params = { post: t('somePost'), channel: t('someChannel'), by: t('someone'), comment: '', reason: '', ...notification.params }
	const text = t(`kind.${notification.kind}`, params)
	return (
		<li className={`flex flex-col gap-2 p-3 sm:flex-row sm:items-center ${notification.read ? '' : 'bg-tea-50'}`} data-testid="notification" data-read={notification.read}>
			<div className="min-w-0 flex-1">
				<p className="break-words">
					{notification.read ? null : <span className="mr-2 rounded bg-tea-600 px-1.5 py-0.5 text-xs font-bold text-white">{t('new')}</span>}
					{text}
				</p>
				<p className="text-sm text-stone-500">{notification.when}</p>
			</div>
			<div className="flex shrink-0 gap-2">
				<Form method="post">
					<input type="hidden" name="notificationId" value={notification.id} />
					<button type="submit" name="intent" value="open" className="btn-primary" aria-label={`${t('open')}: ${text}`}>
						{t('open')}
					</button>
				</Form>
				{notification.read ? null : (
					<Form method="post">
						<input type="hidden" name="notificationId" value={notification.id} />
						<button type="submit" name="intent" value="read" className="btn-secondary" aria-label={`${t('markRead')}: ${text}`}>
							{t('markRead')}
						</button>
					</Form>
				)}
			</div>
		</li>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
