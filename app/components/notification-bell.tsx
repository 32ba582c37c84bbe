import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'

/**
 * The header's bell: the number of unread notifications in the active co-op,
 * kept current by the `notification.created` event for this person (the
 * shell's loader counts them again).
 */
export function NotificationBell({ userId, unread }: { userId: string; unread: number }) {
	const { t } = useTranslation('notifications')
	useRevalidateOnCoopEvents((event) => event.type === 'notification.created' && event.userId === userId)
	const label = unread > 0 ? t('bell.unread', { count: unread }) : t('bell.none')
	return (
		<Link to="/notifications" className="btn-secondary relative px-3" aria-label={label} title={label} data-testid="notification-bell">
			<svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
				<path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
				<path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
			</svg>
			{unread > 0 ? (
				<span
					className="absolute -top-1 -right-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-bold text-white"
					aria-hidden="true"
					data-testid="notification-count"
				>
					{unread > 99 ? '99+' : unread}
				</span>
			) : null}
		</Link>
	)
}
