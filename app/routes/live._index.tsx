import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { listSessions } from '~/live/sessions.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { getT } from '~/utils/language.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:live')
	const [{ t }, lists, coop] = await Promise.all([getT(request), listSessions(coopId), getCoopSummary(coopId)])
	return { lists, timeZone: coop.timezone, pageTitle: t('live:list.title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Livestream'} · Co-op Studio` }]

export default function LiveListPage() {
	const { lists, timeZone } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('live')
	const may = useCan()
	return (
		<div className="mx-auto max-w-4xl space-y-4">
			<div className="flex flex-wrap items-center justify-between gap-2">
				<h1 className="text-2xl font-bold">{t('list.title')}</h1>
				{may('create:live') ? (
					<Link to="/live/new" className="btn-primary" data-testid="new-live">
						{t('list.new')}
					</Link>
				) : null}
			</div>
			{(['live', 'planned', 'past'] as const).map((kind) => (
				<section key={kind} className="space-y-2" aria-labelledby={`live-${kind}`}>
					<h2 id={`live-${kind}`} className="text-lg font-semibold">
						{t(`list.${kind}`)}
					</h2>
					{lists[kind].length === 0 ? (
						<p className="text-sm text-stone-600">{t('list.none')}</p>
					) : (
						<ul className="space-y-2" data-testid={`live-list-${kind}`}>
							{lists[kind].map((session) => (
								<li key={session.id} className="card flex flex-wrap items-center justify-between gap-2">
									<div className="min-w-0">
										<Link to={`/live/${session.id}`} className="font-medium break-words underline-offset-2 hover:underline">
											{session.title}
										</Link>
										<p className="text-sm text-stone-600">
											{session.scheduledAt ? formatDateTime(new Date(session.scheduledAt), i18n.language, timeZone) : t('list.unscheduled')}
											{' · '}
											{t(`platform.${session.platform === 'facebook' ? 'facebook' : 'other'}`)}
											{' · '}
											{t('list.products', { count: session.items })}
										</p>
									</div>
									<div className="flex flex-wrap gap-2">
										{kind !== 'planned' ? (
											<Link to={`/live/${session.id}/report`} className="btn-secondary">
												{t('list.report')}
											</Link>
										) : null}
										{kind !== 'past' ? (
											<Link to={`/live/${session.id}/console`} className="btn-secondary">
												{t('list.console')}
											</Link>
										) : null}
									</div>
								</li>
							))}
						</ul>
					)}
				</section>
			))}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
